//! A list of subsections numbered （一）（二）… by position, each with a
//! heading, run-in or standalone, its paragraphs and 1. items under it.

use super::line::LineInput;
use super::moved::{remember, settle, Pending};
use super::text_area::TextArea;
use super::FieldEvents;
use crate::check::{Location, Within};
use crate::document::numbering::{heading_number, ordinals};
use crate::draft::{Action, Direction, FieldRef, Subsection};
use crate::i18n::{fill, ordinal, tr, Key};
use crate::ui::fields::editor::{caret_reporter, field_anchor, field_key};
use crate::ui::fields::input_id;
use crate::ui::language::{filled, use_language, words};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SubsectionListProps {
    pub field: FieldRef,
    /// Shared with the items rendered, which compare their own item in it.
    pub items: Rc<Vec<Subsection>>,
    #[prop_or_default]
    pub parent: Vec<usize>,
    pub events: FieldEvents,
}

#[component]
pub fn SubsectionList(props: &SubsectionListProps) -> Html {
    use_language();
    let level = (props.parent.len() + 2) as u8;
    let count = props.items.len();
    let edit = |action: Action| action;
    let pending: Pending = use_mut_ref(|| None).clone();
    {
        // After every render (a move renders the list again): nothing to do
        // unless a move is pending, and no copy of the items to compare.
        let pending = pending.clone();
        use_effect(move || settle(&pending));
    }
    // A new item at the end, the caret in its heading.
    let add = {
        let (field, parent, events) = (
            props.field.clone(),
            props.parent.clone(),
            props.events.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            events.edit.emit(edit(Action::AddSubsection {
                field: field.clone(),
                parent: parent.clone(),
                after: None,
            }));
            let mut path = parent.clone();
            path.push(count);
            events.reveal.emit(Location::new(
                field.clone(),
                Within::SubsectionHeading(path),
            ));
        })
    };
    let numbers = ordinals(&props.items, Subsection::is_blank);
    let printed = numbers.iter().flatten().count();
    let printed_before: Vec<usize> = numbers
        .iter()
        .scan(0, |seen, n| {
            let before = *seen;
            *seen += usize::from(n.is_some());
            Some(before)
        })
        .collect();
    let list_key = item_key(&props.field, &props.parent);
    let items = numbers.into_iter().enumerate().map(|(i, number)| {
        // A blank item shows the number it will take once written.
        let (number, blank) = match number {
            Some(n) => (heading_number(level, n), false),
            None => (heading_number(level, printed_before[i]), true),
        };
        html! {
            <SubsectionItem key={i} field={props.field.clone()} parent={props.parent.clone()} index={i}
                last={i + 1 == count} items={Rc::clone(&props.items)} {number} {blank}
                events={props.events.clone()} pending={pending.clone()} />
        }
    });
    let (label, class) = if level == 2 {
        (
            fill(Key::AddSubsection, &[&heading_number(2, printed)]),
            "subsections",
        )
    } else {
        (
            fill(Key::AddNested, &[&heading_number(level, printed)]),
            "subsections nested",
        )
    };
    html! {
        <div class={class}>
            <ol class="items">{ for items }</ol>
            <button type="button" class="add" data-action="add-subsection"
                data-add-for={list_key} onclick={add}>{ label }</button>
        </div>
    }
}

/// Props of [`SubsectionItem`]: item `index` of the list at `parent` in
/// `field`.
#[derive(Properties, Clone)]
struct SubsectionItemProps {
    field: FieldRef,
    parent: Vec<usize>,
    index: usize,
    /// The list's last item (its 下移 is disabled).
    last: bool,
    /// The list's items, this one at `index`.
    items: Rc<Vec<Subsection>>,
    /// The number it prints with, or would take once written.
    number: String,
    blank: bool,
    events: FieldEvents,
    pending: Pending,
}

/// The key of an item (or of a list, given its parent's path): the field's
/// `data-field` name, then the path, dot-separated (`plans.points.1.0`).
fn item_key(field: &FieldRef, path: &[usize]) -> String {
    std::iter::once(field_key(field))
        .chain(path.iter().map(|p| p.to_string()))
        .collect::<Vec<_>>()
        .join(".")
}

impl PartialEq for SubsectionItemProps {
    /// Equal when the item would render the same: by value, the list's
    /// pending move by identity. Typing in one item of a long list thus
    /// renders that item alone.
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
            && self.last == other.last
            && self.blank == other.blank
            && self.number == other.number
            && self.field == other.field
            && self.parent == other.parent
            && self.events == other.events
            && Rc::ptr_eq(&self.pending, &other.pending)
            && self.item() == other.item()
    }
}

impl SubsectionItemProps {
    fn item(&self) -> Option<&Subsection> {
        self.items.get(self.index)
    }
}

