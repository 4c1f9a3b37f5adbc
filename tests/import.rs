//! Importing report text into drafts: the sample report round-trips, the
//! variations found in real reports are read, and no character of the
//! body is ever lost.

use baogao::document::{compose, BlockKind, Document};
use baogao::draft::{Draft, FieldValue, Origin, ReportDate, Subsection};
use baogao::import::{from_text, ImportError, Imported, MAX_TEXT_BYTES};
use baogao::render::text;
use baogao::sample::seed_draft;
use baogao::template::annual_report;

const SEED: &str = include_str!("fixtures/seed-report-2023.txt");
const DEPARTMENT: &str = include_str!("fixtures/import/department-levels.txt");
const WEBSITE: &str = include_str!("fixtures/import/website-copy.txt");
const HALF_WIDTH: &str = include_str!("fixtures/import/half-width.txt");
const OTHER_ORDER: &str = include_str!("fixtures/import/other-order.txt");

/// The sample report as an import of its text gives it: every body
/// paragraph marked as last year's until the writer edits it.
fn seed_as_imported() -> Draft {
    let mut d = seed_draft("seed", 0);
    d.mark_all_carried(Origin::LastYear);
    d
}

fn import(text: &str) -> Imported {
    match from_text(annual_report(), text, "seed".into(), 0) {
        Ok(imported) => imported,
        Err(e) => panic!("import failed: {e}"),
    }
}

fn rendered(draft: &Draft) -> String {
    text::render(&compose(annual_report(), draft))
}

/// Lines with surrounding whitespace trimmed and blank lines dropped.
fn normalized(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

fn order(draft: &Draft) -> Vec<(&str, bool)> {
    draft
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.enabled))
        .collect()
}

fn items<'a>(draft: &'a Draft, section: &str) -> &'a [Subsection] {
    match draft.section(section).and_then(|s| s.fields.get("items")) {
        Some(FieldValue::Subsections(items)) => items,
        other => panic!("{section}/items is {other:?}"),
    }
}

fn text_field<'a>(draft: &'a Draft, section: &str, field: &str) -> &'a [String] {
    match draft.section(section).and_then(|s| s.fields.get(field)) {
        Some(FieldValue::Text(paragraphs)) => paragraphs,
        other => panic!("{section}/{field} is {other:?}"),
    }
}

fn points(draft: &Draft, section: &str) -> Vec<String> {
    match draft.section(section).and_then(|s| s.fields.get("points")) {
        Some(FieldValue::Points(points)) => points.iter().map(|p| p.paragraphs.join("|")).collect(),
        other => panic!("{section}/points is {other:?}"),
    }
}

fn has_note(imported: &Imported, words: &[&str]) -> bool {
    imported
        .notes
        .iter()
        .any(|n| words.iter().all(|w| n.message.contains(w)))
}

fn messages(imported: &Imported) -> Vec<&str> {
    imported.notes.iter().map(|n| n.message.as_str()).collect()
}

// ---------------------------------------------------------------- the sample

#[test]
fn seed_report_imports_to_the_seed_draft() {
    let imported = import(SEED);
    assert_eq!(imported.draft, seed_as_imported());
    assert_eq!(baogao::check::carried(&imported.draft).len(), 20);
    assert!(imported.notes.is_empty(), "{:?}", messages(&imported));
    assert!(imported.skipped.is_empty());
    assert_eq!(imported.date_source.as_deref(), Some("2023年12月18日"));
}

#[test]
fn seed_report_imported_renders_back_line_for_line() {
    let got = normalized(&rendered(&import(SEED).draft));
    let want = normalized(SEED);
    for (i, (w, g)) in want.iter().zip(&got).enumerate() {
        assert_eq!(g, w, "line {}", i + 1);
    }
    assert_eq!(got.len(), want.len());
}

#[test]
fn seed_structure_is_found() {
    let d = import(SEED).draft;
    assert_eq!(
        order(&d),
        [
            ("measures", true),
            ("duty", true),
            ("shortcomings", true),
            ("plans", true),
            ("other", false)
        ]
    );
    assert_eq!(d.year, 2023);
    assert_eq!(items(&d, "measures").len(), 4);
    assert_eq!(items(&d, "duty").len(), 3);
    assert_eq!(points(&d, "plans").len(), 3);
    assert!(!items(&d, "measures")[3].run_in);
    assert!(items(&d, "measures")[..3].iter().all(|s| s.run_in));
    assert_eq!(d.date(), ReportDate::new(2023, 12, 18));
}

