//! What the start page lists for each draft: title, year, last change, how
//! complete it is and how long.

use super::Draft;
use crate::template::{FieldKind, Template};
use serde::{Deserialize, Serialize};

/// The label of a draft whose title is blank.
pub const UNTITLED: &str = "未命名报告";

/// Required fields filled out of required fields in total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completeness {
    pub filled: usize,
    pub total: usize,
}

impl Completeness {
    /// Whole percent, rounded down (100 only when everything is filled).
    pub fn percent(&self) -> u8 {
        match self.total {
            0 => 100,
            total => (self.filled.min(total) * 100 / total) as u8,
        }
    }

    pub fn is_complete(&self) -> bool {
        self.filled >= self.total
    }
}

/// One line of the start page's list of drafts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSummary {
    pub id: String,
    /// The title as it prints.
    pub title: String,
    /// What the list shows: the title, [`UNTITLED`] when it is blank, and
    /// "（副本）" on later drafts sharing a title (see [`label_summaries`]).
    #[serde(default)]
    pub label: String,
    /// The kind of report: its template's name (法治政府建设年度报告,
    /// 述职报告…); empty for a template the app does not know.
    #[serde(default)]
    pub kind: String,
    pub year: i32,
    pub revision: u64,
    pub created_ms: i64,
    pub updated_ms: i64,
    pub completeness: Completeness,
    /// Characters written, without whitespace.
    pub char_count: usize,
}

/// Summarizes `draft` against its template.
///
/// Completeness counts the template's required frame fields (the year is
/// always set and not counted) and the required fields of every section
/// that is switched on or required; a required section that is switched off
/// counts as unfilled.
pub fn summarize(template: &Template, draft: &Draft) -> DraftSummary {
    let mut completeness = Completeness::default();
    for spec in template
        .meta
        .iter()
        .filter(|f| f.required && f.kind != FieldKind::Year)
    {
        completeness.total += 1;
        if draft.meta(&spec.id).is_some_and(|v| !v.is_blank()) {
            completeness.filled += 1;
        }
    }
    for spec in &template.sections {
        let section = draft.section(&spec.id);
        let enabled = section.is_some_and(|s| s.enabled);
        if !enabled && !spec.required {
            continue;
        }
        for field in spec.fields.iter().filter(|f| f.required) {
            completeness.total += 1;
            let filled = section
                .filter(|s| s.enabled)
                .and_then(|s| s.fields.get(&field.id))
                .is_some_and(|v| !v.is_blank());
            if filled {
                completeness.filled += 1;
            }
        }
    }
    let title = draft.title().trim().to_string();
    DraftSummary {
        id: draft.id.clone(),
        label: label_of(&title),
        title,
        kind: template.name.clone(),
        year: draft.year,
        revision: draft.revision,
        created_ms: draft.created_ms,
        updated_ms: draft.updated_ms,
        completeness,
        char_count: draft.char_count(),
    }
}

fn label_of(title: &str) -> String {
    if title.is_empty() {
        UNTITLED.to_string()
    } else {
        title.to_string()
    }
}

/// Sets every summary's label: drafts sharing a title are told apart by
/// creation time, the oldest keeping the plain title and the others marked
/// "（副本）", "（副本2）", …
pub fn label_summaries(summaries: &mut [DraftSummary]) {
    // A list, not a map: a handful of titles, and no B-tree's code for
    // these types in the app's wasm.
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, s) in summaries.iter().enumerate() {
        let label = label_of(&s.title);
        match groups.iter_mut().find(|(l, _)| *l == label) {
            Some((_, members)) => members.push(i),
            None => groups.push((label, vec![i])),
        }
    }
    for (base, mut members) in groups {
        crate::order::sort_by(&mut members, |&a, &b| {
            let (a, b) = (&summaries[a], &summaries[b]);
            (a.created_ms, &a.id).cmp(&(b.created_ms, &b.id))
        });
        for (n, &i) in members.iter().enumerate() {
            summaries[i].label = match n {
                0 => base.clone(),
                1 => format!("{base}（副本）"),
                n => format!("{base}（副本{n}）"),
            };
        }
    }
}
