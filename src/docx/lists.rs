//! Word's automatic numbering, rebuilt as text. A paragraph numbered by
//! Word (`w:numPr`) shows "一、" or "（一）" on screen, but the label is not in
//! the text; the import parser needs it to recognise headings. This module
//! reads `word/numbering.xml` (and the numbering attached to paragraph
//! styles in `word/styles.xml`) and counts as Word does:
//!
//! - counters belong to the abstract numbering definition, so lists that
//!   share one continue each other; a `w:startOverride` restarts the count
//!   the first time its numbering instance is used at that level;
//! - a deeper level restarts after every item of a higher level;
//! - the label is `w:lvlText` with `%1`…`%9` replaced by each level's
//!   counter in its `w:numFmt`: decimal, Chinese counting (一 二 … 十一),
//!   ideograph (甲乙丙), circled (①), letters and Roman numerals; other
//!   formats fall back to decimal;
//! - bullets give no label; the suffix after the label (a tab by default)
//!   is left out, so the line reads "一、总体情况" as typed by hand.
//!
//! Not modelled: `w:lvlOverride` carrying a whole `w:lvl`, `w:isLgl`,
//! `w:lvlRestart`, and levels linked to styles through `w:lvl/w:pStyle`.
//! A damaged numbering or styles part only loses the labels: the text is
//! still read.

use std::collections::{HashMap, HashSet};

use quick_xml::events::Event;

use super::read::{attr, classify, reader, Name};
use crate::document::numbering::chinese;

/// Levels per list (`w:ilvl` 0–8).
const LEVELS: usize = 9;

/// One level of an abstract numbering definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// A numbering instance (`w:num`).
#[derive(Debug, Clone, Default)]
struct Instance {
    abstract_id: u32,
    start_overrides: Vec<(u8, u32)>,
}

/// Paragraph style numbering: its own `w:numPr` and its parent style.
#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<u32>,
    level: Option<u8>,
}

/// The numbering definitions of one document and the running counters.
#[derive(Debug, Default)]
pub(crate) struct Lists {
    abstracts: HashMap<u32, Vec<Level>>,
    instances: HashMap<u32, Instance>,
    styles: HashMap<String, Style>,
    default_style: Option<String>,
    counters: HashMap<u32, [Option<u32>; LEVELS]>,
    started: HashSet<(u32, u8)>,
}

impl Lists {
    /// Reads the definitions; `None` parts or damaged XML give no numbering.
    pub(crate) fn new(numbering_xml: Option<&str>, styles_xml: Option<&str>) -> Lists {
        let mut lists = Lists::default();
        if let Some(xml) = numbering_xml {
            if lists.read_numbering(xml).is_err() {
                lists.abstracts.clear();
                lists.instances.clear();
            }
        }
        if let Some(xml) = styles_xml {
            if lists.read_styles(xml).is_err() {
                lists.styles.clear();
                lists.default_style = None;
            }
        }
        lists
    }

