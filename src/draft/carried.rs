//! Carried-over text: paragraphs that came from somewhere other than the
//! writer's keyboard — an inserted example, last year's report (the next
//! year's copy, an import) — and that the writer has not edited since.
//!
//! The draft remembers a fingerprint of each carried paragraph's text
//! ([`Draft::carried`]). A paragraph is carried over while its text still
//! has a remembered fingerprint: editing it changes the text, so the mark
//! goes by itself, wherever the paragraph has moved meanwhile, and undo
//! brings the mark back with the text.
//!
//! The units are the body's paragraphs: the frame's text fields (the
//! preamble), text fields of sections, subsection headings and
//! paragraphs, and point paragraphs. One-line fields (organ, title,
//! signature…) and section headings are the report's frame and are not
//! marked.

use super::{Draft, FieldValue, Subsection};
use serde::{Deserialize, Serialize};

/// Where a carried-over paragraph came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// An example inserted from the template or the sample report.
    Example,
    /// Last year's report: the next year's copy, or an imported report.
    LastYear,
}

impl Origin {
    /// How the writer is told about `n` such paragraphs not yet edited.
    pub fn describe(self, n: usize) -> String {
        match self {
            Origin::Example => format!("{n}段示例内容，尚未修改"),
            Origin::LastYear => format!("{n}段沿用去年内容，尚未修改"),
        }
    }
}

/// The fingerprint of a paragraph's text (FNV-1a, 64 bits, hex), ignoring
/// surrounding whitespace. `None` for blank text, which is never marked.
pub fn fingerprint(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    Some(format!("{hash:016x}"))
}

impl Draft {
    /// Where `text` came from, if it is a paragraph carried over unedited.
    pub fn carried_origin(&self, text: &str) -> Option<Origin> {
        if self.carried.is_empty() {
            return None;
        }
        fingerprint(text).and_then(|f| self.carried.get(&f).copied())
    }

    /// Marks each of `texts` as carried over from `origin`.
    pub fn mark_carried<'a>(&mut self, texts: impl IntoIterator<Item = &'a str>, origin: Origin) {
        for f in texts.into_iter().filter_map(fingerprint) {
            self.carried.insert(f, origin);
        }
    }

    /// Marks every body paragraph of the draft as carried over from
    /// `origin`, forgetting earlier marks.
    pub fn mark_all_carried(&mut self, origin: Origin) {
        let mut texts = Vec::new();
        for value in self.meta.values() {
            body_texts(value, &mut texts);
        }
        for section in &self.sections {
            for value in section.fields.values() {
                body_texts(value, &mut texts);
            }
        }
        // Inserted one by one: collecting into the map would bring in a
        // sort of its own (see `crate::order`).
        self.carried.clear();
        for f in texts.iter().filter_map(|t| fingerprint(t)) {
            self.carried.insert(f, origin);
        }
    }
}

/// The body paragraphs of one field (see the module documentation).
pub fn body_texts(value: &FieldValue, out: &mut Vec<String>) {
    fn subsections(items: &[Subsection], out: &mut Vec<String>) {
        for s in items {
            out.push(s.heading.clone());
            out.extend(s.paragraphs.iter().cloned());
            subsections(&s.children, out);
        }
    }
    match value {
        FieldValue::Line(_) | FieldValue::Date(_) => {}
        FieldValue::Text(ps) => out.extend(ps.iter().cloned()),
        FieldValue::Subsections(items) => subsections(items, out),
        FieldValue::Points(points) => {
            out.extend(points.iter().flat_map(|p| p.paragraphs.iter().cloned()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::seed_draft;

    #[test]
    fn fingerprints_ignore_surrounding_space_and_skip_blanks() {
        assert_eq!(fingerprint("  一段。\u{3000}"), fingerprint("一段。"));
        assert_ne!(fingerprint("一段。"), fingerprint("一段"));
        assert_eq!(fingerprint(" \u{3000} "), None);
        assert_eq!(fingerprint("a").map(|f| f.len()), Some(16));
    }

    #[test]
    fn marking_everything_covers_body_paragraphs_not_lines() {
        let mut d = seed_draft("s", 0);
        d.mark_all_carried(Origin::LastYear);
        assert_eq!(d.carried_origin(d.title()), None);
        assert_eq!(d.carried_origin("中共荆家镇委"), None);
        let preamble = match d.meta("preamble") {
            Some(FieldValue::Text(ps)) => ps[0].clone(),
            _ => String::new(),
        };
        assert_eq!(d.carried_origin(&preamble), Some(Origin::LastYear));
        assert_eq!(d.carried_origin(&format!("{preamble}改")), None);
    }
}
