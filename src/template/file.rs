//! The writer's own template file (`docs/template-format.md`): read from
//! JSON and checked, every problem said in Simplified Chinese with the
//! field it is about (`sections[1].fields[0].kind`).

use super::{is_official_frame_field, meta_id, FieldKind, FieldSpec, Placement, Template};
use std::collections::BTreeSet;

/// The largest template file accepted, in bytes.
pub const MAX_TEMPLATE_BYTES: usize = 256 * 1024;

/// Reads and checks a template file. `Err` lists every problem found, each
/// naming its field; nothing is returned half-read. Runs in the tools
/// worker (`tools::READ_TEMPLATE`), so the app itself does not carry the
/// path-tracking reader.
pub fn parse(json: &str) -> Result<Template, Vec<String>> {
    if json.len() > MAX_TEMPLATE_BYTES {
        return Err(vec![format!(
            "文件太大（超过{}KB），不像是模板文件。",
            MAX_TEMPLATE_BYTES / 1024
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

/// A serde error in Chinese, with the field it is about.
fn describe_json_error(path: &str, e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let at = format!("第{}行第{}列", e.line(), e.column());
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
        Category::Io | Category::Eof => {
            format!("文件不完整（{at}处意外结束），请检查是否复制全了。")
        }
        Category::Syntax => format!("{at}不是有效的 JSON，请检查逗号、引号和括号。"),
        Category::Data => {
            if let Some(name) = quoted("missing field ") {
                if field.is_empty() {
                    format!("缺少必填字段“{name}”（{at}）。")
                } else {
                    format!("{field}缺少必填字段“{name}”（{at}）。")
                }
            } else if let Some(value) = quoted("unknown variant ") {
                let allowed = text
                    .split("expected ")
                    .nth(1)
                    .map(|a| a.replace('`', "").replace("one of ", ""))
                    .unwrap_or_default();
                format!("{field}的取值“{value}”不可用，可用的取值：{allowed}（{at}）。")
            } else if text.starts_with("invalid type") {
                format!("{field}的类型不对（{at}）：应为{}。", expected_kind(&text))
            } else {
                format!("{field}的值不对（{at}）。")
            }
        }
    }
}

fn expected_kind(text: &str) -> &'static str {
    let expected = text.split("expected ").nth(1).unwrap_or("");
    if expected.contains("string") {
        "文字（加引号）"
    } else if expected.contains("sequence") {
        "列表（[ ]）"
    } else if expected.contains("bool") {
        "true 或 false"
    } else if expected.contains("integer") || expected.contains("u32") || expected.contains("i32") {
        "整数"
    } else {
        "对象（{ }）"
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

const ID_RULE: &str = "只能用英文字母、数字、“-”和“_”，不超过64个字符";

/// A template kept by this app (in the browser or a backup), read again:
/// the plain reader, then the same rules as a file.
pub fn reread(json: &str) -> Result<Template, Vec<String>> {
    let template: Template =
        serde_json::from_str(json).map_err(|_| vec!["模板内容已损坏，无法读取。".to_string()])?;
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
        out.push(format!("“id”：模板编号“{}”不可用，{ID_RULE}。", t.id));
    }
    if t.version == 0 {
        out.push("“version”：版本号从1开始。".to_string());
    }
    if t.name.trim().is_empty() {
        out.push("“name”：模板名称不能为空。".to_string());
    }
    let mut seen = BTreeSet::new();
    for (i, f) in t.meta.iter().enumerate() {
        let at = format!("meta[{i}]");
        check_field(&at, f, &mut out);
        if !seen.insert(f.id.as_str()) {
            out.push(format!("“{at}.id”：字段编号“{}”重复。", f.id));
        }
        if is_official_frame_field(&f.id) {
            out.push(format!(
                "“{at}.id”：“{}”是报送版版头、版记的字段，由程序提供，模板不能再定义。",
                f.id
            ));
        }
        if let Some(kind) = frame_kind(&f.id).filter(|&k| k != f.kind) {
            out.push(format!(
                "“{at}.kind”：“{}”字段的类型应为“{}”。",
                f.id,
                kind_name(kind)
            ));
        }
        if f.placement == Placement::UnderTitle {
            if f.kind != FieldKind::Line {
                out.push(format!(
                    "“{at}.placement”：只有单行（line）字段可以印在标题下方。"
                ));
            }
            if frame_kind(&f.id).is_some() {
                out.push(format!(
                    "“{at}.placement”：“{}”有固定的位置，不能改印在标题下方。",
                    f.id
                ));
            }
        }
    }
    for (id, kind) in [
        (meta_id::TITLE, FieldKind::Line),
        (meta_id::YEAR, FieldKind::Year),
    ] {
        if !t.meta.iter().any(|f| f.id == id) {
            out.push(format!(
                "“meta”：缺少“{id}”字段（类型“{}”），每种报告都要有。",
                kind_name(kind)
            ));
        }
    }
    if t.sections.is_empty() {
        out.push("“sections”：至少要有一个部分。".to_string());
    }
    let mut seen = BTreeSet::new();
    for (i, s) in t.sections.iter().enumerate() {
        let at = format!("sections[{i}]");
        if !valid_id(&s.id) {
            out.push(format!("“{at}.id”：部分编号“{}”不可用，{ID_RULE}。", s.id));
        } else if !seen.insert(s.id.as_str()) {
            out.push(format!("“{at}.id”：部分编号“{}”重复。", s.id));
        }
        if s.heading.trim().is_empty() {
            out.push(format!("“{at}.heading”：标题不能为空。"));
        }
        if s.short.trim().is_empty() {
            out.push(format!("“{at}.short”：简称不能为空（步骤列表要用）。"));
        }
        if !(0..=5).contains(&s.year_offset) {
            out.push(format!(
                "“{at}.year_offset”：年份偏移应在0到5之间，这里是{}。",
                s.year_offset
            ));
        }
        if s.fields.is_empty() {
            out.push(format!("“{at}.fields”：至少要有一个字段。"));
        }
        let mut fields = BTreeSet::new();
        for (j, f) in s.fields.iter().enumerate() {
            let fat = format!("{at}.fields[{j}]");
            check_field(&fat, f, &mut out);
            if !fields.insert(f.id.as_str()) {
                out.push(format!("“{fat}.id”：字段编号“{}”重复。", f.id));
            }
            if f.kind == FieldKind::Year {
                out.push(format!(
                    "“{fat}.kind”：“year”只用于基本信息（meta）中的报告年度。"
                ));
            }
            if f.placement != Placement::Unplaced {
                out.push(format!(
                    "“{fat}.placement”：只有基本信息（meta）中的字段可以印在标题下方。"
                ));
            }
        }
    }
    out
}

fn check_field(at: &str, f: &FieldSpec, out: &mut Vec<String>) {
    if !valid_id(&f.id) {
        out.push(format!("“{at}.id”：字段编号“{}”不可用，{ID_RULE}。", f.id));
    }
    if f.label.trim().is_empty() {
        out.push(format!(
            "“{at}.label”：字段名称不能为空（它是输入框的名字）。"
        ));
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
