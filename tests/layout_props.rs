//! Properties of line breaking and pagination over random text: nothing is
//! lost or reordered, lines stay within the grid, 避头尾 holds, half-width
//! runs stay whole, pages hold at most 22 rows and never end on a heading.

use baogao::document::{Anchor, Block, BlockKind, Document};
use baogao::layout::breaking::{break_lines, MAX_HANG_UNITS};
use baogao::layout::geometry::TITLE_UNITS_PER_LINE;
use baogao::layout::grid::{char_units, LINES_PER_PAGE};
use baogao::layout::punct::{is_closing, is_opening};
use baogao::layout::title::break_title;
use baogao::layout::{lay_out, lay_out_block, BlockRole, FontRole};
use proptest::prelude::*;

const CJK: &[char] = &['法', '治', '政', '府', '建', '设', '工', '作', '报', '告'];
const CLOSING: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '）', '》', '”', '’', '…',
];
const OPENING: &[char] = &['（', '《', '“', '‘'];
const HALF: &[char] = &['0', '1', '2', '9', 'G', 'B', '/', 'T', '-', '.', ' '];

fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(CJK),
        2 => prop::sample::select(CLOSING),
        1 => prop::sample::select(OPENING),
        2 => prop::sample::select(HALF),
        1 => Just('—'),
    ]
}

/// Text built from words that start with a character that may start a line
/// and end with one that may end a line, so an allowed break always exists.
fn breakable_text() -> impl Strategy<Value = String> {
    let word = (
        prop::option::of(prop::sample::select(OPENING)),
        prop::collection::vec(prop::sample::select(CJK), 1..5),
        prop::collection::vec(prop::sample::select(CLOSING), 0..3),
    )
        .prop_map(|(open, body, close)| {
            open.into_iter()
                .chain(body)
                .chain(close)
                .collect::<String>()
        });
    let number = prop::collection::vec(prop::sample::select(&['0', '1', '2', '6'][..]), 1..7)
        .prop_map(|d| d.into_iter().collect::<String>());
    prop::collection::vec(prop_oneof![4 => word, 1 => number], 0..80).prop_map(|w| w.concat())
}

fn units(chars: &[char]) -> usize {
    chars.iter().copied().map(char_units).sum()
}

/// Checks every line's width: within its room, or one closing mark over.
fn check_widths(chars: &[char], lines: &[std::ops::Range<usize>], first: usize, rest: usize) {
    for (i, r) in lines.iter().enumerate() {
        let room = if i == 0 { first } else { rest };
        let w = units(&chars[r.clone()]);
        let last = chars[r.end - 1];
        assert!(
            w <= room || (w <= room + MAX_HANG_UNITS && is_closing(last)),
            "line {i} is {w} units in {room}: {:?}",
            chars[r.clone()].iter().collect::<String>()
        );
    }
}

proptest! {
    #[test]
    fn breaking_keeps_every_character_in_order(
        text in prop::collection::vec(any_char(), 0..400),
        indent in prop::sample::select(&[0usize, 4][..]),
    ) {
        let (first, rest) = (56 - indent, 56);
        let lines = break_lines(&text, first, rest);
        let mut next = 0;
        for r in &lines {
            prop_assert_eq!(r.start, next);
            prop_assert!(r.end > r.start);
            next = r.end;
        }
        prop_assert_eq!(next, text.len());
        check_widths(&text, &lines, first, rest);
        // A half-width run is split only when longer than a line.
        for pair in lines.windows(2) {
            let cut = pair[1].start;
            if text[cut - 1].is_ascii_graphic() && text[cut].is_ascii_graphic() {
                let mut a = cut;
                while a > 0 && text[a - 1].is_ascii_graphic() { a -= 1; }
                let mut b = cut;
                while b < text.len() && text[b].is_ascii_graphic() { b += 1; }
                prop_assert!(b - a > first.min(rest), "split run of {}", b - a);
            }
        }
    }

    #[test]
    fn titles_keep_every_character_and_fit_the_type_area(
        text in prop::collection::vec(any_char(), 0..120),
    ) {
        let lines = break_title(&text);
        let joined: Vec<char> = lines.iter().flat_map(|r| text[r.clone()].iter().copied()).collect();
        prop_assert_eq!(joined, text.clone());
        for r in &lines {
            prop_assert!(units(&text[r.clone()]) <= TITLE_UNITS_PER_LINE);
        }
    }

    #[test]
    fn avoid_rules_hold_when_a_break_is_possible(text in breakable_text()) {
        let chars: Vec<char> = text.chars().collect();
        let lines = break_lines(&chars, 52, 56);
        check_widths(&chars, &lines, 52, 56);
        for r in &lines {
            let line: String = chars[r.clone()].iter().collect();
            prop_assert!(!is_closing(chars[r.start]), "starts with closing: {}", line);
            prop_assert!(!is_opening(chars[r.end - 1]), "ends with opening: {}", line);
        }
        let joined: String = lines.iter().flat_map(|r| chars[r.clone()].iter()).collect();
        prop_assert_eq!(joined, text);
    }

    #[test]
    fn pages_hold_every_line_in_order_and_never_end_on_a_heading(
        items in prop::collection::vec((prop::option::of(1usize..50), any::<bool>(), 1usize..300), 1..40)
    ) {
        let mut blocks = Vec::new();
        for (i, &(heading, run_in, len)) in items.iter().enumerate() {
            let anchor = Anchor::section("s", "f", vec![i]);
            if let Some(h) = heading {
                blocks.push(Block {
                    kind: BlockKind::Heading {
                        level: 1 + (h % 2) as u8,
                        number: "一、".into(),
                        text: "政".repeat(h),
                        run_in: None,
                    },
                    anchor: anchor.clone(),
                });
            }
            let kind = if run_in {
                BlockKind::Heading {
                    level: 2,
                    number: "（一）".into(),
                    text: "作".repeat(len % 60 + 1),
                    run_in: Some("法".repeat(len)),
                }
            } else {
                BlockKind::Paragraph { text: "治".repeat(len) }
            };
            blocks.push(Block { kind, anchor });
        }
        let doc = Document { blocks };
        let layout = lay_out(&doc);
        let expected: Vec<String> = doc
            .blocks
            .iter()
            .flat_map(|b| lay_out_block(b).lines.into_iter().map(|l| l.text()))
            .collect();
        let placed: Vec<String> = layout.lines().map(|(_, l)| l.text()).collect();
        prop_assert_eq!(placed, expected);
        for (p, page) in layout.pages.iter().enumerate() {
            prop_assert!(!page.lines.is_empty());
            prop_assert!(page.lines.windows(2).all(|w| w[0].row < w[1].row));
            prop_assert!(page.used_rows() <= LINES_PER_PAGE);
            prop_assert_eq!(page.number, p + 1);
            let last = &page.lines[page.lines.len() - 1];
            if p + 1 < layout.pages.len() {
                let role = lay_out_block(&doc.blocks[last.block]).role;
                let standalone = matches!(role, BlockRole::Heading { run_in: false, .. });
                let heading_only = last.line.runs.iter().all(|r| r.role != FontRole::Body);
                prop_assert!(!standalone && !heading_only, "page {} ends on {}", p + 1, last.text());
            }
        }
    }
}
