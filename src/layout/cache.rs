//! Re-layout after a keystroke: each block's lines depend only on the block,
//! so blocks that did not change keep the lines computed last time and only
//! pagination runs over the whole report.

use super::block::{lay_out_block, BlockLines};
use super::frame::lay_out_frame;
use super::paginate::{paginate_with, Layout};
use crate::document::{Block, Document, Frame};
use std::collections::HashMap;
use std::rc::Rc;

/// The lines of the blocks laid out by the previous call.
#[derive(Debug, Default)]
pub struct LayoutCache {
    blocks: HashMap<Block, Rc<BlockLines>>,
    hits: usize,
}

impl LayoutCache {
    pub fn new() -> LayoutCache {
        LayoutCache::default()
    }

    /// Lays out `doc`, reusing the lines of every block unchanged since the
    /// previous call. The result equals [`super::lay_out`]`(doc)`.
    pub fn lay_out(&mut self, doc: &Document) -> Layout {
        self.lay_out_edition(doc, None)
    }

    /// [`Self::lay_out`] with the frame of a 报送版; equals
    /// [`super::lay_out_edition`]`(doc, frame)`.
    pub fn lay_out_edition(&mut self, doc: &Document, frame: Option<&Frame>) -> Layout {
        let mut next = HashMap::with_capacity(doc.blocks.len());
        let mut hits = 0;
        // A block found is moved from the old map to the new one, not
        // copied: a keystroke copies the one block it changed, not the
        // report's every block.
        let lines: Vec<Rc<BlockLines>> = doc
            .blocks
            .iter()
            .map(|block| {
                if let Some(lines) = next.get(block) {
                    hits += 1;
                    return Rc::clone(lines);
                }
                let (block, lines) = match self.blocks.remove_entry(block) {
                    Some(found) => {
                        hits += 1;
                        found
                    }
                    None => (block.clone(), Rc::new(lay_out_block(block))),
                };
                next.insert(block, Rc::clone(&lines));
                lines
            })
            .collect();
        self.blocks = next;
        self.hits = hits;
        let frame = frame.map(lay_out_frame);
        paginate_with(lines.iter().map(|l| &**l), frame.as_ref())
    }

    /// How many blocks the last call reused.
    pub fn hits(&self) -> usize {
        self.hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{compose, BlockKind};
    use crate::layout::lay_out;
    use crate::sample::seed_draft;
    use crate::template::annual_report;

    #[test]
    fn reuses_unchanged_blocks_and_matches_a_full_layout() {
        let mut doc = compose(annual_report(), &seed_draft("s", 0));
        let mut cache = LayoutCache::new();
        assert_eq!(cache.lay_out(&doc), lay_out(&doc));
        assert_eq!(cache.hits(), 0);
        let at = doc
            .blocks
            .iter()
            .position(|b| matches!(b.kind, BlockKind::Paragraph { .. }))
            .expect("a paragraph");
        if let BlockKind::Paragraph { text } = &mut doc.blocks[at].kind {
            text.push_str("新增一句话，使这一段多出一行以上的文字内容，检验分页是否随之变化。");
        }
        let layout = cache.lay_out(&doc);
        assert_eq!(layout, lay_out(&doc));
        assert_eq!(cache.hits(), doc.blocks.len() - 1);
    }
}
