//! End-to-end journeys through the release build in headless Chromium.
//! Each journey is one `#[test]` calling `harness::run`.

mod harness;
mod journeys;
