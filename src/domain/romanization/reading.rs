//! Per-character readings after polyphone resolution.

use pinyin::ToPinyin;

use super::polyphone::{char_default, generic_reading, phrase_at};

/// Reading of one character of a place name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syllable {
    /// The source character.
    pub ch: char,
    /// Toneless reading ("xi"), or the character itself when it has none.
    pub plain: String,
    /// Reading with tone marks ("xī"), or the character itself.
    pub toned: String,
    /// `true` when the character is Han and has a reading.
    pub han: bool,
    /// `true` when the reading came from a curated table, not the dictionary.
    pub curated: bool,
}

/// Per-character readings of `text` after polyphone resolution.
///
/// Curated multi-character readings win (longest first), then curated
/// per-character defaults, then the `pinyin` crate's most common reading.
/// Characters without a reading (digits, Latin letters, punctuation) are
/// passed through unchanged with `han == false`.
///
/// ```
/// use diming::domain::romanization::syllables;
/// let s = syllables("六安a");
/// assert_eq!(s[0].plain, "lu");
/// assert_eq!(s[0].toned, "lù");
/// assert!(s[0].curated);
/// assert_eq!(s[2].plain, "a");
/// assert!(!s[2].han);
/// ```
pub fn syllables(text: &str) -> Vec<Syllable> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some((n, readings)) = phrase_at(&chars[i..]) {
            for (ch, toned) in chars[i..i + n].iter().zip(readings) {
                out.push(han(*ch, toned, true));
            }
            i += n;
            continue;
        }
        let ch = chars[i];
        let syllable = match char_default(ch) {
            Some(toned) => han(ch, toned, true),
            None => match ch.to_pinyin() {
                Some(p) => han(ch, p.with_tone(), false),
                None => Syllable {
                    ch,
                    plain: ch.to_string(),
                    toned: ch.to_string(),
                    han: false,
                    curated: false,
                },
            },
        };
        out.push(syllable);
        i += 1;
    }
    out
}

/// Replace the readings of the trailing generic by its curated reading.
pub(crate) fn apply_generic_reading(syls: &mut [Syllable], generic: &str) {
    let Some(readings) = generic_reading(generic) else {
        return;
    };
    let start = syls.len().saturating_sub(readings.len());
    for (s, toned) in syls[start..].iter_mut().zip(readings) {
        *s = han(s.ch, toned, true);
    }
}

fn han(ch: char, toned: &str, curated: bool) -> Syllable {
    Syllable {
        ch,
        plain: strip_tones(toned),
        toned: toned.to_string(),
        han: true,
        curated,
    }
}

/// Remove tone marks, keeping ü ("lǜ" → "lü").
pub(crate) fn strip_tones(toned: &str) -> String {
    toned
        .chars()
        .map(|c| match c {
            'ā' | 'á' | 'ǎ' | 'à' => 'a',
            'ē' | 'é' | 'ě' | 'è' => 'e',
            'ī' | 'í' | 'ǐ' | 'ì' => 'i',
            'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
            'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
            'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => 'ü',
            'ń' | 'ň' | 'ǹ' => 'n',
            'ḿ' => 'm',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tones_keeps_umlaut() {
        assert_eq!(strip_tones("lǜ"), "lü");
        assert_eq!(strip_tones("xiàng"), "xiang");
    }

    #[test]
    fn char_default_overrides_dictionary() {
        let s = syllables("长沙");
        assert_eq!(s[0].plain, "chang");
        let s = syllables("成都");
        assert_eq!(s[1].plain, "du");
    }

    #[test]
    fn phrase_overrides_char_default() {
        let s = syllables("长子县");
        assert_eq!(s[0].plain, "zhang");
    }

    #[test]
    fn passes_through_non_han() {
        let s = syllables("2号");
        assert_eq!(s[0].plain, "2");
        assert!(!s[0].han);
        assert!(s[1].han);
    }
}
