//! One file per journey; `long_report` opens a 30,000-character report
//! for the journeys that need one.
//!
//! A journey that works the same in both browsers is a function of the
//! [`Browser`](crate::harness::Browser) it runs in, declared once with
//! `in_chromium_and_firefox!`: its tests are `<journey>::in_chromium` and
//! `<journey>::in_firefox` (`cargo test --test e2e in_firefox` runs every
//! Firefox one). The README lists the journeys that run in Chromium only,
//! and why.

/// Declares the tests `$journey::in_chromium` and `$journey::in_firefox`
/// running the journey `fn $journey(browser: Browser)` in each browser.
macro_rules! in_chromium_and_firefox {
    ($journey:ident) => {
        mod $journey {
            #[test]
            fn in_chromium() {
                super::$journey(crate::harness::Browser::Chromium);
            }

            #[test]
            fn in_firefox() {
                super::$journey(crate::harness::Browser::Firefox);
            }
        }
    };
}

mod accessibility;
mod bench;
mod carried_over;
mod checks_catch_up;
mod create_fill_reload;
mod custom_template;
mod delete_and_undo;
mod dialogs;
mod durability;
mod duty_report;
mod foreign_places;
mod import;
mod import_kind;
mod language;
mod left_at_once;
mod list_moves;
mod long_report;
mod navigation_keeps_text;
mod next_year_copy;
mod offline;
mod on_demand;
mod paste_100k;
mod preview_follows;
mod preview_zoom;
mod print;
mod print_firefox;
mod print_long;
mod print_submitted;
mod reorder_sections;
mod review_fix;
mod sample_read_only;
mod shortcuts;
mod single_file;
mod speed;
mod step_focus;
mod storage_full;
mod storage_note;
mod template_store_upgrade;
mod two_tabs;
mod typing;
mod undo_redo;
