//! Starts everything an end-to-end journey needs — a static server for a
//! build (the deploy build in `dist/` unless told otherwise, at `/` or under
//! a sub-path), a WebDriver (ChromeDriver or geckodriver) and a headless
//! browser (Chromium or Firefox ESR) with a fresh profile — and tears it
//! all down even when the journey panics. A journey may stop and restart
//! the server (the network going away) or point it at another build (a new
//! deployment).
//! [`run_on_profile`] instead hands the journey a [`ProfileBrowser`] it can
//! kill with SIGKILL (the whole process tree, as a crash or power cut does)
//! and start again on the same profile directory.

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use std::future::Future;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// Where end-to-end tests leave files for a person to look at.
pub fn output_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/output");
    std::fs::create_dir_all(&dir).expect("create tests/output");
    dir
}

/// The deploy build (`scripts/build.sh`): the site, and the single file in it.
pub fn dist_dir() -> PathBuf {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").exists() && dist.join(baogao::deploy::SINGLE_FILE).exists(),
        "dist/ is missing or not a deploy build: run ./scripts/build.sh first (scripts/test.sh does)"
    );
    dist
}

/// trunk's release output that `scripts/build.sh` turns into `dist/`: what
/// a journey builds a changed deployment from.
pub fn trunk_dist_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/trunk-dist");
    assert!(
        dir.join("index.html").exists(),
        "target/trunk-dist is missing: run ./scripts/build.sh first (scripts/test.sh does)"
    );
    dir
}

/// A fresh empty folder under the temp dir for one journey's files (the
/// journey removes it when it succeeds; a failed one leaves it to look at).
pub fn temp_dir(what: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "baogao-e2e-{what}-{}-{}",
        std::process::id(),
        free_port()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a temp dir");
    dir
}

/// A loopback port free now and not handed out before in this run: the
/// journeys run side by side, and a port let go by one may be the next
/// one the system offers to another.
fn free_port() -> u16 {
    static HANDED_OUT: Mutex<Vec<u16>> = Mutex::new(Vec::new());
    loop {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free loopback port");
        let mut handed_out = HANDED_OUT.lock().unwrap_or_else(|e| e.into_inner());
        if !handed_out.contains(&port) {
            handed_out.push(port);
            return port;
        }
    }
}

/// This machine's address on its network (the one a route out would use;
/// nothing is sent).
fn lan_address() -> std::net::IpAddr {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").expect("a UDP socket");
    socket
        .connect("10.255.255.255:1")
        .and_then(|_| socket.local_addr())
        .map(|a| a.ip())
        .ok()
        .filter(|ip| !ip.is_loopback() && !ip.is_unspecified())
        .expect("a network address other than the loopback")
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// A plain static server on a loopback port: the files of a folder under a
/// base path (`/` or a sub-path such as `/tools/report/`), one thread per
/// connection, every response closing its connection and forbidding HTTP
/// caching. Closing every connection keeps no state between requests, so a
/// browser's parallel requests (the page, its script and its wasm) never
/// wait on each other. Stops when the last handle is dropped.
#[derive(Clone)]
pub struct Server {
    inner: Arc<ServerState>,
}

struct ServerState {
    ip: std::net::IpAddr,
    port: u16,
    base: String,
    root: Mutex<PathBuf>,
    /// The accepting thread and its stop flag, while the server runs.
    running: Mutex<Option<(Arc<AtomicBool>, thread::JoinHandle<()>)>>,
}

impl Server {
    fn start(root: PathBuf, base: &str, ip: std::net::IpAddr) -> Server {
        assert!(
            base.starts_with('/') && base.ends_with('/'),
            "base {base} starts and ends with /"
        );
        let listener = TcpListener::bind((ip, 0)).expect("bind static server");
        let port = listener
            .local_addr()
            .map(|a| a.port())
            .expect("static server port");
        let server = Server {
            inner: Arc::new(ServerState {
                ip,
                port,
                base: base.to_string(),
                root: Mutex::new(root),
                running: Mutex::new(None),
            }),
        };
        server.accept_on(listener);
        server
    }

    /// The address of the app: `http://<ip>:<port><base>`.
    pub fn url(&self) -> String {
        format!(
            "http://{}:{}{}",
            self.inner.ip, self.inner.port, self.inner.base
        )
    }

    /// Serves the files of `root` from now on (a new deployment).
    pub fn serve_from(&self, root: &Path) {
        *self.inner.root.lock().expect("server root") = root.to_path_buf();
    }

    /// Stops listening: connecting is refused, as when the server or the
    /// network is gone.
    pub fn stop(&self) {
        let Some((stop, thread)) = self.inner.running.lock().expect("server state").take() else {
            return;
        };
        stop.store(true, Ordering::SeqCst);
        // Wake the accepting thread so that it sees the flag and drops the
        // listener.
        let _ = std::net::TcpStream::connect((self.inner.ip, self.inner.port));
        let _ = thread.join();
        assert!(
            std::net::TcpStream::connect((self.inner.ip, self.inner.port)).is_err(),
            "the stopped server still accepts connections"
        );
    }

    /// Listens again on the same port (the network is back).
    pub fn resume(&self) {
        if self.inner.running.lock().expect("server state").is_some() {
            return;
        }
        let listener = TcpListener::bind((self.inner.ip, self.inner.port)).expect("bind again");
        self.accept_on(listener);
    }

    fn accept_on(&self, listener: TcpListener) {
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let state = Arc::clone(&self.inner);
        let thread = thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let root = state.root.lock().expect("server root").clone();
                let base = state.base.clone();
                thread::spawn(move || serve(stream, &root, &base));
            }
        });
        *self.inner.running.lock().expect("server state") = Some((stop, thread));
    }
}

