//! Numbers from position: Chinese numerals and the heading and point labels
//! of official documents (一、 （一） 1. （1） 一是).

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// `n` in Chinese numerals as written in headings: 一 … 十, 十一, 二十一,
/// 一百零一, 一千二百. Zero is 零.
pub fn chinese(n: usize) -> String {
    if n == 0 {
        return DIGITS[0].to_string();
    }
    if n >= 10_000 {
        let high = chinese(n / 10_000);
        let low = n % 10_000;
        return match low {
            0 => format!("{high}万"),
            1..=999 => format!("{high}万零{}", below_10000(low, false)),
            _ => format!("{high}万{}", below_10000(low, false)),
        };
    }
    below_10000(n, true)
}

/// 1..=9999; `short_ten` writes 十一 rather than 一十一 for 10..=19.
fn below_10000(n: usize, short_ten: bool) -> String {
    let units = ["千", "百", "十", ""];
    let parts = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut pending_zero = false;
    for (i, &d) in parts.iter().enumerate() {
        if d == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if pending_zero {
            out.push_str(DIGITS[0]);
            pending_zero = false;
        }
        // 十一 rather than 一十一 when the number starts with the tens.
        if !(short_ten && i == 2 && d == 1 && out.is_empty()) {
            out.push_str(DIGITS[d]);
        }
        out.push_str(units[i]);
    }
    out
}

/// The number of the `index`-th (0-based) heading at `level` (1–4).
pub fn heading_number(level: u8, index: usize) -> String {
    let n = index + 1;
    match level {
        1 => format!("{}、", chinese(n)),
        2 => format!("（{}）", chinese(n)),
        3 => format!("{n}."),
        _ => format!("（{n}）"),
    }
}

/// The label of the `index`-th (0-based) point: 一是, 二是, …
pub fn point_label(index: usize) -> String {
    format!("{}是", chinese(index + 1))
}

/// The 0-based number each item of a list prints with: blank items print
/// nothing and take no number (`None`), the others are numbered in order.
pub fn ordinals<T>(items: &[T], blank: impl Fn(&T) -> bool) -> Vec<Option<usize>> {
    let mut next = 0;
    items
        .iter()
        .map(|item| {
            (!blank(item)).then(|| {
                next += 1;
                next - 1
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_for_any_count() {
        let cases = [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (99, "九十九"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (1001, "一千零一"),
            (1200, "一千二百"),
            (10_000, "一万"),
            (10_010, "一万零一十"),
        ];
        for (n, s) in cases {
            assert_eq!(chinese(n), s, "{n}");
        }
    }

    #[test]
    fn blank_items_take_no_number() {
        let items = ["甲", " ", "乙", "", "丙"];
        assert_eq!(
            ordinals(&items, |s| s.trim().is_empty()),
            [Some(0), None, Some(1), None, Some(2)]
        );
    }

    #[test]
    fn labels_by_level() {
        assert_eq!(heading_number(1, 10), "十一、");
        assert_eq!(heading_number(2, 20), "（二十一）");
        assert_eq!(heading_number(3, 0), "1.");
        assert_eq!(heading_number(4, 11), "（12）");
        assert_eq!(point_label(1), "二是");
        assert_eq!(point_label(10), "十一是");
    }
}
