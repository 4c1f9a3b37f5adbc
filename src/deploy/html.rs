//! Just enough HTML handling for trunk's `index.html`: finding tags and
//! elements by name, reading an attribute, replacing a span.

/// One tag or element in a page: its byte span, the opening tag's text and,
/// for an element with content, the text between its tags.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<'a> {
    pub start: usize,
    pub end: usize,
    pub open: &'a str,
    pub body: &'a str,
}

impl Found<'_> {
    /// The value of attribute `name` in the opening tag (`name="value"`).
    pub fn attr(&self, name: &str) -> Option<&str> {
        attr(self.open, name)
    }
}

/// The value of attribute `name` in the tag text `tag`.
pub fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(at) = tag[from..].find(name).map(|i| i + from) {
        let before = tag[..at].chars().next_back();
        let rest = &tag[at + name.len()..];
        if before.is_some_and(char::is_whitespace) {
            if let Some(value) = rest.strip_prefix("=\"") {
                return value.find('"').map(|end| &value[..end]);
            }
            if rest.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') {
                return Some("");
            }
        }
        from = at + name.len();
    }
    None
}

/// Every `<name …>` tag with no content (`link`, `meta`).
pub fn tags<'a>(html: &'a str, name: &str) -> Vec<Found<'a>> {
    let open = format!("<{name}");
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(start) = html[from..].find(&open).map(|i| i + from) {
        let after = start + open.len();
        let Some(close) = html[after..].find('>').map(|i| i + after + 1) else {
            break;
        };
        if html[after..].starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') {
            found.push(Found {
                start,
                end: close,
                open: &html[start..close],
                body: "",
            });
        }
        from = close;
    }
    found
}

/// Every `<name …>…</name>` element (`script`, `style`), with its content.
pub fn elements<'a>(html: &'a str, name: &str) -> Vec<Found<'a>> {
    let end_tag = format!("</{name}>");
    let mut found = Vec::new();
    let mut from = 0;
    for tag in tags(html, name) {
        if tag.start < from {
            continue;
        }
        let Some(body_end) = html[tag.end..].find(&end_tag).map(|i| i + tag.end) else {
            break;
        };
        let end = body_end + end_tag.len();
        found.push(Found {
            start: tag.start,
            end,
            open: tag.open,
            body: &html[tag.end..body_end],
        });
        from = end;
    }
    found
}

/// `html` with each span replaced by its text; spans must not overlap.
pub fn replace_spans(html: &str, mut spans: Vec<(usize, usize, String)>) -> String {
    spans.sort_by_key(|(start, _, _)| *start);
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (start, end, text) in spans {
        out.push_str(&html[at..start]);
        out.push_str(&text);
        at = end;
    }
    out.push_str(&html[at..]);
    out
}

/// `html` with `snippet` right after the `<meta charset>` tag (where a
/// Content-Security-Policy must come, before anything it governs).
pub fn after_charset(html: &str, snippet: &str) -> Result<String, String> {
    let charset = tags(html, "meta")
        .into_iter()
        .find(|t| t.attr("charset").is_some())
        .ok_or("index.html has no <meta charset>")?;
    Ok(format!(
        "{}\n  {snippet}{}",
        &html[..charset.end],
        &html[charset.end..]
    ))
}

/// `html` with `snippet` at the end of its head.
pub fn before_head_end(html: &str, snippet: &str) -> Result<String, String> {
    let at = html.find("</head>").ok_or("index.html has no </head>")?;
    Ok(format!("{}{snippet}\n{}", &html[..at], &html[at..]))
}

/// Escapes `&`, `<`, `>` and `"` for an attribute value.
pub fn escape_attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><meta charset="utf-8"><link rel="stylesheet" href="./a.css" integrity="x"><linked>
<script type="module">import x from './x.js';</script><script src="./y.js" defer></script></head><body></body></html>"#;

    #[test]
    fn finds_tags_and_their_attributes() {
        let links = tags(PAGE, "link");
        assert_eq!(links.len(), 1, "<linked> is not a link");
        assert_eq!(links[0].attr("href"), Some("./a.css"));
        assert_eq!(links[0].attr("rel"), Some("stylesheet"));
        assert_eq!(links[0].attr("as"), None);
        let scripts = elements(PAGE, "script");
        assert_eq!(scripts.len(), 2);
        assert_eq!(scripts[0].body, "import x from './x.js';");
        assert_eq!(scripts[0].attr("src"), None);
        assert_eq!(scripts[1].attr("src"), Some("./y.js"));
        assert_eq!(scripts[1].attr("defer"), Some(""));
        assert_eq!(
            &PAGE[scripts[1].start..scripts[1].end],
            r#"<script src="./y.js" defer></script>"#
        );
    }

    #[test]
    fn inserts_after_the_charset_and_before_the_head_end() {
        let page = after_charset(PAGE, "<meta name=\"a\">").expect("charset");
        assert!(page.contains("<meta charset=\"utf-8\">\n  <meta name=\"a\"><link"));
        let page = before_head_end(&page, "<meta name=\"b\">").expect("head");
        assert!(page.contains("<meta name=\"b\">\n</head>"));
    }

    #[test]
    fn replaces_spans_in_any_order() {
        let out = replace_spans("abcdef", vec![(4, 5, "E".into()), (0, 2, String::new())]);
        assert_eq!(out, "cdEf");
    }
}
