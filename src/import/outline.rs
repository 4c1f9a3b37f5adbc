//! The outline of a report's body: the preamble lines before the first
//! level-1 heading, and each level-1 section with its heading and lines.

use super::marker::{parse_marker, split_run_in, MarkerKind};

/// One level-1 section as found in the text.
pub(crate) struct RawSection<'a> {
    /// The number as written, such as "一、" or "二.".
    pub marker: String,
    /// The heading line after its number.
    pub line: &'a str,
    pub heading: String,
    pub run_on: Option<String>,
    pub lines: &'a [&'a str],
}

/// Splits the body into the preamble and the level-1 sections.
pub(crate) fn split_sections<'a>(body: &'a [&'a str]) -> (&'a [&'a str], Vec<RawSection<'a>>) {
    let starts: Vec<usize> = body
        .iter()
        .enumerate()
        .filter(|(_, line)| parse_marker(line).is_some_and(|m| m.kind == MarkerKind::Section))
        .map(|(i, _)| i)
        .collect();
    let preamble_end = starts.first().copied().unwrap_or(body.len());
    let sections = starts
        .iter()
        .enumerate()
        .filter_map(|(k, &start)| {
            let end = starts.get(k + 1).copied().unwrap_or(body.len());
            let line = body[start];
            let marker = parse_marker(line)?;
            let rest = line[marker.len..].trim();
            let (heading, run_on) = split_run_in(rest);
            Some(RawSection {
                marker: marker.text,
                line: rest,
                heading,
                run_on,
                lines: &body[start + 1..end],
            })
        })
        .collect();
    (&body[..preamble_end], sections)
}
