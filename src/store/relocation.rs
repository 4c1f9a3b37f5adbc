//! Moving entries an earlier database layout kept in another object store
//! into the store of their [`Kind`]: database version 1 had no `templates`
//! store, so the writer's templates lived in `other`.
//!
//! Nothing is lost on the way. An entry is first written to its own store
//! (unless that store holds it already) in a committed transaction, then
//! read back, and only an entry read back equal is deleted from the old
//! store. A browser closed halfway leaves the entry in both stores, and
//! the next start finishes the move. When the own store holds a different
//! value, that one was written later (the app writes only there since
//! version 2) and the old entry is left where it is, never deleted.

use super::kind::Kind;
use std::collections::BTreeMap;

/// One stored entry and the object store it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub store: Kind,
    pub key: String,
    pub value: String,
}

impl Entry {
    /// Whether the entry sits in its kind's own store.
    fn at_home(&self) -> bool {
        Kind::of(&self.key).is_none_or(|kind| kind == self.store)
    }
}

/// What a move does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Entries to write to their own store, as (key, value).
    pub copies: Vec<(String, String)>,
    /// Entries to delete from the store they were found in, once their own
    /// store is read back holding the same value.
    pub moves: Vec<Entry>,
    /// Entries left where they were found, because their own store holds a
    /// different, later value.
    pub kept: Vec<Entry>,
}

impl Plan {
    /// Whether there is nothing to do.
    pub fn is_empty(&self) -> bool {
        self.copies.is_empty() && self.moves.is_empty()
    }
}

/// What to copy and what to move, from every entry of every store.
pub fn plan(entries: &[Entry]) -> Plan {
    let mut plan = Plan::default();
    for entry in entries.iter().filter(|e| !e.at_home()) {
        let own = entries
            .iter()
            .find(|e| e.at_home() && e.key == entry.key)
            .map(|e| &e.value);
        match own {
            None => {
                plan.copies.push((entry.key.clone(), entry.value.clone()));
                plan.moves.push(entry.clone());
            }
            Some(value) if *value == entry.value => plan.moves.push(entry.clone()),
            Some(_) => plan.kept.push(entry.clone()),
        }
    }
    plan
}

/// The moves whose entry was read back from its own store with the same
/// value: only those may be deleted from where they were found. The others
/// are returned as the keys that did not read back.
pub fn verified(plan: &Plan, read_back: &[(String, Option<String>)]) -> (Vec<Entry>, Vec<String>) {
    let mut done = Vec::new();
    let mut failed = Vec::new();
    for entry in &plan.moves {
        let back = read_back.iter().find(|(key, _)| *key == entry.key);
        match back {
            Some((_, Some(value))) if *value == entry.value => done.push(entry.clone()),
            _ => failed.push(entry.key.clone()),
        }
    }
    (done, failed)
}

/// Every entry by key, as the store reads them: an entry in its own store
/// wins over a copy left in another.
pub fn merged(entries: Vec<Entry>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let (home, away): (Vec<Entry>, Vec<Entry>) = entries.into_iter().partition(Entry::at_home);
    for entry in away.into_iter().chain(home) {
        out.insert(entry.key, entry.value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::templates::template_key;

    fn stores(entries: &[(Kind, &str, &str)]) -> Vec<Entry> {
        entries
            .iter()
            .map(|(store, key, value)| Entry {
                store: *store,
                key: key.to_string(),
                value: value.to_string(),
            })
            .collect()
    }

    #[test]
    fn templates_of_the_first_layout_are_copied_then_moved() {
        let a = template_key("a");
        let b = template_key("b");
        let old = stores(&[
            (Kind::Other, &a, "{\"id\":\"a\"}"),
            (Kind::Other, &b, "{\"id\":\"b\"}"),
            (Kind::Other, "baogao.v1.something", "kept"),
            (Kind::Draft, "baogao.v1.draft.d1", "{}"),
        ]);
        let plan = plan(&old);
        assert_eq!(
            plan.copies,
            [
                (a.clone(), "{\"id\":\"a\"}".to_string()),
                (b.clone(), "{\"id\":\"b\"}".to_string())
            ]
        );
        let moved: Vec<(&str, Kind)> = plan
            .moves
            .iter()
            .map(|m| (m.key.as_str(), m.store))
            .collect();
        assert_eq!(
            moved,
            [(a.as_str(), Kind::Other), (b.as_str(), Kind::Other)]
        );
        assert!(plan.kept.is_empty());
        // Read back: `a` as written, `b` missing. Only `a` may go.
        let read_back = [
            (a.clone(), Some("{\"id\":\"a\"}".to_string())),
            (b.clone(), None),
        ];
        let (done, failed) = verified(&plan, &read_back);
        assert_eq!(done.len(), 1);
        assert_eq!(done[0].key, a);
        assert_eq!(failed, std::slice::from_ref(&b));
        // A value read back different is not deleted either.
        let changed = [
            (a.clone(), Some("{\"id\":\"a\",\"x\":1}".to_string())),
            (b.clone(), Some("{\"id\":\"b\"}".to_string())),
        ];
        let (done, failed) = verified(&plan, &changed);
        assert_eq!(done.len(), 1);
        assert_eq!(done[0].key, b);
        assert_eq!(failed, [a]);
    }

    #[test]
    fn a_move_cut_short_is_finished_and_a_later_copy_is_never_overwritten() {
        let a = template_key("a");
        let b = template_key("b");
        let state = stores(&[
            // Copied before the browser closed, not yet deleted.
            (Kind::Other, &a, "A"),
            (Kind::Template, &a, "A"),
            // Loaded again since the upgrade: the own store's is later.
            (Kind::Other, &b, "B old"),
            (Kind::Template, &b, "B new"),
        ]);
        let plan = plan(&state);
        assert!(plan.copies.is_empty(), "{:?}", plan.copies);
        assert_eq!(plan.moves.len(), 1);
        assert_eq!(plan.moves[0].key, a);
        assert_eq!(plan.kept.len(), 1);
        assert_eq!(plan.kept[0].key, b);
        // The store reads each template's own-store value.
        let read = merged(state);
        assert_eq!(read[&a], "A");
        assert_eq!(read[&b], "B new");
    }

    #[test]
    fn nothing_to_do_when_every_entry_is_in_its_store() {
        let state = stores(&[
            (Kind::Template, &template_key("a"), "A"),
            (Kind::Other, "baogao.v1.whatever", "x"),
            (Kind::Draft, "baogao.v1.draft.d", "{}"),
        ]);
        assert!(state.iter().all(Entry::at_home));
        assert!(plan(&state).is_empty());
        assert_eq!(merged(state).len(), 3);
    }

    #[test]
    fn a_template_key_is_of_the_template_kind() {
        assert_eq!(Kind::of(&template_key("x")), Some(Kind::Template));
        assert_eq!(Kind::Template.store_name(), "templates");
        assert_eq!(Kind::of("baogao.v1.whatever"), Some(Kind::Other));
        assert!(Kind::ALL.contains(&Kind::Template));
    }
}
