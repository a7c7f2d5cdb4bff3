//! Weighted discrete distributions sampled by binary search.

use std::collections::HashMap;
use std::hash::Hash;

use super::rng::Rng;

/// A discrete distribution over `T` with integer weights.
#[derive(Debug, Clone)]
pub struct Dist<T> {
    items: Vec<T>,
    cumulative: Vec<u64>,
}

impl<T> Default for Dist<T> {
    fn default() -> Self {
        Dist {
            items: Vec::new(),
            cumulative: Vec::new(),
        }
    }
}

impl<T> Dist<T> {
    /// Distribution from `(item, weight)` pairs in the given order; zero
    /// weights are dropped.
    pub fn from_weights(pairs: impl IntoIterator<Item = (T, u64)>) -> Self {
        let mut d = Dist::default();
        let mut total = 0u64;
        for (item, w) in pairs {
            if w == 0 {
                continue;
            }
            total += w;
            d.items.push(item);
            d.cumulative.push(total);
        }
        d
    }

    /// Number of distinct items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// `true` when nothing can be sampled.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Sum of the weights.
    pub fn total(&self) -> u64 {
        self.cumulative.last().copied().unwrap_or(0)
    }

    /// Draw one item.
    pub fn sample(&self, rng: &mut Rng) -> Option<&T> {
        let total = self.total();
        if total == 0 {
            return None;
        }
        let x = rng.below(total);
        let i = self.cumulative.partition_point(|&c| c <= x);
        self.items.get(i)
    }

    /// Items with their weights, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&T, u64)> {
        let mut prev = 0;
        self.items.iter().zip(&self.cumulative).map(move |(t, &c)| {
            let w = c - prev;
            prev = c;
            (t, w)
        })
    }
}

impl<T: Ord + Hash + Clone> Dist<T> {
    /// Distribution from counts, ordered by item so the result does not
    /// depend on hash-map iteration order.
    pub fn from_counts(counts: &HashMap<T, u64>) -> Self {
        let mut pairs: Vec<(T, u64)> = counts.iter().map(|(k, v)| (k.clone(), *v)).collect();
        pairs.sort_unstable();
        Dist::from_weights(pairs)
    }
}

/// Increment `counts[key]` by one.
pub fn bump<T: Hash + Eq>(counts: &mut HashMap<T, u64>, key: T) {
    *counts.entry(key).or_insert(0) += 1;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_follow_weights() {
        let d = Dist::from_weights([("a", 1), ("b", 0), ("c", 3)]);
        assert_eq!(d.len(), 2);
        assert_eq!(d.total(), 4);
        let mut rng = Rng::new(1);
        let mut c = 0;
        for _ in 0..4000 {
            match d.sample(&mut rng) {
                Some(&"c") => c += 1,
                Some(&"a") => {}
                other => panic!("unexpected {other:?}"),
            }
        }
        assert!((2800..3200).contains(&c), "{c}");
    }

    #[test]
    fn counts_are_ordered_and_empty_is_none() {
        let mut m = HashMap::new();
        bump(&mut m, 'b');
        bump(&mut m, 'a');
        bump(&mut m, 'b');
        let d = Dist::from_counts(&m);
        let pairs: Vec<_> = d.iter().map(|(k, w)| (*k, w)).collect();
        assert_eq!(pairs, vec![('a', 1), ('b', 2)]);
        assert!(Dist::<u8>::default().sample(&mut Rng::new(0)).is_none());
    }
}
