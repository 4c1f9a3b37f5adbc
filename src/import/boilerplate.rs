//! Website boilerplate around a report copied from a government website:
//! breadcrumbs, source and date lines, view counters, font-size switches,
//! print/close/share links. Only lines before the title (and directly
//! after it) and after the end of the body are ever tested against these
//! patterns; the body itself is never filtered.

/// Labels that make a line boilerplate when followed by a colon.
const LABELS: &[&str] = &[
    "来源",
    "信息来源",
    "文章来源",
    "稿件来源",
    "发布时间",
    "发布日期",
    "发布机构",
    "发布单位",
    "更新时间",
    "索引号",
    "主题分类",
    "成文日期",
    "发文机关",
    "作者",
    "编辑",
    "责任编辑",
    "审核",
    "校对",
    "字号",
    "字体",
    "浏览次数",
    "阅读次数",
    "访问次数",
    "点击数",
    "点击量",
    "浏览量",
    "分享",
    "分享到",
    "当前位置",
    "您的位置",
    "您当前的位置",
    "您现在的位置",
    "您当前所在位置",
    "当前所在位置",
    "所在位置",
    "发文字号",
    "文号",
    "点击",
    "点击次数",
    "今天是",
];

/// Words that make a line boilerplate wherever they occur in it.
const ANYWHERE: &[&str] = &[
    "浏览次数",
    "阅读次数",
    "访问次数",
    "打印本页",
    "关闭窗口",
    "分享到",
    "【字体",
    "【打印",
    "【关闭",
    "字号：大",
    "字体：大",
    "扫一扫在手机",
];

/// Lines that are boilerplate when they are nothing else.
const WHOLE: &[&str] = &[
    "打印",
    "关闭",
    "收藏",
    "分享",
    "返回",
    "返回顶部",
    "上一篇",
    "下一篇",
    "相关链接",
    "相关文章",
    "大中小",
    "大 中 小",
    // The cells of a metadata table copied one per line.
    "索引号",
    "发文字号",
    "发布日期",
    "发布机构",
    "成文日期",
    "主题分类",
    "来源",
    "点击",
    "点击数",
];

/// Separators of a breadcrumb trail (首页 > 政务公开 > …).
const CRUMB_SEPARATORS: &[char] = &['>', '＞', '»', '›', '→', '/', '／'];

/// Whether a trimmed line is website boilerplate.
pub(crate) fn is_boilerplate(line: &str) -> bool {
    let bare = line.trim_matches(|c: char| c.is_whitespace() || "【】[]<>()（）".contains(c));
    if bare.is_empty() {
        return false;
    }
    let labelled = LABELS.iter().any(|label| {
        bare.strip_prefix(label)
            .map(str::trim_start)
            .is_some_and(|rest| rest.starts_with(['：', ':']))
    });
    let breadcrumb = (bare.starts_with("首页") || bare.starts_with("网站首页"))
        && bare.contains(CRUMB_SEPARATORS);
    labelled
        || breadcrumb
        || is_date_banner(bare)
        || ANYWHERE.iter().any(|w| line.contains(w))
        || WHOLE.contains(&bare)
}

/// A website's date banner: “今天是：2024年1月15日 星期一”, “2024年1月15日
/// 星期一”. A weekday is never part of a report's own date line.
fn is_date_banner(line: &str) -> bool {
    let weekday = [
        "星期", "周一", "周二", "周三", "周四", "周五", "周六", "周日",
    ]
    .iter()
    .any(|w| line.contains(w));
    line.starts_with("今天是")
        || (weekday
            && line.chars().count() <= 30
            && line.contains('年')
            && line.contains('月')
            && !line.ends_with('。'))
}

/// Whether a trimmed line is a page number carried over from a printed or
/// PDF copy: “— 1 —”, “- 1 -”, “-1-”, “第1页”, “第1页 共5页”, “第 1 页，共 5 页”.
pub(crate) fn is_page_number(line: &str) -> bool {
    let bare: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let dashes = |c: char| matches!(c, '—' | '–' | '-' | '－' | '─');
    let inner = bare.trim_start_matches(dashes).trim_end_matches(dashes);
    let dashed = inner.len() < bare.len()
        && bare.starts_with(dashes)
        && bare.ends_with(dashes)
        && !inner.is_empty()
        && inner.len() <= 3
        && inner.chars().all(|c| c.is_ascii_digit());
    if dashed {
        return true;
    }
    // 第N页, optionally followed by 共M页 (with a comma or slash between).
    let page = |s: &str| -> Option<usize> {
        let rest = s.strip_prefix('第')?;
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        (digits > 0 && digits <= 4 && rest[digits..].starts_with('页'))
            .then(|| '第'.len_utf8() + digits + '页'.len_utf8())
    };
    let total = |s: &str| -> bool {
        let s = s.trim_start_matches([',', '，', '/', '／', '、']);
        s.strip_prefix('共').is_some_and(|rest| {
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && digits <= 4 && &rest[digits..] == "页"
        })
    };
    match page(&bare) {
        Some(len) => {
            let rest = &bare[len..];
            rest.is_empty() || total(rest)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_recognised_and_text_is_not() {
        for line in [
            "— 1 —",
            "- 1 -",
            "-12-",
            "－ 3 －",
            "第1页",
            "第1页 共5页",
            "第 2 页，共 5 页",
            "第3页/共5页",
        ] {
            assert!(is_page_number(line), "{line}");
        }
        for line in [
            "一、2023年推进法治政府建设的主要举措和成效",
            "— 1 — 加强领导",
            "第1页的内容",
            "1",
            "——",
            "第一页",
            "共5页",
            "-2023-",
        ] {
            assert!(!is_page_number(line), "{line}");
        }
    }

    #[test]
    fn website_lines_are_boilerplate() {
        for line in [
            "首页 > 政务公开 > 法治政府建设年度报告",
            "首页>信息公开>法治政府建设",
            "当前位置：首页 > 政务公开",
            "来源：荆家镇人民政府",
            "来源: 荆家镇",
            "发布时间：2024-03-01 10:20",
            "发布时间：2024-03-01  来源：××县司法局  浏览次数：218",
            "浏览次数：1234",
            "【字体：大 中 小】",
            "【字体：大 中 小】【打印本页】【关闭窗口】",
            "打印本页",
            "关闭窗口",
            "【打印】",
            "分享到：",
            "分享到",
            "责任编辑：王某",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn report_lines_are_not_boilerplate() {
        for line in [
            "中共荆家镇委",
            "关于2023年度法治政府建设工作的报告",
            "县委、县政府：",
            "首页建设工作取得进展",
            "特此报告。",
            "2023年12月18日",
            "来源广泛的普法资料",
            "一、推进法治政府建设的主要举措和成效",
            "",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }
}
