//! The tools used only on demand — DOCX export and reading, the text
//! importer, Markdown, the sample report — behind one request/answer
//! function.
//!
//! In the browser these run in a web worker built as a separate wasm
//! (`src/bin/tools.rs`), which the page fetches on first use, so the app's
//! first download does not carry them. The worker receives an operation
//! name and one argument (text or bytes), calls [`handle`], and answers
//! with text, bytes or an error message in the interface's language. Drafts
//! travel as their JSON (the same form the store saves).

use crate::document::{compose, compose_edition};
use crate::draft::Draft;
use crate::i18n::{fill, tr, Key};
use crate::import::{from_text, rank, MIN_SCORE};
use crate::sample::seed_draft;
use crate::template::{self, Template};
use crate::{docx, render};
use serde::{Deserialize, Serialize};

/// Draft JSON, or [`ExportRequest`] JSON for a draft of the writer's own
/// template → the .docx file's bytes.
pub const WRITE_DOCX: &str = "write-docx";
/// A .docx file's bytes → its text, one line per paragraph.
pub const READ_DOCX: &str = "read-docx";
/// [`ImportRequest`] JSON → [`ImportAnswer`] JSON.
pub const IMPORT_TEXT: &str = "import-text";
/// Draft JSON (or [`ExportRequest`] JSON) → the report as Markdown.
pub const MARKDOWN: &str = "markdown";
/// A template file's text → the template's JSON, or every problem with it
/// (each naming its field), joined with “；”.
pub const READ_TEMPLATE: &str = "read-template";
/// `[id, now_ms]` JSON → the sample report's draft JSON.
pub const SAMPLE: &str = "sample";

/// An argument or an answer: text or bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Bytes(Vec<u8>),
}

/// A draft to export with its template, when that is the writer's own
/// (the worker knows only the built-in ones).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportRequest {
    pub draft: Draft,
    pub template: Option<Template>,
}

/// The JSON asking the worker to export `draft` of `template`: the draft
/// alone for a built-in template, with the template otherwise.
pub fn export_request(draft: &Draft, template: &Template) -> Result<String, String> {
    let builtin = template::builtin().iter().any(|t| t.id == template.id);
    let json = if builtin {
        serde_json::to_string(draft)
    } else {
        serde_json::to_string(&ExportRequest {
            draft: draft.clone(),
            template: Some(template.clone()),
        })
    };
    json.map_err(|_| tr(Key::DraftUnreadable).to_string())
}

/// Importing a report's text as a new draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportRequest {
    pub text: String,
    /// The new draft's id.
    pub id: String,
    /// The time of the import, milliseconds since the Unix epoch.
    pub now_ms: i64,
    /// The kind the writer chose; `None` to recognise it from the text.
    #[serde(default)]
    pub template_id: Option<String>,
    /// The writer's own templates, matched and chosen beside the built-in
    /// ones (the worker knows only those).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<Template>,
}

/// An imported draft and the notes a writer should check, each with the
/// section it is about (none for the frame), and every kind the text could
/// be imported as, for the writer to switch before confirming.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportAnswer {
    pub draft: Draft,
    pub notes: Vec<(Option<String>, String)>,
    /// Every kind, best match first.
    #[serde(default)]
    pub kinds: Vec<KindChoice>,
}

/// One kind the writer can import a text as, and how well it fits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindChoice {
    /// The template's id.
    pub id: String,
    /// The kind's name, such as 述职报告.
    pub name: String,
    /// Whether the importer proposes this kind for the text.
    pub proposed: bool,
    /// How many of the text's level-1 sections match one of the kind's.
    pub matched: usize,
    /// How many level-1 sections the text has.
    pub sections: usize,
}

