//! Typefaces per element (GB/T 9704 7.3 and 7.5), named as government
//! machines install them. Readers without a face substitute one from the
//! font table's hints (`w:altName`, GB2312 charset); every face is 1 em
//! wide for Chinese characters, so a substitute keeps the 28-character
//! line.

/// The font and size of one kind of run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Face {
    /// `w:eastAsia`: the face for Chinese characters.
    pub east_asia: &'static str,
    /// `w:ascii`/`w:hAnsi`: the face for digits and Latin letters.
    pub latin: &'static str,
    /// Size in half-points (`w:sz`).
    pub half_points: u32,
}

const FANGSONG: &str = "仿宋_GB2312";
const TIMES: &str = "Times New Roman";

/// 3号 仿宋 for the body, organ line, addressee, closing, signature and
/// date; digits in Times New Roman, whose digits are exactly half a
/// character wide.
pub(crate) const BODY: Face = Face {
    east_asia: FANGSONG,
    latin: TIMES,
    half_points: 32,
};

/// 2号 小标宋 for the title.
pub(crate) const TITLE: Face = Face {
    east_asia: "方正小标宋简体",
    latin: "方正小标宋简体",
    half_points: 44,
};

/// 4号 宋体 for the page number, half-width digits.
pub(crate) const PAGE_NUMBER: Face = Face {
    east_asia: "宋体",
    latin: "宋体",
    half_points: 28,
};

/// The 发文机关标志: 初号 (42 pt) in the title face (小标宋), drawn red.
pub(crate) const MARK: Face = Face {
    east_asia: "方正小标宋简体",
    latin: "方正小标宋简体",
    half_points: 84,
};

/// 4号 仿宋 for the 版记's lines (7.4.2, 7.4.3).
pub(crate) const RECORD: Face = Face {
    east_asia: FANGSONG,
    latin: TIMES,
    half_points: 28,
};

/// The face of a heading level: 1 黑体, 2 楷体, 3 and 4 仿宋, all 3号.
pub(crate) fn heading(level: u8) -> Face {
    let east_asia = match level {
        1 => "黑体",
        2 => "楷体_GB2312",
        _ => FANGSONG,
    };
    Face {
        east_asia,
        latin: if level <= 2 { east_asia } else { TIMES },
        half_points: 32,
    }
}

/// A face the font table declares, with the name Windows 10 and later
/// install it under when the `_GB2312` edition is missing.
pub(crate) struct Declared {
    pub name: &'static str,
    pub alt_name: Option<&'static str>,
    /// `w:family`: roman (serif), swiss (sans), modern or auto.
    pub family: &'static str,
    /// `w:charset` in hex: 86 is GB2312, 00 ANSI.
    pub charset: &'static str,
}

/// Every face the document uses.
pub(crate) const DECLARED: [Declared; 6] = [
    Declared {
        name: "仿宋_GB2312",
        alt_name: Some("仿宋"),
        family: "modern",
        charset: "86",
    },
    Declared {
        name: "方正小标宋简体",
        alt_name: Some("宋体"),
        family: "script",
        charset: "86",
    },
    Declared {
        name: "黑体",
        alt_name: Some("SimHei"),
        family: "modern",
        charset: "86",
    },
    Declared {
        name: "楷体_GB2312",
        alt_name: Some("楷体"),
        family: "modern",
        charset: "86",
    },
    Declared {
        name: "宋体",
        alt_name: Some("SimSun"),
        family: "auto",
        charset: "86",
    },
    Declared {
        name: "Times New Roman",
        alt_name: None,
        family: "roman",
        charset: "00",
    },
];