impl Drop for ServerState {
    fn drop(&mut self) {
        if let Some((stop, thread)) = self.running.get_mut().ok().and_then(Option::take) {
            stop.store(true, Ordering::SeqCst);
            let _ = std::net::TcpStream::connect((self.ip, self.port));
            let _ = thread.join();
        }
    }
}

/// Answers the one request on `stream` with the file it names under `root`,
/// for a path under `base`.
fn serve(mut stream: std::net::TcpStream, root: &Path, base: &str) {
    use std::io::{BufRead, BufReader, Write};
    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
    let Ok(reader) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(reader);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Skip the headers: nothing in them changes the answer.
    let mut header = String::new();
    while matches!(reader.read_line(&mut header), Ok(n) if n > 2) {
        header.clear();
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split('?').next().unwrap_or("/");
    let file = path.strip_prefix(base).map(|rel| {
        if rel.is_empty() {
            root.join("index.html")
        } else {
            root.join(rel)
        }
    });
    let (status, kind, body) = match file.map(|f| (std::fs::read(&f), f)) {
        Some((Ok(bytes), file)) if !path.contains("..") => ("200 OK", content_type(&file), bytes),
        _ => ("404 Not Found", "text/plain", b"not found".to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
    let _ = stream.flush();
}

/// The browser a journey runs in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Browser {
    /// Headless Chromium through ChromeDriver (`CHROMEDRIVER`, `CHROMIUM`).
    Chromium,
    /// Headless Firefox ESR through geckodriver (`GECKODRIVER`, `FIREFOX`).
    Firefox,
}

/// A WebDriver process; killed when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start(browser: Browser) -> Driver {
        let port = free_port();
        let (binary, args) = match browser {
            Browser::Chromium => (
                std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into()),
                vec![format!("--port={port}")],
            ),
            Browser::Firefox => (
                // `cargo install` puts it in ~/.cargo/bin, on the PATH.
                std::env::var("GECKODRIVER").unwrap_or_else(|_| "geckodriver".into()),
                vec![
                    "--port".into(),
                    port.to_string(),
                    "--websocket-port".into(),
                    free_port().to_string(),
                ],
            ),
        };
        let child = Command::new(&binary)
            .args(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {binary}: {e} (scripts/test.sh installs it)"));
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "{binary} did not start on port {port}"
            );
            thread::sleep(Duration::from_millis(50));
        }
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The pids of every process descended from `root`, read from /proc.
fn descendants(root: u32) -> Vec<u32> {
    let mut parents = Vec::new();
    if let Ok(dir) = std::fs::read_dir("/proc") {
        for entry in dir.flatten() {
            let Some(pid) = entry
                .file_name()
                .to_str()
                .and_then(|n| n.parse::<u32>().ok())
            else {
                continue;
            };
            let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
                continue;
            };
            // "pid (name) state ppid …": the name may hold spaces.
            let ppid = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1))
                .and_then(|p| p.parse::<u32>().ok());
            if let Some(ppid) = ppid {
                parents.push((pid, ppid));
            }
        }
    }
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        found.extend(
            parents
                .iter()
                .filter(|(_, ppid)| *ppid == parent)
                .map(|(pid, _)| *pid),
        );
        i += 1;
    }
    found.remove(0);
    found
}

