//! One file per journey.

mod import;
mod on_demand;
mod print;
mod speed;
mod typing;
