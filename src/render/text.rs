//! Plain text of a document, as it would be pasted into a website or a mail:
//! one paragraph per line, a blank line between blocks, the signature and
//! date aligned right on the 28-character grid with spaces.

use crate::document::{BlockKind, Document};
use crate::layout::grid::signature_and_date_starts;

/// Renders `doc` as plain text.
pub fn render(doc: &Document) -> String {
    let signature = doc.blocks.iter().find_map(|b| match &b.kind {
        BlockKind::Signature { text } => Some(text.as_str()),
        _ => None,
    });
    let date = doc.blocks.iter().find_map(|b| match &b.kind {
        BlockKind::Date { text } => Some(text.as_str()),
        _ => None,
    });
    let (sig_start, date_start) =
        signature_and_date_starts(signature.unwrap_or(""), date.unwrap_or(""));
    let mut out = String::new();
    for block in &doc.blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        match &block.kind {
            BlockKind::Signature { text } => push_at(&mut out, sig_start, text),
            BlockKind::Date { text } => push_at(&mut out, date_start, text),
            kind => out.push_str(&kind.full_text()),
        }
        out.push('\n');
    }
    out
}

fn push_at(out: &mut String, units: usize, text: &str) {
    out.extend(std::iter::repeat_n(' ', units));
    out.push_str(text);
}
