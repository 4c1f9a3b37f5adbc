//! One file per journey.

mod print;
mod typing;