#[test]
fn crlf_and_indents_read_like_the_plain_text() {
    let crlf = SEED.replace('\n', "\r\n");
    assert_eq!(import(&crlf).draft, seed_as_imported());
    let indented: String = SEED
        .lines()
        .enumerate()
        .map(|(i, l)| match i % 3 {
            0 => format!("\u{3000}\u{3000}{l}\r\n"),
            1 => format!("\t{l}  \n"),
            _ => format!("    {l}\u{3000}\r"),
        })
        .collect();
    assert_eq!(import(&indented).draft, seed_as_imported());
    let with_bom = format!("\u{feff}{SEED}");
    assert_eq!(import(&with_bom).draft, seed_as_imported());
}

// --------------------------------------------------------------- variations

#[test]
fn pasted_page_numbers_are_skipped_and_noted() {
    let lines: Vec<&str> = SEED.lines().collect();
    let third = lines.len() / 3;
    let mut pasted: Vec<&str> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        pasted.push(line);
        if i == third {
            pasted.push("— 1 —");
        } else if i == 2 * third {
            pasted.push("- 2 -");
        }
    }
    pasted.push("第3页 共5页");
    let imported = import(&pasted.join("\n"));
    assert_eq!(imported.draft, seed_as_imported());
    assert_eq!(imported.skipped, ["— 1 —", "- 2 -", "第3页 共5页"]);
    let notes: Vec<&str> = messages(&imported);
    assert_eq!(notes, ["已跳过3行页码：“— 1 —”、“- 2 -”、“第3页 共5页”。"]);
    assert_eq!(assert_lossless(&pasted.join("\n"), &imported), Ok(()));
}

#[test]
fn department_report_with_deeper_levels_and_continued_numbering() {
    let imported = import(DEPARTMENT);
    let d = &imported.draft;
    assert_eq!(d.meta_line("organ"), "××县司法局");
    assert_eq!(d.title(), "××县司法局2023年法治政府建设年度报告");
    assert_eq!(d.meta_line("addressee"), "");
    assert_eq!(d.year, 2023);
    assert_eq!(d.date(), ReportDate::new(2024, 1, 15));
    // Regulation order, as written.
    assert_eq!(
        order(d),
        [
            ("measures", true),
            ("shortcomings", true),
            ("duty", true),
            ("plans", true),
            ("other", false)
        ]
    );
    let measures = items(d, "measures");
    assert_eq!(measures.len(), 2);
    assert_eq!(measures[0].heading, "健全依法决策机制");
    assert!(!measures[0].run_in && measures[0].paragraphs.is_empty());
    let rules = &measures[0].children;
    assert_eq!(rules.len(), 2);
    assert_eq!(rules[0].heading, "严格落实重大行政决策程序。");
    assert!(rules[0].run_in);
    assert_eq!(rules[1].children.len(), 2);
    assert_eq!(
        rules[1].children[1].heading,
        "邀请法律顾问参与审查，全年参与率100%。"
    );
    // "3." and "4." under （二） are numbered 1. and 2. again.
    assert_eq!(measures[1].children.len(), 2);
    assert_eq!(measures[1].children[0].heading, "推行行政执法“三项制度”。");
    assert!(has_note(&imported, &["举措和成效", "3.", "1.", "共2处"]));
    // The inline 一是…二是… stays one paragraph; plans get points.
    assert_eq!(text_field(d, "shortcomings", "intro").len(), 1);
    assert_eq!(points(d, "shortcomings").len(), 0);
    assert_eq!(points(d, "plans").len(), 3);
    assert_eq!(text_field(d, "duty", "intro").len(), 1);
    assert!(items(d, "duty").is_empty());
    // No closing in the source: left empty and said so.
    assert_eq!(d.meta_line("closing"), "");
    assert!(has_note(&imported, &["特此报告", "已留空"]));

    let lines = normalized(&rendered(d));
    for line in [
        "（一）健全依法决策机制",
        "1.严格落实重大行政决策程序。全年审查重大行政决策事项12件，提出法律意见36条。",
        "（2）邀请法律顾问参与审查，全年参与率100%。",
        "1.推行行政执法“三项制度”。公示执法信息1200余条，全程记录执法过程320次。",
        "2.开展案卷评查。评查行政执法案卷150卷，发现问题23个，均已整改。",
        "三是加强法治队伍建设，组织执法人员培训不少于40学时。",
        "2024年1月15日",
    ] {
        assert!(lines.iter().any(|l| l == line), "missing {line}");
    }
    assert!(!lines.iter().any(|l| l.starts_with("3.")));
}