/// Runs operation `op` on `arg`; an error is a message for the user.
pub fn handle(op: &str, arg: Value) -> Result<Value, String> {
    match (op, arg) {
        (WRITE_DOCX, Value::Text(json)) => {
            let (draft, template) = export(&json)?;
            let (doc, frame) = compose_edition(&template, &draft);
            docx::write_edition(&doc, frame.as_ref())
                .map(Value::Bytes)
                .map_err(|e| e.to_string())
        }
        (READ_DOCX, Value::Bytes(bytes)) => docx::read_text(&bytes)
            .map(Value::Text)
            .map_err(|e| e.to_string()),
        (IMPORT_TEXT, Value::Text(json)) => {
            let request: ImportRequest = serde_json::from_str(&json).map_err(|_| broken())?;
            let answer = import_text(request)?;
            serde_json::to_string(&answer)
                .map(Value::Text)
                .map_err(|_| broken())
        }
        (MARKDOWN, Value::Text(json)) => {
            let (draft, template) = export(&json)?;
            let doc = compose(&template, &draft);
            Ok(Value::Text(render::markdown::render(&doc)))
        }
        (SAMPLE, Value::Text(json)) => {
            let (id, now_ms): (String, i64) = serde_json::from_str(&json).map_err(|_| broken())?;
            serde_json::to_string(&seed_draft(&id, now_ms))
                .map(Value::Text)
                .map_err(|_| broken())
        }
        (READ_TEMPLATE, Value::Text(text)) => {
            let template = template::parse(&text)
                .map_err(|problems| problems.join(tr(Key::ProblemSeparator)))?;
            serde_json::to_string(&template)
                .map(Value::Text)
                .map_err(|_| broken())
        }
        _ => Err(broken()),
    }
}

/// Imports the text of `request` as the kind the writer chose, or else as
/// the kind it is recognised as (a 年度工作总结 when none fits well), with
/// the importer's notes (the kind first, skipped lines included, each said
/// once).
pub fn import_text(request: ImportRequest) -> Result<ImportAnswer, String> {
    let mut all = template::builtin();
    let own: Vec<&Template> = request
        .templates
        .iter()
        .filter(|t| template::validate(t).is_empty() && all.iter().all(|b| b.id != t.id))
        .collect();
    let all: Vec<&Template> = all.drain(..).chain(own).collect();
    let chosen = request
        .template_id
        .as_deref()
        .and_then(|id| all.iter().copied().find(|t| t.id == id));
    let ranked = rank(&all, &request.text);
    let proposed = match ranked.first() {
        Some(best) if best.score >= MIN_SCORE => best.template.id.as_str(),
        _ => template::WORK_SUMMARY_ID,
    };
    let kinds: Vec<KindChoice> = ranked
        .iter()
        .map(|r| KindChoice {
            id: r.template.id.clone(),
            name: r.template.name.clone(),
            proposed: r.template.id == proposed,
            matched: r.matched,
            sections: r.sections,
        })
        .collect();
    let (template, kind_note) = match chosen {
        Some(t) => (t, fill(Key::ImportKindChosen, &[&t.name])),
        None => match ranked.first() {
            Some(best) if best.score >= MIN_SCORE => {
                let others: Vec<String> = ranked[1..]
                    .iter()
                    .map(|r| format!("“{}”", r.template.name))
                    .collect();
                (
                    best.template,
                    fill(
                        Key::ImportKindRecognised,
                        &[
                            &best.template.name,
                            &tr(Key::ReportKind),
                            &others.join(tr(Key::Or)),
                        ],
                    ),
                )
            }
            _ => {
                let summary = template::work_summary();
                (
                    summary,
                    fill(
                        Key::ImportKindUnknown,
                        &[&summary.name, &tr(Key::ReportKind)],
                    ),
                )
            }
        },
    };
    let imported = from_text(template, &request.text, request.id.clone(), request.now_ms)
        .map_err(|e| e.to_string())?;
    let notes: Vec<(Option<String>, String)> = std::iter::once((None, kind_note))
        .chain(
            imported
                .notes
                .into_iter()
                .map(|n| (n.section_id().map(str::to_string), n.message)),
        )
        .collect();
    Ok(ImportAnswer {
        draft: imported.draft,
        notes,
        kinds,
    })
}

