//! Standard roman spelling (罗马字母拼写) of Chinese place names.
//!
//! Implements 《中国地名汉语拼音字母拼写规则(汉语地名部分)》 (1984) as
//! restated by GB/T 16159-2012:
//!
//! * 专名 and 通名 are written separately, each capitalised: 西湖区 →
//!   "Xihu Qu"; only the last generic is split off (黑龙江省 →
//!   "Heilongjiang Sheng"), see [`split_generic`].
//! * Natural villages and towns written as one word on request
//!   ([`NameForm::OneWord`]): 王村 → "Wangcun".
//! * A one-syllable positional modifier joins a one-syllable street or river
//!   generic when the specific has two or more characters (延安北路 →
//!   "Yan'an Beilu", 潮白新河 → "Chaobai Xinhe"); otherwise modifiers stay
//!   in the specific (西辽河 → "Xiliao He", 朝阳门内大街 →
//!   "Chaoyangmennei Dajie").
//! * Apostrophe before a non-initial syllable starting with a, o, e (Xi'an).
//! * Ordinals before a street generic become Arabic numerals (第九弄 →
//!   "Di-9 Long", 京五路 → "Jing 5 Lu"); other numerals are spelled.
//! * Polyphones resolved by curated place-name readings (see `polyphone.rs`).
//! * Well-known minority-language names are transcribed from the native form
//!   (乌鲁木齐 → "Ürümqi"), flagged [`ReadingSource::Transcribed`].
//! * Ethnic autonomous units: ethnonyms are separate words and the generic is
//!   one word (长阳土家族自治县 → "Changyang Tujiazu Zizhixian"); a 民族乡
//!   generic is one word (长坪瑶族乡 → "Changping Yaozuxiang").
//!
//! Known limits: a bare name cannot tell a lexicalised generic from a real
//! one (黄山 the mountain "Huang Shan" vs the city "Huangshan"): pass
//! structured parts to [`romanize_parts`] when they are known. A numeral that
//! belongs to the specific (东四十二条) is only kept when the specific is a
//! curated reading (东四, 八一, 五四…). Personal names inside place names
//! (rule 5) are not detected; they are joined anyway because a specific is
//! written as one word.

mod generic;
mod minority;
mod polyphone;
mod reading;
mod spelling;

pub use generic::{
    ethnonym_run_start, generic_category, split_generic, GenericCategory, ETHNONYMS, GENERICS,
};
pub use reading::{syllables, Syllable};

use spelling::{spell_generic, spell_specific, words, Spelled};

/// How a name is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NameForm {
    /// 专名 and 通名 written separately: "Xihu Qu".
    #[default]
    Standard,
    /// Written as one word (自然村, towns): "Wangcun", "Zhoukoudian".
    OneWord,
}

/// Where the reading of a name came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadingSource {
    /// Dictionary readings only.
    Computed,
    /// At least one curated place-name reading was used.
    Curated,
    /// The 专名 is a minority-language name transcribed from its native form.
    Transcribed,
}

/// The roman spelling of a place name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Romanization {
    /// Written 专名 ("Xihu"); the whole word for [`NameForm::OneWord`].
    pub specific: String,
    /// Written 通名 ("Qu"); `None` when there is none or it was joined.
    pub generic: Option<String>,
    /// Full toneless spelling ("Xihu Qu").
    pub text: String,
    /// Full spelling with tone marks ("Xīhú Qū").
    pub with_tones: String,
    /// Where the reading came from.
    pub source: ReadingSource,
}

impl Romanization {
    /// All-caps variant for signs (rule 8: "特殊情况可全部大写").
    ///
    /// ```
    /// use diming::domain::romanization::romanize;
    /// assert_eq!(romanize("西湖区").to_uppercase(), "XIHU QU");
    /// ```
    pub fn to_uppercase(&self) -> String {
        self.text.to_uppercase()
    }
}