#[test]
fn website_copy_loses_its_boilerplate_and_says_so() {
    let imported = import(WEBSITE);
    let d = &imported.draft;
    assert_eq!(d.title(), "荆家镇2023年法治政府建设年度报告");
    assert_eq!(d.meta_line("organ"), "");
    assert_eq!(
        imported.skipped,
        [
            "首页 > 政务公开 > 法治政府建设 > 年度报告",
            "发布时间：2024-03-01 09:30    来源：荆家镇人民政府    浏览次数：328",
            "【字体：大 中 小】",
            "打印本页    关闭窗口",
            "分享到：",
        ]
    );
    assert!(has_note(&imported, &["标题前后的3行", "首页 > 政务公开"]));
    assert!(has_note(&imported, &["正文后的2行", "打印本页"]));
    assert_eq!(d.meta_line("closing"), "特此报告。");
    assert_eq!(d.meta_line("signature"), "荆家镇人民政府");
    assert_eq!(d.date(), ReportDate::new(2024, 3, 1));
    assert_eq!(
        order(d),
        [
            ("measures", true),
            ("duty", true),
            ("shortcomings", true),
            ("plans", true),
            ("other", false)
        ]
    );
    assert_eq!(items(d, "measures").len(), 2);
    assert_eq!(
        points(d, "plans"),
        ["加强乡村法治建设。", "加强基层法治人才培育。"]
    );
    let text = rendered(d);
    for word in ["首页", "发布时间", "浏览次数", "字体", "打印本页", "分享到"] {
        assert!(!text.contains(word), "{word} left in the report");
    }
}

#[test]
fn half_width_punctuation_and_numbering() {
    let imported = import(HALF_WIDTH);
    let d = &imported.draft;
    assert_eq!(d.meta_line("addressee"), "县委、县政府:");
    let measures = items(d, "measures");
    assert_eq!(measures[0].heading, "强化领导,落实工作责任.");
    assert_eq!(
        measures[0].paragraphs,
        ["镇党委、政府将法治政府建设列为重点工作,投入经费1.5万元."]
    );
    assert_eq!(measures[1].heading, "加大全民普法,营造法治社会氛围");
    assert!(!measures[1].run_in);
    assert_eq!(items(d, "duty")[0].heading, "带头学法:");
    // 一是…;二是… in one paragraph stays text.
    assert_eq!(
        text_field(d, "shortcomings", "intro"),
        ["一是依法决策意识不强;二是执法培训较少."]
    );
    assert_eq!(points(d, "plans").len(), 2);
    assert_eq!(d.meta_line("closing"), "特此报告");
    assert_eq!(d.date(), ReportDate::new(2023, 12, 18));
    assert!(has_note(&imported, &["“2023-12-18”", "2023年12月18日"]));
    // 一. and (一) are written 一、 and （一） when composed.
    assert!(has_note(&imported, &["一.", "一、"]));
    assert!(has_note(&imported, &["(一)", "（一）"]));
    let lines = normalized(&rendered(d));
    assert!(lines.contains(&"一、推进法治政府建设的主要举措和成效".to_string()));
    assert!(lines.contains(&"（二）加大全民普法,营造法治社会氛围".to_string()));
}

