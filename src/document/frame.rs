//! The official-document frame of the edition sent up (报送版): what the
//! 版头 (GB/T 9704 7.2), the 附件说明 and 附注 (7.3.4, 7.3.6) and the 版记
//! (7.4) say, taken from the draft's frame fields with their defaults
//! filled in. Layout and the DOCX writer place it; the body stays the
//! composed [`Document`].

use super::{compose, BlockKind, Document};
use crate::draft::{Draft, Edition, ReportDate};
use crate::i18n::{fill, tr, Key};
use crate::template::{frame_id, meta_id, Template};

/// The frame of a 报送版, ready to print: every text as it appears.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Frame {
    /// 份号, 密级和保密期限, 紧急程度 — those given, in that order, one per
    /// line at the top left (7.2.1–7.2.3): (field id, text).
    pub markings: Vec<(&'static str, String)>,
    /// 发文机关标志 (7.2.4): as given, else the organ + “文件”.
    pub issuer_mark: String,
    /// 发文字号 (7.2.5), as given ("" when not given).
    pub doc_number: String,
    /// 签发人 names in signing order (7.2.6).
    pub signers: Vec<String>,
    /// 附件说明 (7.3.4): attachment names in order, without numbers.
    pub attachments: Vec<String>,
    /// 附注 (7.3.6) without its parentheses ("" when not given).
    pub note: String,
    /// 抄送机关 (7.4.2), the names as written, without the “抄送：” label.
    pub copy_to: String,
    /// 印发机关 (7.4.3).
    pub printer: String,
    /// 印发日期 (7.4.3): as given, else the 成文日期.
    pub print_date: Option<ReportDate>,
}

impl Frame {
    /// The frame of `draft`'s 报送版 (whatever edition is chosen).
    pub fn of(draft: &Draft) -> Frame {
        let line = |id: &str| draft.meta_line(id).trim().to_string();
        let markings = [frame_id::COPY_NUMBER, frame_id::SECRECY, frame_id::URGENCY]
            .into_iter()
            .map(|id| (id, line(id)))
            .filter(|(_, m)| !m.is_empty())
            .collect();
        let issuer_mark = match line(frame_id::ISSUER_MARK) {
            m if m.is_empty() => default_issuer_mark(draft.meta_line(meta_id::ORGAN)),
            m => m,
        };
        let note = line(frame_id::NOTE);
        let note = note
            .strip_prefix('（')
            .and_then(|n| n.strip_suffix('）'))
            .unwrap_or(&note)
            .to_string();
        let strings = |id: &str| -> Vec<String> {
            draft
                .meta_lines(id)
                .into_iter()
                .map(str::to_string)
                .collect()
        };
        Frame {
            markings,
            issuer_mark,
            doc_number: line(frame_id::DOC_NUMBER),
            signers: strings(frame_id::SIGNERS),
            attachments: strings(frame_id::ATTACHMENTS),
            note,
            copy_to: line(frame_id::COPY_TO),
            printer: line(frame_id::PRINTER),
            print_date: draft.meta_date(frame_id::PRINT_DATE).or(draft.date()),
        }
    }

    /// The 印发 line's date: "2023年12月18日印发" (7.4.3), "" without a date.
    pub fn print_date_text(&self) -> String {
        self.print_date
            .map(|d| format!("{d}印发"))
            .unwrap_or_default()
    }

    /// The 附注 as printed, in full-width parentheses ("" when none).
    pub fn note_text(&self) -> String {
        if self.note.is_empty() {
            String::new()
        } else {
            format!("（{}）", self.note)
        }
    }

    /// Whether the 版记 has anything to print.
    pub fn has_record(&self) -> bool {
        !(self.copy_to.is_empty() && self.printer.is_empty() && self.print_date.is_none())
    }
}

/// The 发文机关标志 for an organ: its name + “文件” (7.2.4); a name that
/// already ends in “文件” stays as it is; "" for no organ.
pub fn default_issuer_mark(organ: &str) -> String {
    let organ = organ.trim();
    if organ.is_empty() || organ.ends_with("文件") {
        organ.to_string()
    } else {
        format!("{organ}文件")
    }
}

/// Composes the edition the draft has chosen: the body, and for 报送版 its
/// frame. In 报送版 the 发文机关标志 takes the place of the organ's plain
/// line above the title, so that block is left out.
pub fn compose_edition(template: &Template, draft: &Draft) -> (Document, Option<Frame>) {
    let mut doc = compose(template, draft);
    match draft.edition {
        Edition::Public => (doc, None),
        Edition::Submitted => {
            doc.blocks
                .retain(|b| !matches!(b.kind, BlockKind::Organ { .. }));
            (doc, Some(Frame::of(draft)))
        }
    }
}

/// A 发文字号 read into its parts: 代字, year, number (7.2.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocNumber {
    /// The organ's code (机关代字), such as “荆发”.
    pub code: String,
    /// The year as written inside 〔〕.
    pub year: String,
    /// The serial number as written before “号”.
    pub number: String,
}

