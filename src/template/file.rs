//! The writer's own template file (`docs/template-format.md`): read from
//! JSON and checked, every problem said in the interface's language with the
//! field it is about (`sections[1].fields[0].kind`).

use super::{is_official_frame_field, meta_id, FieldKind, FieldSpec, Placement, Template};
use crate::i18n::{fill, tr, Key};
use std::collections::BTreeSet;

/// The largest template file accepted, in bytes.
pub const MAX_TEMPLATE_BYTES: usize = 256 * 1024;

/// Reads and checks a template file. `Err` lists every problem found, each
/// naming its field; nothing is returned half-read. Runs in the tools
/// worker (`tools::READ_TEMPLATE`), so the app itself does not carry the
/// path-tracking reader.
pub fn parse(json: &str) -> Result<Template, Vec<String>> {
    if json.len() > MAX_TEMPLATE_BYTES {
        return Err(vec![fill(
            Key::TplTooLarge,
            &[&(MAX_TEMPLATE_BYTES / 1024)],
        )]);
    }
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let mut de = serde_json::Deserializer::from_str(json);
    let template: Template = match serde_path_to_error::deserialize(&mut de) {
        Ok(t) => t,
        Err(e) => {
            let path = e.path().to_string();
            let inner = e.into_inner();
            return Err(vec![describe_json_error(&path, &inner)]);
        }
    };
    let problems = validate(&template);
    if problems.is_empty() {
        Ok(template)
    } else {
        Err(problems)
    }
}

/// A serde error in the interface's language, with the field it is about.
fn describe_json_error(path: &str, e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let at = fill(Key::TplAt, &[&e.line(), &e.column()]);
    let field = if path.is_empty() || path == "." {
        String::new()
    } else {
        format!("“{path}”")
    };
    let text = e.to_string();
    let quoted = |after: &str| -> Option<String> {
        let rest = text.split(after).nth(1)?;
        let rest = rest.strip_prefix('`')?;
        Some(rest.split('`').next()?.to_string())
    };
    match e.classify() {
        Category::Io | Category::Eof => fill(Key::TplEof, &[&at]),
        Category::Syntax => fill(Key::TplSyntax, &[&at]),
        Category::Data => {
            if let Some(name) = quoted("missing field ") {
                if field.is_empty() {
                    fill(Key::TplMissingField, &[&name, &at])
                } else {
                    fill(Key::TplFieldMissingField, &[&field, &name, &at])
                }
            } else if let Some(value) = quoted("unknown variant ") {
                let allowed = text
                    .split("expected ")
                    .nth(1)
                    .map(|a| a.replace('`', "").replace("one of ", ""))
                    .unwrap_or_default();
                fill(Key::TplBadValue, &[&field, &value, &allowed, &at])
            } else if text.starts_with("invalid type") {
                fill(Key::TplBadType, &[&field, &at, &expected_kind(&text)])
            } else {
                fill(Key::TplBadFieldValue, &[&field, &at])
            }
        }
    }
}

fn expected_kind(text: &str) -> &'static str {
    let expected = text.split("expected ").nth(1).unwrap_or("");
    if expected.contains("string") {
        tr(Key::TplKindText)
    } else if expected.contains("sequence") {
        tr(Key::TplKindList)
    } else if expected.contains("bool") {
        tr(Key::TplKindBool)
    } else if expected.contains("integer") || expected.contains("u32") || expected.contains("i32") {
        tr(Key::TplKindInteger)
    } else {
        tr(Key::TplKindObject)
    }
}

