//! Writing syllables as words: joining, apostrophes, capitalisation and
//! Arabic numerals in street names.

use super::generic::ethnonym_run;
use super::minority::{ethnonym_form, transcribed};
use super::reading::Syllable;

/// A written form in both toneless and toned spelling.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Spelled {
    pub plain: String,
    pub toned: String,
}

impl Spelled {
    /// Append `other` as a new word, separated by a space.
    pub fn push_word(&mut self, other: Spelled) {
        if other.plain.is_empty() {
            return;
        }
        if !self.plain.is_empty() {
            self.plain.push(' ');
            self.toned.push(' ');
        }
        self.plain.push_str(&other.plain);
        self.toned.push_str(&other.toned);
    }
}

/// Join syllables into words (rule 9: apostrophe before a non-initial
/// syllable starting with a, o or e), splitting at whitespace, each word
/// capitalised (rule 8).
pub(crate) fn words(syls: &[Syllable]) -> Spelled {
    let mut out = Spelled::default();
    let mut word = Spelled::default();
    let mut prev_han = false;
    for s in syls {
        if s.ch.is_whitespace() {
            out.push_word(capitalised(&word));
            word = Spelled::default();
            prev_han = false;
            continue;
        }
        if s.han && prev_han && s.plain.starts_with(['a', 'o', 'e']) {
            word.plain.push('\'');
            word.toned.push('\'');
        }
        word.plain.push_str(&s.plain);
        word.toned.push_str(&s.toned);
        prev_han = s.han;
    }
    out.push_word(capitalised(&word));
    out
}

/// Upper-case the first letter of a word.
fn capitalised(word: &Spelled) -> Spelled {
    Spelled {
        plain: capitalise(&word.plain),
        toned: capitalise(&word.toned),
    }
}

/// Upper-case the first character of `s`.
pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Spell a 专名. `street` enables Arabic numerals for a trailing ordinal
/// (rule 6), `autonomous` writes a trailing run of ethnonyms as separate
/// words (长阳土家族 → "Changyang Tujiazu", 伊犁哈萨克 → "Ili Kazak").
/// The flag is `true` when a native-form transcription was used.
pub(crate) fn spell_specific(syls: &[Syllable], street: bool, autonomous: bool) -> (Spelled, bool) {
    if street {
        if let Some(spelled) = with_numeral(syls) {
            return (spelled, false);
        }
    }
    if autonomous {
        let text: String = syls.iter().map(|s| s.ch).collect();
        let run = ethnonym_run(&text, true);
        if !run.is_empty() {
            let run_chars: usize = run.iter().map(|t| t.chars().count()).sum();
            let split = syls.len() - run_chars;
            let place: String = syls[..split].iter().map(|s| s.ch).collect();
            let mut transcribed_any = false;
            let mut out = match transcribed(&place) {
                Some(roman) => {
                    transcribed_any = true;
                    Spelled {
                        plain: roman.to_string(),
                        toned: roman.to_string(),
                    }
                }
                None => words(&syls[..split]),
            };
            let mut from = split;
            for token in run {
                let n = token.chars().count();
                let (word, own) = spell_ethnonym(&syls[from..from + n]);
                transcribed_any |= own;
                out.push_word(word);
                from += n;
            }
            return (out, transcribed_any);
        }
    }
    (words(syls), false)
}

/// Spell a 通名 as one word; an ethnic township generic keeps ethnonyms in
/// their own form (蒙古族乡 → "Mongolzuxiang", 苗族侗族乡 → "Miaozudongzuxiang").
pub(crate) fn spell_generic(syls: &[Syllable]) -> (Spelled, bool) {
    let text: String = syls.iter().map(|s| s.ch).collect();
    let stem = text
        .strip_suffix('乡')
        .or_else(|| text.strip_suffix("苏木"))
        .unwrap_or("");
    let run = ethnonym_run(stem, false);
    let run_chars: usize = run.iter().map(|t| t.chars().count()).sum();
    if run.is_empty() || run_chars != stem.chars().count() {
        return (words(syls), false);
    }
    let mut joined = Spelled::default();
    let mut own_any = false;
    let mut from = 0;
    for token in run {
        let n = token.chars().count();
        let (word, own) = spell_ethnonym(&syls[from..from + n]);
        own_any |= own;
        joined.plain.push_str(&word.plain.to_lowercase());
        joined.toned.push_str(&word.toned.to_lowercase());
        from += n;
    }
    let tail = words(&syls[from..]);
    joined.plain.push_str(&tail.plain.to_lowercase());
    joined.toned.push_str(&tail.toned.to_lowercase());
    (capitalised(&joined), own_any)
}

/// Spell one ethnonym token: "土家族" → "Tujiazu", "蒙古族" → "Mongolzu",
/// "哈萨克" → "Kazak". The flag is `true` for an own-language form.
fn spell_ethnonym(syls: &[Syllable]) -> (Spelled, bool) {
    let text: String = syls.iter().map(|s| s.ch).collect();
    let (name, zu) = match text.strip_suffix('族') {
        Some(name) => (name, true),
        None => (text.as_str(), false),
    };
    match ethnonym_form(name) {
        Some(form) => {
            let (plain, toned) = if zu { ("zu", "zú") } else { ("", "") };
            let spelled = Spelled {
                plain: format!("{form}{plain}"),
                toned: format!("{form}{toned}"),
            };
            (spelled, true)
        }
        None => (words(syls), false),
    }
}

