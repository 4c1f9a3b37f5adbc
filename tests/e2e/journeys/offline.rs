//! The site as deployed — under a sub-path of a plain static server — works
//! with the network gone after one visit (its service worker precached the
//! build), and a new deployment is offered and taken only when the writer
//! agrees, the draft intact; in Chromium and in Firefox ESR. From a
//! plain-http address the page says it cannot work offline and offers the
//! single file. Nothing is fetched from outside the origin.

use crate::harness::{
    self, capture_downloads, click, eventually, first_download, go_to_step, js, new_report,
    nth_download, type_into, value_of, wait_for, wait_saved, App, Browser, Setup,
};
use baogao::deploy;
use std::path::Path;

const BASE: &str = "/tools/report/";
const ORGAN: &str = "中共荆家镇委";
const TITLE: &str = "关于2024年度法治政府建设工作的报告";

/// What the service worker has done for the page: whether it controls it,
/// its caches and the addresses in them.
#[derive(serde::Deserialize, Debug)]
struct Worker {
    controlled: bool,
    caches: Vec<String>,
    urls: Vec<String>,
}

async fn worker_state(c: &fantoccini::Client) -> Worker {
    let script = "const done = arguments[arguments.length - 1];
        navigator.serviceWorker.ready.then(async () => {
            const caches_ = await caches.keys();
            const urls = [];
            for (const name of caches_) {
                for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
            }
            done({ controlled: !!navigator.serviceWorker.controller, caches: caches_, urls });
        });";
    let value = c
        .execute_async(script, vec![])
        .await
        .expect("service worker state");
    serde_json::from_value(value).expect("a service worker state")
}

/// The files the service worker must precache: the whole site but itself
/// and the single file.
fn site_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the site")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "sw.js" && n != deploy::SINGLE_FILE)
        .collect();
    names.sort();
    names
}

