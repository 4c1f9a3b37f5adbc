//! Text that names somewhere else or still holds an example's placeholder:
//!
//! * a place of the organ's level (镇, 乡, 街道, 县) in the body, the title
//!   or the signature that is not the organ's own — last year's town after a rename, a neighbour's text
//!   pasted in — and always the sample report's town, with a fix that puts
//!   the organ's place in;
//! * the placeholders the examples are inserted with (“××镇”, “×次”).

use super::slots::{Role, Slot};
use super::text::{is_han, snippet};
use super::{Check, Finding, Fix, FixAction, Severity};
use crate::draft::Draft;
use crate::sample::SAMPLE_PLACE;
use crate::template::meta_id;

/// Place levels a township or county report names itself by, longest first.
const LEVELS: [&str; 4] = ["街道", "镇", "乡", "县"];

/// Characters that, right before a level, make a common word rather than
/// a place name (全镇, 乡镇, 城乡, 本县…).
fn not_a_name(level: &str, before: char) -> bool {
    let common = "全本各我该此每两一邻是在对于为和与及的了将把被从向到由以治法镇乡县";
    let extra = match level {
        "镇" => "乡城村集市小重名强古坐",
        "乡" => "城下家返回老故异入同外",
        "街道" => "镇乡和及与的条",
        _ => "市区州郡省",
    };
    common.contains(before) || extra.contains(before)
}

/// Characters that, right after a level, make a word (乡村, 镇压).
fn not_a_place_after(level: &str, after: Option<char>) -> bool {
    let Some(c) = after else { return false };
    match level {
        "镇" => "压守静痛定".contains(c),
        "乡" => "村镇土风贤亲里愁".contains(c),
        _ => false,
    }
}

/// The organ's own place (“青山镇” in “中共青山镇委” or “青山镇人民政府”):
/// the name up to the first level word that follows at least two characters.
pub(crate) fn own_place(organ: &str) -> Option<String> {
    let organ = organ.trim();
    let organ = organ.strip_prefix("中共").unwrap_or(organ);
    let chars: Vec<(usize, char)> = organ.char_indices().collect();
    for &(at, _) in chars.iter().skip(2) {
        if let Some(level) = LEVELS.iter().find(|l| organ[at..].starts_with(*l)) {
            let name = &organ[..at];
            if name.chars().all(is_han) {
                return Some(format!("{name}{level}"));
            }
            return None;
        }
    }
    None
}

/// The level word a place ends with.
fn level_of(place: &str) -> Option<&'static str> {
    LEVELS.iter().copied().find(|l| place.ends_with(l))
}

/// A place named in `text` that is not `own`: (byte range, place).
pub(crate) fn foreign_places(
    text: &str,
    own: Option<&str>,
) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    let own_level = own.and_then(level_of);
    let sample_own = own.is_some_and(|o| o == SAMPLE_PLACE);
    if !sample_own {
        let name = SAMPLE_PLACE.trim_end_matches('镇');
        for (at, _) in text.match_indices(name) {
            let end = if text[at + name.len()..].starts_with('镇') {
                at + SAMPLE_PLACE.len()
            } else {
                at + name.len()
            };
            out.push((at..end, text[at..end].to_string()));
        }
    }
    let (Some(own), Some(level)) = (own, own_level) else {
        return out;
    };
    for (at, _) in text.match_indices(level) {
        if out.iter().any(|(r, _)| r.contains(&at)) {
            continue;
        }
        let before: Vec<(usize, char)> = text[..at].char_indices().rev().take(2).collect();
        let [(_, c1), (start, c2)] = before[..] else {
            continue;
        };
        if !is_han(c1) || !is_han(c2) || not_a_name(level, c1) || level.contains(c2) {
            continue;
        }
        let end = at + level.len();
        if not_a_place_after(level, text[end..].chars().next()) {
            continue;
        }
        let place = &text[start..end];
        if own.ends_with(place) || place.ends_with(own) {
            continue;
        }
        // In text order among the sample's names found before.
        let at = out.partition_point(|(r, _)| r.start < start);
        out.insert(at, (start..end, place.to_string()));
    }
    out
}

/// `text` with `from` (and, for the sample's town, its bare name) turned
/// into `to`.
pub(crate) fn replace_place(text: &str, from: &str, to: &str) -> String {
    let out = text.replace(from, to);
    if from == SAMPLE_PLACE {
        let to_name = level_of(to).map_or(to, |l| &to[..to.len() - l.len()]);
        return out.replace(SAMPLE_PLACE.trim_end_matches('镇'), to_name);
    }
    out
}