#[test]
fn headings_with_and_without_final_punctuation() {
    let text = "关于2023年度法治政府建设工作的报告\n\
        一、主要举措和成效。\n\
        （一）强化领导。\n正文一。\n\
        （二）加强学习\n正文二。\n\
        （三）加大普法：正文三。\n\
        二、存在的不足和原因：主要是培训少。\n";
    let d = import(text).draft;
    let s = d.section("measures").unwrap();
    assert_eq!(s.heading, "主要举措和成效。");
    let measures = items(&d, "measures");
    assert_eq!(
        measures
            .iter()
            .map(|s| (s.heading.as_str(), s.run_in, s.paragraphs.join("|")))
            .collect::<Vec<_>>(),
        [
            ("强化领导。", false, "正文一。".to_string()),
            ("加强学习", false, "正文二。".into()),
            ("加大普法：", true, "正文三。".into()),
        ]
    );
    assert_eq!(
        d.section("shortcomings").unwrap().heading,
        "存在的不足和原因："
    );
    assert_eq!(text_field(&d, "shortcomings", "intro"), ["主要是培训少。"]);
}

#[test]
fn date_with_leading_zero_is_read_and_reported() {
    let text = SEED.replace("2023年12月18日", "2023年12月08日");
    let imported = import(&text);
    assert_eq!(imported.draft.date(), ReportDate::new(2023, 12, 8));
    assert_eq!(imported.date_source.as_deref(), Some("2023年12月08日"));
    assert!(has_note(
        &imported,
        &["“2023年12月08日”", "“2023年12月8日”"]
    ));
    assert_eq!(messages(&imported).len(), 1);
}

#[test]
fn chinese_numeral_date_and_unreadable_date() {
    let text = SEED.replace("2023年12月18日", "二〇二三年十二月十八日");
    assert_eq!(import(&text).draft.date(), ReportDate::new(2023, 12, 18));
    let text = SEED.replace("2023年12月18日", "2023年13月40日");
    let imported = import(&text);
    assert_eq!(imported.draft.date(), None);
    assert_eq!(imported.draft.meta_line("signature"), "中共荆家镇委");
    assert!(has_note(&imported, &["无法识别成文日期", "2023年13月40日"]));
}

#[test]
fn year_comes_from_the_date_when_the_title_has_none() {
    let text = SEED.replace(
        "关于2023年度法治政府建设工作的报告",
        "关于法治政府建设工作的报告",
    );
    let imported = import(&text);
    assert_eq!(imported.draft.year, 2023);
    assert!(has_note(&imported, &["标题中没有年份", "2023年"]));
    let text = text.replace("2023年12月18日", "2024年2月1日");
    assert_eq!(import(&text).draft.year, 2023);
}

#[test]
fn text_without_structure_goes_into_the_first_section() {
    let text = "今年以来，我镇认真贯彻落实法治政府建设各项部署。\n\n\
        全年开展普法活动12场，发放资料3000份。\n下一步，我们将继续努力。\n";
    let imported = from_text(annual_report(), text, "x".into(), 1_718_000_000_000).unwrap();
    let d = &imported.draft;
    assert_eq!(
        text_field(d, "measures", "intro"),
        [
            "今年以来，我镇认真贯彻落实法治政府建设各项部署。",
            "全年开展普法活动12场，发放资料3000份。",
            "下一步，我们将继续努力。"
        ]
    );
    // Placed once: not also in the preamble.
    assert_eq!(d.meta("preamble"), Some(&FieldValue::Text(Vec::new())));
    assert!(has_note(
        &imported,
        &["未识别出“一、”等章节标题", "举措和成效"]
    ));
    assert!(has_note(
        &imported,
        &["未找到标题", "关于2023年度法治政府建设工作的报告"]
    ));
    // 2024-06-10 → the year before.
    assert_eq!(d.year, 2023);
    for short in ["不足和原因", "第一责任人职责", "下一年度安排"] {
        assert!(has_note(&imported, &["未找到", short]), "{short}");
    }
    assert_eq!(order(d)[0], ("measures", true));
}

