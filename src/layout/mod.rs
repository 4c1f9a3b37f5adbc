//! GB/T 9704 layout: a composed [`Document`] into pages of positioned lines
//! on the standard grid, so that the preview and the printout break lines
//! and pages in the same places whatever fonts are installed.
//!
//! # The grid
//!
//! A4, type area 156 × 225 mm at 37 mm from the top and 28 mm from the left,
//! 22 rows of 28 characters ([`geometry`], [`grid`]). Horizontal positions
//! are counted in half-width units: a full-width character takes 2, a digit
//! or Latin letter 1, a line 56. Lines break by these counts, never by
//! measured glyph width; the renderer draws each line at its row and start
//! and, for justified lines, spreads it to the right edge of the type area.
//!
//! # Two steps
//!
//! 1. [`lay_out_block`]: one [`Block`] into [`Line`]s without page or row —
//!    a pure function of the block, so the UI can keep the result per block
//!    and after a keystroke redo only the edited block.
//! 2. [`paginate()`]: the blocks' lines onto [`Page`]s of 22 rows, with blank
//!    rows, keep-together rules, signature placement and page numbers.
//!
//! [`lay_out`] does both for a whole document.
//!
//! # Elements, top to bottom
//!
//! * **Organ line** (a report without red header): its own line, centred,
//!   3号 仿宋 ([`FontRole::Body`]), then one blank row, then the title.
//!   Reports sent up without a red header commonly name the issuing organ in
//!   a plain centred line above the title, in the document's default face
//!   (5.2.2: 3号 仿宋 for everything not stated otherwise); we follow that
//!   rather than imitate the red 发文机关标志. The edition sent up (报送版)
//!   has the real 版头 instead, and the 附件说明, 附注 and 版记: see
//!   [`frame`] and [`lay_out_edition`].
//! * **Title**: 2号 (22 pt) 小标宋, centred, not justified. A 2号 line holds
//!   floor(156 mm / 22 pt) = 20 full-width characters
//!   ([`geometry::TITLE_CHARS_PER_LINE`]). Each title line takes one grid
//!   row: 22 pt fits in the 28.95 pt line pitch, and keeping every line on
//!   the grid keeps the rest of the page on it. A long title is broken into
//!   the fewest lines, balanced (similar lengths, ties to the longer line on
//!   top), between words, never leaving one character alone; see [`title`].
//!   One blank row under the title.
//! * **Addressee**: flush left (顶格), wraps flush left; the body starts on
//!   the next row.
//! * **Paragraphs** and the closing formula ("特此报告。"): first line
//!   indented two characters (4 units), continuation lines flush left, all
//!   lines but the last justified.
//! * **Headings**: "一、" 黑体, "（一）" 楷体, "1." and "（1）" 仿宋, all 3号,
//!   indented like paragraphs. A standalone heading has its own lines. A
//!   run-in heading ([`BlockKind::Heading`] with `run_in`) flows with its
//!   paragraph: the heading part in its font, the rest in [`FontRole::Body`],
//!   so a line may carry two runs.
//! * **Signature** (unsealed): one blank row under the body, at
//!   [`grid::signature_and_date_starts`] (右空二字); the date on the next
//!   row, its first character two characters right of the signature's.
//! * **Page numbers**: "— N —" in 4号 宋体, half-width digits, the dashes
//!   7 mm under the type area; odd pages right with one 4号 character of
//!   space (右空一字), even pages left (左空一字). Every page carries its
//!   number; layout never produces a blank page.
//!
//! # Line breaking (避头尾), in [`breaking`]
//!
//! Text is cut into clusters that never break: one full-width character, a
//! run of half-width letters, digits and signs ("2023", "26000", "GB/T",
//! "9704-2012"), or a doubled mark ("——", "……"). A half-width run longer
//! than a line is split by characters. Lines are filled greedily; when the
//! next cluster does not fit:
//!
//! 1. if the break there is allowed — the next line does not start with
//!    closing punctuation (，。、；：？！）》」』”’… and their half-width
//!    forms) and this line does not end with opening punctuation （《「『“‘ —
//!    break there;
//! 2. else, if the overflowing cluster is one closing mark and the cluster
//!    after it may start a line, the mark stays on this line, compressed: the
//!    line is then up to 2 units over its room ([`Line::is_compressed`]) and
//!    the renderer squeezes it into the line width;
//! 3. else the break moves back one cluster at a time (characters are pulled
//!    down to the next line) until it is allowed; the shortened line is
//!    justified;
//! 4. if no allowed break exists on the line (nothing but punctuation), the
//!    greedy break stands.
//!
//! # Pagination, in [`paginate()`]
//!
//! * 22 rows a page. Blank rows: one under the organ line, one under the
//!   title, one above the signature; a blank row never opens a page.
//! * A heading never ends a page: heading lines keep with the next line, so
//!   a heading moves to the next page with the first line of what follows.
//!   In a run-in heading, a line holding only heading text keeps with the
//!   next line, so no page ends on a heading-only row.
//! * The last body line, the blank row, the signature and the date keep
//!   together: the signature and date never part, and never open a page
//!   without a line of body text above them.
//! * Title and organ lines keep together and with what follows.
//! * No widow/orphan control otherwise: GB/T 9704 fills every page with 22
//!   rows, and a page broken early only by these rules stays short. A Word
//!   export must switch off Word's own widow control (`w:widowControl
//!   w:val="0"`) to break where this layout breaks.
//! * A keep-together run longer than a page is not kept.

pub mod block;
pub mod breaking;
pub mod cache;
mod caret;
pub mod frame;
pub mod geometry;
pub mod grid;
pub mod line;
pub mod paginate;
pub mod punct;
pub mod title;

pub use block::{lay_out_block, BlockLines, BlockRole};
pub use cache::LayoutCache;
pub use frame::{lay_out_frame, FrameLines, Mark, FRAME_BLOCK};
pub use line::{Align, FontRole, Line, Run};
pub use paginate::{paginate, paginate_with, Layout, Page, PageNumber, PlacedLine, Side};

#[cfg(doc)]
use crate::document::{Block, BlockKind};
use crate::document::{Document, Frame};

/// Lays out a whole document: every block into lines, then onto pages.
pub fn lay_out(doc: &Document) -> Layout {
    let blocks: Vec<BlockLines> = doc.blocks.iter().map(lay_out_block).collect();
    paginate(&blocks)
}

/// Lays out an edition: the document alone (公开版), or with the frame of a
/// 报送版 around it ([`frame`]).
pub fn lay_out_edition(doc: &Document, frame: Option<&Frame>) -> Layout {
    let blocks: Vec<BlockLines> = doc.blocks.iter().map(lay_out_block).collect();
    let frame = frame.map(lay_out_frame);
    paginate_with(&blocks, frame.as_ref())
}