/// A headless browser on a profile directory that outlives it: started,
/// killed with SIGKILL and started again on the same profile. Dropping it
/// kills what is still running and removes the profile.
pub struct ProfileBrowser {
    pub url: String,
    engine: Browser,
    profile: PathBuf,
    driver: Option<Driver>,
}

impl ProfileBrowser {
    /// Starts the driver and the browser on the profile; returns the session.
    pub async fn start(&mut self) -> Client {
        self.kill();
        let driver = Driver::start(self.engine);
        let client = connect(self.engine, driver.port, &self.profile).await;
        self.driver = Some(driver);
        client
    }

    /// Kills the browser and every process it started with SIGKILL, giving
    /// it no chance to write anything more, then its driver. The session's
    /// client is dead afterwards.
    pub fn kill(&mut self) {
        let Some(mut driver) = self.driver.take() else {
            return;
        };
        let tree = descendants(driver.child.id());
        if !tree.is_empty() {
            let _ = Command::new("kill")
                .arg("-KILL")
                .args(tree.iter().map(u32::to_string))
                .status();
        }
        // Wait until every one of them is gone.
        let deadline = Instant::now() + Duration::from_secs(10);
        while tree
            .iter()
            .any(|pid| Path::new(&format!("/proc/{pid}/stat")).exists() && !zombie(*pid))
            && Instant::now() < deadline
        {
            thread::sleep(Duration::from_millis(20));
        }
        let _ = driver.child.kill();
        let _ = driver.child.wait();
    }
}

/// Whether `pid` has exited and only waits to be reaped.
fn zombie(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            stat.rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().next().map(|s| s == "Z"))
        })
        .unwrap_or(true)
}

impl Drop for ProfileBrowser {
    fn drop(&mut self) {
        self.kill();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// The runtime a journey's async steps run on.
fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime")
}

/// Runs `journey` with a [`ProfileBrowser`] it starts (and may kill and restart)
/// itself, against the release build. Everything is shut down whatever the
/// outcome; a panic inside the journey fails the test with its message.
pub fn run_on_profile<F, Fut>(engine: Browser, journey: F)
where
    F: FnOnce(ProfileBrowser) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let runtime = runtime();
    let server = Server::start(dist_dir(), "/", std::net::Ipv4Addr::LOCALHOST.into());
    let browser = ProfileBrowser {
        url: server.url(),
        engine,
        profile: std::env::temp_dir().join(format!(
            "baogao-e2e-kept-{}-{}",
            std::process::id(),
            free_port()
        )),
        driver: None,
    };
    let result = runtime.block_on(async { tokio::spawn(journey(browser)).await });
    drop(server);
    if let Err(e) = result {
        match e.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(e) => panic!("journey did not finish: {e}"),
        }
    }
}

/// What a journey gets: the browser, the app's address and its server.
pub struct App {
    pub client: Client,
    pub url: String,
    pub server: Server,
    pub browser: Browser,
}

impl App {
    /// Where to leave the file `name` in `tests/output/`: as named for
    /// Chromium, with `-firefox` before the extension for Firefox, so that
    /// a journey's two runs (which may run at the same time) never write
    /// the same file.
    pub fn output(&self, name: &str) -> PathBuf {
        output_dir().join(match self.browser {
            Browser::Chromium => name.to_string(),
            Browser::Firefox => match name.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}-firefox.{ext}"),
                None => format!("{name}-firefox"),
            },
        })
    }
}

/// How a journey's world is set up.
pub struct Setup {
    pub browser: Browser,
    /// The path the app is served under (`/` or e.g. `/tools/report/`).
    pub base: &'static str,
    /// The build to serve (the deploy build in `dist/` when `None`).
    pub root: Option<PathBuf>,
    /// Serve on the machine's own network address rather than the
    /// loopback: a plain-http page that is not a secure context, as on an
    /// intranet server.
    pub lan: bool,
}