/// One subsection of a list: its number, heading, run-in switch,
/// paragraphs, the level below it and its move and remove buttons.
#[component]
fn SubsectionItem(props: &SubsectionItemProps) -> Html {
    use_language();
    let Some(item) = props.item() else {
        return Html::default();
    };
    let (i, number) = (props.index, &props.number);
    let level = (props.parent.len() + 2) as u8;
    let edit = |action: Action| action;
    let mut path = props.parent.clone();
    path.push(i);
    let key = item_key(&props.field, &path);
    let on =
        |make: Box<dyn Fn() -> Action>| props.events.edit.reform(move |_: MouseEvent| edit(make()));
    let mover = |direction: Direction| {
        let (f, p, events, pending) = (
            props.field.clone(),
            path.clone(),
            props.events.clone(),
            props.pending.clone(),
        );
        let (to, action) = match direction {
            Direction::Up => (i.wrapping_sub(1), "move-up"),
            Direction::Down => (i + 1, "move-down"),
        };
        let mut moved = props.parent.clone();
        moved.push(to);
        let item = item_key(&props.field, &moved);
        Callback::from(move |e: MouseEvent| {
            remember(&pending, e.target(), item.clone(), action);
            events.edit.emit(edit(Action::MoveSubsection {
                field: f.clone(),
                path: p.clone(),
                direction,
            }));
        })
    };
    let up = mover(Direction::Up);
    let down = mover(Direction::Down);
    let (f, p) = (props.field.clone(), path.clone());
    let remove = on(Box::new(move || Action::RemoveSubsection {
        field: f.clone(),
        path: p.clone(),
    }));
    let (f, p) = (props.field.clone(), path.clone());
    let set_heading = props.events.edit.reform(move |heading: String| {
        edit(Action::SetSubsectionHeading {
            field: f.clone(),
            path: p.clone(),
            heading,
        })
    });
    let (f, p) = (props.field.clone(), path.clone());
    let set_text = props.events.edit.reform(move |text: String| {
        edit(Action::SetSubsectionText {
            field: f.clone(),
            path: p.clone(),
            text,
        })
    });
    let (f, p, run_in) = (props.field.clone(), path.clone(), item.run_in);
    let toggle_run_in = props.events.edit.reform(move |_: Event| {
        edit(Action::SetSubsectionRunIn {
            field: f.clone(),
            path: p.clone(),
            run_in: !run_in,
        })
    });
    let anchor = field_anchor(&props.field, path.clone());
    let focus = props.events.focus.reform(move |_| anchor.clone());
    let blur = props.events.blur.reform(|_| ());
    let caret = caret_reporter(&props.events, field_anchor(&props.field, path.clone()));
    let nth = fill(Key::NthItem, &[&ordinal(i + 1)]);
    html! {
        <li class="subsection" data-subsection={key.clone()} data-item={key.clone()}>
            <div class="item-head">
                <label for={input_id(&format!("{key}.heading"))}>
                    <span class="number" data-number={key.clone()}>{ number.clone() }</span>
                    <span class="sr-only">{ words(Key::SubsectionHeading) }</span>
                </label>
                if props.blank {
                    <span class="blank-note" data-blank={key.clone()}>{ words(Key::BlankItem) }</span>
                }
                <LineInput value={item.heading.clone()} field={format!("{key}.heading")} wide=true
                    placeholder={tr(Key::SubsectionPlaceholder)} on_input={set_heading}
                    on_focus={focus.clone()} on_blur={blur.clone()} />
            </div>
            <label class="run-in">
                <input type="checkbox" checked={item.run_in} onchange={toggle_run_in} />
                { words(Key::RunIn) }
            </label>
            <label class="sr-only" for={input_id(&format!("{key}.text"))}>{ filled(Key::SubsectionText, &[number]) }</label>
            <TextArea value={item.paragraphs.join("\n")} field={format!("{key}.text")}
                placeholder={tr(Key::SubsectionTextPlaceholder)} on_input={set_text} on_focus={focus} on_blur={blur} on_caret={caret} />
            if level < 4 {
                <SubsectionList field={props.field.clone()} items={Rc::new(item.children.clone())}
                    parent={path.clone()} events={props.events.clone()} />
            }
            <div class="item-tools">
                <button type="button" class="small" disabled={i == 0} onclick={up}
                    data-action="move-up" title={tr(Key::MoveUp)} aria-label={fill(Key::MoveUpItem, &[&nth])}>{ words(Key::MoveUp) }</button>
                <button type="button" class="small" disabled={props.last} onclick={down}
                    data-action="move-down" title={tr(Key::MoveDown)} aria-label={fill(Key::MoveDownItem, &[&nth])}>{ words(Key::MoveDown) }</button>
                <button type="button" class="small danger" onclick={remove}
                    data-action="remove" title={tr(Key::RemoveUndoable)} aria-label={fill(Key::RemoveItemUndoable, &[&nth])}>{ words(Key::Delete) }</button>
            </div>
        </li>
    }
}
