//! One file per journey.

mod create_fill_reload;
mod delete_and_undo;
mod durability;
mod import;
mod navigation_keeps_text;
mod next_year_copy;
mod on_demand;
mod paste_100k;
mod print;
mod reorder_sections;
mod review_fix;
mod speed;
mod storage_full;
mod storage_note;
mod two_tabs;
mod typing;
mod undo_redo;
