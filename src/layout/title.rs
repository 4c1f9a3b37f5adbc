//! Breaking a long title into balanced lines (7.3.1: 梯形 or 菱形).
//!
//! A title line holds [`TITLE_UNITS_PER_LINE`] half-width units of the
//! 2号 size (20 full-width characters). A title that does not fit on one
//! line uses the fewest lines that hold it, and the breaks are chosen by a
//! small dynamic programme over the gaps between clusters that minimises
//!
//! * the squared difference between each line's width and the average
//!   (lines of similar length),
//! * plus a penalty for breaking inside a common word of report titles
//!   ("法治政府", "建设", "报告", …) or between a number and 年/月/日,
//! * minus a bonus for breaking at a natural place: after punctuation,
//!   before an opening bracket or quote, after the leading "关于", after
//!   "的", before "报告",
//! * plus a slight cost for width on later lines, so that of two equally
//!   good shapes the one with the longer line on top wins (梯形).
//!
//! Every line holds at least two full-width characters (no orphan), and
//! 避头尾 holds at every break. If no break satisfies that with the fewest
//! lines, one more line is allowed; if nothing works at all, the title is
//! broken like a paragraph.

use std::ops::Range;

use super::breaking::{break_lines, clusters, Cluster};
use super::geometry::TITLE_UNITS_PER_LINE;
use super::punct::{is_closing, is_opening};

/// Words that titles of government reports are made of; a break inside
/// one of them is penalised.
const WORDS: &[&str] = &[
    "关于",
    "年度",
    "法治政府",
    "法治",
    "政府",
    "建设",
    "工作",
    "情况",
    "报告",
    "人民",
    "委员会",
    "办公室",
    "推进",
    "实施",
    "意见",
    "安排",
    "计划",
    "总结",
    "落实",
    "责任",
    "第一责任人",
    "负责人",
    "履行",
    "主要",
    "职责",
    "依法行政",
    "行政",
    "治理",
    "全面",
    "加强",
    "进一步",
    "深入",
    "贯彻",
    "党委",
    "党组",
    "中共",
    "县委",
    "市委",
    "区委",
    "司法局",
    "管理",
    "服务",
    "执法",
    "监督",
    "体系",
    "能力",
    "现代化",
    "述职",
    "上半年",
    "下半年",
    "街道",
    "乡镇",
    "部门",
    "机关",
    "开展",
    "规划",
    "方案",
    "问题",
    "整改",
    "成效",
    "举措",
    "措施",
    "要点",
    "专项",
    "改革",
    "发展",
    "社会",
    "公共",
    "安全",
    "生产",
    "环境",
    "保护",
    "教育",
    "卫生",
    "健康",
    "文化",
    "农业",
    "农村",
    "交通",
    "运输",
    "自然资源",
    "住房",
    "城乡",
    "市场",
    "监管",
    "应急",
    "财政",
    "审计",
    "信访",
    "民政",
    "公安",
    "规范性",
    "文件",
    "合法性",
    "审查",
    "宣传",
    "普法",
    "公开",
    "政务",
    "营商",
];

/// Cost of breaking inside a known word (in squared half-width units).
const INSIDE_WORD: f64 = 60.0;
/// Bonus for breaking after punctuation.
const AFTER_PUNCTUATION: f64 = -48.0;
/// Bonus for breaking before an opening bracket or quote.
const BEFORE_OPENING: f64 = -32.0;
/// Bonus for breaking after "关于", after "的" and before "报告".
const AT_PHRASE: f64 = -12.0;
/// Weight of a later line's width (top-heavy tie-break).
const LATER_WIDTH: f64 = 1.0;
/// Narrowest allowed line: two full-width characters.
const MIN_LINE_UNITS: usize = 4;

/// Breaks a title into balanced lines; returns each line's character range.
pub fn break_title(chars: &[char]) -> Vec<Range<usize>> {
    let cap = TITLE_UNITS_PER_LINE;
    let cl = clusters(chars, cap);
    let total: usize = cl.iter().map(|c| c.units).sum();
    if cl.is_empty() {
        return Vec::new();
    }
    if total <= cap {
        return std::iter::once(0..chars.len()).collect();
    }
    let gaps = gap_costs(chars, &cl);
    let fewest = total.div_ceil(cap);
    for lines in fewest..=cl.len() {
        if let Some(breaks) = best_breaks(&cl, &gaps, lines, total) {
            let mut out = Vec::with_capacity(lines);
            let mut from = 0;
            for to in breaks.into_iter().chain(std::iter::once(cl.len())) {
                out.push(cl[from].start..cl[to - 1].end);
                from = to;
            }
            return out;
        }
        if lines > fewest + 2 {
            break;
        }
    }
    // Leave room for a compressed mark so no line exceeds the type area.
    break_lines(chars, cap - 2, cap - 2)
}

