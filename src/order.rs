//! Stable sorting through one shared sort routine.
//!
//! Every `slice::sort_by` call with its own element type and comparison
//! compiles to its own copy of the standard library's sort (about 4 KB of
//! wasm each). [`sort_by`] sorts positions (`usize`) with a comparison
//! passed as `&dyn Fn`, so the whole app carries one copy, and then moves
//! the items into place. Same result as `sort_by`: stable, O(n log n).

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    // destination[i]: where the item now at position i belongs.
    let mut destination = vec![0; order.len()];
    for (to, &from) in order.iter().enumerate() {
        destination[from] = to;
    }
    for i in 0..items.len() {
        while destination[i] != i {
            let to = destination[i];
            items.swap(i, to);
            destination.swap(i, to);
        }
    }
}

/// Sorts `items` stably by `key`, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..len` in stable order under `compare`.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(
            items,
            vec![(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]
        );
    }

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort(items in proptest::collection::vec((0u8..5, any::<u16>()), 0..60)) {
            let mut ours = items.clone();
            let mut std = items;
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            std.sort_by(|a, b| b.0.cmp(&a.0));
            prop_assert_eq!(ours, std);
        }
    }
}
