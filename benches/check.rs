//! Times `check::run` on the sample report and on a 30,000-character draft.
//! Run with `cargo bench --bench check`; prints the median over many runs.

#[path = "../tests/support/large_draft.rs"]
mod large_draft;

use baogao::check::run;
use baogao::draft::Draft;
use baogao::sample::seed_draft;
use baogao::template::annual_report;
use std::hint::black_box;
use std::time::{Duration, Instant};

const RUNS: usize = 2_000;

/// Median, 90th percentile and fastest of `RUNS` timed runs.
fn time(draft: &Draft) -> (Duration, Duration, Duration, usize) {
    let template = annual_report();
    let mut findings = 0;
    for _ in 0..RUNS / 10 {
        findings = black_box(run(template, black_box(draft))).len();
    }
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(run(template, black_box(draft)));
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[RUNS / 2], times[RUNS * 9 / 10], times[0], findings)
}

fn main() {
    for (name, draft) in [
        ("sample report", seed_draft("seed", 0)),
        ("30k draft", large_draft::large_draft()),
    ] {
        let (median, p90, min, findings) = time(&draft);
        println!(
            "check::run on {name} ({} chars, {findings} findings): median {:.1} µs, p90 {:.1} µs, min {:.1} µs over {RUNS} runs",
            draft.char_count(),
            median.as_secs_f64() * 1e6,
            p90.as_secs_f64() * 1e6,
            min.as_secs_f64() * 1e6,
        );
    }
}
