//! A list of points rendered 一是…, 二是… by position.

use super::text_area::TextArea;
use crate::document::numbering::{ordinals, point_label};
use crate::draft::{Action, Direction, FieldRef, Point};
use crate::ui::editor::EditorMsg;
use crate::ui::fields::editor::{field_anchor, field_key};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PointListProps {
    pub field: FieldRef,
    pub points: Vec<Point>,
    pub on_msg: Callback<EditorMsg>,
}

#[component]
pub fn PointList(props: &PointListProps) -> Html {
    let count = props.points.len();
    let edit = |action: Action| EditorMsg::Edit(action);
    let base = field_key(&props.field);
    let numbers = ordinals(&props.points, Point::is_blank);
    let printed = numbers.iter().flatten().count();
    let items = props.points.iter().zip(numbers).enumerate().map(|(i, (point, number))| {
        let f = props.field.clone();
        let up = props.on_msg.reform(move |_: MouseEvent| {
            edit(Action::MovePoint { field: f.clone(), index: i, direction: Direction::Up })
        });
        let f = props.field.clone();
        let down = props.on_msg.reform(move |_: MouseEvent| {
            edit(Action::MovePoint { field: f.clone(), index: i, direction: Direction::Down })
        });
        let f = props.field.clone();
        let remove = props.on_msg.reform(move |_: MouseEvent| {
            edit(Action::RemovePoint { field: f.clone(), index: i })
        });
        let f = props.field.clone();
        let set_text = props.on_msg.reform(move |text: String| {
            edit(Action::SetPointText { field: f.clone(), index: i, text })
        });
        let anchor = field_anchor(&props.field, vec![i]);
        let focus = props.on_msg.reform(move |_| EditorMsg::Focus(anchor.clone()));
        let blur = props.on_msg.reform(|_| EditorMsg::EndTyping);
        html! {
            <li key={i} class="point">
                <span class="number" data-number={format!("{base}.{i}")}>{ number.map(point_label).unwrap_or_else(|| "（空白）".to_string()) }</span>
                <TextArea value={point.paragraphs.join("\n")} field={format!("{base}.{i}")} rows={3}
                    placeholder="只写“一是”后面的内容" on_input={set_text} on_focus={focus} on_blur={blur} />
                <div class="item-tools">
                    <button type="button" class="small" disabled={i == 0} onclick={up}
                        data-action="move-up">{"上移"}</button>
                    <button type="button" class="small" disabled={i + 1 == count} onclick={down}
                        data-action="move-down">{"下移"}</button>
                    <button type="button" class="small danger" onclick={remove}
                        data-action="remove">{"删除"}</button>
                </div>
            </li>
        }
    });
    let f = props.field.clone();
    let add = props.on_msg.reform(move |_: MouseEvent| {
        edit(Action::AddPoint {
            field: f.clone(),
            after: None,
        })
    });
    html! {
        <div class="points">
            <ol class="items">{ for items }</ol>
            <button type="button" class="add" data-action="add-point" data-add-for={base.clone()}
                onclick={add}>{ format!("＋ 添加一条（{}）", point_label(printed)) }</button>
        </div>
    }
}
