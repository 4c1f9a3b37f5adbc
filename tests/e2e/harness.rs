//! Starts everything an end-to-end journey needs — a static server for the
//! release build in `dist/`, ChromeDriver and a headless Chromium with a
//! fresh profile — and tears it all down even when the journey panics.

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use std::future::Future;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

/// Where end-to-end tests leave files for a person to look at.
pub fn output_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/output");
    std::fs::create_dir_all(&dir).expect("create tests/output");
    dir
}

fn dist_dir() -> PathBuf {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").exists(),
        "dist/index.html is missing: run `trunk build --release` first (scripts/test.sh does)"
    );
    dist
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

/// Serves `dist/` on a loopback port, one thread per connection, every
/// response closing its connection; stops when dropped.
/// Closing every connection keeps no state between requests, so a
/// browser's parallel requests (the page, its script and its wasm) never
/// wait on each other.
struct StaticServer {
    port: u16,
    stop: Arc<std::sync::atomic::AtomicBool>,
}

impl StaticServer {
    fn start() -> StaticServer {
        let root = dist_dir();
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind static server");
        let port = listener
            .local_addr()
            .map(|a| a.port())
            .expect("static server port");
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(std::sync::atomic::Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let root = root.clone();
                thread::spawn(move || serve(stream, &root));
            }
        });
        StaticServer { port, stop }
    }
}

/// Answers the one request on `stream` with the file it names under `root`.
fn serve(mut stream: std::net::TcpStream, root: &Path) {
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
    let rel = target
        .split('?')
        .next()
        .unwrap_or("/")
        .trim_start_matches('/');
    let file = if rel.is_empty() {
        root.join("index.html")
    } else {
        root.join(rel)
    };
    let (status, kind, body) = match std::fs::read(&file) {
        Ok(bytes) if !rel.contains("..") => ("200 OK", content_type(&file), bytes),
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

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        // Wake the accepting thread so that it sees the flag.
        let _ = std::net::TcpStream::connect(("127.0.0.1", self.port));
    }
}

/// A ChromeDriver process; killed when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Driver {
        let binary =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {binary}: {e} (scripts/test.sh installs it)"));
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "ChromeDriver did not start on port {port}"
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

/// What a journey gets: the browser, the app's address and a profile dir.
pub struct App {
    pub client: Client,
    pub url: String,
}

/// Runs `journey` against the release build in a fresh headless Chromium.
/// The browser, driver and server are shut down whatever the outcome, and a
/// panic inside the journey fails the test with its message.
pub fn run<F, Fut>(journey: F)
where
    F: FnOnce(App) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let server = StaticServer::start();
    let driver = Driver::start();
    let profile =
        std::env::temp_dir().join(format!("baogao-e2e-{}-{}", std::process::id(), free_port()));
    let name = thread::current()
        .name()
        .unwrap_or("journey")
        .replace("::", "-");
    let result = runtime.block_on(async {
        let client = connect(driver.port, &profile).await;
        let app = App {
            client: client.clone(),
            url: format!("http://127.0.0.1:{}/", server.port),
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

async fn connect(port: u16, profile: &Path) -> Client {
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
        // performance.memory in exact bytes after a collection (gc()), for
        // the benchmark's heap figure.
        "--enable-precise-memory-info".into(),
        "--js-flags=--expose-gc".into(),
        format!("--user-data-dir={}", profile.display()),
    ];
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": args,
        }),
    );
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
