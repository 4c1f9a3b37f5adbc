//! Report templates: the sections a report must contain, the fields a writer
//! fills in, and the hints and examples that guide them.
//!
//! Templates are data (`templates/*.json`), compiled into the binary and
//! parsed on first use.

mod file;

pub use file::{parse, reread, validate, MAX_TEMPLATE_BYTES};

use crate::i18n::{fill, tr, Key};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The kinds of content a field can hold.
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// One line of text.
    Line,
    /// Several paragraphs.
    Text,
    /// A repeatable list of subsections numbered （一）（二）… by position.
    Subsections,
    /// A repeatable list of points rendered 一是…二是… by position.
    Points,
    /// A calendar date written 2023年12月18日.
    Date,
    /// The report year, which the title and headings follow.
    Year,
}

/// One field of a template: what it holds and how the writer is guided.
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldSpec {
    pub id: String,
    pub label: String,
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub hint: String,
    /// An example from a real report. For subsections the first line is the
    /// heading and the following lines are paragraphs.
    #[serde(default)]
    pub example: String,
    /// Initial value; `{year}` and `{next_year}` are replaced by the report year.
    #[serde(default)]
    pub default: String,
    /// Where a frame field of the template's own prints. The frame fields
    /// of [`meta_id`] have fixed places and ignore it.
    #[serde(default, skip_serializing_if = "Placement::is_unplaced")]
    pub placement: Placement,
}

/// Where a template's own frame field prints.
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// Not printed by itself (the frame fields of [`meta_id`], section fields).
    #[default]
    Unplaced,
    /// A centred line under the title, such as a 述职报告's
    /// “述职人：××镇党委书记　张××”.
    UnderTitle,
}

impl Placement {
    pub fn is_unplaced(&self) -> bool {
        *self == Placement::Unplaced
    }
}

/// What a section is for, as far as the checks are concerned.
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionRole {
    /// The work done and its results: where figures and cases belong.
    Achievements,
    /// Shortcomings and their causes.
    Shortcomings,
    /// How leaders fulfilled a duty: where figures and cases belong too.
    Duty,
    /// What comes next: its years run `year_offset` after the report year,
    /// and it should not repeat the achievements word for word.
    Plans,
    /// Anything else.
    #[default]
    Other,
}

/// One level-1 section of a report.
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionSpec {
    pub id: String,
    /// Default heading; `{year}` and `{next_year}` are replaced by the report year.
    pub heading: String,
    /// A short name for step lists.
    pub short: String,
    #[serde(default)]
    pub required: bool,
    /// Whether a new draft includes the section (optional sections may start off).
    #[serde(default = "yes")]
    pub enabled_by_default: bool,
    /// Words that identify this section in an existing report's heading.
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub hint: String,
    #[serde(default)]
    pub example: String,
    /// What the section is for, which the checks go by.
    #[serde(default)]
    pub role: SectionRole,
    /// The year the section speaks of, counted from the report year: 1 for
    /// the next year's plans.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub year_offset: i32,
    /// The fewest characters (whitespace not counted) the section needs to
    /// say anything; 0 for no minimum.
    #[serde(default, skip_serializing_if = "is_zero_usize")]
    pub min_chars: usize,
    pub fields: Vec<FieldSpec>,
}

fn is_zero(n: &i32) -> bool {
    *n == 0
}

fn is_zero_usize(n: &usize) -> bool {
    *n == 0
}

fn yes() -> bool {
    true
}

/// A report template.
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Template {
    pub id: String,
    pub version: u32,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Words in a report's title that name this kind (述职, 工作总结), by
    /// which an imported text is recognised.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// The closing formula a report of this kind sent up ends with
    /// (“特此报告。”, “以上报告，请审议。”); empty when the kind has none.
    #[serde(default)]
    pub closing: String,
    /// The report's frame: organ, year, title, addressee, preamble, closing,
    /// signature and date, and any line of the template's own
    /// ([`Placement`]).
    pub meta: Vec<FieldSpec>,
    pub sections: Vec<SectionSpec>,
}

/// Ids of the frame fields that composition places around the sections.
pub mod meta_id {
    pub const ORGAN: &str = "organ";
    pub const YEAR: &str = "year";
    pub const TITLE: &str = "title";
    pub const ADDRESSEE: &str = "addressee";
    pub const PREAMBLE: &str = "preamble";
    pub const CLOSING: &str = "closing";
    pub const SIGNATURE: &str = "signature";
    pub const DATE: &str = "date";
}

/// Ids of the official-document frame fields every template shares: the
/// 版头 (GB/T 9704 7.2), 附件说明 and 附注 (7.3.4, 7.3.6) and the 版记
/// (7.4), printed only in the edition that is sent up (报送版).
pub mod frame_id {
    pub const COPY_NUMBER: &str = "copy_number";
    pub const SECRECY: &str = "secrecy";
    pub const URGENCY: &str = "urgency";
    pub const ISSUER_MARK: &str = "issuer_mark";
    pub const DOC_NUMBER: &str = "doc_number";
    pub const SIGNERS: &str = "signers";
    pub const ATTACHMENTS: &str = "attachments";
    pub const NOTE: &str = "note";
    pub const COPY_TO: &str = "copy_to";
    pub const PRINTER: &str = "printer";
    pub const PRINT_DATE: &str = "print_date";
}

