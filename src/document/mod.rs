//! The composed document: typed blocks in reading order, numbered, ready for
//! layout and export. Built from a template and a draft by [`compose`].

mod compose;
pub mod frame;
pub mod numbering;

pub use compose::compose;
pub use frame::{compose_edition, Frame};

use crate::draft::{Address, FieldRef};
use serde::{Deserialize, Serialize};

/// Where a block came from in the draft: its field and the indices inside
/// it (paragraph, or subsection path then paragraph), so that previews can
/// scroll to the part being edited and checks can point at a field. See
/// [`crate::draft::Address`].
pub type Anchor = Address<Vec<usize>>;

impl Anchor {
    /// A frame field as a whole.
    pub fn meta(field: &str) -> Anchor {
        Address::new(FieldRef::meta(field), Vec::new())
    }

    /// A place inside a section's field ("" for the section's heading).
    pub fn section(section: &str, field: &str, path: Vec<usize>) -> Anchor {
        Address::new(FieldRef::section(section, field), path)
    }
}

/// The kinds of block a report is made of.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BlockKind {
    /// The issuing organ's line above the title.
    Organ {
        text: String,
    },
    Title {
        text: String,
    },
    /// A centred line under the title that the template declares, such as
    /// “述职人：××镇镇长　张××”.
    Byline {
        text: String,
    },
    /// The addressee line, ending with "：".
    Addressee {
        text: String,
    },
    /// A body paragraph (points carry their 一是 in the text).
    Paragraph {
        text: String,
    },
    /// A numbered heading. Level 1 is "一、", 2 "（一）", 3 "1.", 4 "（1）".
    /// A run-in heading carries the paragraph text that follows it on the
    /// same line in `run_in`.
    Heading {
        level: u8,
        number: String,
        text: String,
        run_in: Option<String>,
    },
    /// The closing formula, such as "特此报告。".
    Closing {
        text: String,
    },
    Signature {
        text: String,
    },
    Date {
        text: String,
    },
}

/// One block with its origin.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub anchor: Anchor,
}

/// A composed report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub blocks: Vec<Block>,
}

impl Document {
    /// The title, if the document has one.
    pub fn title(&self) -> Option<&str> {
        self.blocks.iter().find_map(|b| match &b.kind {
            BlockKind::Title { text } => Some(text.as_str()),
            _ => None,
        })
    }
}

impl BlockKind {
    /// The block's full text as it reads, number included.
    pub fn full_text(&self) -> String {
        match self {
            BlockKind::Organ { text }
            | BlockKind::Title { text }
            | BlockKind::Byline { text }
            | BlockKind::Addressee { text }
            | BlockKind::Paragraph { text }
            | BlockKind::Closing { text }
            | BlockKind::Signature { text }
            | BlockKind::Date { text } => text.clone(),
            BlockKind::Heading {
                number,
                text,
                run_in,
                ..
            } => format!("{number}{text}{}", run_in.as_deref().unwrap_or("")),
        }
    }
}
