//! 专名 specific model: a character bigram chain with positional back-off,
//! learned from real names.
//!
//! Each next character is drawn, with probability [`BIGRAM_SHARE`], from the
//! characters that followed the previous one in the training names, and
//! otherwise from all characters seen at that position (middle or last). The
//! mix keeps real character pairs frequent while recombining fragments into
//! new names; the length follows the training lengths.

use std::collections::HashMap;

use super::dist::{bump, Dist};
use super::rng::Rng;

/// Share of characters drawn from the bigram rather than the positional unigram.
pub const BIGRAM_SHARE: f64 = 0.7;

/// Longest specific the model learns or produces, in characters.
pub const MAX_LEN: usize = 4;

/// Counts gathered while reading the training names.
#[derive(Debug, Default)]
pub struct StemCounts {
    lengths: HashMap<u8, u64>,
    first: HashMap<char, u64>,
    middle: HashMap<char, u64>,
    last: HashMap<char, u64>,
    next: HashMap<char, HashMap<char, u64>>,
    real: Vec<Box<str>>,
}

impl StemCounts {
    /// Learn one specific; returns `false` (and learns nothing) unless it is
    /// 1..=[`MAX_LEN`] Han characters.
    pub fn add(&mut self, stem: &str) -> bool {
        let chars: Vec<char> = stem.chars().collect();
        if chars.is_empty() || chars.len() > MAX_LEN || !chars.iter().all(|c| is_han(*c)) {
            return false;
        }
        bump(&mut self.lengths, chars.len() as u8);
        bump(&mut self.first, chars[0]);
        for (i, pair) in chars.windows(2).enumerate() {
            let pos = if i + 2 == chars.len() {
                &mut self.last
            } else {
                &mut self.middle
            };
            bump(pos, pair[1]);
            bump(self.next.entry(pair[0]).or_default(), pair[1]);
        }
        self.real.push(stem.into());
        true
    }

    /// Freeze the counts into a sampler.
    pub fn build(self) -> StemModel {
        let mut keys: Vec<char> = self.next.keys().copied().collect();
        keys.sort_unstable();
        let next = keys
            .into_iter()
            .filter_map(|k| self.next.get(&k).map(|m| (k, Dist::from_counts(m))))
            .collect();
        let mut real = self.real;
        real.sort_unstable();
        StemModel {
            lengths: Dist::from_counts(&self.lengths),
            first: Dist::from_counts(&self.first),
            middle: Dist::from_counts(&self.middle),
            last: Dist::from_counts(&self.last),
            next,
            real,
        }
    }
}

/// Sampler of specifics learned from one corpus of real names.
#[derive(Debug, Default)]
pub struct StemModel {
    lengths: Dist<u8>,
    first: Dist<char>,
    middle: Dist<char>,
    last: Dist<char>,
    next: HashMap<char, Dist<char>>,
    /// The training specifics (sorted, with repeats, so frequent ones are
    /// drawn more often).
    real: Vec<Box<str>>,
}

impl StemModel {
    /// `true` when the model learned nothing.
    pub fn is_empty(&self) -> bool {
        self.real.is_empty()
    }

    /// Number of training specifics.
    pub fn len(&self) -> usize {
        self.real.len()
    }

    /// A real training specific, drawn by frequency.
    pub fn real(&self, rng: &mut Rng) -> Option<&str> {
        rng.pick(&self.real).map(|s| &**s)
    }

    /// A new specific of `min..=max` characters (length drawn from the
    /// training lengths, clamped); empty when the model is empty.
    pub fn sample(&self, rng: &mut Rng, min: usize, max: usize) -> String {
        let mut len = min;
        for _ in 0..4 {
            len = self.lengths.sample(rng).map_or(min, |&l| usize::from(l));
            if (min..=max).contains(&len) {
                break;
            }
        }
        let len = len.clamp(min.max(1), max.max(1));
        let mut out = String::with_capacity(len * 3);
        let Some(&first) = self.first.sample(rng) else {
            return out;
        };
        out.push(first);
        let mut prev = first;
        for i in 1..len {
            let positional = if i + 1 == len {
                &self.last
            } else {
                &self.middle
            };
            let mut c = self.draw_next(rng, prev, positional);
            if c == Some(prev) {
                c = self.draw_next(rng, prev, positional);
            }
            let Some(c) = c else { break };
            out.push(c);
            prev = c;
        }
        out
    }

    /// Next character after `prev`: bigram or positional back-off.
    fn draw_next(&self, rng: &mut Rng, prev: char, positional: &Dist<char>) -> Option<char> {
        if rng.chance(BIGRAM_SHARE) {
            if let Some(d) = self.next.get(&prev) {
                if let Some(&c) = d.sample(rng) {
                    return Some(c);
                }
            }
        }
        positional.sample(rng).copied()
    }

    /// Characters with their counts over all positions (for homophone tables).
    pub fn char_counts(&self) -> HashMap<char, u64> {
        let mut out: HashMap<char, u64> = HashMap::new();
        for d in [&self.first, &self.middle, &self.last] {
            for (c, w) in d.iter() {
                *out.entry(*c).or_insert(0) += w;
            }
        }
        out
    }
}

/// `true` for a CJK unified ideograph (basic block and extension A).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> StemModel {
        let mut c = StemCounts::default();
        for s in [
            "王庄",
            "李庄",
            "王家沟",
            "幸福",
            "张村",
            "A村",
            "很长很长的名字",
        ] {
            c.add(s);
        }
        let m = c.build();
        assert_eq!(m.len(), 5);
        m
    }

    #[test]
    fn samples_use_learned_characters() {
        let m = model();
        let mut rng = Rng::new(9);
        let seen: String = "王庄李家沟幸福张村".into();
        for _ in 0..200 {
            let s = m.sample(&mut rng, 2, 3);
            let n = s.chars().count();
            assert!((2..=3).contains(&n), "{s}");
            assert!(s.chars().all(|c| seen.contains(c)), "{s}");
        }
    }

    #[test]
    fn real_specifics_and_empty_model() {
        let m = model();
        let mut rng = Rng::new(1);
        assert!(m.real(&mut rng).is_some());
        let empty = StemModel::default();
        assert!(empty.is_empty());
        assert_eq!(empty.sample(&mut rng, 1, 2), "");
        assert!(empty.real(&mut rng).is_none());
        assert!(m.char_counts()[&'王'] >= 2);
    }

    #[test]
    fn han_detection() {
        assert!(is_han('王'));
        assert!(!is_han('A'));
        assert!(!is_han('（'));
    }
}
