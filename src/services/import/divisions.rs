//! NBS code lists → divisions with stable ids, parents and code records.

use std::collections::HashMap;

use crate::domain::{
    division_key, CodeRecord, CodeSystem, Division, DivisionCode, DivisionId, DivisionKind, Level,
    Source, Validity,
};
use crate::ingest::bundle::NBS_VINTAGE;
use crate::ingest::nbs::NbsUnit;

use super::ids::IdAllocator;
use super::ImportError;

/// Builds divisions from the units of each level (top level first). Every unit's parent
/// code must be present one level up.
pub fn build(
    levels: Vec<(Level, Vec<NbsUnit>)>,
    ids: &mut IdAllocator<String, DivisionId>,
) -> Result<Vec<Division>, ImportError> {
    let mut by_code: HashMap<DivisionCode, DivisionId> = HashMap::new();
    let mut out = Vec::new();
    for (level, units) in levels {
        for u in units {
            let parent = match u.code.parent() {
                None => None,
                Some(pc) => Some(*by_code.get(&pc).ok_or_else(|| ImportError::Invalid {
                    what: format!(
                        "{} {} ({}): parent code {} is not in the {} list",
                        level.name_en(),
                        u.code,
                        u.name,
                        pc,
                        pc.level().name_en()
                    ),
                })?),
            };
            if by_code.contains_key(&u.code) {
                return Err(ImportError::Invalid {
                    what: format!("code {} ({}) appears twice", u.code, u.name),
                });
            }
            let id = ids.id(division_key(CodeSystem::NbsStat, &u.code), DivisionId);
            by_code.insert(u.code.clone(), id);
            out.push(Division {
                id,
                level,
                kind: DivisionKind::classify(&u.code, &u.name),
                codes: vec![CodeRecord {
                    code: u.code.clone(),
                    system: CodeSystem::NbsStat,
                    vintage: NBS_VINTAGE.to_string(),
                    validity: Validity::current(),
                }],
                code: u.code,
                name: u.name,
                parent,
                urban_rural: None,
                validity: Validity::current(),
                source: Source::Real,
                geometry: None,
                geometry_source: None,
            });
        }
    }
    Ok(out)
}