impl Default for Setup {
    fn default() -> Setup {
        Setup {
            browser: Browser::Chromium,
            base: "/",
            root: None,
            lan: false,
        }
    }
}

/// Runs `journey` against the deploy build in a fresh headless Chromium.
/// The browser, driver and server are shut down whatever the outcome, and a
/// panic inside the journey fails the test with its message.
pub fn run<F, Fut>(journey: F)
where
    F: FnOnce(App) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    run_with(Setup::default(), journey)
}

/// Runs `journey` as [`run`] does, in `browser`.
pub fn run_in<F, Fut>(browser: Browser, journey: F)
where
    F: FnOnce(App) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    run_with(
        Setup {
            browser,
            ..Setup::default()
        },
        journey,
    )
}

/// Runs `journey` as [`run`] does, in the world `setup` describes.
pub fn run_with<F, Fut>(setup: Setup, journey: F)
where
    F: FnOnce(App) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let runtime = runtime();
    let ip = if setup.lan {
        lan_address()
    } else {
        std::net::Ipv4Addr::LOCALHOST.into()
    };
    let server = Server::start(setup.root.unwrap_or_else(dist_dir), setup.base, ip);
    let driver = Driver::start(setup.browser);
    let profile =
        std::env::temp_dir().join(format!("baogao-e2e-{}-{}", std::process::id(), free_port()));
    let name = thread::current()
        .name()
        .unwrap_or("journey")
        .replace("::", "-");
    let result = runtime.block_on(async {
        let client = connect(setup.browser, driver.port, &profile).await;
        let app = App {
            client: client.clone(),
            url: server.url(),
            server: server.clone(),
            browser: setup.browser,
        };
        let outcome = tokio::spawn(journey(app)).await;
        if outcome.is_err() {
            save_failure(&client, &name).await;
        }
        let _ = client.close().await;
        outcome
    });
    drop(driver);
    drop(server);
    let _ = std::fs::remove_dir_all(&profile);
    if let Err(e) = result {
        match e.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(e) => panic!("journey did not finish: {e}"),
        }
    }
}

/// Leaves a screenshot and the page's HTML of a failed journey in
/// `tests/output/` for a person to look at.
async fn save_failure(client: &Client, name: &str) {
    let dir = output_dir();
    if let Ok(png) = client.screenshot().await {
        let _ = std::fs::write(dir.join(format!("{name}-failure.png")), png);
    }
    if let Ok(html) = client.source().await {
        let _ = std::fs::write(dir.join(format!("{name}-failure.html")), html);
    }
    // What the page loaded and how long it took: tells a page that never
    // started (wasm not fetched, script error) from a journey that went wrong.
    let script = "return JSON.stringify({
        url: location.href,
        readyState: document.readyState,
        resources: performance.getEntriesByType('resource').map(r => ({
            name: r.name, ms: Math.round(r.duration), status: r.responseStatus, size: r.transferSize })),
    }, null, 1);";
    if let Ok(serde_json::Value::String(report)) = client.execute(script, vec![]).await {
        let _ = std::fs::write(dir.join(format!("{name}-failure.json")), report);
    }
}