/// Romanize a name, splitting off its 通名 automatically (standard form).
///
/// ```
/// use diming::domain::romanization::romanize;
/// assert_eq!(romanize("西湖区").text, "Xihu Qu");
/// assert_eq!(romanize("西湖区").with_tones, "Xīhú Qū");
/// assert_eq!(romanize("黑龙江省").text, "Heilongjiang Sheng");
/// assert_eq!(romanize("长安街").text, "Chang'an Jie");
/// assert_eq!(romanize("单县").text, "Shan Xian");
/// assert_eq!(romanize("第九弄").text, "Di-9 Long");
/// ```
pub fn romanize(name: &str) -> Romanization {
    romanize_with(name, NameForm::Standard)
}

/// Romanize a name, splitting off its 通名 automatically, in the given form.
///
/// ```
/// use diming::domain::romanization::{romanize_with, NameForm};
/// assert_eq!(romanize_with("王村", NameForm::OneWord).text, "Wangcun");
/// assert_eq!(romanize_with("周口店", NameForm::OneWord).text, "Zhoukoudian");
/// ```
pub fn romanize_with(name: &str, form: NameForm) -> Romanization {
    let (specific, generic) = split_generic(name);
    romanize_parts(specific, generic, form)
}

/// Romanize a name from its known 专名 and 通名.
///
/// ```
/// use diming::domain::romanization::{romanize_parts, NameForm, ReadingSource};
/// let r = romanize_parts("乌鲁木齐", Some("市"), NameForm::Standard);
/// assert_eq!(r.text, "Ürümqi Shi");
/// assert_eq!(r.source, ReadingSource::Transcribed);
/// let r = romanize_parts("黄山", Some("市"), NameForm::Standard);
/// assert_eq!(r.text, "Huangshan Shi");
/// ```
pub fn romanize_parts(specific: &str, generic: Option<&str>, form: NameForm) -> Romanization {
    let generic = generic.filter(|g| !g.is_empty());
    let full = format!("{specific}{}", generic.unwrap_or(""));
    let mut syls = syllables(&full);
    if let Some(g) = generic {
        reading::apply_generic_reading(&mut syls, g);
    }
    let n_spec = specific.chars().count();
    let (spec_syls, gen_syls) = syls.split_at(n_spec);
    let mut source = if syls.iter().any(|s| s.curated) {
        ReadingSource::Curated
    } else {
        ReadingSource::Computed
    };

    let category = generic.and_then(generic_category);
    let street = category == Some(GenericCategory::Street);
    // Streets named after a city use the characters' pinyin (拉萨路 Lasa Lu).
    let transcribed = (!street).then(|| minority::transcribed(specific)).flatten();
    let spec = if let Some(roman) = transcribed {
        source = ReadingSource::Transcribed;
        Spelled {
            plain: roman.to_string(),
            toned: roman.to_string(),
        }
    } else if form == NameForm::OneWord {
        words(spec_syls)
    } else {
        let autonomous = generic.is_some_and(|g| g.starts_with("自治"));
        let (spelled, own) = spell_specific(spec_syls, street, autonomous);
        if own {
            source = ReadingSource::Transcribed;
        }
        spelled
    };

    if form == NameForm::OneWord && source != ReadingSource::Transcribed {
        let word = words(&syls);
        return Romanization {
            specific: word.plain.clone(),
            generic: None,
            text: word.plain,
            with_tones: word.toned,
            source,
        };
    }

    let gen = generic.map(|_| {
        let (spelled, own) = spell_generic(gen_syls);
        if own {
            source = ReadingSource::Transcribed;
        }
        spelled
    });
    let mut full = spec.clone();
    if let Some(g) = &gen {
        full.push_word(g.clone());
    }
    Romanization {
        specific: spec.plain,
        generic: gen.map(|g| g.plain),
        text: full.plain,
        with_tones: full.toned,
        source,
    }
}

/// First letters of each syllable, lower case: "xhq" for 西湖区.
///
/// Non-Han letters and digits are kept (lower-cased); other characters are
/// dropped.
///
/// ```
/// use diming::domain::romanization::initials;
/// assert_eq!(initials("西湖区"), "xhq");
/// assert_eq!(initials("长沙"), "cs");
/// ```
pub fn initials(text: &str) -> String {
    syllables(text)
        .iter()
        .filter_map(|s| s.plain.chars().next())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(ascii_u)
        .collect()
}

