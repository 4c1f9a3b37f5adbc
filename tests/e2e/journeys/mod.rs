//! One file per journey.

mod typing;