    /// The label of the next paragraph with these properties, or `None` if
    /// it is not numbered. Counts the paragraph.
    pub(crate) fn label(
        &mut self,
        style: Option<&str>,
        num_id: Option<u32>,
        level: Option<u8>,
    ) -> Option<String> {
        let (inherited_id, inherited_level) = self.style_numbering(style);
        let num_id = num_id.or(inherited_id)?;
        let level = usize::from(level.or(inherited_level).unwrap_or(0)).min(LEVELS - 1);
        let instance = self.instances.get(&num_id)?;
        let levels = self.abstracts.get(&instance.abstract_id)?;
        let counters = self
            .counters
            .entry(instance.abstract_id)
            .or_insert([None; LEVELS]);
        let start = |k: usize| levels.get(k).map_or(1, |l| l.start);
        if self.started.insert((num_id, level as u8)) {
            if let Some(&(_, n)) = instance
                .start_overrides
                .iter()
                .find(|(l, _)| usize::from(*l) == level)
            {
                counters[level] = Some(n.saturating_sub(1));
            }
        }
        let current = counters[level].map_or(start(level), |n| n + 1);
        counters[level] = Some(current);
        for deeper in counters.iter_mut().skip(level + 1) {
            *deeper = None;
        }
        let this = levels.get(level)?;
        if this.format == "bullet" {
            return None;
        }
        let mut label = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match digit {
                Some(d @ 1..=9) if c == '%' => {
                    chars.next();
                    let k = d as usize - 1;
                    let n = counters[k].unwrap_or(start(k));
                    let format = levels.get(k).map_or("decimal", |l| l.format.as_str());
                    label.push_str(&format_number(n, format));
                }
                _ => label.push(c),
            }
        }
        Some(label).filter(|l| !l.is_empty())
    }

    /// The numbering a paragraph style gives, following `w:basedOn`.
    fn style_numbering(&self, style: Option<&str>) -> (Option<u32>, Option<u8>) {
        let mut id = style.or(self.default_style.as_deref());
        let mut level = None;
        for _ in 0..16 {
            let Some(s) = id.and_then(|id| self.styles.get(id)) else {
                break;
            };
            level = level.or(s.level);
            if s.num_id.is_some() {
                return (s.num_id, level);
            }
            id = s.based_on.as_deref();
        }
        (None, None)
    }

    fn read_numbering(&mut self, xml: &str) -> Result<(), quick_xml::Error> {
        let mut reader = reader(xml);
        let mut abstract_id: Option<u32> = None;
        let mut level: Option<usize> = None;
        let mut num_id: Option<u32> = None;
        let mut override_level: Option<u8> = None;
        loop {
            let (ns, event) = reader.read_resolved_event()?;
            match event {
                Event::Start(e) => {
                    let local = e.local_name();
                    let number = |key: &str| attr(&e, key).and_then(|v| v.parse::<u32>().ok());
                    match classify(&ns, local.as_ref()) {
                        Name::Word("abstractNum") => {
                            abstract_id = number("abstractNumId");
                            if let Some(id) = abstract_id {
                                self.abstracts.insert(id, vec![Level::default(); LEVELS]);
                            }
                        }
                        Name::Word("lvl") if abstract_id.is_some() => {
                            level = number("ilvl").map(|l| l as usize).filter(|&l| l < LEVELS);
                            if let Some(l) = self.level_mut(abstract_id, level) {
                                l.start = 1;
                                l.format = "decimal".into();
                            }
                        }
                        Name::Word("start") => {
                            if let Some(l) = self.level_mut(abstract_id, level) {
                                l.start = number("val").unwrap_or(1);
                            }
                        }
                        Name::Word("numFmt") => {
                            let format = attr(&e, "val");
                            if let (Some(l), Some(f)) = (self.level_mut(abstract_id, level), format)
                            {
                                l.format = f;
                            }
                        }
                        Name::Word("lvlText") => {
                            let text = attr(&e, "val");
                            if let (Some(l), Some(t)) = (self.level_mut(abstract_id, level), text) {
                                l.text = t;
                            }
                        }
                        Name::Word("num") => {
                            num_id = number("numId");
                        }
                        Name::Word("abstractNumId") => {
                            if let (Some(id), Some(a)) = (num_id, number("val")) {
                                self.instances.entry(id).or_default().abstract_id = a;
                            }
                        }
                        Name::Word("lvlOverride") => {
                            override_level = number("ilvl").and_then(|l| u8::try_from(l).ok());
                        }
                        Name::Word("startOverride") => {
                            if let (Some(id), Some(l), Some(n)) =
                                (num_id, override_level, number("val"))
                            {
                                let instance = self.instances.entry(id).or_default();
                                instance.start_overrides.push((l, n));
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) => {
                    let local = e.local_name();
                    match classify(&ns, local.as_ref()) {
                        Name::Word("abstractNum") => abstract_id = None,
                        Name::Word("lvl") => level = None,
                        Name::Word("num") => num_id = None,
                        Name::Word("lvlOverride") => override_level = None,
                        _ => {}
                    }
                }
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    fn level_mut(&mut self, abstract_id: Option<u32>, level: Option<usize>) -> Option<&mut Level> {
        self.abstracts.get_mut(&abstract_id?)?.get_mut(level?)
    }

    fn read_styles(&mut self, xml: &str) -> Result<(), quick_xml::Error> {
        let mut reader = reader(xml);
        let mut current: Option<String> = None;
        loop {
            let (ns, event) = reader.read_resolved_event()?;
            match event {
                Event::Start(e) => {
                    let local = e.local_name();
                    let style = current.as_ref().and_then(|id| self.styles.get_mut(id));
                    match (classify(&ns, local.as_ref()), style) {
                        (Name::Word("style"), _) => {
                            current = None;
                            if attr(&e, "type").as_deref() == Some("paragraph") {
                                if let Some(id) = attr(&e, "styleId") {
                                    if attr(&e, "default").as_deref() == Some("1") {
                                        self.default_style = Some(id.clone());
                                    }
                                    self.styles.insert(id.clone(), Style::default());
                                    current = Some(id);
                                }
                            }
                        }
                        (Name::Word("basedOn"), Some(s)) => s.based_on = attr(&e, "val"),
                        (Name::Word("numId"), Some(s)) => {
                            s.num_id = attr(&e, "val").and_then(|v| v.parse().ok())
                        }
                        (Name::Word("ilvl"), Some(s)) => {
                            s.level = attr(&e, "val").and_then(|v| v.parse().ok())
                        }
                        _ => {}
                    }
                }
                Event::End(e) => {
                    let local = e.local_name();
                    if let Name::Word("style") = classify(&ns, local.as_ref()) {
                        current = None;
                    }
                }
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }
}

/// `n` in the `w:numFmt` named `format`.
fn format_number(n: u32, format: &str) -> String {
    const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
    const BRANCHES: [char; 12] = [
        '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
    ];
    let cycle = |set: &[char]| {
        let i = (n.max(1) as usize - 1) % set.len();
        set[i].to_string()
    };
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "chineseLegalSimplified"
        | "ideographDigital"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => chinese(n as usize),
        "ideographTraditional" => cycle(&STEMS),
        "ideographZodiac" => cycle(&BRANCHES),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map_or_else(|| n.to_string(), String::from)
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .filter_map(|d| char::from_u32(d as u32 - '0' as u32 + 0xFF10))
            .collect(),
        "decimalZero" if n < 10 => format!("0{n}"),
        "upperLetter" => letters(n, b'A'),
        "lowerLetter" => letters(n, b'a'),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_ascii_lowercase(),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

/// A, B, … Z, AA, BB, … as Word counts letters.
fn letters(n: u32, base: u8) -> String {
    let n = n.max(1) - 1;
    let letter = char::from(base + (n % 26) as u8);
    std::iter::repeat_n(letter, n as usize / 26 + 1).collect()
}

/// Roman numerals for 1..=3999 (decimal beyond).
fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"#;

    const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="H1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>
</w:styles>"#;

    #[test]
    fn chinese_levels_count_and_restart_deeper_levels() {
        let mut lists = Lists::new(Some(NUMBERING), None);
        let mut label = |level| lists.label(None, Some(1), Some(level));
        assert_eq!(label(0).as_deref(), Some("一、"));
        assert_eq!(label(1).as_deref(), Some("（一）"));
        assert_eq!(label(1).as_deref(), Some("（二）"));
        assert_eq!(label(2).as_deref(), Some("1."));
        assert_eq!(label(3), None, "bullets give no label");
        assert_eq!(label(0).as_deref(), Some("二、"));
        assert_eq!(label(1).as_deref(), Some("（一）"), "restarted");
    }

    #[test]
    fn instances_share_counters_unless_they_override_the_start() {
        let mut lists = Lists::new(Some(NUMBERING), None);
        assert_eq!(lists.label(None, Some(1), None).as_deref(), Some("一、"));
        assert_eq!(lists.label(None, Some(2), None).as_deref(), Some("五、"));
        assert_eq!(lists.label(None, Some(1), None).as_deref(), Some("六、"));
        assert_eq!(lists.label(None, Some(99), None), None);
    }

    #[test]
    fn style_numbering_follows_based_on() {
        let mut lists = Lists::new(Some(NUMBERING), Some(STYLES));
        assert_eq!(lists.label(Some("H1b"), None, None).as_deref(), Some("①"));
        assert_eq!(lists.label(Some("H1"), None, None).as_deref(), Some("②"));
        assert_eq!(lists.label(Some("Normal"), None, None), None);
        assert_eq!(lists.label(None, None, None), None);
    }

    #[test]
    fn formats() {
        assert_eq!(format_number(11, "chineseCounting"), "十一");
        assert_eq!(format_number(3, "ideographTraditional"), "丙");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
        assert_eq!(format_number(28, "upperLetter"), "BB");
        assert_eq!(format_number(14, "lowerRoman"), "xiv");
        assert_eq!(format_number(7, "decimalZero"), "07");
    }

    #[test]
    fn damaged_numbering_gives_no_labels() {
        let mut lists = Lists::new(Some("<w:numbering><w:num"), None);
        assert_eq!(lists.label(None, Some(1), Some(0)), None);
    }
}
