//! End-to-end tests of `cargo xtask build-report`: the real binary on fixture
//! folders, checking what a user finds in the output folder.

mod common;

use common::{build, column, csv_rows, scratch, workspace_root};
use std::fs;
use std::path::Path;
use std::process::Command;

#[test]
fn default_corpus_builds_every_page_and_export() {
    let out = scratch("default").join("site");
    let result = build(&workspace_root().join("fixtures/articles"), &out);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    for file in [
        "index.html",
        "report.md",
        "data/articles.csv",
        "data/claims.csv",
        "data/claims.jsonl",
        "data/incidents.csv",
        "data/incidents.json",
    ] {
        assert!(out.join(file).is_file(), "missing {file}");
    }
    let claims = csv_rows(&out.join("data/claims.csv"));
    for required in [
        "id",
        "article",
        "sentence",
        "count_min",
        "count_max",
        "qualifier",
        "measure",
        "victims",
        "place",
        "country",
        "lat",
        "lon",
        "date_start",
        "date_end",
        "scope",
        "actor",
        "claimant",
        "incident",
    ] {
        column(&claims, required);
    }
    assert!(claims.len() > 10, "only {} claims rows", claims.len() - 1);
    // Every claim's sentence is a real sentence of its article.
    let article = column(&claims, "article");
    let sentence = column(&claims, "sentence");
    for row in &claims[1..] {
        let text = fs::read_dir(workspace_root().join("fixtures/articles"))
            .expect("fixtures")
            .flatten()
            .find(|e| {
                e.path()
                    .file_stem()
                    .is_some_and(|s| s == row[article].as_str())
            })
            .map(|e| fs::read_to_string(e.path()).expect("read"))
            .expect("article file for claim");
        assert!(
            text.contains(&row[sentence]),
            "sentence not in article: {}",
            row[sentence]
        );
    }
    let articles = csv_rows(&out.join("data/articles.csv"));
    assert_eq!(articles.len() - 1, 4, "four seed articles listed");
    // No half-built folder is left beside the site.
    let leftovers: Vec<_> = fs::read_dir(out.parent().expect("parent"))
        .expect("list")
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.contains(".building-") || name.contains(".old-")
        })
        .collect();
    assert!(leftovers.is_empty(), "staging folders left: {leftovers:?}");
}

#[test]
fn bad_input_is_listed_with_its_problem_and_the_build_goes_on() {
    let out = scratch("bad").join("site");
    let input = workspace_root().join("xtask/tests/data/bad-input");
    let result = build(&input, &out);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    let articles = csv_rows(&out.join("data/articles.csv"));
    let file = column(&articles, "file");
    let status = column(&articles, "status");
    let status_of = |name: &str| -> String {
        articles[1..]
            .iter()
            .find(|r| r[file] == name)
            .map(|r| r[status].clone())
            .unwrap_or_else(|| panic!("{name} not listed in articles.csv"))
    };
    assert_eq!(status_of("empty.txt"), "skipped");
    assert_eq!(status_of("image.txt"), "skipped");
    assert_eq!(status_of("notes.pdf"), "skipped");
    assert_eq!(status_of("broken-front-matter.md"), "warning");
    assert_eq!(status_of("latin1.txt"), "warning");
    assert_eq!(status_of("good.md"), "ok");
    // One clear line per problem, naming the file.
    for name in [
        "empty.txt",
        "image.txt",
        "broken-front-matter.md",
        "latin1.txt",
        "notes.pdf",
    ] {
        assert!(
            stderr.lines().any(|l| l.starts_with(name)),
            "no message for {name}:\n{stderr}"
        );
    }
    // Readable files with problems are still extracted.
    let claims = csv_rows(&out.join("data/claims.csv"));
    let article = column(&claims, "article");
    for stem in ["broken-front-matter", "latin1", "good"] {
        assert!(
            claims[1..].iter().any(|r| r[article] == stem),
            "no claim from {stem}"
        );
    }
}

#[test]
fn a_missing_articles_folder_fails_with_a_clear_message() {
    let out = scratch("missing").join("site");
    let result = build(Path::new("no/such/folder"), &out);
    assert!(!result.status.success());
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("no/such/folder"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn a_users_own_places_and_parties_are_used() {
    let data = workspace_root().join("xtask/tests/data/user-data");
    let out = scratch("user-data").join("site");
    let result = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(workspace_root())
        .args(["build-report", "--articles"])
        .arg(data.join("articles"))
        .arg("--out")
        .arg(&out)
        .arg("--gazetteer")
        .arg(data.join("places.tsv"))
        .arg("--parties")
        .arg(data.join("parties.tsv"))
        .output()
        .expect("run xtask");
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let claims = csv_rows(&out.join("data/claims.csv"));
    let row = claims.get(1).expect("one claim");
    assert_eq!(row[column(&claims, "place")], "Qaryat al-Mithal");
    assert_eq!(row[column(&claims, "lat")], "35.9000");
    assert_eq!(row[column(&claims, "claimant")], "Mithal Watch");
    assert_eq!(row[column(&claims, "claimant_kind")], "monitor");
}