async fn connect(browser: Browser, port: u16, profile: &Path) -> Client {
    let mut caps = serde_json::Map::new();
    match browser {
        Browser::Chromium => {
            let args = [
                "--headless=new".to_string(),
                "--no-sandbox".into(),
                "--disable-gpu".into(),
                "--disable-quic".into(),
                "--no-first-run".into(),
                "--disable-background-networking".into(),
                "--disable-component-update".into(),
                "--disable-sync".into(),
                "--disable-dev-shm-usage".into(),
                "--window-size=1400,1000".into(),
                // performance.memory in exact bytes after a collection (gc()),
                // for the benchmark's heap figure.
                "--enable-precise-memory-info".into(),
                "--js-flags=--expose-gc".into(),
                format!("--user-data-dir={}", profile.display()),
            ];
            caps.insert(
                "goog:chromeOptions".into(),
                serde_json::json!({
                    "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                    "args": args,
                }),
            );
        }
        Browser::Firefox => {
            std::fs::create_dir_all(profile).expect("a Firefox profile dir");
            caps.insert(
                "moz:firefoxOptions".into(),
                serde_json::json!({
                    "binary": std::env::var("FIREFOX").unwrap_or_else(|_| "/usr/bin/firefox-esr".into()),
                    "args": ["-headless", "-width", "1400", "-height", "1000",
                        "-profile", profile.display().to_string()],
                    "prefs": {
                        // A profile reopened after SIGKILL starts afresh.
                        "browser.sessionstore.resume_from_crash": false,
                        // No update checks, telemetry or start pages reaching out.
                        "app.update.enabled": false,
                        "browser.shell.checkDefaultBrowser": false,
                        "datareporting.policy.dataSubmissionEnabled": false,
                        "network.captive-portal-service.enabled": false,
                        "browser.safebrowsing.malware.enabled": false,
                        "browser.safebrowsing.phishing.enabled": false,
                    },
                }),
            );
        }
    }
    // Scripts that type for a while (the speed and benchmark journeys) may
    // run long on a loaded machine: they end by themselves, so no
    // WebDriver time limit should cut them short.
    caps.insert("timeouts".into(), serde_json::json!({ "script": 300_000 }));
    ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("WebDriver session")
}

/// Waits until an element matching `css` exists and returns it.
pub async fn wait_for(client: &Client, css: &str) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(Duration::from_secs(60))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no element {css}: {e}"))
}

