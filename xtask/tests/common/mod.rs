//! Helpers shared by the xtask integration tests: where the workspace is,
//! scratch folders, and running `build-report`.

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