/// Toneless reading without separators, lower case: "xihuqu" for 西湖区.
///
/// ü is written `v` (the input-method convention) so the key is ASCII for
/// pinyin: 绿 → "lv". Used for homophone checks.
///
/// ```
/// use diming::domain::romanization::toneless_key;
/// assert_eq!(toneless_key("西湖区"), "xihuqu");
/// assert_eq!(toneless_key("吕梁"), "lvliang");
/// ```
pub fn toneless_key(text: &str) -> String {
    syllables(text)
        .iter()
        .flat_map(|s| s.plain.chars())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(ascii_u)
        .collect()
}

fn ascii_u(c: char) -> char {
    if c == 'ü' {
        'v'
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_examples() {
        for (han, roman) in [
            ("西湖区", "Xihu Qu"),
            ("总寨镇", "Zongzhai Zhen"),
            ("浙江省", "Zhejiang Sheng"),
            ("南京路", "Nanjing Lu"),
            ("长安街", "Chang'an Jie"),
            ("泰山", "Tai Shan"),
            ("松花江", "Songhua Jiang"),
            ("景德镇市", "Jingdezhen Shi"),
            ("西安", "Xi'an"),
            ("西辽河", "Xiliao He"),
            ("潮白新河", "Chaobai Xinhe"),
            ("景山后街", "Jingshan Houjie"),
            ("朝阳门内大街", "Chaoyangmennei Dajie"),
            ("二马路", "2 Malu"),
            ("京五路", "Jing 5 Lu"),
            ("东四十二条", "Dongsi 12 Tiao"),
            ("五指山", "Wuzhi Shan"),
            ("三门峡", "Sanmen Xia"),
            ("华县", "Hua Xian"),
            ("十里堡", "Shilipu"),
            ("六安市", "Lu'an Shi"),
            ("深圳市", "Shenzhen Shi"),
            ("长坪瑶族乡", "Changping Yaozuxiang"),
            ("长阳土家族自治县", "Changyang Tujiazu Zizhixian"),
            ("市辖区", "Shixiaqu"),
            ("伊犁哈萨克自治州", "Ili Kazak Zizhizhou"),
            ("新疆维吾尔自治区", "Xinjiang Uygur Zizhiqu"),
            ("内蒙古自治区", "Nei Mongol Zizhiqu"),
            ("鄂温克族自治旗", "Ewenkizu Zizhiqi"),
            ("鄂伦春自治旗", "Oroqen Zizhiqi"),
            ("广西壮族自治区", "Guangxi Zhuangzu Zizhiqu"),
            ("西藏自治区", "Xizang Zizhiqu"),
            ("龙藏乡", "Longcang Xiang"),
            ("策勒县", "Cele Xian"),
        ] {
            assert_eq!(romanize(han).text, roman, "{han}");
        }
    }

    #[test]
    fn parts_and_sources() {
        let r = romanize("西湖区");
        assert_eq!(r.specific, "Xihu");
        assert_eq!(r.generic.as_deref(), Some("Qu"));
        assert_eq!(r.source, ReadingSource::Computed);
        assert_eq!(romanize("重庆市").source, ReadingSource::Curated);
        let r = romanize("拉萨市");
        assert_eq!(r.text, "Lhasa Shi");
        assert_eq!(r.source, ReadingSource::Transcribed);
    }

    #[test]
    fn one_word_form() {
        let r = romanize_with("王村", NameForm::OneWord);
        assert_eq!(r.specific, "Wangcun");
        assert_eq!(r.generic, None);
        assert_eq!(romanize("王村").text, "Wang Cun");
    }

    #[test]
    fn minority_table_does_not_leak() {
        assert_eq!(romanize("拉萨路").text, "Lasa Lu");
        assert_eq!(romanize("新和田村").text, "Xinhetian Cun");
    }

    #[test]
    fn uppercase_and_tones() {
        let r = romanize("绿水镇");
        assert_eq!(r.text, "Lüshui Zhen");
        assert_eq!(r.to_uppercase(), "LÜSHUI ZHEN");
        assert_eq!(romanize("西安市").with_tones, "Xī'ān Shì");
    }
}