/// Spell a specific ending in a Chinese ordinal as Arabic numerals:
/// 京五 → "Jing 5", 第九 → "Di-9", 二 → "2". Numerals inside a curated
/// reading (八一, 东四) are names and stay in pinyin.
fn with_numeral(syls: &[Syllable]) -> Option<Spelled> {
    let run_start = syls
        .iter()
        .rposition(|s| s.curated || !is_numeral_char(s.ch))
        .map_or(0, |i| i + 1);
    let digits: String = syls[run_start..].iter().map(|s| s.ch).collect();
    let value = numeral_value(&digits)?;
    let (head, ordinal) = match run_start.checked_sub(1) {
        Some(i) if syls[i].ch == '第' && !syls[i].curated => (i, true),
        _ => (run_start, false),
    };
    let mut out = words(&syls[..head]);
    let number = if ordinal {
        format!("Di-{value}")
    } else {
        value.to_string()
    };
    out.push_word(Spelled {
        plain: number.clone(),
        toned: if ordinal {
            format!("Dì-{value}")
        } else {
            number
        },
    });
    Some(out)
}

fn is_numeral_char(c: char) -> bool {
    digit(c).is_some() || matches!(c, '十' | '百' | '千')
}

fn digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Value of a Chinese numeral: 九 → 9, 十二 → 12, 二十 → 20, 一百零五 → 105,
/// or digit by digit without unit characters (一二九 → 129).
pub(crate) fn numeral_value(text: &str) -> Option<u32> {
    if text.is_empty() {
        return None;
    }
    if text.chars().all(|c| digit(c).is_some()) {
        return text
            .chars()
            .try_fold(0u32, |acc, c| acc.checked_mul(10)?.checked_add(digit(c)?));
    }
    let mut total = 0u32;
    let mut pending: Option<u32> = None;
    for c in text.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                if pending.is_some() && digit(c) != Some(0) {
                    return None;
                }
                pending = digit(c).filter(|d| *d != 0);
                continue;
            }
        };
        total += pending.take().unwrap_or(1) * unit;
    }
    Some(total + pending.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::super::reading::syllables;
    use super::*;

    #[test]
    fn apostrophes() {
        assert_eq!(words(&syllables("西安")).plain, "Xi'an");
        assert_eq!(words(&syllables("建瓯")).plain, "Jian'ou");
        assert_eq!(words(&syllables("天峨")).plain, "Tian'e");
        assert_eq!(words(&syllables("西安")).toned, "Xī'ān");
        assert_eq!(words(&syllables("安徽")).plain, "Anhui");
    }

    #[test]
    fn numerals() {
        assert_eq!(numeral_value("九"), Some(9));
        assert_eq!(numeral_value("十二"), Some(12));
        assert_eq!(numeral_value("二十"), Some(20));
        assert_eq!(numeral_value("二十三"), Some(23));
        assert_eq!(numeral_value("一百零五"), Some(105));
        assert_eq!(numeral_value("一二九"), Some(129));
        assert_eq!(numeral_value("九九九九九九九九九九九"), None);
    }

    #[test]
    fn street_ordinals() {
        let spell = |t: &str| spell_specific(&syllables(t), true, false).0.plain;
        assert_eq!(spell("京五"), "Jing 5");
        assert_eq!(spell("第九"), "Di-9");
        assert_eq!(spell("二"), "2");
        assert_eq!(spell("东四十二"), "Dongsi 12");
        assert_eq!(spell("八一"), "Bayi");
        assert_eq!(spell("中山"), "Zhongshan");
    }

    #[test]
    fn ethnonym_words() {
        let spell = |t: &str| spell_specific(&syllables(t), false, true).0.plain;
        assert_eq!(spell("长阳土家族"), "Changyang Tujiazu");
        assert_eq!(spell("城步苗族"), "Chengbu Miaozu");
        assert_eq!(spell("阜新蒙古族"), "Fuxin Mongolzu");
        assert_eq!(spell("伊犁哈萨克"), "Ili Kazak");
        assert_eq!(spell("鄂伦春"), "Oroqen");
        assert_eq!(
            spell("双江拉祜族佤族布朗族傣族"),
            "Shuangjiang Lahuzu Wazu Bulangzu Daizu"
        );
    }

    #[test]
    fn ethnic_generics() {
        let spell = |t: &str| spell_generic(&syllables(t)).0.plain;
        assert_eq!(spell("瑶族乡"), "Yaozuxiang");
        assert_eq!(spell("苗族侗族乡"), "Miaozudongzuxiang");
        assert_eq!(spell("蒙古族乡"), "Mongolzuxiang");
        assert_eq!(spell("乡"), "Xiang");
    }
}
