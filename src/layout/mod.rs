//! GB/T 9704 layout: the grid every printed page follows.

pub mod grid;
