//! Reading the NBS 统计用区划代码 lists (gzip CSV with a header row).

use std::fmt;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use flate2::read::GzDecoder;

/// Failure to learn the name model from the NBS files.
#[derive(Debug)]
pub enum LearnError {
    /// A file could not be opened.
    Io(PathBuf, std::io::Error),
    /// A file is not the expected CSV.
    Csv(PathBuf, csv::Error),
    /// A required column is missing.
    Column(PathBuf, &'static str),
    /// The files held no usable names.
    Empty(PathBuf),
}

impl fmt::Display for LearnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LearnError::Io(p, e) => write!(f, "cannot open {}: {e}", p.display()),
            LearnError::Csv(p, e) => write!(f, "bad CSV in {}: {e}", p.display()),
            LearnError::Column(p, c) => write!(f, "{} has no column `{c}`", p.display()),
            LearnError::Empty(p) => write!(f, "no usable names under {}", p.display()),
        }
    }
}

impl std::error::Error for LearnError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LearnError::Io(_, e) => Some(e),
            LearnError::Csv(_, e) => Some(e),
            _ => None,
        }
    }
}

/// Visit the rows of `dir/file` (gzip CSV), passing the values of `columns`
/// in order. Rows missing a value are skipped.
pub fn for_each_row<const N: usize>(
    dir: &Path,
    file: &str,
    columns: [&'static str; N],
    mut visit: impl FnMut([&str; N]),
) -> Result<(), LearnError> {
    let path = dir.join(file);
    let f = File::open(&path).map_err(|e| LearnError::Io(path.clone(), e))?;
    let mut reader = csv::Reader::from_reader(GzDecoder::new(BufReader::new(f)));
    let headers = reader
        .headers()
        .map_err(|e| LearnError::Csv(path.clone(), e))?
        .clone();
    let mut idx = [0usize; N];
    for (slot, col) in idx.iter_mut().zip(columns) {
        *slot = headers
            .iter()
            .position(|h| h.trim() == col)
            .ok_or_else(|| LearnError::Column(path.clone(), col))?;
    }
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(LearnError::Csv(path, e)),
        }
        let mut values = [""; N];
        let mut complete = true;
        for (v, &i) in values.iter_mut().zip(&idx) {
            match record.get(i) {
                Some(s) if !s.trim().is_empty() => *v = s.trim(),
                _ => complete = false,
            }
        }
        if complete {
            visit(values);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn reads_selected_columns_and_reports_missing_ones() {
        let dir = std::env::temp_dir().join(format!("names-nbs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.csv.gz");
        let mut gz = flate2::write::GzEncoder::new(
            File::create(&path).unwrap(),
            flate2::Compression::fast(),
        );
        gz.write_all("code,name,x\n1,\"甲村\",a\n2,,b\n".as_bytes())
            .unwrap();
        gz.finish().unwrap();
        let mut rows = Vec::new();
        for_each_row(&dir, "t.csv.gz", ["name", "code"], |[n, c]| {
            rows.push((n.to_string(), c.to_string()))
        })
        .unwrap();
        assert_eq!(rows, vec![("甲村".to_string(), "1".to_string())]);
        let err = for_each_row(&dir, "t.csv.gz", ["nope"], |_| {}).unwrap_err();
        assert!(matches!(err, LearnError::Column(_, "nope")));
        assert!(for_each_row(&dir, "missing.csv.gz", ["a"], |_| {}).is_err());
        std::fs::remove_dir_all(&dir).ok();
    }
}
