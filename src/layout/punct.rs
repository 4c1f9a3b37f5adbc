//! Character classes for Chinese line breaking (避头尾): punctuation that
//! must not start a line, punctuation that must not end one.

/// Closing punctuation: must not start a line (避头).
///
/// Full-width and half-width commas, stops, colons, question and
/// exclamation marks, closing brackets and quotes, the ellipsis, the
/// middle dot, the iteration mark and percent/degree signs.
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '》'
            | '」'
            | '』'
            | '”'
            | '’'
            | '〕'
            | '】'
            | '〗'
            | '〉'
            | '］'
            | '｝'
            | '…'
            | '⋯'
            | '·'
            | '・'
            | '．'
            | '％'
            | '‰'
            | '℃'
            | '々'
            | '～'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
            | '%'
    )
}

/// Opening punctuation: must not end a line (避尾).
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '（' | '《'
            | '「'
            | '『'
            | '“'
            | '‘'
            | '〔'
            | '【'
            | '〖'
            | '〈'
            | '［'
            | '｛'
            | '('
            | '['
            | '{'
    )
}

/// Characters that stick to an identical neighbour: "——" and "……" are one
/// mark each and never split.
pub fn is_doubled_mark(c: char) -> bool {
    matches!(c, '—' | '…' | '⋯')
}

/// Half-width characters that form unbreakable words with their
/// neighbours: digits, Latin letters and the ASCII signs inside codes and
/// numbers ("2023", "GB/T", "9704-2012", "3.5%").
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_graphic()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_do_not_overlap() {
        for c in "，。、；：？！）》」』”’…".chars() {
            assert!(is_closing(c), "{c}");
            assert!(!is_opening(c), "{c}");
        }
        for c in "（《「『“‘".chars() {
            assert!(is_opening(c), "{c}");
            assert!(!is_closing(c), "{c}");
        }
        assert!(!is_closing('法') && !is_opening('法'));
    }
}
