//! One page drawn as an A4 sheet: every line absolutely positioned in
//! millimetres where the layout put it, and the page number.
//!
//! A [`Sheet`] re-renders only when its own page changed: its props hold
//! the whole layout (one `Rc`, nothing copied) and the page index, and
//! compare equal when the two layouts are the same `Rc` or hold equal
//! pages at that index. Typing in one paragraph therefore redraws the
//! pages whose lines moved, and Yew skips the others without diffing them.
//! Inside a redrawn page each line is a [`SheetLine`] compared the same
//! way, so a keystroke rebuilds the one or two lines it changed rather
//! than the page's twenty-two.

use super::cells::{font_mm, line_pieces, pieces, Piece};
use crate::document::Anchor;
use crate::draft::FieldRef;
use crate::layout::geometry::{LEFT_MM, PAGE_NUMBER_DASH_Y_MM, TOP_MM, TYPE_AREA_WIDTH_MM};
use crate::layout::{FontRole, Layout, Mark, PageNumber, PlacedLine, Side};
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

thread_local! {
    static RENDERS: Cell<u64> = const { Cell::new(0) };
    static LINE_RENDERS: Cell<u64> = const { Cell::new(0) };
}

/// How many times any [`Sheet`] has rendered since the app started; lets
/// tests check that an edit redraws only the pages it changed.
#[doc(hidden)]
pub fn sheet_renders() -> u64 {
    RENDERS.with(Cell::get)
}

/// How many times any [`SheetLine`] has rendered since the app started.
#[doc(hidden)]
pub fn line_renders() -> u64 {
    LINE_RENDERS.with(Cell::get)
}

/// A stable text form of an anchor for `data-anchor` attributes:
/// `section/field/path`, with `-` for the report's frame and the path's
/// indices joined by dots ("measures/items/0.1", "-/title/").
pub fn anchor_key(anchor: &Anchor) -> String {
    let path: Vec<String> = anchor.path.iter().map(usize::to_string).collect();
    format!(
        "{}/{}/{}",
        anchor.field.section_id().unwrap_or("-"),
        anchor.field.id,
        path.join(".")
    )
}

/// The anchor an [`anchor_key`] was made from.
pub fn parse_anchor_key(key: &str) -> Option<Anchor> {
    let mut parts = key.splitn(3, '/');
    let section = parts.next()?;
    let field = parts.next()?;
    let path = parts.next()?;
    let path = if path.is_empty() {
        Vec::new()
    } else {
        path.split('.')
            .map(|p| p.parse().ok())
            .collect::<Option<Vec<usize>>>()?
    };
    let field = match section {
        "-" => FieldRef::meta(field),
        section => FieldRef::section(section, field),
    };
    Some(Anchor::new(field, path))
}

/// The CSS class that sets a role's face and size (see `styles/pages.css`).
pub fn role_class(role: FontRole) -> &'static str {
    match role {
        FontRole::Title => "role-title",
        FontRole::Body => "role-body",
        FontRole::Heading1 => "role-heading1",
        FontRole::Heading2 => "role-heading2",
        FontRole::Heading3 => "role-heading3",
        FontRole::Heading4 => "role-heading4",
        FontRole::PageNumber => "role-page-number",
        FontRole::Marking => "role-marking",
        FontRole::Signer => "role-signer",
        FontRole::Record => "role-record",
    }
}

/// Props of [`Sheet`]: page `index` of `layout`.
#[derive(Properties, Clone)]
pub struct SheetProps {
    pub layout: Rc<Layout>,
    pub index: usize,
}

impl PartialEq for SheetProps {
    /// Equal when the page to draw is the same, by `Rc` identity first and
    /// by value otherwise.
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
            && (Rc::ptr_eq(&self.layout, &other.layout)
                || self.layout.pages.get(self.index) == other.layout.pages.get(other.index))
    }
}

/// One A4 sheet (`.sheet`, `data-page` = the page number).
#[component]
pub fn Sheet(props: &SheetProps) -> Html {
    RENDERS.with(|r| r.set(r.get() + 1));
    let Some(page) = props.layout.pages.get(props.index) else {
        return Html::default();
    };
    // Each line keyed by its block and its place among the block's lines on
    // this page: when a paragraph grows by a line, the lines below it move
    // down a row and keep their drawn characters (only their `top` changes)
    // instead of every line below redrawing the text of the one above. The
    // sheet's children are one list, so the marks and the page number are
    // keyed too (a list keys all its children or none).
    let mut seen: Vec<(usize, usize)> = Vec::new();
    let lines = page.lines.iter().enumerate().map(|(line, placed)| {
        let nth = match seen.iter_mut().find(|(block, _)| *block == placed.block) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                seen.push((placed.block, 0));
                0
            }
        };
        let key = format!("{}.{nth}", placed.block);
        html! { <SheetLine {key} layout={Rc::clone(&props.layout)} page={props.index} {line} /> }
    });
    html! {
        <div class="sheet" data-page={page.number.to_string()}>
            { for page.marks.iter().enumerate().map(|(i, mark)| mark_html(i, mark)) }
            { for lines }
            { page_number_html(&page.page_number) }
        </div>
    }
}

