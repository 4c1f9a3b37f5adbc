//! Addresses inside a draft: which field, and where inside it.
//!
//! A [`FieldRef`] names a field — one of the report's frame (organ, title,
//! addressee, preamble, closing, signature, date, the 报送版's own lines) or
//! one of a section's fields; with an empty field id it names the section's
//! heading, the section as a whole. An [`Address`] is a field reference
//! plus a path inside the field: which paragraph, subsection or point.
//!
//! The path is read two ways, each where it serves:
//!
//! * as indices from the top down (`Vec<usize>`), the way the composed
//!   document anchors its blocks ([`crate::document::Anchor`]): `[2]` is a
//!   text field's third paragraph or a list's third item, `[1, 0, 2]` the
//!   third paragraph of the first 1. under （二）. The preview's lines carry
//!   it, and finding a field's lines is a prefix test;
//! * as a typed place ([`crate::check::Within`]), the way checks point at
//!   what they found ([`crate::check::Location`]): a subsection's heading
//!   and its first paragraph share the indices `[1]` but not the place.
//!
//! `Location::anchor` and `Location::from_anchor` go from one to the other.
//! Edits ([`crate::draft::Action`]) name their field with a [`FieldRef`] too.

use crate::template::{FieldSpec, Template};
use serde::{Deserialize, Serialize};

/// Where a field lives: in the report's frame (`section: None`: organ,
/// title, addressee, preamble, closing, signature, date) or in a section.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FieldRef {
    /// The section id, or `None` for the report's frame (基本信息).
    pub section: Option<String>,
    /// The field id within the frame or the section; "" for a section's
    /// heading (the section as a whole).
    pub id: String,
}

impl FieldRef {
    /// A frame field, such as [`crate::template::meta_id::TITLE`].
    pub fn meta(field: &str) -> FieldRef {
        FieldRef {
            section: None,
            id: field.to_string(),
        }
    }

    /// A field of a section.
    pub fn section(section: &str, field: &str) -> FieldRef {
        FieldRef {
            section: Some(section.to_string()),
            id: field.to_string(),
        }
    }

    /// A section's heading: the section as a whole.
    pub fn heading(section: &str) -> FieldRef {
        FieldRef::section(section, "")
    }

    /// Whether this names a section's heading.
    pub fn is_heading(&self) -> bool {
        self.section.is_some() && self.id.is_empty()
    }

    /// The section id, if the field is a section's.
    pub fn section_id(&self) -> Option<&str> {
        self.section.as_deref()
    }

    /// The template's description of this field.
    pub fn spec<'t>(&self, template: &'t Template) -> Option<&'t FieldSpec> {
        match &self.section {
            None => template.meta_field(&self.id),
            Some(section) => template.section(section)?.field(&self.id),
        }
    }
}

/// A field reference plus a path inside the field. `P` is how the path is
/// spelled: indices (`Vec<usize>`, a composed block's anchor) or a typed
/// place (`Within`, a check's location); see the module docs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Address<P> {
    pub field: FieldRef,
    pub path: P,
}

impl<P> Address<P> {
    /// The place `path` inside `field`.
    pub fn new(field: FieldRef, path: P) -> Address<P> {
        Address { field, path }
    }

    /// Whether both addresses are inside the same field.
    pub fn same_field<Q>(&self, other: &Address<Q>) -> bool {
        self.field == other.field
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_reference_finds_its_template_field() {
        let t = crate::template::annual_report();
        let items = FieldRef::section("measures", "items");
        assert_eq!(items.spec(t).map(|f| f.id.as_str()), Some("items"));
        assert_eq!(
            FieldRef::meta("title").spec(t).map(|f| f.id.as_str()),
            Some("title")
        );
        assert!(FieldRef::section("measures", "nothing").spec(t).is_none());
        assert!(FieldRef::heading("measures").is_heading());
        assert!(!FieldRef::meta("title").is_heading());
        assert_eq!(items.section_id(), Some("measures"));
    }

    #[test]
    fn addresses_compare_their_fields() {
        let a = Address::new(FieldRef::section("plans", "points"), vec![1, 0]);
        let b = Address::new(FieldRef::section("plans", "points"), "elsewhere");
        let c = Address::new(FieldRef::section("plans", "intro"), vec![1, 0]);
        assert!(a.same_field(&b));
        assert!(!a.same_field(&c));
    }
}
