//! One file per journey.

mod import;
mod print;
mod speed;
mod typing;