impl Template {
    pub fn section(&self, id: &str) -> Option<&SectionSpec> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The role of section `id`; [`SectionRole::Other`] for a section the
    /// template does not know.
    pub fn role(&self, section: &str) -> SectionRole {
        self.section(section).map_or(SectionRole::Other, |s| s.role)
    }

    /// The first section with `role`.
    pub fn section_with(&self, role: SectionRole) -> Option<&SectionSpec> {
        self.sections.iter().find(|s| s.role == role)
    }

    /// The frame fields printed under the title, in the template's order.
    pub fn under_title(&self) -> impl Iterator<Item = &FieldSpec> {
        self.meta
            .iter()
            .filter(|f| f.placement == Placement::UnderTitle)
    }

    /// A frame field: the template's own, or one of the
    /// [`official_frame`] fields every template shares.
    pub fn meta_field(&self, id: &str) -> Option<&FieldSpec> {
        self.meta
            .iter()
            .find(|f| f.id == id)
            .or_else(|| official_frame().iter().find(|f| f.id == id))
    }
}

impl SectionSpec {
    pub fn field(&self, id: &str) -> Option<&FieldSpec> {
        self.fields.iter().find(|f| f.id == id)
    }
}

/// A template as views pass it around: copied freely, equal when it is the
/// same template (no field-by-field comparison on every render).
#[derive(Debug, Clone, Copy)]
pub struct TemplateRef(pub &'static Template);

impl PartialEq for TemplateRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl std::ops::Deref for TemplateRef {
    type Target = Template;
    fn deref(&self) -> &Template {
        self.0
    }
}

/// Replaces `{year}` and `{next_year}` in a template text.
pub fn fill_year(pattern: &str, year: i32) -> String {
    pattern
        .replace("{year}", &year.to_string())
        .replace("{next_year}", &(year + 1).to_string())
}

/// Id of the built-in 法治政府建设年度报告, the kind of drafts saved before
/// drafts named their template.
pub const ANNUAL_REPORT_ID: &str = "fazhi-zhengfu-niandu-baogao";
/// Id of the built-in 年度工作总结, the kind text that matches no template
/// well is imported as.
pub const WORK_SUMMARY_ID: &str = "niandu-gongzuo-zongjie";
/// Id of the built-in 述职报告.
pub const DUTY_REPORT_ID: &str = "shuzhi-baogao";

fn parse_builtin(cell: &'static OnceLock<Template>, json: &str, file: &str) -> &'static Template {
    cell.get_or_init(|| {
        // The files are part of the build and checked by tests; a broken
        // file is a build defect, not user input.
        serde_json::from_str(json).unwrap_or_else(|e| panic!("templates/{file} is invalid: {e}"))
    })
}

/// The built-in annual rule-of-law government report template.
pub fn annual_report() -> &'static Template {
    static TEMPLATE: OnceLock<Template> = OnceLock::new();
    parse_builtin(
        &TEMPLATE,
        include_str!("../../templates/annual-report.json"),
        "annual-report.json",
    )
}

/// The built-in annual work summary (年度工作总结) of a unit.
pub fn work_summary() -> &'static Template {
    static TEMPLATE: OnceLock<Template> = OnceLock::new();
    parse_builtin(
        &TEMPLATE,
        include_str!("../../templates/work-summary.json"),
        "work-summary.json",
    )
}

/// The built-in report on one's own performance of duties (述职报告).
pub fn duty_report() -> &'static Template {
    static TEMPLATE: OnceLock<Template> = OnceLock::new();
    parse_builtin(
        &TEMPLATE,
        include_str!("../../templates/duty-report.json"),
        "duty-report.json",
    )
}

const OFFICIAL_FRAME_JSON: &str = include_str!("../../templates/official-frame.json");

/// The official-document frame fields (版头, 附件说明, 附注, 版记) shared by
/// every template, in the order the form shows them; see [`frame_id`].
/// All optional: they print only in the edition that is sent up.
pub fn official_frame() -> &'static [FieldSpec] {
    static FIELDS: OnceLock<Vec<FieldSpec>> = OnceLock::new();
    FIELDS.get_or_init(|| {
        // Part of the build and checked by tests, like the templates.
        serde_json::from_str(OFFICIAL_FRAME_JSON).expect("templates/official-frame.json is valid")
    })
}

/// Whether `id` is one of the [`official_frame`] fields.
pub fn is_official_frame_field(id: &str) -> bool {
    official_frame().iter().any(|f| f.id == id)
}

/// All built-in templates.
pub fn builtin() -> Vec<&'static Template> {
    vec![annual_report(), work_summary(), duty_report()]
}

/// Looks a template up by id: a built-in one, or one the writer loaded
/// ([`register`]).
pub fn by_id(id: &str) -> Option<&'static Template> {
    builtin()
        .into_iter()
        .find(|t| t.id == id)
        .or_else(|| registered().into_iter().find(|t| t.id == id))
}

