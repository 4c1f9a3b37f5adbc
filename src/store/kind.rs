//! The kinds of stored entries, told apart by key. IndexedDB keeps each
//! kind in its own object store, under the same key localStorage used.
//! Database version 1 had no `templates` store and kept the writer's
//! templates in `other`; [`super::relocation`] moves them over.

use super::index::INDEX_KEY;
use super::migration::MIGRATED_KEY;
use super::templates::is_template_key;
use super::{CORRUPT_PREFIX, DRAFT_PREFIX, KEY_PREFIX, UI_KEY};

/// What a stored entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Draft,
    Index,
    Ui,
    /// An unreadable record set aside.
    Corrupt,
    /// What has been copied over from localStorage ([`super::migration`]).
    Meta,
    /// A writer's own template (`baogao.v1.template.<id>`).
    Template,
    /// Any other `baogao.v1.` key (kept, never interpreted).
    Other,
}

impl Kind {
    /// Every kind, in the order their object stores are created.
    pub const ALL: [Kind; 7] = [
        Kind::Draft,
        Kind::Index,
        Kind::Ui,
        Kind::Corrupt,
        Kind::Meta,
        Kind::Other,
        Kind::Template,
    ];

    /// The kind of the entry under `key`; `None` for keys not of this app.
    pub fn of(key: &str) -> Option<Kind> {
        if key.starts_with(DRAFT_PREFIX) {
            Some(Kind::Draft)
        } else if key.starts_with(CORRUPT_PREFIX) {
            Some(Kind::Corrupt)
        } else if key == INDEX_KEY {
            Some(Kind::Index)
        } else if key == UI_KEY || key.starts_with(&format!("{UI_KEY}.")) {
            Some(Kind::Ui)
        } else if key == MIGRATED_KEY {
            Some(Kind::Meta)
        } else if is_template_key(key) {
            Some(Kind::Template)
        } else if key.starts_with(KEY_PREFIX) {
            Some(Kind::Other)
        } else {
            None
        }
    }

    /// The name of the IndexedDB object store holding this kind.
    pub fn store_name(self) -> &'static str {
        match self {
            Kind::Draft => "drafts",
            Kind::Index => "index",
            Kind::Ui => "ui",
            Kind::Corrupt => "corrupt",
            Kind::Meta => "meta",
            Kind::Other => "other",
            Kind::Template => "templates",
        }
    }
}