/// Polls `probe` until it returns `Some`, for at most 30 seconds.
pub async fn eventually<T, F, Fut>(what: &str, mut probe: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(v) = probe().await {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The text content of the first element matching `css`.
pub async fn text_of(client: &Client, css: &str) -> String {
    wait_for(client, css)
        .await
        .text()
        .await
        .unwrap_or_else(|e| panic!("text of {css}: {e}"))
}

// ---------------------------------------------------------------------------
// Helpers for journeys. Reads go through JavaScript by selector, so that an
// element Yew re-rendered a moment ago never shows up as a stale handle.
// ---------------------------------------------------------------------------

/// Runs `script` (a function body; `arguments[i]` are `args`) in the page
/// and returns what it returns.
pub async fn js(client: &Client, script: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
    client
        .execute(script, args)
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

/// Clicks the first element matching `css` once it exists.
pub async fn click(client: &Client, css: &str) {
    wait_for(client, css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
}

/// Clicks the last element matching `css` once one exists (for a list's own
/// "add" button, which follows the buttons of the lists nested in it).
pub async fn click_last(client: &Client, css: &str) {
    wait_for(client, css).await;
    let all = client
        .find_all(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("find {css}: {e}"));
    let last = all.last().unwrap_or_else(|| panic!("no element {css}"));
    last.click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
}

/// Keys for Ctrl+A (select all), the modifier released afterwards.
pub fn select_all() -> String {
    use fantoccini::key::Key;
    format!("{}a{}", char::from(Key::Control), char::from(Key::Null))
}

/// Types `keys` into the first element matching `css` as a user would, key
/// by key ("\n" is Enter).
pub async fn type_into(client: &Client, css: &str, keys: &str) {
    wait_for(client, css)
        .await
        .send_keys(keys)
        .await
        .unwrap_or_else(|e| panic!("type into {css}: {e}"));
}

/// Puts `text` into the input or textarea matching `css` the way a paste
/// does: the whole value at once, then one `input` event.
pub async fn paste_into(client: &Client, css: &str, text: &str) {
    wait_for(client, css).await;
    js(
        client,
        "const el = document.querySelector(arguments[0]);
         el.focus();
         el.value = arguments[1];
         el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));",
        vec![css.into(), text.into()],
    )
    .await;
}

/// The `value` of the input or textarea matching `css`.
pub async fn value_of(client: &Client, css: &str) -> String {
    wait_for(client, css).await;
    js(
        client,
        "const el = document.querySelector(arguments[0]); return el ? el.value : null;",
        vec![css.into()],
    )
    .await
    .as_str()
    .map(str::to_string)
    .unwrap_or_else(|| panic!("{css} has no value"))
}

/// An attribute of the first element matching `css` (`None` when the
/// element or the attribute is missing).
pub async fn attr_of(client: &Client, css: &str, name: &str) -> Option<String> {
    js(
        client,
        "const el = document.querySelector(arguments[0]);
         return el ? el.getAttribute(arguments[1]) : null;",
        vec![css.into(), name.into()],
    )
    .await
    .as_str()
    .map(str::to_string)
}

/// One attribute of every element matching `css`, in document order.
pub async fn attrs_of_all(client: &Client, css: &str, name: &str) -> Vec<String> {
    let value = js(
        client,
        "return Array.from(document.querySelectorAll(arguments[0]))
             .map(el => el.getAttribute(arguments[1]) || '');",
        vec![css.into(), name.into()],
    )
    .await;
    serde_json::from_value(value).expect("a list of attributes")
}

/// The text of every element matching `css`, in document order.
pub async fn texts_of_all(client: &Client, css: &str) -> Vec<String> {
    let value = js(
        client,
        "return Array.from(document.querySelectorAll(arguments[0])).map(el => el.textContent);",
        vec![css.into()],
    )
    .await;
    serde_json::from_value(value).expect("a list of texts")
}

/// How many elements match `css` right now.
pub async fn count(client: &Client, css: &str) -> usize {
    js(
        client,
        "return document.querySelectorAll(arguments[0]).length;",
        vec![css.into()],
    )
    .await
    .as_u64()
    .unwrap_or(0) as usize
}

/// Has the page build every sheet, as it does before printing (the sheets
/// away from the view are placeholders otherwise), or, with `false`, go
/// back to building only those near the view.
pub async fn build_every_sheet(client: &Client, all: bool) {
    let event = if all { "beforeprint" } else { "afterprint" };
    client
        .execute_async(
            "window.dispatchEvent(new Event(arguments[0])); setTimeout(arguments[1], 0);",
            vec![event.into()],
        )
        .await
        .unwrap_or_else(|e| panic!("{event}: {e}"));
}

/// The composed report as the preview shows it, one block per line with a
/// blank line between blocks: the text of `#preview-text`, or — once the
/// preview is drawn as GB/T 9704 sheets — the `.sheet .line`s of every
/// sheet (all built for the moment), with the lines of one block (same
/// `data-anchor`, one after another) joined.
pub async fn preview_text(client: &Client) -> String {
    wait_for(client, "#preview-text, .sheet").await;
    build_every_sheet(client, true).await;
    let text = js(
        client,
        "const pre = document.querySelector('#preview-text');
         if (pre) return pre.textContent;
         const blocks = [];
         let anchor = null;
         for (const line of document.querySelectorAll('.sheet .line')) {
             const a = line.getAttribute('data-anchor');
             if (blocks.length > 0 && a !== null && a === anchor) {
                 blocks[blocks.length - 1] += line.textContent.trim();
             } else {
                 blocks.push(line.textContent.trim());
             }
             anchor = a;
         }
         return blocks.join('\\n\\n') + '\\n';",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or("")
    .to_string();
    build_every_sheet(client, false).await;
    text
}

/// The preview's non-blank lines, trimmed: one per block.
pub async fn preview_blocks(client: &Client) -> Vec<String> {
    preview_text(client)
        .await
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// `text` without any whitespace, so that a sentence can be found whatever
/// line it was broken across.
pub fn flow(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Polls the preview until `probe` accepts its text (see [`preview_text`]).
pub async fn preview_until(client: &Client, what: &str, probe: impl Fn(&str) -> bool) -> String {
    eventually(what, || async {
        let text = preview_text(client).await;
        probe(&text).then_some(text)
    })
    .await
}

/// Byte offsets of `needles` in `haystack`, asserting each one is there and
/// comes after the one before it.
pub fn assert_in_order(haystack: &str, needles: &[&str]) -> Vec<usize> {
    let mut from = 0;
    needles
        .iter()
        .map(|needle| {
            let at = haystack[from..]
                .find(needle)
                .map(|i| i + from)
                .unwrap_or_else(|| {
                    panic!(
                        "{needle:?} is missing after byte {from} (or out of order) in:\n{haystack}"
                    )
                });
            from = at + needle.len();
            at
        })
        .collect()
}

/// The app's IndexedDB entries (every object store of database `baogao`)
/// whose key starts with `prefix`, as (key, value), in key order.
pub async fn indexed_db(client: &Client, prefix: &str) -> Vec<(String, String)> {
    let (_, entries) = indexed_db_stores(client).await;
    let mut found: Vec<(String, String)> = entries
        .into_iter()
        .filter(|(_, key, _)| key.starts_with(prefix))
        .map(|(_, key, value)| (key, value))
        .collect();
    found.sort();
    found
}

/// Database `baogao`'s version and every entry of every object store, as
/// (store, key, value) in that order.
pub async fn indexed_db_stores(client: &Client) -> (u64, Vec<(String, String, String)>) {
    let value = client
        .execute_async(
            "const done = arguments[0];
             const open = indexedDB.open('baogao');
             open.onerror = () => done([0, []]);
             open.onsuccess = () => {
                 const db = open.result;
                 const names = Array.from(db.objectStoreNames);
                 const tx = db.transaction(names, 'readonly');
                 const out = [];
                 for (const name of names) {
                     const store = tx.objectStore(name);
                     const keys = store.getAllKeys();
                     const values = store.getAll();
                     values.onsuccess = () => keys.result.forEach((k, i) =>
                         out.push([name, String(k), values.result[i]]));
                 }
                 tx.oncomplete = () => { const v = db.version; db.close(); out.sort(); done([v, out]); };
                 tx.onerror = () => done([0, []]);
             };",
            vec![],
        )
        .await
        .unwrap_or_else(|e| panic!("read IndexedDB: {e}"));
    serde_json::from_value(value).expect("IndexedDB stores")
}

/// The localStorage items whose key starts with `prefix`, as (key, value).
pub async fn local_storage(client: &Client, prefix: &str) -> Vec<(String, String)> {
    let value = js(
        client,
        "const out = [];
         for (let i = 0; i < localStorage.length; i++) {
             const k = localStorage.key(i);
             if (k.startsWith(arguments[0])) out.push([k, localStorage.getItem(k)]);
         }
         return out;",
        vec![prefix.into()],
    )
    .await;
    serde_json::from_value(value).expect("localStorage items")
}

/// Makes downloads keep their Blob in `window.__downloads` instead of
/// leaving the page's reach.
pub async fn capture_downloads(c: &fantoccini::Client) {
    let script = "window.__downloads = [];\
        const create = URL.createObjectURL;\
        URL.createObjectURL = blob => { window.__downloads.push(blob); return create(blob); };\
        HTMLAnchorElement.prototype.click = function () {};";
    c.execute(script, vec![]).await.expect("capture downloads");
}

/// The bytes of the first captured download, once there is one.
pub async fn first_download(c: &fantoccini::Client) -> Vec<u8> {
    nth_download(c, 0).await
}

/// The bytes of captured download number `n` (from 0), once there is one.
pub async fn nth_download(c: &fantoccini::Client, n: usize) -> Vec<u8> {
    eventually("a downloaded file", || async {
        let script = "const done = arguments[arguments.length - 1];\
            const blob = window.__downloads && window.__downloads[arguments[0]];\
            if (!blob) { done(null); return; }\
            blob.arrayBuffer().then(b => done(Array.from(new Uint8Array(b))));";
        let bytes = c.execute_async(script, vec![n.into()]).await.ok()?;
        let bytes: Vec<u8> = bytes
            .as_array()?
            .iter()
            .filter_map(|b| b.as_u64().map(|b| b as u8))
            .collect();
        (!bytes.is_empty()).then_some(bytes)
    })
    .await
}

// ---------------------------------------------------------------------------
// The app's own moves.
// ---------------------------------------------------------------------------

/// The editor's current step: the body `section.step-body[data-step]`.
pub async fn current_step(client: &Client) -> String {
    wait_for(client, "section.step-body[data-step]").await;
    attr_of(client, "section.step-body[data-step]", "data-step")
        .await
        .unwrap_or_default()
}

/// On the start page: picks `path` in the hidden file input, as choosing it
/// in the browser's file dialog does.
pub async fn choose_file(client: &Client, path: &Path) {
    js(
        client,
        "document.querySelector('[data-field=import-file]').hidden = false;",
        vec![],
    )
    .await;
    wait_for(client, "[data-field='import-file']")
        .await
        .send_keys(&path.display().to_string())
        .await
        .unwrap_or_else(|e| panic!("choose {}: {e}", path.display()));
}

/// On the start page, after pasting or opening a report: waits for the
/// proposed import and confirms it (确认导入), which opens the draft.
pub async fn confirm_import(client: &Client) {
    click(client, "[data-action='import-confirm']").await;
}

/// On the start page: a new report for `year`; waits for the editor's first
/// step.
pub async fn new_report(client: &Client, year: i32) {
    // Select all and type over it, as a user would (WebDriver's clear sends
    // no input event, so the page would not hear of it).
    type_into(client, "[data-field='new-year']", &select_all()).await;
    type_into(client, "[data-field='new-year']", &year.to_string()).await;
    assert_eq!(
        value_of(client, "[data-field='new-year']").await,
        year.to_string()
    );
    click(client, "[data-action='new-report']").await;
    wait_for(client, "section.step-body[data-step='basic']").await;
}

/// In the editor: clicks the step link `id` and waits for its body.
pub async fn go_to_step(client: &Client, id: &str) {
    click(client, &format!("button[data-step-link='{id}']")).await;
    wait_for(client, &format!("section.step-body[data-step='{id}']")).await;
}

/// The `data-state` of step `id` in the step list (done, missing, open, off).
pub async fn step_state(client: &Client, id: &str) -> String {
    attr_of(
        client,
        &format!("button[data-step-link='{id}']"),
        "data-state",
    )
    .await
    .unwrap_or_else(|| panic!("no step link {id}"))
}

/// Waits until the editor's save status says the draft is saved.
pub async fn wait_saved(client: &Client) {
    wait_for(client, "[data-save-status]").await;
    eventually("the draft to be saved", || async {
        let status = attr_of(client, "[data-save-status]", "data-save-status").await;
        match status.as_deref() {
            Some("saved") => Some(()),
            Some("failed") | Some("conflict") => {
                let text = text_of(client, "[data-save-status]").await;
                panic!("save status {status:?}: {text}")
            }
            _ => None,
        }
    })
    .await
}

/// On the start page: opens the sample report (read-only) and makes the
/// writer's own copy of it with 以此为起点新建; waits for the copy's first
/// step.
pub async fn copy_of_sample(client: &Client) {
    click(client, "[data-action='open-sample']").await;
    click(client, "[data-action='start-from-sample']").await;
    eventually("the copy of the sample to open", || async {
        let banner = count(client, "[data-example]").await;
        let editable = attr_of(client, "[data-field='meta.organ']", "disabled").await;
        (banner == 0 && editable.is_none() && count(client, "[data-field='meta.organ']").await == 1)
            .then_some(())
    })
    .await;
}

/// The element focused in the page: its `data-field` or `data-action`.
pub async fn focused(client: &Client) -> String {
    js(
        client,
        "const el = document.activeElement;
         return el ? (el.getAttribute('data-field') || el.getAttribute('data-action') || el.tagName) : '';",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// Waits until the editor's save status is `state` (saved, pending,
/// conflict, failed).
pub async fn wait_status(client: &Client, state: &str) {
    eventually(&format!("save status {state}"), || async {
        (attr_of(client, "[data-save-status]", "data-save-status")
            .await
            .as_deref()
            == Some(state))
        .then_some(())
    })
    .await
}

/// The page as the browser prints it to PDF (WebDriver's print): A4, no
/// margins (the sheets carry their own), backgrounds on, at 100 %.
/// Chromium sends the page `beforeprint` and `afterprint` around
/// WebDriver's print as around any print; geckodriver's print sends
/// neither (Firefox does for `window.print()` and its own print command),
/// so in Firefox they are sent here, as the browser's own print would.
pub async fn print_to_pdf(app: &App) -> Vec<u8> {
    use fantoccini::wd::{PrintConfiguration, PrintMargins, PrintSize};
    let config = PrintConfiguration::builder()
        .size(PrintSize::A4)
        .margins(PrintMargins {
            top: 0.0,
            bottom: 0.0,
            left: 0.0,
            right: 0.0,
        })
        .background(true)
        .scale(1.0)
        .shrink_to_fit(false)
        .build()
        .expect("print configuration");
    let firefox = app.browser == Browser::Firefox;
    if firefox {
        build_every_sheet(&app.client, true).await;
    }
    let pdf = app.client.print(config).await.expect("print to PDF");
    if firefox {
        build_every_sheet(&app.client, false).await;
    }
    pdf
}