/// The template a draft names, looked up once by the views that show it.
/// A draft whose template is not known here (the store and the backup
/// refuse those before they reach a view) falls back to the
/// 法治政府建设年度报告, the kind every draft had before there were others.
pub fn of(template_id: &str) -> &'static Template {
    by_id(template_id).unwrap_or_else(annual_report)
}

static REGISTERED: std::sync::Mutex<Vec<&'static Template>> = std::sync::Mutex::new(Vec::new());

/// The templates the writer loaded in this session, newest version of each.
pub fn registered() -> Vec<&'static Template> {
    REGISTERED.lock().map(|r| r.clone()).unwrap_or_default()
}

/// Makes a writer's template known to [`by_id`] for the rest of the
/// session and returns it. A template already known with the same id and
/// version is returned as it is; a newer version replaces the older one.
/// Built-in ids cannot be taken over. Each distinct template is kept for
/// the life of the page (a few kilobytes each).
pub fn register(template: Template) -> Result<&'static Template, String> {
    if builtin().iter().any(|t| t.id == template.id) {
        return Err(fill(Key::TplBuiltinId, &[&template.id]));
    }
    let mut list = REGISTERED
        .lock()
        .map_err(|_| tr(Key::TplListUnavailable).to_string())?;
    if let Some(known) = list.iter().copied().find(|t| **t == template) {
        return Ok(known);
    }
    let leaked: &'static Template = Box::leak(Box::new(template));
    list.retain(|t| t.id != leaked.id);
    list.push(leaked);
    Ok(leaked)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `docs/template.schema.json` is generated from these types; run
    /// with `BAOGAO_UPDATE_SCHEMA=1` to write it after changing them.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_documented_json_schema_is_generated_from_the_types() {
        let schema = schemars::schema_for!(Template);
        let generated = serde_json::to_string_pretty(&schema).expect("schema json") + "\n";
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/template.schema.json");
        if std::env::var_os("BAOGAO_UPDATE_SCHEMA").is_some() {
            std::fs::write(path, &generated).expect("write the schema");
        }
        let documented = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            documented == generated,
            "docs/template.schema.json is out of step with the template types; \
             run BAOGAO_UPDATE_SCHEMA=1 cargo test --lib template::"
        );
        // The schema knows the kinds and roles a file may use.
        for word in ["subsections", "under_title", "achievements", "year_offset"] {
            assert!(generated.contains(word), "{word}");
        }
    }

    #[test]
    fn annual_report_has_the_five_required_contents_in_regulation_order() {
        let t = annual_report();
        let ids: Vec<&str> = t.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["measures", "shortcomings", "duty", "plans", "other"]);
        let required: Vec<bool> = t.sections.iter().map(|s| s.required).collect();
        assert_eq!(required, [true, true, true, true, false]);
        assert!(!t.sections[4].enabled_by_default);
        assert!(t
            .sections
            .iter()
            .all(|s| !s.hint.is_empty() && !s.fields.is_empty()));
    }

    #[test]
    fn frame_fields_are_all_present() {
        let t = annual_report();
        for id in [
            meta_id::ORGAN,
            meta_id::YEAR,
            meta_id::TITLE,
            meta_id::ADDRESSEE,
            meta_id::PREAMBLE,
            meta_id::CLOSING,
            meta_id::SIGNATURE,
            meta_id::DATE,
        ] {
            assert!(t.meta_field(id).is_some(), "missing frame field {id}");
        }
        assert_eq!(
            fill_year(&t.meta_field(meta_id::TITLE).unwrap().default, 2023),
            "关于2023年度法治政府建设工作的报告"
        );
        assert_eq!(
            fill_year(&t.section("plans").unwrap().heading, 2023),
            "2024年推进法治政府建设的主要安排"
        );
    }

    #[test]
    fn official_frame_fields_use_the_standards_terms_and_are_found_by_id() {
        let labels: Vec<&str> = official_frame().iter().map(|f| f.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "份号",
                "密级和保密期限",
                "紧急程度",
                "发文机关标志",
                "发文字号",
                "签发人",
                "附件说明",
                "附注",
                "抄送机关",
                "印发机关",
                "印发日期"
            ]
        );
        assert!(official_frame().iter().all(|f| !f.required));
        let t = annual_report();
        assert_eq!(
            t.meta_field(frame_id::DOC_NUMBER).map(|f| f.kind),
            Some(FieldKind::Line)
        );
        assert_eq!(
            t.meta_field(frame_id::PRINT_DATE).map(|f| f.kind),
            Some(FieldKind::Date)
        );
        assert!(t
            .meta
            .iter()
            .all(|f| official_frame().iter().all(|o| o.id != f.id)));
    }

    #[test]
    fn subsection_examples_have_a_heading_and_a_paragraph() {
        for s in &annual_report().sections {
            for f in s.fields.iter().filter(|f| f.kind == FieldKind::Subsections) {
                assert_eq!(f.example.lines().count(), 2, "{}/{}", s.id, f.id);
            }
        }
    }
}
