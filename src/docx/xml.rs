//! The one XML writer of the DOCX export, and its one escaping function.
//!
//! A tiny string builder rather than quick-xml's `Writer`: the export only
//! ever writes fixed element names with a few attributes, so a builder of a
//! few dozen lines does the job and keeps quick-xml's writer (events,
//! `BytesStart`, attribute iterators) out of the wasm; quick-xml is still
//! used on the import side, where parsing real-world XML needs a real parser.

/// Builds one XML part. Every piece of text and every attribute value goes
/// through [`escape`].
pub(crate) struct XmlWriter {
    out: String,
}

/// An attribute list: `(qualified name, value)`.
pub(crate) type Attrs<'a> = &'a [(&'a str, &'a str)];

impl XmlWriter {
    /// Starts a part with the XML declaration.
    pub(crate) fn new() -> XmlWriter {
        XmlWriter {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"),
        }
    }

    /// `<name a="v">`.
    pub(crate) fn open(&mut self, name: &str, attrs: Attrs) {
        self.start_tag(name, attrs);
        self.out.push('>');
    }

    /// `<name a="v"/>`.
    pub(crate) fn empty(&mut self, name: &str, attrs: Attrs) {
        self.start_tag(name, attrs);
        self.out.push_str("/>");
    }

    /// `</name>`.
    pub(crate) fn close(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// Escaped character data.
    pub(crate) fn text(&mut self, text: &str) {
        escape(text, &mut self.out);
    }

    /// `<name a="v">text</name>`.
    pub(crate) fn element(&mut self, name: &str, attrs: Attrs, text: &str) {
        self.open(name, attrs);
        self.text(text);
        self.close(name);
    }

    /// `<name w:val="value"/>`, the most common shape in WordprocessingML.
    pub(crate) fn val(&mut self, name: &str, value: &str) {
        self.empty(name, &[("w:val", value)]);
    }

    /// The finished part.
    pub(crate) fn finish(self) -> String {
        self.out
    }

    fn start_tag(&mut self, name: &str, attrs: Attrs) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape(value, &mut self.out);
            self.out.push('"');
        }
    }
}

/// Appends `text` to `out` escaped for both character data and attribute
/// values, dropping the characters XML 1.0 forbids (control characters other
/// than tab, newline and carriage return, and U+FFFE/U+FFFF), which text
/// pasted from other programs sometimes carries and which would make Word
/// refuse the whole file.
pub(crate) fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_controls() {
        let mut w = XmlWriter::new();
        w.element("w:t", &[("a", "x\"<y>")], "甲&乙<丙>\u{b}丁\u{1}");
        let xml = w.finish();
        assert!(xml.ends_with("<w:t a=\"x&quot;&lt;y&gt;\">甲&amp;乙&lt;丙&gt;丁</w:t>"));
    }

    #[test]
    fn empty_and_nested_elements() {
        let mut w = XmlWriter::new();
        w.open("w:p", &[]);
        w.val("w:jc", "center");
        w.close("w:p");
        assert!(w.finish().ends_with("<w:p><w:jc w:val=\"center\"/></w:p>"));
    }
}