#[test]
fn other_orders_are_kept_and_matched_by_meaning() {
    let imported = import(OTHER_ORDER);
    let d = &imported.draft;
    assert_eq!(
        order(d),
        [
            ("duty", true),
            ("measures", true),
            ("plans", true),
            ("shortcomings", true),
            ("other", false)
        ]
    );
    assert_eq!(d.section("plans").unwrap().heading, "2024年工作打算");
    assert_eq!(
        d.section("measures").unwrap().heading,
        "2023年法治政府建设工作开展情况"
    );
    assert_eq!(points(d, "plans").len(), 2);
    assert_eq!(d.meta_line("addressee"), "市委、市政府：");
    let lines = normalized(&rendered(d));
    assert_eq!(
        lines[3],
        "2023年，我县深入推进法治政府建设。现将有关情况报告如下："
    );
    assert_eq!(
        lines[4],
        "一、党政主要负责人履行推进法治建设第一责任人职责情况"
    );
    assert!(imported
        .notes
        .iter()
        .all(|n| !n.message.contains("未找到“")));
}

#[test]
fn unknown_sections_are_kept_in_the_other_section() {
    let extra = "五、其他工作\n完成上级交办事项3项。\n六、联系方式\n（一）联系电话：0533-1234567\n特此报告。";
    let text = SEED.replace("特此报告。", extra);
    let imported = import(&text);
    let d = &imported.draft;
    let other = d.section("other").unwrap();
    assert!(other.enabled);
    assert_eq!(other.heading, "其他工作");
    assert_eq!(
        text_field(d, "other", "intro"),
        [
            "完成上级交办事项3项。",
            "联系方式",
            "（一）联系电话：0533-1234567"
        ]
    );
    assert_eq!(order(d)[4], ("other", true));
    assert!(has_note(&imported, &["“六、联系方式”", "其他情况"]));
    let lines = normalized(&rendered(d));
    assert!(lines.contains(&"五、其他工作".to_string()));
    assert!(lines.contains(&"（一）联系电话：0533-1234567".to_string()));
}

#[test]
fn an_unmatched_heading_takes_the_other_section_with_its_own_heading() {
    let text = SEED.replace(
        "特此报告。",
        "五、党建引领\n以党建引领基层治理。\n特此报告。",
    );
    let imported = import(&text);
    let other = imported.draft.section("other").unwrap();
    assert!(other.enabled);
    assert_eq!(other.heading, "党建引领");
    assert_eq!(
        text_field(&imported.draft, "other", "intro"),
        ["以党建引领基层治理。"]
    );
    assert!(has_note(&imported, &["“五、党建引领”", "保留原标题"]));
}

#[test]
fn empty_boilerplate_only_and_oversized_text_are_refused() {
    for text in ["", "  \n\u{3000}\r\n\t"] {
        assert_eq!(
            from_text(annual_report(), text, "x".into(), 0),
            Err(ImportError::Empty)
        );
    }
    let err = from_text(
        annual_report(),
        "打印本页\n关闭窗口\n分享到：",
        "x".into(),
        0,
    )
    .unwrap_err();
    assert_eq!(err, ImportError::NoReport);
    assert!(err.to_string().contains("没有找到报告正文"));
    let huge = "字".repeat(MAX_TEXT_BYTES / 3 + 1);
    let err = from_text(annual_report(), &huge, "x".into(), 0).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { limit: 5, .. }));
    assert!(err.to_string().contains("超过5MB"), "{err}");
    assert!(ImportError::Empty.to_string().contains("空的"));
}

#[test]
fn two_megabytes_import_in_reasonable_time() {
    let paragraph = "（一）强化领导，落实工作责任。荆家镇党委、政府提高政治站位，坚持问题导向，紧密结合实际，将法治政府建设作为重点工作之一。\n";
    let mut text = String::from("关于2023年度法治政府建设工作的报告\n一、主要举措和成效\n");
    while text.len() < 2 * 1024 * 1024 {
        text.push_str(paragraph);
    }
    text.push_str("二、存在的不足和原因\n一是甲。\n二是乙。\n特此报告。\n");
    let start = std::time::Instant::now();
    let imported = import(&text);
    let elapsed = start.elapsed();
    let n = items(&imported.draft, "measures").len();
    assert!(n > 10_000, "{n}");
    // Generous for unoptimised test builds on a shared machine.
    assert!(elapsed.as_secs_f64() < 20.0, "took {elapsed:?}");
    eprintln!("2 MB, {n} subsections: {elapsed:?}");
}

