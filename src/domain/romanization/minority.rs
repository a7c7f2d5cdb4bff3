//! Minority-language names romanized from their native form (1996 细则
//! Art. 19; 《少数民族语地名汉语拼音字母音译转写法》 1976), not from the
//! Chinese characters: 乌鲁木齐 → Ürümqi, not "Wulumuqi".
//!
//! The table is looked up only for a whole 专名 (exact match), so it never
//! changes how other names containing the same characters are spelled.
//! Entries are the forms used in official maps and the national gazetteer.

/// 专名 (Chinese characters) → transcribed roman form.
pub(crate) const TRANSCRIBED: &[(&str, &str)] = &[
    // Xinjiang (Uyghur, Kazakh, Mongolian, Kyrgyz)
    ("乌鲁木齐", "Ürümqi"),
    ("喀什", "Kashi"),
    ("和田", "Hotan"),
    ("库尔勒", "Korla"),
    ("吐鲁番", "Turpan"),
    ("阿克苏", "Aksu"),
    ("克拉玛依", "Karamay"),
    ("阿勒泰", "Altay"),
    ("阿图什", "Artux"),
    ("伊犁", "Ili"),
    ("博尔塔拉", "Bortala"),
    ("巴音郭楞", "Bayingolin"),
    // Tibet (Lhasa Tibetan)
    ("拉萨", "Lhasa"),
    ("日喀则", "Xigazê"),
    ("昌都", "Qamdo"),
    ("林芝", "Nyingchi"),
    ("那曲", "Nagqu"),
    ("阿里", "Ngari"),
    ("江孜", "Gyangzê"),
    ("墨脱", "Mêdog"),
    ("日土", "Rutog"),
    // Qinghai (Amdo Tibetan, Mongolian)
    ("格尔木", "Golmud"),
    ("果洛", "Golog"),
    // Inner Mongolia (Mongolian)
    ("内蒙古", "Nei Mongol"),
    ("呼和浩特", "Hohhot"),
    ("锡林郭勒", "Xilin Gol"),
    ("呼伦贝尔", "Hulun Buir"),
    ("鄂尔多斯", "Ordos"),
    ("巴彦淖尔", "Bayannur"),
    ("乌兰察布", "Ulanqab"),
    ("阿拉善", "Alxa"),
    ("二连浩特", "Erenhot"),
    ("锡林浩特", "Xilinhot"),
    ("海拉尔", "Hailar"),
];

/// Ethnonyms written in their own form inside names of autonomous units and
/// ethnic townships, as in the official spellings "Ili Kazak Zizhizhou",
/// "Fuxin Mongolzu Zizhixian", "Ewenkizu Zizhiqi", "Oroqen Zizhiqi".
/// These may also stand without 族 before 自治X (伊犁哈萨克自治州).
pub(crate) const ETHNONYM_FORMS: &[(&str, &str)] = &[
    ("蒙古", "Mongol"),
    ("哈萨克", "Kazak"),
    ("柯尔克孜", "Kirgiz"),
    ("维吾尔", "Uygur"),
    ("鄂温克", "Ewenki"),
    ("鄂伦春", "Oroqen"),
    ("达斡尔", "Daur"),
    ("锡伯", "Xibe"),
    ("塔吉克", "Tajik"),
];

/// Own-language form of an ethnonym (without 族), if curated.
pub(crate) fn ethnonym_form(ethnonym: &str) -> Option<&'static str> {
    ETHNONYM_FORMS
        .iter()
        .find(|(han, _)| *han == ethnonym)
        .map(|(_, roman)| *roman)
}

/// Transcribed form of a minority-language 专名, if curated.
pub(crate) fn transcribed(specific: &str) -> Option<&'static str> {
    TRANSCRIBED
        .iter()
        .find(|(han, _)| *han == specific)
        .map(|(_, roman)| *roman)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_match_only() {
        assert_eq!(transcribed("乌鲁木齐"), Some("Ürümqi"));
        assert_eq!(transcribed("乌鲁木齐县"), None);
        assert_eq!(transcribed("拉"), None);
    }

    #[test]
    fn no_duplicates() {
        let mut keys: Vec<&str> = TRANSCRIBED.iter().map(|(k, _)| *k).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(n, keys.len());
    }
}
