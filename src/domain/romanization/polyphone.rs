//! Curated place-name readings (地名多音字审音) that take precedence over the
//! per-character default of the `pinyin` crate.
//!
//! Two tables:
//!
//! * [`PHRASES`]: multi-character strings with their place-name reading,
//!   matched longest-first anywhere in the text (六安 → lù ān).
//! * [`CHAR_DEFAULTS`]: a per-character default for characters whose
//!   place-name reading differs from the dictionary's most common reading
//!   (长 → cháng, 都 → dū).
//!
//! Every entry is a genuine, documented reading of a real place name or
//! place-name element; the comment gives the reason (审音表 = 《普通话异读词
//! 审音表》 1985, which lists several 地名 readings explicitly).

/// Multi-character readings, toned, one syllable per character, space-separated.
///
/// Matched longest-first at each position of the text.
pub(crate) const PHRASES: &[(&str, &str)] = &[
    // 六 lù in 六安 (审音表 also lists 六合, whose official spelling is
    // now disputed, so it is left to the default).
    ("六安", "lù ān"),
    // 乐: lào in 乐亭 (Hebei), yuè in 乐清 (Zhejiang); lè elsewhere (default).
    ("乐亭", "lào tíng"),
    ("乐清", "yuè qīng"),
    ("蚌埠", "bèng bù"),
    ("番禺", "pān yú"),
    ("重庆", "chóng qìng"),
    ("重阳", "chóng yáng"),
    // 长 zhǎng only in 长子 (Shanxi county); cháng is the char default.
    ("长子", "zhǎng zǐ"),
    ("厦门", "xià mén"),
    ("大厦", "dà shà"),
    // 台 tāi in 台州 and 天台 (Zhejiang).
    ("台州", "tāi zhōu"),
    ("天台", "tiān tāi"),
    // 丽 lí in 丽水 (Zhejiang); lì elsewhere (丽江).
    ("丽水", "lí shuǐ"),
    ("铅山", "yán shān"),
    // 阿 ē in 东阿 (Shandong), the origin of 阿胶.
    ("东阿", "dōng ē"),
    // 单 shàn as a surname and in 单县 (Shandong).
    ("单县", "shàn xiàn"),
    ("单家", "shàn jiā"),
    ("洪洞", "hóng tóng"),
    ("莘县", "shēn xiàn"),
    ("莘庄", "xīn zhuāng"),
    ("曲阜", "qū fù"),
    ("会稽", "kuài jī"),
    // 尉 yù in 尉犁 (Xinjiang) and 尉迟; wèi in 尉氏 (default).
    ("尉犁", "yù lí"),
    // 华 huà in 华山, 华县, 华阴 (Shaanxi).
    ("华山", "huà shān"),
    ("华县", "huà xiàn"),
    ("华阴", "huà yīn"),
    ("解州", "xiè zhōu"),
    // 堡: 审音表 lists bǔ for 堡子, 吴堡, 瓦窑堡, 柴沟堡 and pù for 十里堡
    // (地名用字); "N里堡" (milestone post stations) is pù.
    ("里堡", "lǐ pù"),
    ("吴堡", "wú bǔ"),
    ("瓦窑堡", "wǎ yáo bǔ"),
    ("柴沟堡", "chái gōu bǔ"),
    ("堡子", "bǔ zi"),
    ("银行", "yín háng"),
    ("濮阳", "pú yáng"),
    ("黄陂", "huáng pí"),
    ("枞阳", "zōng yáng"),
    ("蔚县", "yù xiàn"),
    ("栎阳", "yuè yáng"),
    ("牟平", "mù píng"),
    ("中牟", "zhōng mù"),
    ("泌阳", "bì yáng"),
    ("荥阳", "xíng yáng"),
    ("荥经", "yíng jīng"),
    ("歙县", "shè xiàn"),
    // 济 jǐ for places named after the ancient 济水.
    ("济南", "jǐ nán"),
    ("济宁", "jǐ níng"),
    ("济源", "jǐ yuán"),
    ("济阳", "jǐ yáng"),
    ("燕山", "yān shān"),
    ("燕郊", "yān jiāo"),
    ("燕京", "yān jīng"),
    ("珲春", "hún chūn"),
    ("涡阳", "guō yáng"),
    ("浚县", "xùn xiàn"),
    ("繁峙", "fán shì"),
    ("犍为", "qián wéi"),
    ("筠连", "jūn lián"),
    ("蠡县", "lǐ xiàn"),
    ("大埔", "dà bù"),
    ("漯河", "luò hé"),
    ("监利", "jiàn lì"),
    ("伽师", "jiā shī"),
    ("宝坻", "bǎo dǐ"),
    ("柞水", "zhà shuǐ"),
    ("苕溪", "tiáo xī"),
    ("宕昌", "tàn chāng"),
    ("莎车", "shā chē"),
    ("罗布泊", "luó bù pō"),
    ("斗门", "dǒu mén"),
    // 藏 zàng for Tibet and Tibetans; cáng (hide) elsewhere (龙藏).
    ("西藏", "xī zàng"),
    ("藏族", "zàng zú"),
    // 浒 xǔ in the Jiangsu place names 浒墅关, 浒浦 (现代汉语词典).
    ("浒墅关", "xǔ shù guān"),
    ("浒浦", "xǔ pǔ"),
    // 重 chóng "again": 重兴 "revived".
    ("重兴", "chóng xīng"),
    // 筠 jūn in 筠州 / 筠阳 (Gao'an, Jiangxi), as in 筠连.
    ("筠州", "jūn zhōu"),
    ("筠阳", "jūn yáng"),
    ("湖泊", "hú pō"),
    ("梁山泊", "liáng shān pō"),
    // Place names containing numerals that are names, not ordinals: they are
    // spelled in pinyin even before a street generic (八一路 → Bayi Lu).
    ("八一", "bā yī"),
    ("五一", "wǔ yī"),
    ("五四", "wǔ sì"),
    ("二七", "èr qī"),
    ("七一", "qī yī"),
    ("东四", "dōng sì"),
    ("西四", "xī sì"),
];