// ------------------------------------------------------------------ property

/// The numbering that composition derives again from position, removed
/// wherever it occurs: bracketed numbers （一） (1), Chinese numerals
/// followed by 、 . ． or 是, and digits followed by . ． or 、.
fn strip_numbering(line: &str) -> String {
    fn numeral(c: char) -> bool {
        "零〇一二三四五六七八九十百".contains(c)
    }
    fn digit(c: char) -> bool {
        c.is_ascii_digit() || ('０'..='９').contains(&c)
    }
    let chars: Vec<char> = line.chars().collect();
    let run = |from: usize, accept: fn(char) -> bool| {
        let mut end = from;
        while end < chars.len() && accept(chars[end]) {
            end += 1;
        }
        end
    };
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let skip = if c == '（' || c == '(' {
            let n = run(i + 1, numeral);
            let d = run(i + 1, digit);
            let end = n.max(d);
            (end > i + 1 && end < chars.len() && (chars[end] == '）' || chars[end] == ')'))
                .then_some(end + 1)
        } else if numeral(c) {
            let end = run(i, numeral);
            (end < chars.len() && "、.．是".contains(chars[end])).then_some(end + 1)
        } else if digit(c) {
            let end = run(i, digit);
            (end < chars.len() && "、.．".contains(chars[end])).then_some(end + 1)
        } else {
            None
        };
        match skip {
            Some(end) => i = end,
            None => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Non-whitespace characters of the lines, numbering removed, counted.
fn char_counts<'a>(
    lines: impl IntoIterator<Item = &'a str>,
) -> std::collections::BTreeMap<char, i64> {
    let mut counts = std::collections::BTreeMap::new();
    for line in lines {
        let bare: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        for c in strip_numbering(&bare).chars() {
            *counts.entry(c).or_insert(0) += 1;
        }
    }
    counts
}

fn subtract(
    a: &mut std::collections::BTreeMap<char, i64>,
    b: &std::collections::BTreeMap<char, i64>,
) {
    for (c, n) in b {
        *a.entry(*c).or_insert(0) -= n;
    }
}

/// The document's lines as composed, without the date (written anew).
fn document_lines(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::Date { .. }))
        .map(|b| b.kind.full_text())
        .collect()
}

/// Checks that nothing of `input` is lost and nothing invented.
///
/// Let IN be the multiset of non-whitespace characters of the input's
/// lines after [`strip_numbering`], minus those of the skipped lines and of
/// the date line, and OUT the same for the composed document's blocks
/// without the date. Then IN ⊆ OUT (nothing dropped), and OUT − IN
/// consists only of characters of the template's defaults that the
/// import adds where the text had nothing: the default title and the
/// default section headings.
fn assert_lossless(input: &str, imported: &Imported) -> Result<(), String> {
    let doc = compose(annual_report(), &imported.draft);
    let mut missing = char_counts(input.split(['\n', '\r']));
    subtract(
        &mut missing,
        &char_counts(imported.skipped.iter().map(String::as_str)),
    );
    subtract(&mut missing, &char_counts(imported.date_source.as_deref()));
    let lines = document_lines(&doc);
    let out = char_counts(lines.iter().map(String::as_str));
    let mut extra = out.clone();
    subtract(&mut extra, &missing);
    subtract(&mut missing, &out);
    let dropped: Vec<(char, i64)> = missing.into_iter().filter(|&(_, n)| n > 0).collect();
    if !dropped.is_empty() {
        return Err(format!("dropped {dropped:?}"));
    }
    let fresh = baogao::draft::Draft::new(annual_report(), "x".into(), imported.draft.year, 0);
    let mut defaults: Vec<String> = fresh.sections.iter().map(|s| s.heading.clone()).collect();
    defaults.push(fresh.title().to_string());
    let mut invented = extra;
    subtract(
        &mut invented,
        &char_counts(defaults.iter().map(String::as_str)),
    );
    let invented: Vec<(char, i64)> = invented.into_iter().filter(|&(_, n)| n > 0).collect();
    if !invented.is_empty() {
        return Err(format!("invented {invented:?}"));
    }
    Ok(())
}