/// Props of [`SheetLine`]: line `line` of page `page` of `layout`.
#[derive(Properties, Clone)]
struct SheetLineProps {
    layout: Rc<Layout>,
    page: usize,
    line: usize,
}

impl SheetLineProps {
    fn placed(&self) -> Option<&PlacedLine> {
        self.layout.pages.get(self.page)?.lines.get(self.line)
    }
}

impl PartialEq for SheetLineProps {
    /// Equal when the line to draw is the same, by `Rc` identity first and
    /// by value otherwise.
    fn eq(&self, other: &Self) -> bool {
        self.page == other.page
            && self.line == other.line
            && (Rc::ptr_eq(&self.layout, &other.layout) || self.placed() == other.placed())
    }
}

/// One line of a sheet (`.line`).
#[component]
fn SheetLine(props: &SheetLineProps) -> Html {
    LINE_RENDERS.with(|r| r.set(r.get() + 1));
    props.placed().map(line_html).unwrap_or_default()
}

fn mm(v: f64) -> String {
    format!("{}mm", fixed3(v))
}

/// `v` with three decimals ("12.500"), as `{:.3}` writes it but without
/// the float printer, which would add several KB to the download.
pub fn fixed3(v: f64) -> String {
    let n = (v * 1000.0).round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    let n = n.unsigned_abs();
    format!("{sign}{}.{:03}", n / 1000, n % 1000)
}

/// `v` as short as possible with up to three decimals: "0.75", "1".
pub fn short_decimal(v: f64) -> String {
    let fixed = fixed3(v);
    fixed
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_string()
}

fn line_html(placed: &PlacedLine) -> Html {
    let line = &placed.line;
    let role = line.runs.first().map_or(FontRole::Body, |r| r.role);
    let style = format!(
        "top:{};left:{}",
        mm(TOP_MM + placed.top_mm()),
        mm(LEFT_MM + line.left_mm())
    );
    html! {
        <div class={classes!("line", role_class(role))} {style}
            data-row={placed.row.to_string()} data-anchor={anchor_key(&placed.anchor)}>
            { for line_pieces(line).iter().map(piece_html) }
        </div>
    }
}

/// The 发文机关标志 (`.mark.issuer-mark`) or a rule (`.mark.rule`, `.red`
/// for the 版头's), placed in millimetres like the lines; the page's
/// `index`th mark.
fn mark_html(index: usize, mark: &Mark) -> Html {
    let key = format!("mark-{index}");
    match mark {
        Mark::IssuerMark {
            text,
            top_mm,
            left_mm,
            size_mm,
            ..
        } => {
            let style = format!(
                "top:{};left:{};font-size:{};transform:scaleX({})",
                mm(TOP_MM + top_mm),
                mm(LEFT_MM + left_mm),
                mm(*size_mm),
                short_decimal(mark.scale_x()),
            );
            html! { <div {key} class="mark issuer-mark" {style}>{ text }</div> }
        }
        Mark::Rule {
            thickness_mm, red, ..
        } => {
            let style = format!(
                "top:{};left:{};width:{};border-top-width:{}",
                mm(TOP_MM + mark.top_mm()),
                mm(LEFT_MM),
                mm(TYPE_AREA_WIDTH_MM),
                mm(*thickness_mm),
            );
            html! { <div {key} class={classes!("mark", "rule", red.then_some("red"))} {style}></div> }
        }
    }
}

fn page_number_html(number: &PageNumber) -> Html {
    let role = FontRole::PageNumber;
    // The dashes sit at mid-height of the em box: centre the box on them.
    let top = PAGE_NUMBER_DASH_Y_MM - font_mm(role) / 2.0;
    let style = format!("top:{};left:{}", mm(top), mm(LEFT_MM + number.left_mm()));
    let side = match number.side {
        Side::Left => "side-left",
        Side::Right => "side-right",
    };
    html! {
        <div key="page-number" class={classes!("page-number", role_class(role), side)} {style}>
            { for pieces([(number.text.as_str(), role)], 0.0).iter().map(piece_html) }
        </div>
    }
}

fn piece_html(piece: &Piece) -> Html {
    match piece {
        Piece::Group {
            text,
            role,
            width_mm,
            spacing_mm,
        } => {
            let style = format!("width:{};letter-spacing:{}", mm(*width_mm), mm(*spacing_mm));
            html! { <span class={classes!("g", role_class(*role))} {style}>{ text }</span> }
        }
        Piece::Cell {
            ch,
            role,
            width_mm,
            gap_mm,
            full_width,
        } => {
            let style = if *gap_mm == 0.0 {
                format!("width:{}", mm(*width_mm))
            } else {
                format!("width:{};margin-right:{}", mm(*width_mm), mm(*gap_mm))
            };
            let width = if *full_width { "fw" } else { "hw" };
            html! {
                <span class={classes!("c", width, role_class(*role))} {style}>
                    { ch.to_string() }
                </span>
            }
        }
    }
}
