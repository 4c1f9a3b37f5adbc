//! Breaking text into grid lines by position, never by glyph width.
//!
//! The text is cut into clusters that never break ([`clusters`]): one
//! full-width character, a run of half-width letters, digits and signs
//! ("2023", "GB/T", "9704-2012"), or a doubled mark ("——", "……"). Lines
//! are filled greedily, then the break is moved to respect 避头尾:
//!
//! 1. If the cluster that does not fit is a single closing punctuation mark
//!    and the cluster after it may start a line, it stays on the line as
//!    compressed punctuation: the line is then up to 2 units longer than
//!    its capacity and the renderer squeezes it (this is the only way a
//!    line exceeds its capacity).
//! 2. Otherwise the break moves back one cluster at a time ("pulling
//!    characters down") until the next line does not start with closing
//!    punctuation and this line does not end with opening punctuation.
//! 3. If no such break exists on the line (a line of nothing but
//!    punctuation), the greedy break is kept.
//!
//! A half-width run longer than the narrowest line is split into single
//! characters, as nothing else can hold it.

use std::ops::Range;

use super::grid::char_units;
use super::punct::{is_closing, is_doubled_mark, is_opening, is_word_char};

/// The most a line may exceed its capacity: one compressed full-width
/// punctuation mark.
pub const MAX_HANG_UNITS: usize = 2;

/// A piece of text that is never split across lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cluster {
    /// First character index.
    pub start: usize,
    /// One past the last character index.
    pub end: usize,
    /// Width in half-width units.
    pub units: usize,
    /// Starts with closing punctuation: may not start a line.
    pub no_start: bool,
    /// Ends with opening punctuation: may not end a line.
    pub no_end: bool,
}

impl Cluster {
    fn new(chars: &[char], start: usize, end: usize) -> Cluster {
        Cluster {
            start,
            end,
            units: chars[start..end].iter().copied().map(char_units).sum(),
            no_start: is_closing(chars[start]),
            no_end: is_opening(chars[end - 1]),
        }
    }

    /// A single closing mark that may hang at the end of a full line.
    fn can_hang(&self) -> bool {
        self.no_start && self.end - self.start == 1 && self.units <= MAX_HANG_UNITS
    }
}

/// Cuts `chars` into unbreakable clusters; half-width runs wider than
/// `max_units` are split into single characters.
pub fn clusters(chars: &[char], max_units: usize) -> Vec<Cluster> {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut end = i + 1;
        if is_word_char(c) {
            while end < chars.len() && is_word_char(chars[end]) {
                end += 1;
            }
        } else if is_doubled_mark(c) {
            while end < chars.len() && chars[end] == c {
                end += 1;
            }
        }
        let cluster = Cluster::new(chars, i, end);
        if cluster.units > max_units && end - i > 1 {
            out.extend((i..end).map(|k| Cluster::new(chars, k, k + 1)));
        } else {
            out.push(cluster);
        }
        i = end;
    }
    out
}

/// Breaks `chars` into lines: the first line holds `first_capacity`
/// half-width units, the others `capacity`. Returns the character range of
/// each line; an empty text gives no line.
pub fn break_lines(chars: &[char], first_capacity: usize, capacity: usize) -> Vec<Range<usize>> {
    let first_capacity = first_capacity.max(2);
    let capacity = capacity.max(2);
    let cl = clusters(chars, first_capacity.min(capacity));
    let mut lines = Vec::with_capacity(chars.len() / (capacity / 2).max(1) + 1);
    let mut i = 0;
    while i < cl.len() {
        let cap = if lines.is_empty() {
            first_capacity
        } else {
            capacity
        };
        let k = next_break(&cl, i, cap);
        lines.push(cl[i].start..cl[k - 1].end);
        i = k;
    }
    lines
}

/// The cluster index that starts the line after the one starting at `i`.
fn next_break(cl: &[Cluster], i: usize, cap: usize) -> usize {
    let mut width = 0;
    let mut k = i;
    while k < cl.len() && width + cl[k].units <= cap {
        width += cl[k].units;
        k += 1;
    }
    if k == cl.len() {
        return k;
    }
    // A cluster is never wider than the capacity, but stay safe.
    if k == i {
        return i + 1;
    }
    let valid = |j: usize| !cl[j].no_start && !cl[j - 1].no_end;
    if valid(k) {
        return k;
    }
    if cl[k].can_hang() && !cl[k - 1].no_end && (k + 1 == cl.len() || !cl[k + 1].no_start) {
        return k + 1;
    }
    let mut j = k - 1;
    while j > i {
        if valid(j) {
            return j;
        }
        j -= 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, first: usize, rest: usize) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        break_lines(&chars, first, rest)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn fills_lines_by_grid_units() {
        // 10 units per line: five full-width characters.
        let got = lines("一二三四五六七八九十甲乙", 10, 10);
        assert_eq!(got, ["一二三四五", "六七八九十", "甲乙"]);
        // Digits take one unit each.
        assert_eq!(lines("一二三12", 10, 10), ["一二三12"]);
    }

    #[test]
    fn digit_runs_move_whole() {
        let got = lines("一二三四2023年", 10, 10);
        assert_eq!(got, ["一二三四", "2023年"]);
    }

    #[test]
    fn one_closing_mark_hangs_on_a_full_line() {
        let got = lines("一二三四五，六七", 10, 10);
        assert_eq!(got, ["一二三四五，", "六七"]);
    }

    #[test]
    fn two_closing_marks_pull_a_character_down() {
        let got = lines("一二三四五。”六七", 10, 10);
        assert_eq!(got, ["一二三四", "五。”六七"]);
    }

    #[test]
    fn opening_mark_never_ends_a_line() {
        let got = lines("一二三四“五六”", 10, 10);
        assert_eq!(got, ["一二三四", "“五六”"]);
    }

    #[test]
    fn overlong_half_width_run_is_split() {
        let got = lines("ABCDEFGHIJKL", 10, 10);
        assert_eq!(got, ["ABCDEFGHIJ", "KL"]);
    }

    #[test]
    fn doubled_marks_stay_together() {
        let got = lines("一二三四——五", 10, 10);
        assert_eq!(got, ["一二三四", "——五"]);
    }
}
