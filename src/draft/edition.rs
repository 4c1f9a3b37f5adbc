//! The two editions of one draft: the copy sent up to the level above
//! (报送版, the full official document with 版头 and 版记) and the copy
//! published on a website (公开版, the body with the organ as a plain line
//! above the title).

use crate::i18n::{tr, Key};
use serde::{Deserialize, Serialize};

/// Which edition of the report prints and exports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Edition {
    /// 公开版: the body only, the organ in a plain line above the title.
    #[default]
    Public,
    /// 报送版: 版头 (GB/T 9704 7.2), body, 附件说明 and 附注, 版记 (7.4).
    Submitted,
}

impl Edition {
    /// Both editions, in the order the switch shows them.
    pub const ALL: [Edition; 2] = [Edition::Submitted, Edition::Public];

    pub fn is_public(&self) -> bool {
        *self == Edition::Public
    }

    /// The edition's name as the writer sees it, in the interface's language.
    pub fn label(self) -> &'static str {
        tr(match self {
            Edition::Public => Key::EditionPublic,
            Edition::Submitted => Key::EditionSubmitted,
        })
    }

    /// What the edition prints, in one line.
    pub fn description(self) -> &'static str {
        tr(match self {
            Edition::Public => Key::EditionPublicAbout,
            Edition::Submitted => Key::EditionSubmittedAbout,
        })
    }

    /// The stable id used in forms and tests (`public`, `submitted`).
    pub fn id(self) -> &'static str {
        match self {
            Edition::Public => "public",
            Edition::Submitted => "submitted",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_match_the_stored_names() {
        for e in Edition::ALL {
            assert_eq!(
                serde_json::to_string(&e).unwrap(),
                format!("\"{}\"", e.id())
            );
        }
    }
}

#[cfg(test)]
mod action_tests {
    use super::Edition;
    use crate::draft::{apply, Action, Draft, FieldRef, History, ReportDate};
    use crate::template::{annual_report, frame_id};

    #[test]
    fn switching_the_edition_is_one_undoable_step() {
        let t = annual_report();
        let mut h = History::new(Draft::new(t, "d".into(), 2023, 0));
        assert!(h.apply(t, &Action::SetEdition(Edition::Submitted), 1));
        assert!(!h.apply(t, &Action::SetEdition(Edition::Submitted), 2));
        assert_eq!(h.current().edition, Edition::Submitted);
        assert!(h.undo(3));
        assert_eq!(h.current().edition, Edition::Public);
    }

    #[test]
    fn frame_fields_are_set_on_a_draft_made_before_they_existed() {
        let t = annual_report();
        let mut d = Draft::new(t, "d".into(), 2023, 0);
        assert!(!d.meta.contains_key(frame_id::PRINT_DATE));
        let date = ReportDate::new(2023, 12, 20);
        let set = Action::SetFrameDate {
            field: FieldRef::meta(frame_id::PRINT_DATE),
            date,
        };
        assert!(apply(t, &mut d, &set, 1));
        assert_eq!(d.meta_date(frame_id::PRINT_DATE), date);
        assert_eq!(d.date(), None, "the 成文日期 is untouched");
        let line = Action::SetLine {
            field: FieldRef::meta(frame_id::DOC_NUMBER),
            text: "荆发〔2023〕15号".into(),
        };
        assert!(apply(t, &mut d, &line, 2));
        assert_eq!(d.meta_line(frame_id::DOC_NUMBER), "荆发〔2023〕15号");
        let unknown = Action::SetLine {
            field: FieldRef::meta("no_such_field"),
            text: "x".into(),
        };
        assert!(!apply(t, &mut d, &unknown, 3));
    }
}
