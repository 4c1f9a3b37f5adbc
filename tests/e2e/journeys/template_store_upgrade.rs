//! A writer's template kept under the first database layout (version 1,
//! in the `other` object store, as loaded before `templates` existed)
//! survives the upgrade: the app opens version 2, the template is in the
//! `templates` store with every character and no longer in `other`, the
//! start page offers it, and a draft written with it opens as before.
//! While a tab of the first version still holds the database open, the
//! new version waits for it and says so, instead of falling back to
//! localStorage after the time limit.

use crate::harness::{self, eventually, texts_of_all, wait_for, Browser};

const EXAMPLE: &str = include_str!("../../../docs/template-example.json");
const KEY: &str = "baogao.v1.template.anquan-shengchan-niandu-baogao";

in_chromium_and_firefox!(a_template_kept_under_the_first_layout_survives_the_upgrade);
fn a_template_kept_under_the_first_layout_survives_the_upgrade(browser: Browser) {
    let template = baogao::template::parse(EXAMPLE).expect("the documented example");
    let stored = serde_json::to_string(&template).expect("template JSON");
    let mut draft = baogao::sample::example_draft(&template, "d-upgrade", 2023, 0);
    draft.template_id = template.id.clone();
    let expected: Vec<String> = std::iter::once("basic".to_string())
        .chain(draft.sections.iter().map(|s| s.id.clone()))
        .chain(std::iter::once("review".to_string()))
        .collect();
    let record = serde_json::json!({
        "schema_version": baogao::draft::SCHEMA_VERSION,
        "revision": 1,
        "saved_ms": 1,
        "draft": draft,
    })
    .to_string();
    harness::run_in(browser, move |app| async move {
        let c = &app.client;
        // A page of the same origin that is not the app, so that the
        // database is made as version 1 before the app ever opens it.
        c.goto(&format!("{}no-such-page", app.url))
            .await
            .expect("open a page of the origin");
        let made = c
            .execute_async(
                "const [template, key, record, done] = arguments;
                 const open = indexedDB.open('baogao', 1);
                 open.onupgradeneeded = () => {
                     for (const name of ['drafts', 'index', 'ui', 'corrupt', 'meta', 'other'])
                         open.result.createObjectStore(name);
                 };
                 open.onerror = () => done('failed: ' + open.error);
                 open.onsuccess = () => {
                     const db = open.result;
                     const tx = db.transaction(['other', 'drafts'], 'readwrite');
                     tx.objectStore('other').put(template, key);
                     tx.objectStore('drafts').put(record, 'baogao.v1.draft.d-upgrade');
                     tx.oncomplete = () => { db.close(); done('made'); };
                     tx.onerror = () => done('failed: ' + tx.error);
                 };",
                vec![stored.clone().into(), KEY.into(), record.into()],
            )
            .await
            .expect("make the version 1 database");
        assert_eq!(made.as_str(), Some("made"));
        let (version, before) = harness::indexed_db_stores(c).await;
        assert_eq!(version, 1);
        assert!(before
            .iter()
            .any(|(store, key, _)| store == "other" && key == KEY));

        c.goto(&app.url).await.expect("open app");
        // The app may open the one draft at once; otherwise open it from
        // the list. It opens with its template's sections and title.
        wait_for(c, "input[name='new-kind'], [data-step-link]").await;
        if harness::count(c, "[data-step-link]").await == 0 {
            harness::click(c, "li[data-draft='d-upgrade'] [data-action='open']").await;
        }
        let steps = eventually("the draft's steps", || async {
            let steps = harness::attrs_of_all(c, "[data-step-link]", "data-step-link").await;
            (!steps.is_empty()).then_some(steps)
        })
        .await;
        assert_eq!(steps, expected);
        harness::preview_until(c, "the report with its template", |t| {
            harness::flow(t).contains("关于2023年度安全生产工作情况的报告")
        })
        .await;
        harness::click(c, "[data-action='close']").await;
        wait_for(c, "input[name='new-kind']").await;
        assert_eq!(
            texts_of_all(c, ".kind-choice strong").await,
            [
                "法治政府建设年度报告",
                "年度工作总结",
                "述职报告",
                "安全生产工作年度报告"
            ]
        );
        // Moved: in `templates` with every character, gone from `other`.
        let (version, after) = eventually("the template moved", || async {
            let (version, after) = harness::indexed_db_stores(c).await;
            let gone = !after
                .iter()
                .any(|(store, key, _)| store == "other" && key == KEY);
            (version == 2 && gone).then_some((version, after))
        })
        .await;
        assert_eq!(version, 2);
        let templates: Vec<(&str, &str)> = after
            .iter()
            .filter(|(store, _, _)| store == "templates")
            .map(|(_, key, value)| (key.as_str(), value.as_str()))
            .collect();
        assert_eq!(templates, [(KEY, stored.as_str())]);
        assert!(after
            .iter()
            .any(|(store, key, _)| store == "drafts" && key == "baogao.v1.draft.d-upgrade"));

        // After a reload the template is still offered.
        c.goto(&app.url).await.expect("open the app again");
        wait_for(c, "input[name='new-kind'], [data-step-link]").await;
        if harness::count(c, "[data-step-link]").await > 0 {
            harness::click(c, "[data-action='close']").await;
        }
        wait_for(c, "input[name='new-kind']").await;
        assert_eq!(harness::count(c, "input[name='new-kind']").await, 4);
    });
}

