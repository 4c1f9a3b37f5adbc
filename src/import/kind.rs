//! Which kind of report a text is. Every template is scored on the text:
//! its level-1 headings against the template's sections by meaning (the
//! same keywords that place the sections), the title against the words
//! that name the kind (述职, 工作总结, 法治政府), and a line of the
//! template's own under the title (述职人：…). The best score is proposed;
//! text that no template matches well is a 年度工作总结, the most general
//! kind.

use super::boilerplate::is_page_number;
use super::frame::read_head;
use super::matching::{assign, score};
use super::outline::split_sections;
use crate::draft::clean_paragraph;
use crate::template::{self, Template};

/// Below this score no template fits: the text is imported as a
/// 年度工作总结. One keyword of two characters in two headings, or a title
/// naming the kind, reaches it.
pub const MIN_SCORE: usize = 4;

/// How well one template fits a text.
#[derive(Debug, Clone, PartialEq)]
pub struct KindScore<'t> {
    pub template: &'t Template,
    pub score: usize,
    /// How many of the text's level-1 sections match one of the template's.
    pub matched: usize,
    /// How many level-1 sections the text has.
    pub sections: usize,
}

/// Scores every template on `text`, best first (ties keep the order of
/// `templates`).
pub fn rank<'t>(templates: &[&'t Template], text: &str) -> Vec<KindScore<'t>> {
    let owned: Vec<String> = text
        .split(['\n', '\r'])
        .map(clean_paragraph)
        .filter(|l| !l.is_empty() && !is_page_number(l))
        .collect();
    let lines: Vec<&str> = owned.iter().map(String::as_str).collect();
    let head = read_head(&lines, &[]);
    let title = head.title.as_deref().unwrap_or("");
    let (_, sections) = split_sections(&lines[head.body_start..]);
    let headings: Vec<String> = sections.iter().map(|s| s.heading.clone()).collect();
    // The lines right below the title, where a template's own lines stand.
    let below_title: Vec<&str> = lines
        .iter()
        .skip(head.body_start.saturating_sub(1))
        .take(3)
        .copied()
        .collect();
    let mut ranked: Vec<KindScore<'t>> = templates
        .iter()
        .map(|&t| {
            let assigned = assign(&headings, t);
            let matched = assigned.iter().filter(|s| s.is_some()).count();
            let sections: usize = assigned
                .iter()
                .zip(&headings)
                .filter_map(|(s, h)| s.map(|s| score(h, &t.sections[s])))
                .sum();
            let named: usize = t
                .keywords
                .iter()
                .filter(|k| !k.is_empty() && title.contains(k.as_str()))
                .map(|k| 2 * k.chars().count())
                .sum();
            let bylines: usize = t
                .under_title()
                .filter(|f| below_title.iter().any(|l| l.starts_with(f.label.as_str())))
                .map(|f| 2 * f.label.chars().count())
                .sum();
            KindScore {
                template: t,
                score: sections + named + bylines,
                matched,
                sections: headings.len(),
            }
        })
        .collect();
    crate::order::sort_by_key(&mut ranked, |r| std::cmp::Reverse(r.score));
    ranked
}

/// The kind proposed for `text` among `templates`: the best scored, or the
/// 年度工作总结 when none reaches [`MIN_SCORE`].
pub fn propose<'t>(templates: &[&'t Template], text: &str) -> &'t Template {
    let ranked = rank(templates, text);
    match ranked.first() {
        Some(best) if best.score >= MIN_SCORE => best.template,
        _ => templates
            .iter()
            .copied()
            .find(|t| t.id == template::WORK_SUMMARY_ID)
            .unwrap_or_else(|| template::work_summary()),
    }
}
