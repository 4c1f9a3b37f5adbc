//! Matching the level-1 headings of an imported report to the template's
//! sections by meaning: each heading is scored against each section's
//! keywords, and the best pairs are taken first, each section at most once.

use crate::template::{FieldKind, SectionSpec, Template};

/// How well `heading` fits `section`: the number of characters of the
/// section's keywords found in the heading (longer keywords say more).
pub(crate) fn score(heading: &str, section: &SectionSpec) -> usize {
    section
        .keywords
        .iter()
        .filter(|k| !k.is_empty() && heading.contains(k.as_str()))
        .map(|k| k.chars().count())
        .sum()
}

/// Assigns template sections (by index) to headings (by index). Pairs are
/// taken by descending score, ties going to the earlier heading and then
/// the earlier template section; a heading that scores nothing, or whose
/// sections are all taken, stays unassigned.
pub(crate) fn assign(headings: &[String], template: &Template) -> Vec<Option<usize>> {
    let mut pairs: Vec<(usize, usize, usize)> = headings
        .iter()
        .enumerate()
        .flat_map(|(h, heading)| {
            template
                .sections
                .iter()
                .enumerate()
                .map(move |(s, spec)| (score(heading, spec), h, s))
        })
        .filter(|&(score, _, _)| score > 0)
        .collect();
    crate::order::sort_by(&mut pairs, |a, b| {
        b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
    });
    let mut by_heading = vec![None; headings.len()];
    let mut taken = vec![false; template.sections.len()];
    for (_, h, s) in pairs {
        if by_heading[h].is_none() && !taken[s] {
            by_heading[h] = Some(s);
            taken[s] = true;
        }
    }
    by_heading
}

/// The section that keeps what fits nowhere else: the first optional
/// section with a text field (其他需要报告的情况 in the annual report).
pub(crate) fn overflow_section(template: &Template) -> Option<usize> {
    template
        .sections
        .iter()
        .position(|s| !s.required && s.fields.iter().any(|f| f.kind == FieldKind::Text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::annual_report;

    fn ids(headings: &[&str]) -> Vec<Option<&'static str>> {
        let t = annual_report();
        let headings: Vec<String> = headings.iter().map(|h| h.to_string()).collect();
        assign(&headings, t)
            .into_iter()
            .map(|s| s.map(|s| t.sections[s].id.as_str()))
            .collect()
    }

    #[test]
    fn sample_headings_find_their_sections() {
        assert_eq!(
            ids(&[
                "推进法治政府建设的主要举措和成效",
                "党政主要负责人履行推进法治建设第一责任人职责情况",
                "推进法治政府建设存在的不足和原因",
                "2024年推进法治政府建设的主要计划安排",
                "其他工作",
            ]),
            [
                Some("measures"),
                Some("duty"),
                Some("shortcomings"),
                Some("plans"),
                Some("other")
            ]
        );
    }

    #[test]
    fn each_section_is_taken_once_and_unknown_headings_stay_free() {
        assert_eq!(
            ids(&["主要举措", "工作成效", "党建引领"]),
            [Some("measures"), None, None]
        );
    }

    #[test]
    fn stronger_match_wins_over_earlier_heading() {
        // "存在的问题和下一步打算" scores 下一步 + 打算 for plans over 问题
        // for shortcomings; the later "不足和原因" then takes shortcomings.
        assert_eq!(
            ids(&["存在的问题和下一步打算", "不足和原因"]),
            [Some("plans"), Some("shortcomings")]
        );
    }

    #[test]
    fn overflow_is_the_optional_text_section() {
        let t = annual_report();
        assert_eq!(
            overflow_section(t).map(|i| t.sections[i].id.as_str()),
            Some("other")
        );
    }
}