in_chromium_and_firefox!(
    a_tab_of_the_first_version_still_open_makes_the_upgrade_wait_not_fall_back
);
fn a_tab_of_the_first_version_still_open_makes_the_upgrade_wait_not_fall_back(browser: Browser) {
    let template = baogao::template::parse(EXAMPLE).expect("the documented example");
    let stored = serde_json::to_string(&template).expect("template JSON");
    harness::run_in(browser, move |app| async move {
        let c = &app.client;
        // Tab A: a page of the origin holding the version 1 database open,
        // as a tab of the earlier app does.
        c.goto(&format!("{}no-such-page", app.url))
            .await
            .expect("open a page of the origin");
        let made = c
            .execute_async(
                "const [template, key, done] = arguments;
                 const open = indexedDB.open('baogao', 1);
                 open.onupgradeneeded = () => {
                     for (const name of ['drafts', 'index', 'ui', 'corrupt', 'meta', 'other'])
                         open.result.createObjectStore(name);
                 };
                 open.onerror = () => done('failed: ' + open.error);
                 open.onsuccess = () => {
                     window.heldOpen = open.result;
                     const tx = open.result.transaction(['other'], 'readwrite');
                     tx.objectStore('other').put(template, key);
                     tx.oncomplete = () => done('made');
                 };",
                vec![stored.clone().into(), KEY.into()],
            )
            .await
            .expect("make the version 1 database");
        assert_eq!(made.as_str(), Some("made"));
        let first = c.window().await.expect("this window");

        // Tab B: the new version waits for tab A and says why, past the
        // time after which an unanswering IndexedDB is given up.
        let second = c.new_window(true).await.expect("new tab").handle;
        c.switch_to_window(second.clone()).await.expect("switch");
        c.goto(&app.url).await.expect("open the app");
        let said = harness::text_of(c, "[data-loading='blocked']").await;
        assert!(
            said.contains("请关闭或刷新其他打开本工具的标签页"),
            "{said}"
        );
        tokio::time::sleep(std::time::Duration::from_secs(12)).await;
        assert_eq!(harness::count(c, "[data-loading='blocked']").await, 1);
        assert_eq!(harness::count(c, "input[name='new-kind']").await, 0);

        // Tab A closes its connection (as closing or reloading it does):
        // tab B opens version 2 with the template moved, and no banner
        // about falling back to localStorage.
        c.switch_to_window(first).await.expect("to tab A");
        harness::js(c, "window.heldOpen.close();", vec![]).await;
        c.switch_to_window(second).await.expect("to tab B");
        wait_for(c, "input[name='new-kind']").await;
        assert_eq!(harness::count(c, "input[name='new-kind']").await, 4);
        assert_eq!(harness::count(c, "[data-banner='storage']").await, 0);
        let (version, after) = eventually("the template moved", || async {
            let (version, after) = harness::indexed_db_stores(c).await;
            let moved = after
                .iter()
                .any(|(store, key, _)| store == "templates" && key == KEY);
            (version == 2 && moved).then_some((version, after))
        })
        .await;
        assert_eq!(version, 2);
        assert!(!after
            .iter()
            .any(|(store, key, _)| store == "other" && key == KEY));
    });
}
