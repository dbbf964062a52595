//! Sorting that costs little wasm. The standard library's unstable sort is built afresh for every
//! element type and comparison it is used with, about 3 KB of wasm each; the browser build has a
//! dozen of them. There, every sort goes through one heap sort that knows its slice only through
//! a comparison and a swap (O(n log n), not stable, no allocation), so each use adds only those
//! two small functions. Natively (the command line, tests, benches) the standard sort is used.
//!
//! clippy.toml refuses `sort_unstable*` in the browser build: use [`SmallSort`] instead.

use std::cmp::Ordering;

/// Unstable sorts with the standard library's names, `small` for `unstable`.
pub trait SmallSort<T> {
    fn sort_small(&mut self)
    where
        T: Ord;
    fn sort_small_by<F: FnMut(&T, &T) -> Ordering>(&mut self, compare: F);
    fn sort_small_by_key<K: Ord, F: FnMut(&T) -> K>(&mut self, key: F);
}

impl<T> SmallSort<T> for [T] {
    #[inline]
    fn sort_small(&mut self)
    where
        T: Ord,
    {
        self.sort_small_by(T::cmp);
    }

    #[inline]
    fn sort_small_by<F: FnMut(&T, &T) -> Ordering>(&mut self, compare: F) {
        #[cfg(not(target_arch = "wasm32"))]
        self.sort_unstable_by(compare);
        #[cfg(target_arch = "wasm32")]
        heap_sort_by(self, compare);
    }

    #[inline]
    fn sort_small_by_key<K: Ord, F: FnMut(&T) -> K>(&mut self, mut key: F) {
        self.sort_small_by(|a, b| key(a).cmp(&key(b)));
    }
}

/// What the heap sort sees of a slice: positions it can compare and swap.
trait Positions {
    fn less(&mut self, i: usize, j: usize) -> bool;
    fn swap(&mut self, i: usize, j: usize);
}

struct Slice<'a, T, F> {
    items: &'a mut [T],
    compare: F,
}

impl<T, F: FnMut(&T, &T) -> Ordering> Positions for Slice<'_, T, F> {
    fn less(&mut self, i: usize, j: usize) -> bool {
        (self.compare)(&self.items[i], &self.items[j]) == Ordering::Less
    }
    fn swap(&mut self, i: usize, j: usize) {
        self.items.swap(i, j);
    }
}

/// Sorts `items` by `compare` with the one heap sort (what the browser build uses).
pub fn heap_sort_by<T, F: FnMut(&T, &T) -> Ordering>(items: &mut [T], compare: F) {
    let len = items.len();
    heap_sort(len, &mut Slice { items, compare });
}

#[inline(never)]
fn heap_sort(len: usize, s: &mut dyn Positions) {
    for node in (0..len / 2).rev() {
        sift_down(s, node, len);
    }
    for end in (1..len).rev() {
        s.swap(0, end);
        sift_down(s, 0, end);
    }
}

fn sift_down(s: &mut dyn Positions, mut node: usize, end: usize) {
    loop {
        let mut child = 2 * node + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && s.less(child, child + 1) {
            child += 1;
        }
        if !s.less(node, child) {
            return;
        }
        s.swap(node, child);
        node = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The standard sort is what the heap sort is measured against.
    #[allow(clippy::disallowed_methods)]
    #[test]
    fn the_heap_sort_agrees_with_the_standard_sort() {
        // A small linear congruential generator: lengths 0 to 70, values with many repeats.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for len in 0..70 {
            for _ in 0..20 {
                let mut v: Vec<(u32, u32)> = (0..len)
                    .map(|_| {
                        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                        (((x >> 33) % 7) as u32, ((x >> 45) % 5) as u32)
                    })
                    .collect();
                let mut want = v.clone();
                want.sort_unstable();
                heap_sort_by(&mut v, |a, b| a.cmp(b));
                assert_eq!(v, want);
                let mut by_first = v.clone();
                heap_sort_by(&mut by_first, |a, b| b.0.cmp(&a.0));
                assert!(by_first.windows(2).all(|w| w[0].0 >= w[1].0));
            }
        }
    }

    #[test]
    fn the_trait_sorts_by_key_and_by_comparison() {
        let mut v = vec![3, 1, 2, 5, 4];
        v.sort_small();
        assert_eq!(v, [1, 2, 3, 4, 5]);
        v.sort_small_by(|a, b| b.cmp(a));
        assert_eq!(v, [5, 4, 3, 2, 1]);
        v.sort_small_by_key(|x| (x % 2, *x));
        assert_eq!(v, [2, 4, 1, 3, 5]);
    }
}
