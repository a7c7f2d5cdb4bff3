//! Acceptance test: agreement of [`romanize`] with the official 专名 + 通名
//! spellings carried by GeoNames for Chinese populated places.
//!
//! A pair is eligible when a Han name ends in a known generic and the same
//! row has a latin form "Xxxx Yyy" whose last word is the pinyin of that
//! generic (总寨镇 / "Zongzhai Zhen"). GeoNames sometimes lists several such
//! forms for one place (a Tibetan or Uyghur transcription beside the pinyin,
//! "Pagri Zhen" / "Pali Zhen"): the pair agrees when ours equals any of them.
//! Apostrophe style (’ vs ') is ignored.
//!
//! Remaining disagreements (about 120 of 6,276 when written) were reviewed
//! one by one and are not special-cased:
//!
//! * GeoNames errors: typos (汪丹 "Wangda", 政和 "Zhenhe", 垣曲 "Yuangqu",
//!   雄州 "Xiongxhou", 太平 "Taping"…), wrong readings (黄陂 "Huangbei" beside
//!   the correct "Huangpi", 牟平 "Mouping", 莞城 "Wancheng", 泽覃 "Zeqin",
//!   乾丰 "Ganfeng", 桔林 "Jielin", 鸬鹚 "Lusi"), apostrophes against rule 9
//!   (鄂州 "E'zhou", 马群 "Ma'qun", 澧南 "Li'nan"), ü written u (吕巷
//!   "Luxiang"), and latin names of another place in the same row (新丰镇 /
//!   "Fengcheng Zhen", 石巷 / "Qingshui Xiang", 中国上海 / "Thuong Hai").
//! * Minority-language names: GeoNames has a native-form transcription we do
//!   not curate (策勒 "Qira", 喀什乡 "Kax", 沙依巴克 "Saybagh"), or pinyin
//!   where we transcribe (锡林浩特 "Xilinhaote" vs "Xilinhot").
//! * Local readings we could not verify (扎 za/zha, 堡 bao/bu/pu, 陂 bei/pi,
//!   徐行 "Xuhang", 调风 "Tiaofeng", 大埔 "Dapu" against the dictionary's
//!   dàbù): left to the dictionary default rather than fitted to this data.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::PathBuf;

use diming::domain::romanization::*;

fn load_csv() -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let gz = root.join("data/geonames-cn-places.csv.gz");
    let plain = root.join("../shared/data/geonames-cn-places.csv");
    let mut text = String::new();
    if gz.exists() {
        let file = std::fs::File::open(&gz).expect("open gz");
        flate2::read::GzDecoder::new(file)
            .read_to_string(&mut text)
            .expect("read gz");
    } else {
        text = std::fs::read_to_string(&plain)
            .unwrap_or_else(|e| panic!("neither {gz:?} nor {plain:?} readable: {e}"));
    }
    text
}

fn normalise(s: &str) -> String {
    s.replace('’', "'")
}

/// "Xxxx Yyy" with a capitalised one-word specific.
fn specific_word_ok(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c == '\'' || (c.is_alphabetic() && !c.is_uppercase()))
}

#[test]
fn agreement_with_geonames() {
    let text = load_csv();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut eligible = 0usize;
    let mut agreed = 0usize;
    let mut several = 0usize;
    let mut skipped_ambiguous = 0usize;
    let mut disagreements = Vec::new();

    for record in reader.records() {
        let record = record.expect("csv record");
        let hans: Vec<&str> = record[2].split('|').filter(|s| !s.is_empty()).collect();
        let latins: Vec<String> = record[3]
            .split('|')
            .filter(|s| !s.is_empty())
            .map(normalise)
            .collect();
        let split: Vec<(&str, &str, String)> = hans
            .iter()
            .filter_map(|h| match split_generic(h) {
                (spec, Some(gen)) if !spec.is_empty() => {
                    let gen_roman = romanize_parts("", Some(gen), NameForm::Standard).text;
                    Some((*h, gen, gen_roman))
                }
                _ => None,
            })
            .collect();
        for (han, gen, gen_roman) in &split {
            let candidates: BTreeSet<&str> = latins
                .iter()
                .filter(|l| match l.split(' ').collect::<Vec<_>>()[..] {
                    [spec, last] => last == gen_roman && specific_word_ok(spec),
                    _ => false,
                })
                .map(String::as_str)
                .collect();
            if candidates.is_empty() {
                continue;
            }
            // Two Han names with the same generic in one row: which latin
            // form belongs to which is unknown, so leave the row out.
            if split.iter().filter(|(_, g, _)| g == gen).count() > 1 {
                skipped_ambiguous += 1;
                continue;
            }
            eligible += 1;
            if candidates.len() > 1 {
                several += 1;
            }
            let ours = normalise(&romanize(han).text);
            if candidates.contains(ours.as_str()) {
                agreed += 1;
            } else {
                let expected: Vec<&str> = candidates.into_iter().collect();
                disagreements.push((han.to_string(), expected.join(" / "), ours));
            }
        }
    }

    let rate = agreed as f64 / eligible.max(1) as f64;
    println!("eligible pairs: {eligible}");
    println!("agreed:         {agreed}");
    println!("rate:           {rate:.4}");
    println!("with several official-looking forms: {several}; skipped ambiguous rows: {skipped_ambiguous}");
    for (han, expected, ours) in disagreements.iter().take(40) {
        println!("  {han}\texpected {expected}\tours {ours}");
    }
    if std::env::var_os("ROMAN_ALL").is_some() {
        for (han, expected, ours) in &disagreements {
            println!("ALL\t{han}\t{expected}\t{ours}");
        }
    }
    assert!(eligible > 1000, "too few eligible pairs: {eligible}");
    assert!(rate >= 0.95, "agreement {rate:.4} below 0.95");
}