/// The draft of an export request and its template.
fn export(json: &str) -> Result<(Draft, std::borrow::Cow<'static, Template>), String> {
    use std::borrow::Cow;
    if let Ok(request) = serde_json::from_str::<ExportRequest>(json) {
        let template = match request.template {
            Some(t) if template::validate(&t).is_empty() => Cow::Owned(t),
            _ => Cow::Borrowed(template::of(&request.draft.template_id)),
        };
        return Ok((request.draft, template));
    }
    let draft: Draft = serde_json::from_str(json).map_err(|_| broken())?;
    let template = Cow::Borrowed(template::of(&draft.template_id));
    Ok((draft, template))
}

fn broken() -> String {
    tr(Key::ToolsBadRequest).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft_json() -> String {
        serde_json::to_string(&seed_draft("d1", 0)).expect("draft json")
    }

    #[test]
    fn docx_written_from_draft_json_reads_back_as_the_report() {
        let Ok(Value::Bytes(bytes)) = handle(WRITE_DOCX, Value::Text(draft_json())) else {
            panic!("no docx");
        };
        assert_eq!(&bytes[..2], b"PK");
        let Ok(Value::Text(text)) = handle(READ_DOCX, Value::Bytes(bytes)) else {
            panic!("no text");
        };
        assert!(text.contains("特此报告。"), "{text}");
        assert_eq!(text.lines().filter(|l| l.starts_with("一、")).count(), 1);
    }

    #[test]
    fn import_answers_a_draft_with_the_given_id_and_notes() {
        let request = ImportRequest {
            text: include_str!("../tests/fixtures/seed-report-2023.txt").to_string(),
            id: "new".into(),
            now_ms: 7,
            template_id: None,
            templates: Vec::new(),
        };
        let json = serde_json::to_string(&request).expect("json");
        let Ok(Value::Text(answer)) = handle(IMPORT_TEXT, Value::Text(json)) else {
            panic!("no answer");
        };
        let answer: ImportAnswer = serde_json::from_str(&answer).expect("answer json");
        assert_eq!(answer.draft.id, "new");
        let direct = import_text(request).expect("import");
        assert_eq!(answer, direct);
        assert_eq!(answer.draft.title(), seed_draft("x", 0).title());
    }

    #[test]
    fn skipped_lines_are_noted_once() {
        let seed = include_str!("../tests/fixtures/seed-report-2023.txt");
        let text = format!("首页 > 政务公开 > 法治政府\n来源：青山镇人民政府\n{seed}\n打印本页");
        let answer = import_text(ImportRequest {
            text,
            id: "n".into(),
            now_ms: 7,
            template_id: None,
            templates: Vec::new(),
        })
        .expect("import");
        let skipped: Vec<&String> = answer
            .notes
            .iter()
            .map(|(_, m)| m)
            .filter(|m| m.contains("已跳过") || m.contains("已略去"))
            .collect();
        assert_eq!(skipped.len(), 2, "{skipped:?}");
        assert!(skipped[0].contains("首页 > 政务公开 > 法治政府"));
        assert!(skipped[1].contains("打印本页"));
        let mut unique = answer.notes.clone();
        unique.dedup();
        assert_eq!(unique.len(), answer.notes.len());
    }

    #[test]
    fn the_kind_is_recognised_or_taken_as_chosen_and_said_first() {
        let duty = crate::sample::example_draft(template::duty_report(), "x", 2023, 0);
        let text = render::text::render(&compose(template::duty_report(), &duty));
        let request = |template_id: Option<&str>| ImportRequest {
            text: text.clone(),
            id: "n".into(),
            now_ms: 7,
            template_id: template_id.map(str::to_string),
            templates: Vec::new(),
        };
        let answer = import_text(request(None)).expect("import");
        assert_eq!(answer.draft.template_id, template::DUTY_REPORT_ID);
        assert_eq!(
            answer.notes[0].1,
            "已识别为“述职报告”。如果不是，请在“报告种类”中改选“法治政府建设年度报告”或“年度工作总结”，确认导入前会按所选种类重新整理。"
        );
        assert_eq!(
            answer.draft.meta_line("reporter"),
            "述职人：××镇党委副书记、镇长　张××"
        );
        let chosen = import_text(request(Some(template::WORK_SUMMARY_ID))).expect("import");
        assert_eq!(chosen.draft.template_id, template::WORK_SUMMARY_ID);
        assert_eq!(chosen.notes[0].1, "按所选的“年度工作总结”导入。");
        let vague = import_text(ImportRequest {
            text: "一、项目概况\n项目于3月开工。\n二、资金使用\n已拨付资金5万元。".into(),
            ..request(None)
        })
        .expect("import");
        assert_eq!(vague.draft.template_id, template::WORK_SUMMARY_ID);
        assert!(vague.notes[0].1.starts_with("没有认出是哪一种报告"));
    }

    #[test]
    fn every_kind_is_offered_with_the_proposed_marked_and_switching_keeps_the_text() {
        let duty = crate::sample::example_draft(template::duty_report(), "x", 2023, 0);
        let text = render::text::render(&compose(template::duty_report(), &duty));
        let mut own =
            template::parse(include_str!("../docs/template-example.json")).expect("example");
        own.id = "own-kind".into();
        let request = |template_id: Option<&str>| ImportRequest {
            text: text.clone(),
            id: "n".into(),
            now_ms: 7,
            template_id: template_id.map(str::to_string),
            templates: vec![own.clone()],
        };
        let proposed = import_text(request(None)).expect("import");
        let ids: Vec<&str> = proposed.kinds.iter().map(|k| k.id.as_str()).collect();
        assert_eq!(ids.len(), 4, "{ids:?}");
        for id in [
            template::ANNUAL_REPORT_ID,
            template::WORK_SUMMARY_ID,
            template::DUTY_REPORT_ID,
            "own-kind",
        ] {
            assert!(ids.contains(&id), "{id} missing from {ids:?}");
        }
        // The best match comes first and is the one proposed, alone.
        assert_eq!(ids[0], template::DUTY_REPORT_ID);
        let marked: Vec<&str> = proposed
            .kinds
            .iter()
            .filter(|k| k.proposed)
            .map(|k| k.id.as_str())
            .collect();
        assert_eq!(marked, [template::DUTY_REPORT_ID]);
        let duty_kind = &proposed.kinds[0];
        let enabled = duty.sections.iter().filter(|s| s.enabled).count();
        assert_eq!(duty_kind.sections, enabled);
        assert_eq!(duty_kind.matched, enabled);
        assert!(proposed.kinds[1..]
            .iter()
            .all(|k| k.matched < duty_kind.matched));
        // Switched to a 年度工作总结: the same text under that template, the
        // proposal still marked, and every body paragraph still there.
        let switched = import_text(request(Some(template::WORK_SUMMARY_ID))).expect("import");
        assert_eq!(switched.draft.template_id, template::WORK_SUMMARY_ID);
        assert_eq!(switched.kinds, proposed.kinds);
        let summary = render::text::render(&compose(template::work_summary(), &switched.draft));
        let flat = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let mut paragraphs = Vec::new();
        for section in &duty.sections {
            for value in section.fields.values() {
                crate::draft::body_texts(value, &mut paragraphs);
            }
        }
        assert!(paragraphs.len() > 5, "{paragraphs:?}");
        for paragraph in paragraphs {
            assert!(
                flat(&summary).contains(&flat(&paragraph)),
                "lost “{paragraph}”"
            );
        }
        // And the writer's own kind is importable too.
        let own_draft = import_text(request(Some("own-kind"))).expect("import");
        assert_eq!(own_draft.draft.template_id, "own-kind");
    }

    #[test]
    fn a_draft_of_the_writers_template_exports_with_it() {
        let mut own =
            template::parse(include_str!("../docs/template-example.json")).expect("example");
        own.id = "export-kind".into();
        own.meta.push(template::FieldSpec {
            id: "unit".into(),
            label: "责任单位".into(),
            kind: template::FieldKind::Line,
            required: false,
            hint: String::new(),
            example: "责任单位：××县应急管理局".into(),
            default: String::new(),
            placement: template::Placement::UnderTitle,
        });
        let draft = crate::sample::example_draft(&own, "e", 2023, 0);
        let json = export_request(&draft, &own).expect("json");
        let Ok(Value::Text(md)) = handle(MARKDOWN, Value::Text(json.clone())) else {
            panic!("no markdown");
        };
        assert!(md.contains("责任单位：××县应急管理局"), "{md}");
        let Ok(Value::Bytes(bytes)) = handle(WRITE_DOCX, Value::Text(json)) else {
            panic!("no docx");
        };
        let Ok(Value::Text(text)) = handle(READ_DOCX, Value::Bytes(bytes)) else {
            panic!("no text");
        };
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let title = lines
            .iter()
            .position(|l| l.trim() == "关于2023年度安全生产工作情况的报告")
            .expect("title");
        assert_eq!(lines[title + 1].trim(), "责任单位：××县应急管理局");
        // A built-in template's draft travels alone, as before.
        let seed = seed_draft("s", 0);
        assert_eq!(
            export_request(&seed, template::annual_report()).expect("json"),
            serde_json::to_string(&seed).expect("json")
        );
    }

    #[test]
    fn a_template_file_is_read_in_the_worker_with_its_problems_named() {
        let example = include_str!("../docs/template-example.json");
        let Ok(Value::Text(json)) = handle(READ_TEMPLATE, Value::Text(example.into())) else {
            panic!("no template");
        };
        let t: Template = serde_json::from_str(&json).expect("template json");
        assert_eq!(t.name, "安全生产工作年度报告");
        let broken = example.replacen("\"version\": 1", "\"version\": 0", 1);
        assert_eq!(
            handle(READ_TEMPLATE, Value::Text(broken)),
            Err("“version”：版本号从1开始。".to_string())
        );
    }

    #[test]
    fn markdown_of_draft_json_has_the_title_as_heading() {
        let Ok(Value::Text(md)) = handle(MARKDOWN, Value::Text(draft_json())) else {
            panic!("no markdown");
        };
        let title = seed_draft("d1", 0).title().to_string();
        assert!(md.contains(&title), "{md}");
    }

    #[test]
    fn sample_answers_the_seed_draft_with_the_given_id() {
        let Ok(Value::Text(json)) = handle(SAMPLE, Value::Text(r#"["s1", 42]"#.into())) else {
            panic!("no sample");
        };
        let draft: Draft = serde_json::from_str(&json).expect("draft json");
        assert_eq!(draft, seed_draft("s1", 42));
    }

    #[test]
    fn errors_are_messages_for_the_user() {
        let broken_docx = handle(READ_DOCX, Value::Bytes(b"PK\x03\x04 no zip".to_vec()));
        assert!(broken_docx.is_err_and(|e| e.contains("docx")));
        let empty = ImportRequest {
            text: " \n".into(),
            id: "x".into(),
            now_ms: 0,
            template_id: None,
            templates: Vec::new(),
        };
        let empty = serde_json::to_string(&empty).expect("json");
        assert_eq!(
            handle(IMPORT_TEXT, Value::Text(empty)),
            Err(crate::import::ImportError::Empty.to_string())
        );
        assert!(handle(WRITE_DOCX, Value::Bytes(vec![1])).is_err());
        assert!(handle("nothing", Value::Text("{}".into())).is_err());
    }
}
