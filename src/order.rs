//! One stable sort for the whole crate.
//!
//! Each use of the standard library's `sort`/`sort_by` copies its sort
//! (a few kilobytes of wasm) for that element type and comparison; the
//! app's dozen sorts of short lists (findings, drafts, keys) carried a
//! dozen copies. Here the standard sort runs once, on positions, with the
//! comparison behind a reference; the items are then moved into place.
//! Equal items keep their order, as with `sort_by`.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = positions(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

/// Sorts `items` by the key `key` gives, keeping equal items in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in ascending order.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` puts them: the one
/// instance of the standard sort.
fn positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_equal_items_in_their_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut items, |&(n, _)| n);
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn sorts_owned_strings_like_the_standard_sort() {
        let words = ["草稿", "b", "a", "", "模板", "a", "zz"];
        let mut ours: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let mut standard = ours.clone();
        sort(&mut ours);
        standard.sort();
        assert_eq!(ours, standard);
    }

    #[test]
    fn sorts_by_a_comparison_in_reverse_and_handles_short_lists() {
        let mut items: Vec<u32> = (0..100).map(|n| (n * 37) % 101).collect();
        sort_by(&mut items, |a, b| b.cmp(a));
        assert!(items.windows(2).all(|w| w[0] >= w[1]));
        assert_eq!(items.len(), 100);
        let mut empty: Vec<u32> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec![7];
        sort(&mut one);
        assert_eq!(one, [7]);
    }
}
