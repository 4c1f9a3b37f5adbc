//! One file per journey; `long_report` opens a 30,000-character report
//! for the journeys that need one.

mod bench;
mod create_fill_reload;
mod delete_and_undo;
mod import;
mod long_report;
mod navigation_keeps_text;
mod next_year_copy;
mod on_demand;
mod paste_100k;
mod print;
mod print_long;
mod print_submitted;
mod reorder_sections;
mod review_fix;
mod speed;
mod typing;
mod undo_redo;
