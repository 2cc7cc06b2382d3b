//! Helpers shared by the xtask integration tests: where the workspace is,
//! scratch folders, running `build-report`, reading its CSV exports.

// Each test binary compiles this module and uses its own subset of it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// A fresh empty folder under the target directory, unique per test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = workspace_root()
        .join("target")
        .join("test-scratch")
        .join(format!("{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// Runs `cargo xtask build-report` (the built binary) on a folder.
pub fn build(articles: &Path, out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(workspace_root())
        .args(["build-report", "--articles"])
        .arg(articles)
        .arg("--out")
        .arg(out)
        .output()
        .expect("run xtask")
}

/// One CSV file: header row, then records.
pub fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let text = fs::read_to_string(path).expect("csv exists");
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let mut rows = vec![
        reader
            .headers()
            .expect("header")
            .iter()
            .map(String::from)
            .collect(),
    ];
    for record in reader.records() {
        rows.push(record.expect("row").iter().map(String::from).collect());
    }
    rows
}

/// The position of column `name` in the header row of `rows`.
pub fn column(rows: &[Vec<String>], name: &str) -> usize {
    rows[0]
        .iter()
        .position(|c| c == name)
        .unwrap_or_else(|| panic!("no column {name} in {:?}", rows[0]))
}
