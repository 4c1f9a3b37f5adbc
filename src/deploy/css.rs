//! Smaller stylesheets: before the site and the single file are built,
//! each of trunk's stylesheets loses its comments and the spaces no rule
//! needs, takes a name from its new content's hash, and the page's link
//! follows it (its `href` and its `integrity` hash).

use super::{hashed_name, html, text, Files};
use base64::Engine;
use sha2::{Digest, Sha384};

/// `trunk`'s output with every stylesheet the page links made smaller.
pub fn minify_stylesheets(trunk: &Files) -> Result<Files, String> {
    let page = text("index.html", super::file(trunk, "index.html")?)?;
    let mut out = trunk.clone();
    let mut spans = Vec::new();
    for link in html::tags(page, "link") {
        if link.attr("rel") != Some("stylesheet") {
            continue;
        }
        let href = link.attr("href").unwrap_or_default();
        let name = href.trim_start_matches("./");
        let css = text(name, super::file(trunk, name)?)?;
        let small = minify(css);
        let stem = name
            .rsplit_once('-')
            .map_or(name, |(stem, _)| stem)
            .trim_end_matches(".css");
        let new_name = hashed_name(stem, ".css", small.as_bytes());
        let integrity = format!(
            "sha384-{}",
            base64::engine::general_purpose::STANDARD.encode(Sha384::digest(small.as_bytes()))
        );
        let tag = link.open.replacen(
            &format!("href=\"{href}\""),
            &format!("href=\"./{new_name}\""),
            1,
        );
        let tag = match link.attr("integrity") {
            Some(old) => tag.replacen(
                &format!("integrity=\"{old}\""),
                &format!("integrity=\"{integrity}\""),
                1,
            ),
            None => tag,
        };
        spans.push((link.start, link.end, tag));
        out.remove(name);
        out.insert(new_name, small.into_bytes());
    }
    out.insert(
        "index.html".into(),
        html::replace_spans(page, spans).into_bytes(),
    );
    Ok(out)
}

/// `css` without comments, with each run of spaces made one space and
/// none around `{`, `}`, `;`, `,` and `>` (nor a `;` before `}`). Quoted
/// strings are kept as they are; spaces elsewhere (around `+`, `~`, `(`,
/// `:`) stay, as some rules need them (`and (`, `calc(a + b)`, `a :hover`).
pub fn minify(css: &str) -> String {
    const TIGHT: &[char] = &['{', '}', ';', ',', '>'];
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            c if c.is_whitespace() => space = true,
            c => {
                if space && !out.is_empty() && !out.ends_with(TIGHT) && !TIGHT.contains(&c) {
                    out.push(' ');
                }
                space = false;
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                if c == '"' || c == '\'' {
                    let mut escaped = false;
                    for s in chars.by_ref() {
                        out.push(s);
                        if escaped {
                            escaped = false;
                        } else if s == '\\' {
                            escaped = true;
                        } else if s == c {
                            break;
                        }
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_comments_and_spaces_no_rule_needs() {
        let css = "/* The sheet. */\n.a  >  .b ,\n.c {\n  color: red ;\n  margin: 0 auto;  /* centred */\n}\n\n@media screen and (max-width: 40em) {\n  .d + .e ~ .f { width: calc(100% - 2em) }\n}\n";
        assert_eq!(
            minify(css),
            ".a>.b,.c{color: red;margin: 0 auto}@media screen and (max-width: 40em){.d + .e ~ .f{width: calc(100% - 2em)}}"
        );
    }

    #[test]
    fn keeps_quoted_strings_whole() {
        let css = ".a::before { content: \"  /* not a comment */ ; } \"; font-family: 'Noto  Serif', \"A\\\"  B\"; }";
        assert_eq!(
            minify(css),
            ".a::before{content: \"  /* not a comment */ ; } \";font-family: 'Noto  Serif',\"A\\\"  B\"}"
        );
    }

    #[test]
    fn the_page_links_the_smaller_sheets_by_new_name_and_hash() {
        let page = "<html><head><meta charset=\"utf-8\"><link rel=\"stylesheet\" href=\"./app-0123456789abcdef.css\" integrity=\"sha384-old\"/><link rel=\"icon\" href=\"./i.svg\"></head><body></body></html>";
        let mut trunk = Files::new();
        trunk.insert("index.html".into(), page.as_bytes().to_vec());
        trunk.insert(
            "app-0123456789abcdef.css".into(),
            b"/* x */\n.a {\n  color: red;\n}\n".to_vec(),
        );
        let out = minify_stylesheets(&trunk).expect("minified");
        let small = b".a{color: red}";
        let name = hashed_name("app", ".css", small);
        assert_eq!(out.get(&name).map(Vec::as_slice), Some(&small[..]));
        assert!(!out.contains_key("app-0123456789abcdef.css"));
        let page = String::from_utf8(out["index.html"].clone()).expect("utf-8");
        let integrity = base64::engine::general_purpose::STANDARD.encode(Sha384::digest(small));
        assert!(
            page.contains(&format!(
                "<link rel=\"stylesheet\" href=\"./{name}\" integrity=\"sha384-{integrity}\"/>"
            )),
            "{page}"
        );
        assert!(page.contains("<link rel=\"icon\" href=\"./i.svg\">"));
    }
}
