//! Source-level promises the compiler cannot keep on its own.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source directory") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// sqlx 0.9 takes only `&'static str` as SQL unless a string is wrapped in
/// `AssertSqlSafe`; `raw_sql` runs whatever it is given. Neither may appear
/// in the service's code, so no SQL is ever built from input.
#[test]
fn the_service_only_runs_static_sql() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 20, "found the sources: {files:?}");
    let offenders: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let code = std::fs::read_to_string(path).expect("readable source");
            ["AssertSqlSafe", "raw_sql"]
                .iter()
                .find(|needle| code.contains(*needle))
                .map(|needle| format!("{} uses {needle}", path.display()))
        })
        .collect();
    assert!(offenders.is_empty(), "{offenders:?}");
}
