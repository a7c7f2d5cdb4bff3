//! Stable id assignment: a key seen before keeps its id, a new key gets the next one.

use std::collections::HashMap;
use std::hash::Hash;

/// Hands out ids for natural keys, reusing the ids already stored.
pub struct IdAllocator<K, I> {
    known: HashMap<K, I>,
    next: i64,
}

impl<K: Eq + Hash, I: Copy> IdAllocator<K, I> {
    /// Starts from the stored key → id map; `raw` reads an id's number.
    pub fn new(known: HashMap<K, I>, raw: impl Fn(I) -> i64) -> Self {
        let next = known.values().map(|i| raw(*i)).max().unwrap_or(0) + 1;
        IdAllocator { known, next }
    }

    /// The id of `key`, allocating one if it is new; `wrap` builds an id from a number.
    pub fn id(&mut self, key: K, wrap: impl Fn(i64) -> I) -> I {
        if let Some(id) = self.known.get(&key) {
            return *id;
        }
        let id = wrap(self.next);
        self.next += 1;
        self.known.insert(key, id);
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reuses_and_allocates() {
        let mut a = IdAllocator::new(HashMap::from([("a", 7_i64)]), |i| i);
        assert_eq!(a.id("a", |i| i), 7);
        assert_eq!(a.id("b", |i| i), 8);
        assert_eq!(a.id("b", |i| i), 8);
        assert_eq!(a.id("c", |i| i), 9);
    }
}
