//! The work one keystroke costs in a 30,000-character draft, stage by stage
//! and in total: the edit through the undo history, composing the document,
//! the cached re-layout, and the checks. Run with
//! `cargo bench --bench keystroke`; divan prints the median of each.

#[path = "../tests/support/large_draft.rs"]
mod large_draft;

use baogao::check;
use baogao::document::compose;
use baogao::draft::{Action, Draft, FieldRef, FieldValue, History};
use baogao::layout::LayoutCache;
use baogao::template::annual_report;
use divan::{black_box, Bencher};

fn main() {
    let draft = large_draft::large_draft();
    let pages = LayoutCache::new()
        .lay_out(&compose(annual_report(), &draft))
        .pages
        .len();
    println!("draft: {} characters, {pages} pages", draft.char_count());
    divan::main();
}

/// Typing one more character at the end of the last measures subsection.
fn keystroke(draft: &Draft, n: usize) -> Action {
    let field = FieldRef::section("measures", "items");
    let Some(FieldValue::Subsections(items)) = draft.field(&field) else {
        panic!("the large draft has measures subsections");
    };
    let last = items.len() - 1;
    let mut text = items[last].paragraphs.join("\n");
    text.push(if n.is_multiple_of(2) { '字' } else { '。' });
    Action::SetSubsectionText {
        field,
        path: vec![last],
        text,
    }
}

#[divan::bench]
fn history_apply(bencher: Bencher) {
    let mut history = History::new(large_draft::large_draft());
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        let action = keystroke(history.current(), n);
        black_box(history.apply(annual_report(), &action, n as i64));
    });
}

#[divan::bench]
fn compose_document(bencher: Bencher) {
    let draft = large_draft::large_draft();
    bencher.bench_local(|| black_box(compose(annual_report(), black_box(&draft))));
}

#[divan::bench]
fn relayout_cached(bencher: Bencher) {
    let mut history = History::new(large_draft::large_draft());
    let mut cache = LayoutCache::new();
    cache.lay_out(&compose(annual_report(), history.current()));
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        let action = keystroke(history.current(), n);
        history.apply(annual_report(), &action, n as i64);
        let doc = compose(annual_report(), history.current());
        black_box(cache.lay_out(&doc));
    });
}

#[divan::bench]
fn checks(bencher: Bencher) {
    let draft = large_draft::large_draft();
    bencher.bench_local(|| black_box(check::run(annual_report(), black_box(&draft))));
}

/// Everything the app does on a keystroke, before rendering.
#[divan::bench]
fn whole_keystroke(bencher: Bencher) {
    let mut history = History::new(large_draft::large_draft());
    let mut cache = LayoutCache::new();
    cache.lay_out(&compose(annual_report(), history.current()));
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        let action = keystroke(history.current(), n);
        history.apply(annual_report(), &action, n as i64);
        let doc = compose(annual_report(), history.current());
        black_box(cache.lay_out(&doc));
        black_box(check::run(annual_report(), history.current()));
    });
}