#[test]
fn fixtures_are_lossless() {
    for text in [SEED, DEPARTMENT, WEBSITE, HALF_WIDTH, OTHER_ORDER] {
        assert_eq!(assert_lossless(text, &import(text)), Ok(()));
    }
}

#[test]
fn the_lossless_check_notices_a_dropped_character() {
    let mut imported = import(SEED);
    if let Some(FieldValue::Text(p)) = imported.draft.meta.get_mut("preamble") {
        p[0].pop();
    }
    assert!(assert_lossless(SEED, &imported)
        .unwrap_err()
        .starts_with("dropped"));
}

#[cfg(not(target_arch = "wasm32"))]
mod property {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "法",
        "治",
        "政",
        "府",
        "建",
        "设",
        "报",
        "告",
        "报告",
        "关于2023年度工作的报告",
        "年",
        "月",
        "日",
        "是",
        "镇",
        "县委、县政府：",
        "。",
        "，",
        "；",
        "：",
        "、",
        ".",
        ",",
        ";",
        ":",
        "（",
        "）",
        "(",
        ")",
        "“",
        "”",
        "《",
        "》",
        "0",
        "1",
        "2",
        "3",
        "9",
        "12",
        "2023",
        "一",
        "二",
        "三",
        "十",
        "一、",
        "二、",
        "三.",
        "（一）",
        "(二)",
        "（三)",
        "1.",
        "2、",
        "３．",
        "（1）",
        "(2)",
        "一是",
        "二是",
        "三是",
        "举措",
        "不足和原因",
        "第一责任人",
        "安排",
        "其他",
        "特此报告。",
        "以上报告",
        "中共某镇委",
        "2023年12月18日",
        "2023-12-08",
        "二〇二三年十二月十八日",
        "2023年13月40日",
        "首页 > 政务公开",
        "来源：",
        "打印本页",
        "【字体：大 中 小】",
        "\n",
        "\n",
        "\n",
        "\r\n",
        "\r",
        " ",
        "\u{3000}",
        "\t",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn import_never_panics_or_drops_a_character(
            pieces in prop::collection::vec(prop::sample::select(PIECES), 0..120)
        ) {
            let input: String = pieces.concat();
            match from_text(annual_report(), &input, "p".into(), 0) {
                Ok(imported) => {
                    prop_assert_eq!(assert_lossless(&input, &imported), Ok(()));
                }
                Err(ImportError::Empty) => {
                    prop_assert!(input.chars().all(char::is_whitespace));
                }
                Err(ImportError::NoReport) => {}
                Err(e) => prop_assert!(false, "unexpected error {}", e),
            }
        }

        /// Line-shaped input: each line an optional indent, an optional
        /// numbering marker, and words, so that sections, subsections and
        /// points are formed often.
        #[test]
        fn structured_import_never_drops_a_character(
            lines in prop::collection::vec(
                (
                    prop::sample::select(INDENTS),
                    prop::sample::select(MARKERS),
                    prop::collection::vec(prop::sample::select(PIECES), 0..12),
                    prop::sample::select(BREAKS),
                ),
                0..40,
            )
        ) {
            let input: String = lines
                .iter()
                .map(|(indent, marker, words, end)| format!("{indent}{marker}{}{end}", words.concat()))
                .collect();
            match from_text(annual_report(), &input, "p".into(), 0) {
                Ok(imported) => prop_assert_eq!(assert_lossless(&input, &imported), Ok(())),
                Err(ImportError::TooLarge { .. }) => prop_assert!(false, "too large"),
                Err(_) => {}
            }
        }
    }

    const INDENTS: &[&str] = &["", "", "\u{3000}\u{3000}", "  ", "\t"];
    const BREAKS: &[&str] = &["\n", "\n", "\r\n", "\r", "\n\n"];
    const MARKERS: &[&str] = &[
        "",
        "",
        "",
        "一、",
        "二、",
        "三、",
        "四、",
        "五、",
        "一.",
        "（一）",
        "（二）",
        "(三)",
        "1.",
        "2.",
        "3、",
        "４．",
        "（1）",
        "(2)",
        "一是",
        "二是",
        "三是",
        "关于",
        "特此报告。",
        "2023年12月18日",
    ];
}