impl DocNumber {
    /// Splits `代字〔年份〕序号号`; `None` when the brackets or the final
    /// “号” are missing. The parts are not checked (see [`Self::problem`]).
    pub fn parse(text: &str) -> Option<DocNumber> {
        let (code, rest) = text.trim().split_once('〔')?;
        let (year, rest) = rest.split_once('〕')?;
        let number = rest.strip_suffix('号')?;
        Some(DocNumber {
            code: code.trim().to_string(),
            year: year.trim().to_string(),
            number: number.trim().to_string(),
        })
    }

    /// The 发文字号 as written: 荆发〔2023〕15号.
    pub fn text(&self) -> String {
        format!("{}〔{}〕{}号", self.code, self.year, self.number)
    }

    /// What is wrong with a written 发文字号, in the interface's language, or `None` when it
    /// follows 7.2.5: a code, the full year in 〔〕 (not [] or ()), a number
    /// without “第” and without leading zeros, then “号”.
    pub fn problem(text: &str) -> Option<String> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let Some(n) = DocNumber::parse(text) else {
            return Some(
                if text.contains(['[', ']', '（', '）', '(', ')', '【', '】']) {
                    fill(Key::DocNumberBrackets, &[&"〔〕"])
                } else {
                    fill(Key::DocNumberShape, &[&"荆发〔2023〕15号"])
                },
            );
        };
        if n.code.is_empty() {
            return Some(tr(Key::DocNumberNoCode).to_string());
        }
        if n.year.len() != 4 || !n.year.chars().all(|c| c.is_ascii_digit()) {
            return Some(tr(Key::DocNumberFullYear).to_string());
        }
        if n.number.starts_with('第') {
            return Some(fill(Key::DocNumberNoDi, &[&'第']));
        }
        if n.number.is_empty() || !n.number.chars().all(|c| c.is_ascii_digit()) {
            return Some(tr(Key::DocNumberDigits).to_string());
        }
        if n.number.starts_with('0') {
            return Some(tr(Key::DocNumberZeros).to_string());
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::FieldValue;
    use crate::sample::submitted_seed_draft;
    use crate::template::annual_report;

    #[test]
    fn defaults_fill_the_mark_and_the_print_date() {
        let mut d = submitted_seed_draft("s", 0);
        d.meta.remove(frame_id::ISSUER_MARK);
        d.meta.remove(frame_id::PRINT_DATE);
        let f = Frame::of(&d);
        assert_eq!(f.issuer_mark, "中共荆家镇委文件");
        assert_eq!(f.print_date_text(), "2023年12月18日印发");
        assert_eq!(
            default_issuer_mark("某某县人民政府文件"),
            "某某县人民政府文件"
        );
        d.meta.insert(
            frame_id::PRINT_DATE.into(),
            FieldValue::Date(ReportDate::new(2023, 12, 20)),
        );
        assert_eq!(Frame::of(&d).print_date_text(), "2023年12月20日印发");
    }

    #[test]
    fn only_the_submitted_edition_has_a_frame_and_drops_the_organ_line() {
        let mut d = submitted_seed_draft("s", 0);
        d.edition = Edition::Public;
        let (public, none) = compose_edition(annual_report(), &d);
        assert_eq!(public, compose(annual_report(), &d));
        assert!(none.is_none());
        d.edition = Edition::Submitted;
        let (doc, frame) = compose_edition(annual_report(), &d);
        assert_eq!(doc.blocks.len() + 1, public.blocks.len());
        assert!(matches!(doc.blocks[0].kind, BlockKind::Title { .. }));
        let frame = frame.expect("a frame");
        assert_eq!(frame.doc_number, "荆发〔2023〕15号");
        assert_eq!(frame.signers, ["李建国"]);
    }

    #[test]
    fn doc_numbers_are_read_and_checked() {
        let n = DocNumber::parse("荆发〔2023〕15号").unwrap();
        assert_eq!(
            (n.code.as_str(), n.year.as_str(), n.number.as_str()),
            ("荆发", "2023", "15")
        );
        assert_eq!(n.text(), "荆发〔2023〕15号");
        assert_eq!(DocNumber::problem("荆发〔2023〕15号"), None);
        assert!(DocNumber::problem("荆发[2023]15号")
            .unwrap()
            .contains("六角括号"));
        assert!(DocNumber::problem("荆发〔2023〕第15号")
            .unwrap()
            .contains("第"));
        assert!(DocNumber::problem("荆发〔2023〕015号")
            .unwrap()
            .contains("虚位"));
        assert!(DocNumber::problem("荆发〔23〕15号")
            .unwrap()
            .contains("四位"));
        assert!(DocNumber::problem("〔2023〕15号").unwrap().contains("代字"));
        assert!(DocNumber::problem("荆发2023年15号").is_some());
    }
}
