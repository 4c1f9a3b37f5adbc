//! Layout speed on a 30,000-character report (about 50 pages): the whole
//! document, and the re-layout after one keystroke (one block laid out
//! again, then all blocks paginated). Run with `cargo bench --bench layout`;
//! divan prints the median of each.

use baogao::document::{compose, Block, BlockKind, Document};
use baogao::layout::{lay_out, lay_out_block, paginate, BlockLines};
use baogao::sample::seed_draft;
use baogao::template::annual_report;
use divan::{black_box, Bencher};

fn main() {
    let doc = big_report();
    let chars: usize = doc
        .blocks
        .iter()
        .map(|b| b.kind.full_text().chars().count())
        .sum();
    let pages = lay_out(&doc).pages.len();
    println!(
        "document: {chars} characters, {} blocks, {pages} pages",
        doc.blocks.len()
    );
    divan::main();
}

/// The sample report with its body repeated to at least 30,000 characters.
fn big_report() -> Document {
    let seed = compose(annual_report(), &seed_draft("bench", 0));
    let is_body = |b: &Block| {
        matches!(
            b.kind,
            BlockKind::Paragraph { .. } | BlockKind::Heading { .. }
        )
    };
    let head: Vec<Block> = seed
        .blocks
        .iter()
        .take_while(|b| !is_body(b))
        .cloned()
        .collect();
    let body: Vec<Block> = seed.blocks.iter().filter(|b| is_body(b)).cloned().collect();
    let tail: Vec<Block> = seed
        .blocks
        .iter()
        .skip_while(|b| !is_body(b))
        .filter(|b| !is_body(b))
        .cloned()
        .collect();
    let count = |blocks: &[Block]| -> usize {
        blocks
            .iter()
            .map(|b| b.kind.full_text().chars().count())
            .sum()
    };
    let mut blocks = head;
    while count(&blocks) < 30_000 {
        blocks.extend(body.iter().cloned());
    }
    blocks.extend(tail);
    Document { blocks }
}

#[divan::bench]
fn whole_report(bencher: Bencher) {
    let doc = big_report();
    bencher.bench_local(|| lay_out(black_box(&doc)));
}

#[divan::bench]
fn one_keystroke(bencher: Bencher) {
    let mut doc = big_report();
    let cached: Vec<BlockLines> = doc.blocks.iter().map(lay_out_block).collect();
    let at = doc.blocks.len() / 2;
    if let BlockKind::Paragraph { text } | BlockKind::Heading { text, .. } =
        &mut doc.blocks[at].kind
    {
        text.push('字');
    }
    bencher.bench_local(|| {
        let edited = lay_out_block(black_box(&doc.blocks[at]));
        paginate(
            cached[..at]
                .iter()
                .chain(std::iter::once(&edited))
                .chain(&cached[at + 1..]),
        )
    });
}
