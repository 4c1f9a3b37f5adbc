//! Where the writer's caret falls on the pages, so the preview can keep
//! that line in view while typing.

use super::Layout;
use crate::document::Anchor;

impl Layout {
    /// The page index (0-based) and row of the line holding the caret, in
    /// the block at `anchor`, `after` characters before the block's end.
    /// A paragraph that follows a run-in heading on its line is found in
    /// the heading's block (whose anchor is the paragraph's parent).
    pub fn locate_caret(&self, anchor: &Anchor, after: usize) -> Option<(usize, usize)> {
        let block = self
            .lines()
            .find(|(_, l)| &l.anchor == anchor)
            .or_else(|| {
                self.lines().find(|(_, l)| {
                    l.anchor.same_field(anchor)
                        && l.anchor.path.len() < anchor.path.len()
                        && anchor.path.starts_with(&l.anchor.path)
                        && !l.anchor.path.is_empty()
                })
            })
            .map(|(_, l)| l.block)?;
        let lines: Vec<(usize, usize, usize)> = self
            .lines()
            .filter(|(_, l)| l.block == block)
            .map(|(p, l)| (p, l.row, l.line.text().chars().count()))
            .collect();
        let total: usize = lines.iter().map(|&(_, _, n)| n).sum();
        let offset = total.saturating_sub(after);
        let mut seen = 0;
        for &(page, row, n) in &lines {
            seen += n;
            if offset <= seen {
                return Some((page, row));
            }
        }
        lines.last().map(|&(page, row, _)| (page, row))
    }
}

#[cfg(test)]
mod tests {
    use crate::document::{compose, Anchor};
    use crate::layout::LayoutCache;
    use crate::sample::seed_draft;
    use crate::template::annual_report;

    #[test]
    fn the_caret_line_follows_the_distance_from_the_end() {
        let doc = compose(annual_report(), &seed_draft("s", 0));
        let layout = LayoutCache::new().lay_out(&doc);
        // The second measure is a run-in heading with a long paragraph.
        let para = Anchor::section("measures", "items", vec![1, 0]);
        let first = layout.locate_caret(&para, usize::MAX).unwrap();
        let last = layout.locate_caret(&para, 0).unwrap();
        let heading = layout
            .locate(&Anchor::section("measures", "items", vec![1]))
            .unwrap();
        assert_eq!(first, heading, "the paragraph starts on the heading's line");
        assert!(last > first, "{last:?} after {first:?}");
        let lines: Vec<(usize, usize)> = layout
            .lines()
            .filter(|(_, l)| l.anchor == Anchor::section("measures", "items", vec![1]))
            .map(|(p, l)| (p, l.row))
            .collect();
        assert_eq!(Some(&last), lines.last());
        // Eleven characters before the end: still on the last line or the
        // one before it, never elsewhere.
        let near = layout.locate_caret(&para, 11).unwrap();
        assert!(lines[lines.len() - 2..].contains(&near));
        assert_eq!(layout.locate_caret(&Anchor::meta("nonexistent"), 0), None);
    }
}