/// Waits until the service worker controls the page with exactly the files
/// of the site in `dir` cached (an older build's cache removed); returns its
/// state.
async fn precached(app: &App, dir: &Path) -> Worker {
    let expected: Vec<String> = site_files(dir)
        .iter()
        .map(|n| format!("{}{n}", app.url))
        .collect();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let mut state = worker_state(&app.client).await;
        state.urls.sort();
        if state.controlled && state.urls == expected {
            return state;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the service worker did not precache the build: {state:?}, expected {expected:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

/// Every resource the page fetched is on its own origin, and the policy
/// refuses what would leave it (the addresses are on the loopback, so a
/// missing policy would show here, not on the network).
pub async fn nothing_leaves_the_origin(c: &fantoccini::Client) {
    let value = js(
        c,
        "return [location.origin, performance.getEntriesByType('resource').map(r => r.name)];",
        vec![],
    )
    .await;
    let (origin, names): (String, Vec<String>) = serde_json::from_value(value).expect("resources");
    let outside: Vec<&String> = names
        .iter()
        .filter(|n| {
            let own = origin != "null" && n.starts_with(&origin);
            !own && !n.starts_with("blob:")
        })
        .collect();
    assert!(
        outside.is_empty(),
        "fetched from outside {origin}: {outside:?}"
    );
    let script = "const done = arguments[arguments.length - 1];
        const refused = [];
        document.addEventListener('securitypolicyviolation',
            e => refused.push(e.effectiveDirective || e.violatedDirective));
        const img = new Image();
        img.src = 'http://127.0.0.2:9/icon.png';
        document.body.append(img);
        fetch('http://127.0.0.2:9/data').catch(() => {})
            .finally(() => setTimeout(() => { img.remove(); done(refused); }, 500));";
    let refused = c.execute_async(script, vec![]).await.expect("policy probe");
    let refused: Vec<String> = serde_json::from_value(refused).expect("directives");
    for directive in ["img-src", "connect-src"] {
        assert!(
            refused.iter().any(|r| r == directive),
            "{directive} not enforced: {refused:?}"
        );
    }
}

/// Downloads the open draft as .docx from the review step; its text.
async fn docx_text(c: &fantoccini::Client) -> String {
    go_to_step(c, "review").await;
    capture_downloads(c).await;
    click(c, "[data-action='download-docx']").await;
    let bytes = first_download(c).await;
    baogao::docx::read_text(&bytes).expect("a readable .docx")
}

fn offline_journey(browser: Browser) {
    let setup = Setup {
        browser,
        base: BASE,
        ..Setup::default()
    };
    harness::run_with(setup, |app| async move {
        let c = &app.client;
        assert!(app.url.ends_with(BASE));
        c.goto(&app.url).await.expect("open app");
        wait_for(c, "[data-action='new-report']").await;
        // A secure context (the loopback): no warning about offline use.
        assert_eq!(harness::count(c, "[data-offline-note]").await, 0);
        let worker = precached(&app, &harness::dist_dir()).await;
        assert_eq!(worker.caches.len(), 1);
        // Named by the folder: another copy on this server keeps its own.
        assert!(
            worker.caches[0].starts_with(&format!("baogao {BASE} ")),
            "{:?}",
            worker.caches
        );
        // The manifest's PNG icons are images of the sizes it gives.
        let script = "const done = arguments[arguments.length - 1];
            const link = document.querySelector('link[rel=manifest]');
            fetch(link.href).then(r => r.json()).then(async manifest => {
                const found = [];
                for (const icon of manifest.icons.filter(i => i.type === 'image/png')) {
                    const blob = await (await fetch(new URL(icon.src, link.href))).blob();
                    const image = await createImageBitmap(blob);
                    found.push([icon.sizes, image.width + 'x' + image.height]);
                }
                done(found);
            }).catch(e => done(String(e)));";
        let icons = c.execute_async(script, vec![]).await.expect("icons");
        let icons: Vec<(String, String)> = serde_json::from_value(icons).expect("icon sizes");
        assert_eq!(icons.len(), 3, "{icons:?}");
        for (said, drawn) in &icons {
            assert_eq!(said, drawn);
        }

        // The network goes away; the app still starts.
        app.server.stop();
        // Opened again at its address (WebDriver's refresh is a reload that
        // Firefox sends past the service worker, as Shift+reload).
        c.goto(&app.url).await.expect("open again offline");
        new_report(c, 2024).await;
        type_into(c, "[data-field='meta.organ']", ORGAN).await;
        wait_saved(c).await;
        // DOCX and Markdown come from the tools worker, which was never
        // loaded online.
        go_to_step(c, "review").await;
        capture_downloads(c).await;
        click(c, "[data-action='download-docx']").await;
        let docx = first_download(c).await;
        let text = baogao::docx::read_text(&docx).expect("a readable .docx");
        assert!(text.contains(ORGAN) && text.contains(TITLE), "{text}");
        click(c, "[data-action='download-markdown']").await;
        let markdown = String::from_utf8(nth_download(c, 1).await).expect("UTF-8 Markdown");
        assert!(markdown.contains(&format!("# {TITLE}")), "{markdown}");
        // And importing that .docx again.
        let path = harness::temp_dir("offline-import").join("report.docx");
        std::fs::write(&path, &docx).expect("write the .docx");
        click(c, "[data-action='close']").await;
        harness::choose_file(c, &path).await;
        harness::confirm_import(c).await;
        harness::preview_until(c, "the imported report", |t| {
            harness::flow(t).contains(ORGAN)
        })
        .await;
        if let Some(dir) = path.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }

        // Reloaded offline again, by the page's own reload (as F5): the
        // draft open before (the imported one) with its text.
        let mark = "document.body.dataset.before = 'reload'; location.reload();";
        js(c, mark, vec![]).await;
        harness::eventually("the reloaded page", || async {
            let script = "return document.body.dataset.before === undefined;";
            // While the page is between documents the script may fail.
            let fresh = c.execute(script, vec![]).await.ok()?;
            (fresh == serde_json::Value::Bool(true)).then_some(())
        })
        .await;
        wait_for(c, "section.step-body[data-step]").await;
        go_to_step(c, "basic").await;
        assert_eq!(value_of(c, "[data-field='meta.organ']").await, ORGAN);
        // The sample report, also from the worker.
        click(c, "[data-action='close']").await;
        click(c, "[data-action='open-sample']").await;
        harness::preview_until(c, "the sample report", |t| {
            harness::flow(t).contains("关于2023年度法治政府建设工作的报告")
        })
        .await;
        // The English interface, whose table was never fetched online: the
        // service worker precached its file.
        click(c, "[data-action='switch-language']").await;
        harness::eventually("the English toolbar offline", || async {
            let close = harness::text_of(c, "[data-action='close']").await;
            (close == "← My reports").then_some(())
        })
        .await;
        assert_eq!(harness::count(c, "[data-banner='language']").await, 0);
        nothing_leaves_the_origin(c).await;

        // Back online, the same build: nothing to offer.
        app.server.resume();
        let script = "const done = arguments[arguments.length - 1];
            navigator.serviceWorker.getRegistration()
                .then(r => r.update().then(() => done(!!(r.waiting || r.installing))))
                .catch(e => done(String(e)));";
        let pending = c.execute_async(script, vec![]).await.expect("update check");
        assert_eq!(pending, serde_json::Value::Bool(false));
        assert_eq!(harness::count(c, "[data-update-offer]").await, 0);
    });
}

/// A second build differing from the first in the tools worker's script
/// (as a code change would): new worker files, so a new loader, page and
/// service worker. Returns the first build's and the second's loader.
fn two_builds(dir: &Path) -> (String, String) {
    let trunk = deploy::read_dir(&harness::trunk_dist_dir()).expect("trunk's build");
    let mut changed = trunk.clone();
    let tools = changed.get_mut("tools.js").expect("the worker's script");
    tools.extend(b"\n// the next build\n");
    let loader = |site: &deploy::Files| {
        site.keys()
            .find(|n| n.ends_with("_loader.js"))
            .cloned()
            .expect("a loader")
    };
    let one = deploy::site(&trunk).expect("the first build");
    let two = deploy::site(&changed).expect("the second build");
    deploy::write_dir(&dir.join("one"), &one).expect("write the first build");
    deploy::write_dir(&dir.join("two"), &two).expect("write the second build");
    (loader(&one), loader(&two))
}

/// The tools worker's loader that the running page names.
async fn running_loader(c: &fantoccini::Client) -> String {
    harness::attr_of(c, "meta[name='baogao-tools']", "content")
        .await
        .unwrap_or_default()
        .trim_start_matches("./")
        .to_string()
}

fn update_journey(browser: Browser) {
    let dir = harness::temp_dir("deployments");
    let (old, new) = two_builds(&dir);
    assert_ne!(old, new);
    let setup = Setup {
        browser,
        base: BASE,
        root: Some(dir.join("one")),
        ..Setup::default()
    };
    harness::run_with(setup, move |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        wait_for(c, "[data-action='new-report']").await;
        let first = precached(&app, &dir.join("one")).await;
        new_report(c, 2024).await;
        type_into(c, "[data-field='meta.organ']", ORGAN).await;
        wait_saved(c).await;

        // The new build is deployed; the next visit finds it.
        app.server.serve_from(&dir.join("two"));
        c.goto(&app.url).await.expect("open again");
        let offer = harness::text_of(c, "[data-update-offer]").await;
        assert!(offer.contains("新版本已就绪"), "{offer}");
        if let Ok(png) = c.screenshot().await {
            let _ = std::fs::write(app.output("update-offer.png"), png);
        }
        // The offer takes no focus; from 发文机关 the focus goes into it and
        // Escape there dismisses it (as 稍后 does) and gives the focus back.
        wait_for(c, "[data-field='meta.organ']").await;
        harness::js(
            c,
            "document.querySelector(\"[data-field='meta.organ']\").focus();",
            vec![],
        )
        .await;
        assert_eq!(harness::focused(c).await, "meta.organ");
        harness::js(
            c,
            "document.querySelector(\"[data-action='accept-update']\").focus();",
            vec![],
        )
        .await;
        let escape = char::from(fantoccini::key::Key::Escape).to_string();
        wait_for(c, "[data-action='accept-update']")
            .await
            .send_keys(&escape)
            .await
            .expect("press Escape");
        assert_eq!(harness::count(c, "[data-update-offer]").await, 0);
        assert_eq!(harness::focused(c).await, "meta.organ");
        // 稍后 or Escape: the page keeps running the build it started with,
        // and the next visit offers the new build again.
        assert_eq!(running_loader(c).await, old);
        c.goto(&app.url).await.expect("open again");
        wait_for(c, "section.step-body[data-step]").await;
        wait_for(c, "[data-update-offer]").await;
        assert_eq!(running_loader(c).await, old);
        click(c, "[data-action='dismiss-update']").await;
        assert_eq!(harness::count(c, "[data-update-offer]").await, 0);
        c.goto(&app.url).await.expect("open again");
        wait_for(c, "section.step-body[data-step]").await;
        wait_for(c, "[data-update-offer]").await;
        go_to_step(c, "basic").await;
        type_into(c, "[data-field='meta.signature']", ORGAN).await;
        // Accepted at once, before the pause that saves: nothing is lost.
        click(c, "[data-action='accept-update']").await;

        eventually("the new build to run", || async {
            (running_loader(c).await == new).then_some(())
        })
        .await;
        wait_for(c, "section.step-body[data-step]").await;
        go_to_step(c, "basic").await;
        assert_eq!(value_of(c, "[data-field='meta.organ']").await, ORGAN);
        assert_eq!(value_of(c, "[data-field='meta.signature']").await, ORGAN);
        assert_eq!(harness::count(c, "[data-update-offer]").await, 0);
        // One cache left, the new build's.
        let second = precached(&app, &dir.join("two")).await;
        assert_eq!(second.caches.len(), 1, "{:?}", second.caches);
        assert_ne!(second.caches, first.caches);
        // The new worker files work.
        let text = docx_text(c).await;
        assert!(text.contains(ORGAN), "{text}");
        let _ = std::fs::remove_dir_all(&dir);
    });
}

#[test]
fn served_under_a_sub_path_it_works_offline_after_one_visit_in_chromium() {
    offline_journey(Browser::Chromium);
}

#[test]
fn served_under_a_sub_path_it_works_offline_after_one_visit_in_firefox() {
    offline_journey(Browser::Firefox);
}

#[test]
fn a_new_deployment_is_offered_and_taken_only_when_the_writer_agrees_in_chromium() {
    update_journey(Browser::Chromium);
}

#[test]
fn a_new_deployment_is_offered_and_taken_only_when_the_writer_agrees_in_firefox() {
    update_journey(Browser::Firefox);
}

#[test]
fn from_a_plain_http_address_it_says_so_and_offers_the_single_file_in_chromium() {
    plain_http_journey(Browser::Chromium);
}

#[test]
fn from_a_plain_http_address_it_says_so_and_offers_the_single_file_in_firefox() {
    plain_http_journey(Browser::Firefox);
}

fn plain_http_journey(browser: Browser) {
    let setup = Setup {
        browser,
        base: BASE,
        lan: true,
        ..Setup::default()
    };
    harness::run_with(setup, |app| async move {
        let c = &app.client;
        assert!(!app.url.starts_with("http://127."), "{}", app.url);
        c.goto(&app.url).await.expect("open app");
        let note = harness::text_of(c, "[data-offline-note='insecure']").await;
        assert!(note.contains("断网后将无法打开"), "{note}");
        assert_eq!(
            harness::text_of(c, "[data-action='download-offline']").await,
            "下载离线版"
        );
        assert_eq!(
            harness::attr_of(c, "[data-action='download-offline']", "download")
                .await
                .as_deref(),
            Some("报告（离线版）.html")
        );
        // No service worker can run here, and none was asked for.
        let script = "return [window.isSecureContext, 'serviceWorker' in navigator];";
        assert_eq!(
            js(c, script, vec![]).await,
            serde_json::json!([false, false])
        );
        // The link leads to the single file.
        let script = "const done = arguments[arguments.length - 1];
            fetch(document.querySelector('[data-action=download-offline]').href)
                .then(r => r.text()).then(done, e => done(String(e)));";
        let single = c.execute_async(script, vec![]).await.expect("fetch");
        let expected = std::fs::read_to_string(harness::dist_dir().join(deploy::SINGLE_FILE))
            .expect("the single file");
        assert!(
            single.as_str() == Some(expected.as_str()),
            "not the single file"
        );
        nothing_leaves_the_origin(c).await;
    });
}

in_chromium_and_firefox!(a_deployment_caught_halfway_is_not_precached);
fn a_deployment_caught_halfway_is_not_precached(browser: Browser) {
    let dir = harness::temp_dir("halfway");
    two_builds(&dir);
    // The new index.html already copied over the old build, the rest not yet.
    let halfway = dir.join("halfway");
    std::fs::create_dir_all(&halfway).expect("a folder");
    for entry in std::fs::read_dir(dir.join("one")).expect("the first build") {
        let entry = entry.expect("a file");
        std::fs::copy(entry.path(), halfway.join(entry.file_name())).expect("copy");
    }
    std::fs::copy(dir.join("two/index.html"), halfway.join("index.html")).expect("copy");
    let setup = Setup {
        browser,
        base: BASE,
        root: Some(halfway),
        ..Setup::default()
    };
    harness::run_with(setup, move |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        // The page's registration, joined: how its worker's install ends.
        // A registration left with no worker at all is one whose install
        // already failed (the page's own registration may have got there
        // first): its worker went redundant.
        let script = "const done = arguments[arguments.length - 1];
            navigator.serviceWorker.register('./sw.js').then(reg => {
                const worker = reg.installing || reg.waiting || reg.active;
                if (!worker) { caches.keys().then(keys => done(['redundant', keys])); return; }
                const ended = () => worker.state === 'redundant' || worker.state === 'activated';
                const finish = async () => done([worker.state, await caches.keys()]);
                if (ended()) { finish(); return; }
                worker.addEventListener('statechange', () => { if (ended()) finish(); });
            }, e => done(String(e)));";
        let state = c.execute_async(script, vec![]).await.expect("install");
        assert_eq!(state, serde_json::json!(["redundant", []]));

        // The copy completes: the next visit precaches the new build.
        app.server.serve_from(&dir.join("two"));
        c.goto(&app.url).await.expect("open again");
        precached(&app, &dir.join("two")).await;
        let _ = std::fs::remove_dir_all(&dir);
    });
}
