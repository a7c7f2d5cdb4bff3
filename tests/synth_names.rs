//! `synth::names` against the real NBS data: determinism, counts, coverage.

use std::collections::{BTreeSet, HashSet};
use std::path::Path;
use std::sync::OnceLock;

use diming::synth::names::{generate, Category, NameModel, NameSpec, SyntheticName};

fn model() -> &'static NameModel {
    static MODEL: OnceLock<NameModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/nbs-2023");
        NameModel::learn(&dir).expect("learn the name model from data/nbs-2023")
    })
}

fn spec(county: &str, count: usize) -> NameSpec {
    NameSpec {
        county_code: county.to_string(),
        province_code: county[..2].to_string(),
        count,
    }
}

/// A city district, rural counties in several regions, a minority area.
const COUNTIES: &[&str] = &["110105", "370323", "440183", "520326", "230124", "540121"];

#[test]
fn same_seed_same_names_and_counties_are_independent() {
    let m = model();
    let a: Vec<SyntheticName> = generate(m, &spec("370323", 500), 7).collect();
    // Generating another county in between must not change anything.
    let _: Vec<SyntheticName> = generate(m, &spec("440183", 300), 7).collect();
    let b: Vec<SyntheticName> = generate(m, &spec("370323", 500), 7).collect();
    assert_eq!(a, b);
    let c: Vec<SyntheticName> = generate(m, &spec("370323", 500), 8).collect();
    assert_ne!(a, c, "another seed gives other names");
    let d: Vec<SyntheticName> = generate(m, &spec("370324", 500), 7).collect();
    assert_ne!(
        a.iter().map(|n| &n.standard_name).collect::<Vec<_>>(),
        d.iter().map(|n| &n.standard_name).collect::<Vec<_>>()
    );
    // A shorter run is a prefix of a longer one.
    let short: Vec<SyntheticName> = generate(m, &spec("370323", 100), 7).collect();
    assert_eq!(short[..], a[..100]);
}

#[test]
fn counts_fields_and_category_coverage() {
    let m = model();
    let kinds: HashSet<&str> = [
        "natural_feature",
        "administrative_division",
        "committee_seat",
        "park_or_protected_area",
        "street",
        "estate_or_building",
        "facility",
        "other",
    ]
    .into();
    let mut codes = BTreeSet::new();
    let (mut total, mut renamed) = (0usize, 0usize);
    for county in COUNTIES {
        let names = generate(m, &spec(county, 3000), 1);
        assert_eq!(names.size_hint(), (3000, Some(3000)));
        let names: Vec<SyntheticName> = names.collect();
        assert_eq!(names.len(), 3000, "{county}");
        for (i, n) in names.iter().enumerate() {
            assert_eq!(n.seq, i as u64);
            assert_eq!(n.source, "synthetic");
            let full = format!("{}{}", n.specific, n.generic.as_deref().unwrap_or(""));
            assert_eq!(n.standard_name, full);
            assert!(!n.specific.is_empty(), "{n:?}");
            // Capitalised, or an Arabic ordinal (二巷 → "2 Xiang").
            let first = n.roman.chars().next();
            assert!(
                first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
                "{n:?}"
            );
            assert!(
                !n.roman
                    .contains(|c: char| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{n:?}"
            );
            assert_eq!(n.category_code.len(), 5);
            assert!(kinds.contains(n.regulated_kind), "{n:?}");
            assert!(
                n.meaning.ends_with('。') && n.origin.ends_with('。'),
                "{n:?}"
            );
            if let Some((old, date)) = &n.historical {
                renamed += 1;
                assert_ne!(old, &n.standard_name);
                assert_eq!(date.len(), 10, "{date}");
                assert!(n.origin.contains(old.as_str()), "{n:?}");
            }
            codes.insert(n.category_code);
        }
        total += names.len();
    }
    let all: BTreeSet<&str> = Category::ALL.iter().map(|c| c.info().code).collect();
    assert_eq!(codes, all, "every category appears");
    let share = renamed as f64 / total as f64;
    assert!((0.01..0.035).contains(&share), "renamed share {share}");
}

#[test]
fn streets_unique_in_county_and_regional_flavour() {
    let m = model();
    let streets: Vec<String> = generate(m, &spec("110105", 4000), 3)
        .filter(|n| n.category_code == "21800")
        .map(|n| n.standard_name)
        .collect();
    let distinct: HashSet<&String> = streets.iter().collect();
    assert!(streets.len() > 500);
    assert!(distinct.len() as f64 > 0.99 * streets.len() as f64);
    assert!(
        streets.iter().any(|s| s.ends_with("胡同")),
        "Beijing has 胡同"
    );
    let villages: Vec<String> = generate(m, &spec("370323", 4000), 3)
        .filter(|n| n.category_code == "22200")
        .map(|n| n.standard_name)
        .collect();
    let zhuang = villages.iter().filter(|v| v.ends_with('庄')).count();
    assert!(
        zhuang * 10 > villages.len(),
        "山东 villages are often 庄: {zhuang}/{}",
        villages.len()
    );
}

#[test]
fn unknown_county_uses_its_province() {
    let m = model();
    let names: Vec<SyntheticName> = generate(m, &spec("379999", 50), 1).collect();
    assert_eq!(names.len(), 50);
}