/// Per-character defaults for place names, toned.
pub(crate) const CHAR_DEFAULTS: &[(char, &str)] = &[
    // 长 cháng: 长沙, 长春, 长治, 长安, 长江… (dictionary default is zhǎng).
    ('长', "cháng"),
    // 都 dū: 成都, 都江堰, 郫都, 丰都, 都匀 (dictionary default dōu).
    ('都', "dū"),
    // 什 shí: 什邡, 什字 (dictionary default shén).
    ('什', "shí"),
    // 斗 dǒu: 斗门, 北斗 (dictionary default dòu).
    ('斗', "dǒu"),
    // 曾 zēng as a surname in 曾家, 曾厝….
    ('曾', "zēng"),
    // 勒 lè in names and transliterations (库尔勒, 策勒); lēi is "tie tight".
    ('勒', "lè"),
    // 咀 zuǐ = 嘴 in place names (尖沙咀, 黄咀); jǔ is "chew".
    ('咀', "zuǐ"),
    // 佛 fó (佛山, 卧佛, 佛坪); fú only in 仿佛.
    ('佛', "fó"),
    // 圩 xū (= 墟, market town) in southern town names; wéi (polder) is
    // rarer in settlement names.
    ('圩', "xū"),
    // 泊 bó (泊头, 停泊); pō only for lakes (湖泊, 罗布泊: phrases).
    ('泊', "bó"),
    // 薄 bó as surname and in names; báo is the colloquial adjective.
    ('薄', "bó"),
    // 卜 bǔ (拉卜楞, surname 卜); bo only in 萝卜.
    ('卜', "bǔ"),
    // 圳 zhèn (深圳), 巷 xiàng, 铺 pù: made explicit although the crate agrees.
    ('圳', "zhèn"),
    ('巷', "xiàng"),
    ('铺', "pù"),
];

/// Readings of a 通名 when it stands as the generic: 弄 is lòng as a Shanghai
/// lane (弄堂) but nòng in Zhuang names inside a specific (弄岗).
pub(crate) const GENERIC_READINGS: &[(&str, &str)] = &[("弄", "lòng")];

/// Curated reading of a whole generic term, if any.
pub(crate) fn generic_reading(generic: &str) -> Option<Vec<&'static str>> {
    GENERIC_READINGS
        .iter()
        .find(|(g, _)| *g == generic)
        .map(|(_, reading)| reading.split(' ').collect())
}

/// Longest curated phrase matching at the start of `chars`, with its syllables.
pub(crate) fn phrase_at(chars: &[char]) -> Option<(usize, Vec<&'static str>)> {
    PHRASES
        .iter()
        .filter(|(key, _)| {
            let n = key.chars().count();
            n <= chars.len() && key.chars().zip(chars).all(|(a, b)| a == *b)
        })
        .max_by_key(|(key, _)| key.chars().count())
        .map(|(key, reading)| (key.chars().count(), reading.split(' ').collect()))
}

/// Curated per-character default reading, if any.
pub(crate) fn char_default(c: char) -> Option<&'static str> {
    CHAR_DEFAULTS
        .iter()
        .find(|(k, _)| *k == c)
        .map(|(_, reading)| *reading)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_syllable_counts_match_characters() {
        for (key, reading) in PHRASES {
            assert_eq!(
                key.chars().count(),
                reading.split(' ').count(),
                "{key} / {reading}"
            );
        }
    }

    #[test]
    fn no_duplicate_keys() {
        let mut keys: Vec<&str> = PHRASES.iter().map(|(k, _)| *k).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(n, keys.len());
    }

    #[test]
    fn longest_match_wins() {
        let text: Vec<char> = "十里堡".chars().collect();
        assert_eq!(phrase_at(&text[1..]), Some((2, vec!["lǐ", "pù"])));
        let text: Vec<char> = "六安市".chars().collect();
        assert_eq!(phrase_at(&text), Some((2, vec!["lù", "ān"])));
        assert_eq!(phrase_at(&text[1..]), None);
    }

    #[test]
    fn char_defaults() {
        assert_eq!(char_default('长'), Some("cháng"));
        assert_eq!(char_default('西'), None);
    }
}
