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

/// A draft being typed into, with the layout cache the preview keeps.
struct Typist {
    history: History,
    cache: LayoutCache,
    n: usize,
}

impl Typist {
    fn new() -> Typist {
        let history = History::new(large_draft::large_draft());
        let mut cache = LayoutCache::new();
        cache.lay_out(&compose(annual_report(), history.current()));
        Typist {
            history,
            cache,
            n: 0,
        }
    }

    /// One keystroke: the edit, the composed document, the cached layout,
    /// and the checks when `checks` is set.
    fn type_one(&mut self, checks: bool) {
        self.n += 1;
        let action = keystroke(self.history.current(), self.n);
        self.history.apply(annual_report(), &action, self.n as i64);
        let doc = compose(annual_report(), self.history.current());
        black_box(self.cache.lay_out(&doc));
        if checks {
            black_box(check::run(annual_report(), self.history.current()));
        }
    }
}

/// History, compose and the cached re-layout together.
#[divan::bench]
fn relayout_cached(bencher: Bencher) {
    let mut typist = Typist::new();
    bencher.bench_local(|| typist.type_one(false));
}

#[divan::bench]
fn checks(bencher: Bencher) {
    let draft = large_draft::large_draft();
    bencher.bench_local(|| black_box(check::run(annual_report(), black_box(&draft))));
}

/// Everything the app does on a keystroke, before rendering.
#[divan::bench]
fn whole_keystroke(bencher: Bencher) {
    let mut typist = Typist::new();
    bencher.bench_local(|| typist.type_one(true));
}
