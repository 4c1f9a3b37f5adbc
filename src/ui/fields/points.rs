//! A list of points rendered 一是…, 二是… by position.

use super::moved::{remember, settle, Pending};
use super::text_area::TextArea;
use super::FieldEvents;
use crate::check::{Location, Within};
use crate::document::numbering::{ordinals, point_label};
use crate::draft::{Action, Direction, FieldRef, Point};
use crate::i18n::{fill, ordinal, tr, Key};
use crate::ui::fields::editor::{caret_reporter, field_anchor, field_key};
use crate::ui::fields::input_id;
use crate::ui::language::{filled, use_language, words};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PointListProps {
    pub field: FieldRef,
    pub points: Vec<Point>,
    pub events: FieldEvents,
}

#[component]
pub fn PointList(props: &PointListProps) -> Html {
    use_language();
    let count = props.points.len();
    let edit = |action: Action| action;
    let base = field_key(&props.field);
    let numbers = ordinals(&props.points, Point::is_blank);
    let printed = numbers.iter().flatten().count();
    let mut seen = 0;
    let printed_before: Vec<usize> = numbers
        .iter()
        .map(|n| {
            let before = seen;
            seen += usize::from(n.is_some());
            before
        })
        .collect();
    let pending: Pending = use_mut_ref(|| None).clone();
    {
        // After every render (a move renders the list again): nothing to do
        // unless a move is pending, and no copy of the items to compare.
        let pending = pending.clone();
        use_effect(move || settle(&pending));
    }
    let items = props.points.iter().zip(numbers).enumerate().map(|(i, (point, number))| {
        let mover = |direction: Direction| {
            let (f, events, pending) = (props.field.clone(), props.events.clone(), pending.clone());
            let (to, action) = match direction {
                Direction::Up => (i.wrapping_sub(1), "move-up"),
                Direction::Down => (i + 1, "move-down"),
            };
            let item = format!("{base}.{to}");
            Callback::from(move |e: MouseEvent| {
                remember(&pending, e.target(), item.clone(), action);
                events.edit.emit(edit(Action::MovePoint { field: f.clone(), index: i, direction }));
            })
        };
        let up = mover(Direction::Up);
        let down = mover(Direction::Down);
        let f = props.field.clone();
        let remove = props.events.edit.reform(move |_: MouseEvent| {
            edit(Action::RemovePoint { field: f.clone(), index: i })
        });
        let f = props.field.clone();
        let set_text = props.events.edit.reform(move |text: String| {
            edit(Action::SetPointText { field: f.clone(), index: i, text })
        });
        let anchor = field_anchor(&props.field, vec![i]);
        let focus = props.events.focus.reform(move |_| anchor.clone());
        let blur = props.events.blur.reform(|_| ());
        let caret = caret_reporter(&props.events, field_anchor(&props.field, vec![i]));
        let label = point_label(number.unwrap_or(printed_before[i]));
        let nth = fill(Key::NthPoint, &[&ordinal(i + 1)]);
        html! {
            <li key={i} class="point" data-item={format!("{base}.{i}")}>
                <label class="number" for={input_id(&format!("{base}.{i}"))} data-number={format!("{base}.{i}")}>{ label }</label>
                if number.is_none() {
                    <span class="blank-note" data-blank={format!("{base}.{i}")}>{ words(Key::BlankItem) }</span>
                }
                <TextArea value={point.paragraphs.join("\n")} field={format!("{base}.{i}")} rows={3}
                    placeholder={tr(Key::PointPlaceholder)} on_input={set_text} on_focus={focus} on_blur={blur} on_caret={caret} />
                <div class="item-tools">
                    <button type="button" class="small" disabled={i == 0} onclick={up}
                        data-action="move-up" aria-label={fill(Key::MoveUpItem, &[&nth])}>{ words(Key::MoveUp) }</button>
                    <button type="button" class="small" disabled={i + 1 == count} onclick={down}
                        data-action="move-down" aria-label={fill(Key::MoveDownItem, &[&nth])}>{ words(Key::MoveDown) }</button>
                    <button type="button" class="small danger" onclick={remove}
                        data-action="remove" aria-label={fill(Key::RemoveItem, &[&nth])}>{ words(Key::Delete) }</button>
                </div>
            </li>
        }
    });
    // A new point at the end, the caret in it.
    let add = {
        let (f, events) = (props.field.clone(), props.events.clone());
        Callback::from(move |_: MouseEvent| {
            events.edit.emit(edit(Action::AddPoint {
                field: f.clone(),
                after: None,
            }));
            events.reveal.emit(Location::new(
                f.clone(),
                Within::PointParagraph {
                    point: count,
                    paragraph: 0,
                },
            ));
        })
    };
    html! {
        <div class="points">
            <ol class="items">{ for items }</ol>
            <button type="button" class="add" data-action="add-point" data-add-for={base.clone()}
                onclick={add}>{ filled(Key::AddPoint, &[&point_label(printed)]) }</button>
        </div>
    }
}