/// Placeholders left from an inserted example: “××” (a name) and “×”
/// before a measure word (a number), as byte ranges.
pub(crate) fn placeholders(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c != '×' {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(i, '×')) = chars.peek() {
            end = i + '×'.len_utf8();
            chars.next();
        }
        let after = text[end..].chars().next();
        let before = text[..at].chars().next_back();
        // “3×4” is arithmetic, not a placeholder.
        if before.is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        if end - at > '×'.len_utf8() || after.is_some_and(is_han) {
            out.push(at..end);
        }
    }
    out
}

pub(crate) fn check(draft: &Draft, slots: &[Slot], out: &mut Vec<Finding>) {
    let organ = match draft.meta_line(meta_id::ORGAN) {
        "" => draft.meta_line(meta_id::SIGNATURE),
        organ => organ,
    };
    let own = own_place(organ);
    for slot in slots {
        let body = matches!(
            slot.role,
            Role::Paragraph | Role::PointStart | Role::SubsectionHeading
        );
        let frame_line = slot.role == Role::Line && slot.location.field.section.is_none();
        if !body && !frame_line {
            continue;
        }
        let found = placeholders(slot.text);
        // A placeholder naming a place (“××镇”) can take the organ's place.
        let place_of = |r: &std::ops::Range<usize>| {
            LEVELS
                .iter()
                .find(|l| slot.text[r.end..].starts_with(*l))
                .map(|l| slot.text[r.start..r.end + l.len()].to_string())
        };
        let place = found
            .iter()
            .find_map(|r| place_of(r).map(|p| (r.clone(), p)));
        if let Some((range, placeholder)) = &place {
            out.push(Finding {
                severity: Severity::Error,
                check: Check::Placeholder,
                location: slot.location.clone(),
                message: format!(
                    "“{}”中的“{placeholder}”是示例里的占位，请写上本单位的地名",
                    snippet(slot.text, range.clone())
                ),
                fix: own.as_ref().map(|own| Fix {
                    location: slot.location.clone(),
                    action: FixAction::ReplacePlace {
                        from: placeholder.clone(),
                        to: own.clone(),
                    },
                }),
            });
        }
        if let Some(range) = found.iter().find(|r| place_of(r).is_none()) {
            out.push(Finding {
                severity: Severity::Error,
                check: Check::Placeholder,
                location: slot.location.clone(),
                message: format!(
                    "“{}”中的“×”是示例里的占位，请写上实际的名称或数字",
                    snippet(slot.text, range.clone())
                ),
                fix: None,
            });
        }
        // The title and the signature name the organ too (a renamed town
        // left in the signature); the organ itself is the reference.
        let names_organ = frame_line
            && (slot.location.field.id == meta_id::TITLE
                || slot.location.field.id == meta_id::SIGNATURE);
        if !body && !names_organ {
            continue;
        }
        let mut named: Vec<String> = Vec::new();
        for (range, place) in foreign_places(slot.text, own.as_deref()) {
            let key = if place == SAMPLE_PLACE.trim_end_matches('镇') {
                SAMPLE_PLACE.to_string()
            } else {
                place.clone()
            };
            if named.contains(&key) {
                continue;
            }
            named.push(key.clone());
            let sample = key == SAMPLE_PLACE;
            let whose = if sample {
                "是示例报告中的地名"
            } else {
                "不是本单位的地名"
            };
            let message = match &own {
                Some(own) => format!(
                    "“{}”中的“{place}”{whose}，本报告的发文机关是{own}",
                    snippet(slot.text, range)
                ),
                None => format!("“{}”中的“{place}”{whose}", snippet(slot.text, range)),
            };
            out.push(Finding {
                severity: if sample {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                check: Check::ForeignPlace,
                location: slot.location.clone(),
                message,
                fix: own.as_ref().map(|own| Fix {
                    location: slot.location.clone(),
                    action: FixAction::ReplacePlace {
                        from: key,
                        to: own.clone(),
                    },
                }),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_organs_place_is_read_from_its_name() {
        assert_eq!(own_place("中共青山镇委").as_deref(), Some("青山镇"));
        assert_eq!(own_place("青山镇人民政府").as_deref(), Some("青山镇"));
        assert_eq!(own_place("马家湾乡人民政府").as_deref(), Some("马家湾乡"));
        assert_eq!(own_place("城关街道办事处").as_deref(), Some("城关街道"));
        assert_eq!(own_place("乡宁县司法局").as_deref(), Some("乡宁县"));
        assert_eq!(own_place("××县司法局"), None);
        assert_eq!(own_place(""), None);
    }

    #[test]
    fn other_places_are_found_and_common_words_are_not() {
        let places = |text: &str| -> Vec<String> {
            foreign_places(text, Some("青山镇"))
                .into_iter()
                .map(|(_, p)| p)
                .collect()
        };
        assert_eq!(
            places("荆家镇党委、政府将法治建设纳入荆家镇规划，打造法治荆家。"),
            ["荆家镇", "荆家镇", "荆家"]
        );
        assert_eq!(
            places("青山镇与白沙镇、各乡镇、全镇、城镇、特色小镇联动。"),
            ["白沙镇"]
        );
        assert!(places("我镇坚持镇压邪教，镇村两级、乡镇街道全覆盖。").is_empty());
        assert!(foreign_places("打造法治荆家镇。", Some("荆家镇")).is_empty());
        assert_eq!(
            foreign_places("马家湾镇全体干部", Some("马家湾镇")).len(),
            0
        );
    }

    #[test]
    fn the_sample_town_is_replaced_with_the_organs_place() {
        assert_eq!(
            replace_place("荆家镇党委…打造法治荆家。", SAMPLE_PLACE, "青山镇"),
            "青山镇党委…打造法治青山。"
        );
        assert_eq!(
            replace_place("与白沙镇联动", "白沙镇", "青山镇"),
            "与青山镇联动"
        );
    }

    #[test]
    fn placeholders_are_names_and_numbers_left_as_crosses() {
        fn found(t: &str) -> Vec<&str> {
            placeholders(t).into_iter().map(|r| &t[r]).collect()
        }
        assert_eq!(found("××镇党委组织讲座×次，×项问题"), ["××", "×", "×"]);
        assert!(found("面积3×4米").is_empty());
        assert!(found("没有占位。").is_empty());
    }

    #[test]
    fn an_inserted_example_and_the_sample_town_are_flagged_with_fixes() {
        use crate::check::{apply_fix, run, Check};
        use crate::draft::{apply, Action, FieldRef, FieldValue};
        use crate::template::annual_report;
        let t = annual_report();
        let mut d = Draft::new(t, "d".into(), 2025, 0);
        d.meta.insert(
            meta_id::ORGAN.into(),
            FieldValue::Line("青山镇人民政府".into()),
        );
        let items = FieldRef::section("duty", "items");
        assert!(apply(t, &mut d, &Action::InsertExample { field: items }, 1));
        let found = run(t, &d);
        let placeholder: Vec<_> = found
            .iter()
            .filter(|f| f.check == Check::Placeholder)
            .collect();
        assert_eq!(placeholder.len(), 1);
        assert_eq!(placeholder[0].severity, Severity::Error);
        assert!(
            placeholder[0].message.contains("讲座×次"),
            "{}",
            placeholder[0].message
        );

        // The sample's own text pasted in: its town is flagged, and fixed.
        let text = "荆家镇党委、政府把法治建设纳入荆家镇规划，打造法治荆家。";
        d.meta.insert(
            meta_id::PREAMBLE.into(),
            FieldValue::Text(vec![text.into()]),
        );
        let found = run(t, &d);
        let place: Vec<_> = found
            .iter()
            .filter(|f| f.check == Check::ForeignPlace)
            .collect();
        assert_eq!(place.len(), 1, "one finding per paragraph and place");
        assert_eq!(
            place[0].message,
            "“荆家镇党委、政府把法治…”中的“荆家镇”是示例报告中的地名，本报告的发文机关是青山镇"
        );
        let Some(fix) = &place[0].fix else {
            panic!("no fix")
        };
        assert_eq!(fix.label(), "把“荆家镇”改为“青山镇”");
        assert_eq!(apply_fix(&mut d, fix), Ok(()));
        assert_eq!(
            d.meta(meta_id::PREAMBLE),
            Some(&FieldValue::Text(vec![
                "青山镇党委、政府把法治建设纳入青山镇规划，打造法治青山。".into()
            ]))
        );
        assert!(!run(t, &d).iter().any(|f| f.check == Check::ForeignPlace));
    }

    #[test]
    fn a_signature_left_with_last_years_town_is_flagged() {
        use crate::check::{apply_fix, run, Check};
        use crate::draft::FieldValue;
        use crate::template::annual_report;
        let t = annual_report();
        let mut d = crate::sample::seed_draft("s", 0);
        // The town was renamed: the organ says so, the signature does not.
        d.meta.insert(
            meta_id::ORGAN.into(),
            FieldValue::Line("中共青山镇委".into()),
        );
        let found = run(t, &d);
        let signature: Vec<_> = found
            .iter()
            .filter(|f| f.check == Check::ForeignPlace && f.location.field.id == meta_id::SIGNATURE)
            .collect();
        assert_eq!(signature.len(), 1);
        let Some(fix) = &signature[0].fix else {
            panic!("no fix")
        };
        assert_eq!(apply_fix(&mut d, fix), Ok(()));
        assert_eq!(d.meta_line(meta_id::SIGNATURE), "中共青山镇委");
        // The organ line is the reference, never flagged itself.
        assert!(!run(t, &d)
            .iter()
            .any(|f| f.check == Check::ForeignPlace && f.location.field.id == meta_id::ORGAN));
    }
}
