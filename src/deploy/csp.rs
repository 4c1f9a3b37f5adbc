//! The Content-Security-Policy of both editions, as a `<meta>` tag (a
//! plain static server sends no headers of ours): nothing from outside the
//! page's own origin, WebAssembly allowed by 'wasm-unsafe-eval' (never
//! 'unsafe-eval'), inline scripts and style elements only by their hashes.
//! Inline `style` attributes are allowed: the preview sets its zoom
//! through one.

use super::html;
use base64::Engine;

/// The policy for a page whose inline `<script>` and `<style>` elements are
/// those of `page`. Blob URLs are allowed for workers (the single file
/// starts its tools worker from one) and images; data URLs for images (the
/// single file's icon).
pub fn policy(page: &str) -> String {
    let scripts = hashes(page, "script");
    let styles = hashes(page, "style");
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{scripts}; \
         style-src 'self'{styles}; style-src-attr 'unsafe-inline'; \
         img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; \
         worker-src 'self' blob:; manifest-src 'self'; base-uri 'none'; form-action 'none'"
    )
}

/// The `<meta>` tag carrying `policy`.
pub fn meta(policy: &str) -> String {
    format!(
        r#"<meta http-equiv="Content-Security-Policy" content="{}">"#,
        html::escape_attr(policy)
    )
}

/// `'sha256-…'` of every inline element `name` of `page` that the browser
/// runs or applies (scripts with a `src`, or of a data type, need none).
fn hashes(page: &str, name: &str) -> String {
    html::elements(page, name)
        .iter()
        .filter(|e| e.attr("src").is_none())
        .filter(|e| {
            matches!(
                e.attr("type"),
                None | Some("module") | Some("text/javascript") | Some("text/css")
            )
        })
        .map(|e| {
            let digest = super::sha256(e.body.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_the_inline_scripts_and_styles_only() {
        let page = r#"<head><script type="module">init();</script><script src="./a.js"></script>
            <script type="application/json">{}</script><style>p{}</style></head>"#;
        let policy = policy(page);
        // echo -n 'init();' | openssl dgst -sha256 -binary | base64
        assert!(policy.contains(
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-GEnM5q1nYY/iACnyMTdov+tNp9OFcBnnDgNXUXaVNXc=';"
        ), "{policy}");
        assert!(
            policy.contains(
                "style-src 'self' 'sha256-gG2yISYereRMiG2lMXrbiUgi0Ubw9p7QCeWcroOvy9Y=';"
            ),
            "{policy}"
        );
        assert_eq!(policy.matches("'sha256-").count(), 2, "{policy}");
        assert!(!policy.contains("'unsafe-eval'"));
        assert!(!policy.contains("http"), "no outside origin: {policy}");
        assert!(policy.starts_with("default-src 'none';"));
    }
}