/// The cost of breaking before cluster `j` (index `j`, 1..len), or `None`
/// where 避头尾 forbids it.
fn gap_costs(chars: &[char], cl: &[Cluster]) -> Vec<Option<f64>> {
    let mut inside = vec![false; chars.len() + 1];
    for word in WORDS {
        let w: Vec<char> = word.chars().collect();
        for at in 0..chars.len().saturating_sub(w.len() - 1) {
            if chars[at..at + w.len()] == w[..] {
                inside[at + 1..at + w.len()].fill(true);
            }
        }
    }
    let mut out = vec![None; cl.len()];
    for j in 1..cl.len() {
        let (before, after) = (&cl[j - 1], &cl[j]);
        if after.no_start || before.no_end {
            continue;
        }
        let at = after.start;
        let last = chars[before.end - 1];
        let next = chars[at];
        let mut cost = 0.0;
        if inside[at] {
            cost += INSIDE_WORD;
        }
        if last.is_ascii_digit() && matches!(next, '年' | '月' | '日' | '号' | '届' | '次') {
            cost += INSIDE_WORD;
        }
        if is_closing(last) {
            cost += AFTER_PUNCTUATION;
        }
        if is_opening(next) {
            cost += BEFORE_OPENING;
        }
        let leading_guanyu = at == 2 && chars[..2] == ['关', '于'];
        let before_report = chars[at..].starts_with(&['报', '告']);
        if leading_guanyu || last == '的' || before_report {
            cost += AT_PHRASE;
        }
        out[j] = Some(cost);
    }
    out
}

/// The cluster indices where `lines` lines start (after the first), by
/// dynamic programming; `None` if no admissible breaking exists.
fn best_breaks(
    cl: &[Cluster],
    gaps: &[Option<f64>],
    lines: usize,
    total: usize,
) -> Option<Vec<usize>> {
    let n = cl.len();
    let cap = TITLE_UNITS_PER_LINE;
    let mean = total as f64 / lines as f64;
    let mut prefix = vec![0usize; n + 1];
    for (i, c) in cl.iter().enumerate() {
        prefix[i + 1] = prefix[i] + c.units;
    }
    // cost[l][j]: best cost of the first j clusters in l + 1 lines.
    let mut cost = vec![vec![f64::INFINITY; n + 1]; lines];
    let mut from = vec![vec![0usize; n + 1]; lines];
    let line_cost = |l: usize, a: usize, b: usize| -> Option<f64> {
        let w = prefix[b] - prefix[a];
        if w > cap || w < MIN_LINE_UNITS {
            return None;
        }
        let dev = w as f64 - mean;
        Some(dev * dev + LATER_WIDTH * l as f64 * w as f64)
    };
    for (j, slot) in cost[0].iter_mut().enumerate().skip(1) {
        if let Some(c) = line_cost(0, 0, j) {
            *slot = c;
        }
    }
    for l in 1..lines {
        for j in 1..=n {
            let mut a = j;
            while a > 0 && prefix[j] - prefix[a - 1] <= cap {
                a -= 1;
                if a == 0 || !cost[l - 1][a].is_finite() {
                    continue;
                }
                let (Some(gap), Some(line)) = (gaps[a], line_cost(l, a, j)) else {
                    continue;
                };
                let c = cost[l - 1][a] + gap + line;
                if c < cost[l][j] {
                    cost[l][j] = c;
                    from[l][j] = a;
                }
            }
        }
    }
    if !cost[lines - 1][n].is_finite() {
        return None;
    }
    let mut breaks = vec![0; lines - 1];
    let mut j = n;
    for l in (1..lines).rev() {
        j = from[l][j];
        breaks[l - 1] = j;
    }
    Some(breaks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_lines(title: &str) -> Vec<String> {
        let chars: Vec<char> = title.chars().collect();
        break_title(&chars)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn short_title_is_one_line() {
        assert_eq!(
            title_lines("关于2023年度法治政府建设工作的报告"),
            ["关于2023年度法治政府建设工作的报告"]
        );
    }

    #[test]
    fn long_title_breaks_into_balanced_lines_between_words() {
        let got =
            title_lines("关于某某县人民政府2023年度法治政府建设工作情况和2024年工作安排的报告");
        assert_eq!(
            got,
            [
                "关于某某县人民政府2023年度法治政府",
                "建设工作情况和2024年工作安排的报告"
            ]
        );
    }

    #[test]
    fn breaks_after_punctuation_near_the_middle() {
        assert_eq!(
            title_lines("关于推进依法行政、建设法治政府工作情况的报告"),
            ["关于推进依法行政、", "建设法治政府工作情况的报告"]
        );
    }

    #[test]
    fn balance_wins_over_distant_punctuation() {
        let got = title_lines("某某市司法局关于2023年度法治政府建设、依法行政工作情况的报告");
        assert_eq!(
            got,
            [
                "某某市司法局关于2023年度法治政府",
                "建设、依法行政工作情况的报告"
            ]
        );
    }

    #[test]
    fn no_line_is_a_lone_character_and_words_stay_whole() {
        // 41 full-width characters: three lines of about 14.
        let title =
            "关于某某县人民政府办公室推进法治政府建设第一责任人履行职责情况和下一步工作安排的报告";
        let got = title_lines(title);
        assert_eq!(got.concat(), title);
        assert_eq!(got.len(), 3);
        for line in &got {
            let n = line.chars().count();
            assert!((11..=20).contains(&n), "{got:?}");
        }
        for word in ["法治政府", "第一责任人", "报告", "工作", "安排"] {
            assert!(
                got.iter().any(|l| l.contains(word)),
                "{word} split: {got:?}"
            );
        }
    }
}
