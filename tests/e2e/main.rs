//! End-to-end journeys through the release build in headless Chromium
//! and Firefox ESR. Each journey is a function calling the harness (`run_in`,
//! `run_with` or `run_on_profile`), run as one `#[test]` per browser.

mod harness;
mod journeys;
