//! Division lookups on the full real code set (665,276 NBS 2023 units): building the
//! snapshot, and code lookup with its five-level chain.
//!
//!     cargo bench --bench divisions

use std::hint::black_box;
use std::path::Path;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use diming::domain::{
    CodeRecord, CodeSystem, Division, DivisionCode, DivisionId, DivisionKind, Level, Source,
    Validity,
};
use diming::engine::{Snapshot, SnapshotParts};
use diming::ingest::nbs;

fn divisions() -> Vec<Division> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/nbs-2023");
    let mut ids = std::collections::HashMap::new();
    let mut out = Vec::new();
    for level in Level::ALL {
        for u in nbs::read_level(&dir, level).expect("bundle") {
            let id = DivisionId(out.len() as i64 + 1);
            ids.insert(u.code.clone(), id);
            out.push(Division {
                id,
                level,
                parent: u.code.parent().and_then(|p| ids.get(&p).copied()),
                kind: DivisionKind::classify(&u.code, &u.name),
                codes: vec![CodeRecord {
                    code: u.code.clone(),
                    system: CodeSystem::NbsStat,
                    vintage: "2023".into(),
                    validity: Validity::current(),
                }],
                code: u.code,
                name: u.name,
                urban_rural: None,
                validity: Validity::current(),
                source: Source::Real,
                geometry: None,
                geometry_source: None,
            });
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let all = divisions();
    let codes: Vec<DivisionCode> = all.iter().step_by(97).map(|d| d.code.clone()).collect();
    let mut g = c.benchmark_group("snapshot");
    g.sample_size(10);
    g.bench_function("build 665k divisions", |b| {
        b.iter(|| Snapshot::build(1, SnapshotParts::divisions(black_box(all.clone()))))
    });
    g.finish();
    let snap = Snapshot::build(1, SnapshotParts::divisions(all));
    let date = NaiveDate::from_ymd_opt(2024, 1, 1).expect("date");
    let mut i = 0;
    c.bench_function("code lookup + chain", |b| {
        b.iter(|| {
            i = (i + 1) % codes.len();
            let idx = snap
                .by_code(black_box(&codes[i]), date)
                .expect("known code");
            black_box(snap.ancestors(idx))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