/// The kind a frame field of [`meta_id`] must have, for composition to
/// print it where it belongs.
fn frame_kind(id: &str) -> Option<FieldKind> {
    match id {
        meta_id::YEAR => Some(FieldKind::Year),
        meta_id::PREAMBLE => Some(FieldKind::Text),
        meta_id::DATE => Some(FieldKind::Date),
        meta_id::ORGAN
        | meta_id::TITLE
        | meta_id::ADDRESSEE
        | meta_id::CLOSING
        | meta_id::SIGNATURE => Some(FieldKind::Line),
        _ => None,
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A template kept by this app (in the browser or a backup), read again:
/// the plain reader, then the same rules as a file.
pub fn reread(json: &str) -> Result<Template, Vec<String>> {
    let template: Template =
        serde_json::from_str(json).map_err(|_| vec![tr(Key::TplDamaged).to_string()])?;
    let problems = validate(&template);
    if problems.is_empty() {
        Ok(template)
    } else {
        Err(problems)
    }
}

/// Every problem with a template that parsed, each naming its field.
pub fn validate(t: &Template) -> Vec<String> {
    let mut out = Vec::new();
    if !valid_id(&t.id) {
        out.push(fill(Key::TplBadId, &[&t.id, &tr(Key::TplIdRule)]));
    }
    if t.version == 0 {
        out.push(tr(Key::TplVersion).to_string());
    }
    if t.name.trim().is_empty() {
        out.push(tr(Key::TplName).to_string());
    }
    let mut seen = BTreeSet::new();
    for (i, f) in t.meta.iter().enumerate() {
        let at = format!("meta[{i}]");
        check_field(&at, f, &mut out);
        if !seen.insert(f.id.as_str()) {
            out.push(fill(Key::TplDuplicateField, &[&at, &f.id]));
        }
        if is_official_frame_field(&f.id) {
            out.push(fill(Key::TplFrameField, &[&at, &f.id]));
        }
        if let Some(kind) = frame_kind(&f.id).filter(|&k| k != f.kind) {
            out.push(fill(Key::TplFrameKind, &[&at, &f.id, &kind_name(kind)]));
        }
        if f.placement == Placement::UnderTitle {
            if f.kind != FieldKind::Line {
                out.push(fill(Key::TplUnderTitleLine, &[&at]));
            }
            if frame_kind(&f.id).is_some() {
                out.push(fill(Key::TplFixedPlace, &[&at, &f.id]));
            }
        }
    }
    for (id, kind) in [
        (meta_id::TITLE, FieldKind::Line),
        (meta_id::YEAR, FieldKind::Year),
    ] {
        if !t.meta.iter().any(|f| f.id == id) {
            out.push(fill(Key::TplMetaMissing, &[&id, &kind_name(kind)]));
        }
    }
    if t.sections.is_empty() {
        out.push(tr(Key::TplNoSections).to_string());
    }
    let mut seen = BTreeSet::new();
    for (i, s) in t.sections.iter().enumerate() {
        let at = format!("sections[{i}]");
        if !valid_id(&s.id) {
            out.push(fill(
                Key::TplBadSectionId,
                &[&at, &s.id, &tr(Key::TplIdRule)],
            ));
        } else if !seen.insert(s.id.as_str()) {
            out.push(fill(Key::TplDuplicateSection, &[&at, &s.id]));
        }
        if s.heading.trim().is_empty() {
            out.push(fill(Key::TplNoHeading, &[&at]));
        }
        if s.short.trim().is_empty() {
            out.push(fill(Key::TplNoShort, &[&at]));
        }
        if !(0..=5).contains(&s.year_offset) {
            out.push(fill(Key::TplYearOffset, &[&at, &s.year_offset]));
        }
        if s.fields.is_empty() {
            out.push(fill(Key::TplNoFields, &[&at]));
        }
        let mut fields = BTreeSet::new();
        for (j, f) in s.fields.iter().enumerate() {
            let fat = format!("{at}.fields[{j}]");
            check_field(&fat, f, &mut out);
            if !fields.insert(f.id.as_str()) {
                out.push(fill(Key::TplDuplicateField, &[&fat, &f.id]));
            }
            if f.kind == FieldKind::Year {
                out.push(fill(Key::TplYearInSection, &[&fat]));
            }
            if f.placement != Placement::Unplaced {
                out.push(fill(Key::TplPlacementInSection, &[&fat]));
            }
        }
    }
    out
}

fn check_field(at: &str, f: &FieldSpec, out: &mut Vec<String>) {
    if !valid_id(&f.id) {
        out.push(fill(Key::TplBadFieldId, &[&at, &f.id, &tr(Key::TplIdRule)]));
    }
    if f.label.trim().is_empty() {
        out.push(fill(Key::TplNoLabel, &[&at]));
    }
}

/// The kind's name as a template file writes it.
fn kind_name(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Line => "line",
        FieldKind::Text => "text",
        FieldKind::Subsections => "subsections",
        FieldKind::Points => "points",
        FieldKind::Date => "date",
        FieldKind::Year => "year",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::builtin;

    const EXAMPLE: &str = include_str!("../../docs/template-example.json");

    #[test]
    fn the_built_in_templates_and_the_documented_example_are_valid() {
        for t in builtin() {
            assert_eq!(validate(t), Vec::<String>::new(), "{}", t.id);
            let json = serde_json::to_string(t).expect("json");
            assert_eq!(parse(&json).as_ref(), Ok(t));
        }
        let example = parse(EXAMPLE).expect("docs/template-example.json");
        assert_eq!(example.name, "安全生产工作年度报告");
    }

    #[test]
    fn json_errors_name_the_field_and_the_problem() {
        let broken = EXAMPLE.replacen("\"kind\": \"points\"", "\"kind\": \"bullets\"", 1);
        let problems = parse(&broken).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("“sections[")
                && problems[0].contains("].fields[")
                && problems[0].contains(".kind”的取值“bullets”不可用"),
            "{problems:?}"
        );
        assert!(problems[0].contains("points"), "{problems:?}");

        let no_name = EXAMPLE.replacen("\"name\": \"安全生产工作年度报告\",", "", 1);
        assert_eq!(
            parse(&no_name).unwrap_err()[0].split('（').next(),
            Some("缺少必填字段“name”")
        );
        let cut = &EXAMPLE[..EXAMPLE.len() / 2];
        assert!(parse(cut).unwrap_err()[0].starts_with("文件不完整"));
        assert!(parse("{,}").unwrap_err()[0].contains("不是有效的 JSON"));
        let wrong_type = EXAMPLE.replacen("\"version\": 1", "\"version\": \"一\"", 1);
        assert!(
            parse(&wrong_type).unwrap_err()[0].starts_with("“version”的类型不对"),
            "{:?}",
            parse(&wrong_type)
        );
    }

    #[test]
    fn rule_breaks_are_all_listed_with_their_fields() {
        let mut t = parse(EXAMPLE).expect("example");
        t.id = "安全".into();
        t.sections[1].id = t.sections[0].id.clone();
        t.sections[0].fields[0].kind = FieldKind::Year;
        t.meta.retain(|f| f.id != meta_id::TITLE);
        let problems = validate(&t);
        assert_eq!(
            problems,
            [
                "“id”：模板编号“安全”不可用，只能用英文字母、数字、“-”和“_”，不超过64个字符。",
                "“meta”：缺少“title”字段（类型“line”），每种报告都要有。",
                "“sections[0].fields[0].kind”：“year”只用于基本信息（meta）中的报告年度。",
                "“sections[1].id”：部分编号“work”重复。",
            ]
        );
    }
}
