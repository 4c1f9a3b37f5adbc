//! The Markdown export read back by a CommonMark parser (pulldown-cmark,
//! with the GitHub extensions on): every block comes back as the heading
//! or paragraph it was, with exactly its text, and bold only where a
//! heading leads a paragraph. Any list, emphasis, code, link or HTML in the
//! parse means an escape was missing.
#![cfg(not(target_arch = "wasm32"))]

use baogao::document::{compose, Anchor, Block, BlockKind, Document};
use baogao::render::markdown;
use baogao::sample::seed_draft;
use baogao::template::annual_report;
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A block as a Markdown reader sees it.
#[derive(Debug, Clone, PartialEq)]
enum Read {
    Heading(usize, String),
    Paragraph { text: String, strong: Vec<String> },
}

fn parse(md: &str) -> Result<Vec<Read>, String> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM;
    let mut out = Vec::new();
    let mut text = String::new();
    let mut strong = Vec::new();
    let mut in_strong: Option<String> = None;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Paragraph) | Event::Start(Tag::Heading { .. }) => text.clear(),
            Event::End(TagEnd::Heading(level)) => {
                out.push(Read::Heading(level as usize, std::mem::take(&mut text)));
            }
            Event::End(TagEnd::Paragraph) => out.push(Read::Paragraph {
                text: std::mem::take(&mut text),
                strong: std::mem::take(&mut strong),
            }),
            Event::Start(Tag::Strong) => in_strong = Some(String::new()),
            Event::End(TagEnd::Strong) => strong.extend(in_strong.take()),
            Event::Text(t) => {
                text.push_str(&t);
                if let Some(s) = in_strong.as_mut() {
                    s.push_str(&t);
                }
            }
            Event::HardBreak => text.push('\n'),
            other => return Err(format!("unexpected {other:?} in\n{md}")),
        }
    }
    Ok(out)
}

/// Checks the parsed Markdown against the document it was rendered from.
fn check(doc: &Document) -> Result<(), String> {
    let md = markdown::render(doc);
    let read = parse(&md)?;
    let mut want: Vec<(Read, Option<String>)> = Vec::new();
    let mut closing = Vec::new();
    let para = |text: String| Read::Paragraph {
        text,
        strong: Vec::new(),
    };
    for block in &doc.blocks {
        match &block.kind {
            BlockKind::Organ { text }
            | BlockKind::Byline { text }
            | BlockKind::Addressee { text }
            | BlockKind::Paragraph { text }
            | BlockKind::Closing { text } => want.push((para(text.clone()), None)),
            BlockKind::Title { text } => want.push((Read::Heading(1, text.clone()), None)),
            BlockKind::Heading {
                level,
                number,
                text,
                run_in,
            } => {
                let lead = format!("{number}{text}");
                match (level, run_in) {
                    (1, _) => {
                        want.push((Read::Heading(2, lead), None));
                        want.extend(run_in.iter().map(|r| (para(r.clone()), None)));
                    }
                    (2, None) => want.push((Read::Heading(3, lead), None)),
                    (_, run_in) => {
                        let full = format!("{lead}{}", run_in.as_deref().unwrap_or(""));
                        let bold = (!text.is_empty()).then_some(lead);
                        want.push((para(full), bold));
                    }
                }
            }
            BlockKind::Signature { text } | BlockKind::Date { text } => closing.push(text.clone()),
        }
    }
    if !closing.is_empty() {
        want.push((para(closing.join("\n")), None));
    }
    if read.len() != want.len() {
        return Err(format!(
            "{} blocks read, {} written:\n{md}",
            read.len(),
            want.len()
        ));
    }
    for (got, (expected, bold)) in read.iter().zip(&want) {
        match (got, expected) {
            (
                Read::Paragraph { text, strong },
                Read::Paragraph {
                    text: want_text, ..
                },
            ) => {
                if text != want_text {
                    return Err(format!("read {text:?}, wrote {want_text:?}\n{md}"));
                }
                match bold {
                    // The bold part is the heading, up to its last letter
                    // or digit at least.
                    Some(lead) => {
                        let core = lead.trim_end_matches(|c: char| !c.is_alphanumeric());
                        let ok = strong.len() == 1
                            && lead.starts_with(&strong[0])
                            && strong[0].len() >= core.len();
                        if !ok {
                            return Err(format!("bold {strong:?} for heading {lead:?}\n{md}"));
                        }
                    }
                    None if !strong.is_empty() => {
                        return Err(format!("unexpected bold {strong:?}\n{md}"));
                    }
                    None => {}
                }
            }
            (got, expected) if got != expected => {
                return Err(format!("read {got:?}, wrote {expected:?}\n{md}"));
            }
            _ => {}
        }
    }
    Ok(())
}

