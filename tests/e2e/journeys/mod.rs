//! One file per journey.

mod create_fill_reload;
mod delete_and_undo;
mod import;
mod navigation_keeps_text;
mod next_year_copy;
mod offline;
mod on_demand;
mod paste_100k;
mod print;
mod reorder_sections;
mod review_fix;
mod single_file;
mod speed;
mod typing;
mod undo_redo;
