//! Finding repeated keys in a list, fast even when the list is hostile.
//!
//! Stored and imported documents come from outside: an object may carry a
//! hundred thousand keys, a history thousands of results. A pairwise scan is
//! quadratic there. Here keys are hashed, the hashes sorted by a heapsort
//! (`O(n log n)` in every case), and only items with equal hashes are compared.
//! Why a heapsort of our own: the standard library's sorts cost about 3 KB of
//! wasm per element type (measured: four of them added 18 KB before wasm-opt),
//! this one a few hundred bytes. What is left quadratic is a set of keys crafted
//! to share one 64-bit FNV-1a hash, which takes deliberate work and slows only
//! that one object.

use super::canonical::fnv1a_64;

/// Sorts in place, ascending; `O(n log n)` whatever the order of the input.
pub fn heap_sort<T: Ord + Copy>(items: &mut [T]) {
    fn sift_down<T: Ord + Copy>(items: &mut [T], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && items[child] < items[child + 1] {
                child += 1;
            }
            if items[root] >= items[child] {
                return;
            }
            items.swap(root, child);
            root = child;
        }
    }
    let len = items.len();
    for root in (0..len / 2).rev() {
        sift_down(items, root, len);
    }
    for end in (1..len).rev() {
        items.swap(0, end);
        sift_down(items, 0, end);
    }
}

/// Positions of the items equal (by `same`) to an earlier item, ascending.
/// `hash` must give equal items equal hashes.
pub fn later_duplicates<T>(items: &[T], hash: impl Fn(&T) -> u64, same: impl Fn(&T, &T) -> bool) -> Vec<usize> {
    // Short lists (every object of a valid document: 30 answers at most) are
    // cheaper to scan pairwise than to hash and sort.
    const SCAN_LIMIT: usize = 32;
    if items.len() <= SCAN_LIMIT {
        return (0..items.len()).filter(|&i| items[..i].iter().any(|earlier| same(earlier, &items[i]))).collect();
    }
    let mut order: Vec<(u64, usize)> = items.iter().enumerate().map(|(i, item)| (hash(item), i)).collect();
    heap_sort(&mut order);
    let mut repeated = vec![false; items.len()];
    let mut run_start = 0;
    for i in 1..=order.len() {
        if i < order.len() && order[i].0 == order[run_start].0 {
            continue;
        }
        // Within a run of equal hashes, positions ascend: compare each with those before it.
        let run = &order[run_start..i];
        for (k, &(_, later)) in run.iter().enumerate().skip(1) {
            if run[..k].iter().any(|&(_, earlier)| same(&items[earlier], &items[later])) {
                repeated[later] = true;
            }
        }
        run_start = i;
    }
    (0..items.len()).filter(|&i| repeated[i]).collect()
}

/// The hash `later_duplicates` uses for texts.
pub fn text_hash(text: &str) -> u64 {
    fnv1a_64(text.as_bytes())
}

/// Sorted copy of some ids, for membership tests by binary search.
pub fn sorted_ids(ids: impl Iterator<Item = u64>) -> Vec<u64> {
    let mut ids: Vec<u64> = ids.collect();
    heap_sort(&mut ids);
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_duplicates(items: &[String]) -> Vec<usize> {
        later_duplicates(items, |s| text_hash(s), |a, b| a == b)
    }

    #[test]
    fn finds_every_later_repeat_in_short_and_long_lists() {
        let short: Vec<String> = ["a", "b", "a", "c", "b", "a"].map(String::from).to_vec();
        assert_eq!(text_duplicates(&short), [2, 4, 5]);
        let long: Vec<String> = (0..1000).map(|i| format!("k{}", i % 300)).collect();
        let thirty: Vec<String> = (0..40).map(|i| format!("k{}", i % 33)).collect();
        assert_eq!(text_duplicates(&thirty), (33..40).collect::<Vec<_>>());
        assert_eq!(text_duplicates(&long), (300..1000).collect::<Vec<_>>());
        assert!(text_duplicates(&["x".into(), "y".into()]).is_empty());
        assert!(text_duplicates(&[]).is_empty());
    }

    #[test]
    fn items_with_equal_hashes_are_still_told_apart() {
        // Every item hashes alike: only `same` decides.
        let items: Vec<u32> = (0..40).map(|i| i % 20).collect();
        let found = later_duplicates(&items, |_| 7, |a, b| a == b);
        assert_eq!(found, (20..40).collect::<Vec<_>>());
    }

    #[test]
    fn heap_sort_sorts_any_order() {
        for mut items in [vec![], vec![1u64], vec![3, 1, 2], (0..500u64).rev().collect(), vec![5; 9]] {
            let mut expected = items.clone();
            expected.sort_unstable();
            heap_sort(&mut items);
            assert_eq!(items, expected);
        }
    }

    #[test]
    fn a_hundred_thousand_keys_are_checked_quickly() {
        // Not a timing assertion: it would take minutes if it were quadratic.
        let keys: Vec<u64> = (0..100_000u64).map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15)).collect();
        assert!(later_duplicates(&keys, |k| *k, |a, b| a == b).is_empty());
    }

    #[test]
    fn sorted_ids_support_binary_search() {
        let ids = sorted_ids([9u64, 1, 5].into_iter());
        assert_eq!(ids, [1, 5, 9]);
        assert!(ids.binary_search(&5).is_ok());
    }
}