fn block(kind: BlockKind) -> Block {
    Block {
        kind,
        anchor: Anchor::meta("x"),
    }
}

fn heading(level: u8, number: &str, text: &str, run_in: Option<&str>) -> Block {
    block(BlockKind::Heading {
        level,
        number: number.into(),
        text: text.into(),
        run_in: run_in.map(str::to_string),
    })
}

#[test]
fn seed_report_reads_back_exactly() {
    let doc = compose(annual_report(), &seed_draft("seed", 0));
    assert_eq!(check(&doc), Ok(()));
    let read = parse(&markdown::render(&doc)).unwrap();
    let strong: Vec<&String> = read
        .iter()
        .flat_map(|r| match r {
            Read::Paragraph { strong, .. } => strong.iter().collect(),
            Read::Heading(..) => Vec::new(),
        })
        .collect();
    assert_eq!(strong.len(), 6);
    assert_eq!(strong[0], "（一）强化领导，落实工作责任");
    let headings = read
        .iter()
        .filter(|r| matches!(r, Read::Heading(2, _)))
        .count();
    assert_eq!(headings, 4);
}

#[test]
fn syntax_in_report_text_stays_text() {
    let nasty = [
        "# 不是标题",
        "* 不是列表",
        "- 不是列表",
        "+ 不是列表",
        "1. 不是列表",
        "2023) 不是列表",
        "> 不是引用",
        "_下划线_和*星号*和**加粗**",
        "<div>不是HTML</div>",
        "[不是链接](http://example.com)",
        "`不是代码`",
        "&amp; &copy;",
        "| 不 | 是 | 表 |",
        "---",
        "***",
        "===",
        "$x$ 不是公式",
        "~~不是删除线~~",
        "[^1] 不是脚注",
        "[ ] 不是任务",
        "结尾反斜杠\\",
    ];
    let mut blocks = vec![block(BlockKind::Title {
        text: "标题 #".into(),
    })];
    for text in nasty {
        blocks.push(block(BlockKind::Paragraph { text: text.into() }));
        blocks.push(heading(2, "（一）", text, Some(text)));
        blocks.push(heading(3, "1.", text, None));
        blocks.push(heading(1, "一、", text, None));
    }
    blocks.push(block(BlockKind::Signature {
        text: "*单位*".into(),
    }));
    blocks.push(block(BlockKind::Date {
        text: "2023年12月18日".into(),
    }));
    assert_eq!(check(&Document { blocks }), Ok(()));
}

const PIECES: &[&str] = &[
    "法", "治", "报告", "。", "，", "；", "：", "“", "”", "（", "）", "《", "》", "、", "…", "—",
    "a", "Z", "0", "1", "2023", ".", ")", "(", "*", "**", "_", "__", "#", "##", "-", "+", "=", ">",
    "<", "<b>", "</div>", "[", "]", "](x)", "!", "`", "```", "&", "&amp;", "\\", "|", "~", "~~",
    "$", "^", ":", "{#id}", "[^1]", "[ ]", " ", "\u{3000}",
];

fn phrase() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..16)
        .prop_map(|p| p.concat().trim().to_string())
        .prop_filter("blocks carry text", |s| !s.is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_reads_back(
        texts in prop::collection::vec(phrase(), 9),
        level in 2u8..=4,
        run_in in any::<bool>(),
    ) {
        let blocks = vec![
            block(BlockKind::Organ { text: texts[0].clone() }),
            block(BlockKind::Title { text: texts[1].clone() }),
            block(BlockKind::Addressee { text: texts[2].clone() }),
            block(BlockKind::Paragraph { text: texts[3].clone() }),
            heading(1, "一、", &texts[4], None),
            heading(level, "（一）", &texts[5], run_in.then_some(texts[6].as_str())),
            block(BlockKind::Closing { text: texts[7].clone() }),
            block(BlockKind::Signature { text: texts[8].clone() }),
        ];
        prop_assert_eq!(check(&Document { blocks }), Ok(()));
    }
}
