//! Copies of a draft made from the start page: a plain duplicate, and the
//! next year's report started from this one.
//!
//! A duplicate keeps the title exactly as it is, because the title prints on
//! the report and a "副本" suffix would end up on paper if the writer forgot
//! to remove it. The start page tells copies apart with
//! [`super::label_summaries`], which labels later drafts sharing a title
//! "……（副本）".

use super::{retarget_year, Draft, FieldValue, Origin};
use crate::template::meta_id;

/// A copy of `draft` under the new `id`: same content, revision 0, created
/// and updated `now_ms`.
pub fn duplicate(draft: &Draft, id: String, now_ms: i64) -> Draft {
    Draft {
        id,
        revision: 0,
        created_ms: now_ms,
        updated_ms: now_ms,
        ..draft.clone()
    }
}

/// The next year's report started from `draft` (以此为基础新建下一年度):
/// a [`duplicate`] moved to year + 1 (title, headings carrying the year and
/// the plans year follow), with the signing date cleared. The body text is
/// kept for the writer to revise.
pub fn duplicate_for_next_year(draft: &Draft, id: String, now_ms: i64) -> Draft {
    let mut next = duplicate(draft, id, now_ms);
    retarget_year(&mut next, draft.year + 1);
    if next.meta.contains_key(meta_id::DATE) {
        next.meta
            .insert(meta_id::DATE.into(), FieldValue::Date(None));
    }
    next.mark_all_carried(Origin::LastYear);
    next
}

/// What a copy kept from the other tab's version of a draft is titled after.
pub const OTHER_TAB_SUFFIX: &str = "（另一标签页的版本）";

/// A [`duplicate`] of one tab's version of a draft, kept when two tabs
/// saved the same draft and the writer chose the other version: titled
/// "……（另一标签页的版本）" so that the start page tells the two apart.
pub fn other_tab_copy(draft: &Draft, id: String, now_ms: i64) -> Draft {
    let mut copy = duplicate(draft, id, now_ms);
    let title = format!("{}{OTHER_TAB_SUFFIX}", draft.title().trim());
    copy.meta
        .insert(meta_id::TITLE.into(), FieldValue::Line(title));
    copy
}
