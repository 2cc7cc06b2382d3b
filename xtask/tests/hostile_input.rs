//! `build-report` on a folder of hostile files: the committed bad inputs
//! (binary, empty, broken front matter, Latin-1, a PDF), small hostile
//! articles (`tests/data/hostile-input/`: a UTF-8 BOM, CRLF line endings,
//! right-to-left text with direction marks) and two generated giants (a 5 MB
//! line without a newline, a 100,000-digit number). The build must succeed,
//! name every problem file, list every file, and still find the claims of
//! every readable article, the same claims whatever the BOM or line endings.

mod common;

use common::{build, column, csv_rows, scratch, workspace_root};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::time::Instant;

/// What a claim says, without offsets or incident ids (which differ between
/// a file and its BOM-less or LF twin): sorted, one string per claim.
fn claims_of(rows: &[Vec<String>], article: &str) -> Vec<String> {
    let id = column(rows, "article");
    let fields = [
        "sentence",
        "count_min",
        "count_max",
        "qualifier",
        "measure",
        "victims",
        "place",
        "date_start",
        "date_end",
        "scope",
        "actor",
        "claimant",
    ]
    .map(|name| column(rows, name));
    let mut out: Vec<String> = rows[1..]
        .iter()
        .filter(|r| r[id] == article)
        .map(|r| fields.map(|f| r[f].as_str()).join(" | "))
        .collect();
    out.sort();
    out
}

const FIVE_MB: usize = 5 * 1024 * 1024;
const BIG_NUMBER_DIGITS: usize = 100_000;

/// A 5 MB line of news text: casualty sentences with counts cycling through a
/// few dozen values between sentences without any, and not one newline.
fn huge_line() -> String {
    let mut text = String::with_capacity(FIVE_MB + 512);
    let mut n = 0;
    while text.len() < FIVE_MB {
        let count = 3 + n % 40;
        text.push_str(&format!(
            "At least {count} civilians were killed in air strikes on Aleppo on Tuesday, \
             the Syrian Observatory for Human Rights said. Residents said the market \
             had been busy. The U.S.-led coalition denied involvement, and rescue \
             workers searched the rubble through the night. "
        ));
        n += 1;
    }
    text
}

/// "killed 1234…9 civilians" with a 100,000-digit count, then a normal claim.
fn long_number() -> String {
    let digits: String = "1234567890"
        .chars()
        .cycle()
        .take(BIG_NUMBER_DIGITS - 1)
        .chain(['9'])
        .collect();
    format!(
        "Militants killed {digits} civilians, a post claimed.\n\n\
         At least 7 people were killed in shelling on Homs on Sunday, state TV said.\n"
    )
}

#[test]
fn hostile_files_are_read_listed_and_extracted() {
    let dir = scratch("hostile");
    let bad = workspace_root().join("xtask/tests/data/bad-input");
    let hostile = workspace_root().join("xtask/tests/data/hostile-input");
    for source in [&bad, &hostile] {
        for entry in fs::read_dir(source).expect("fixture folder").flatten() {
            fs::copy(entry.path(), dir.join(entry.file_name())).expect("copy fixture");
        }
    }
    // Git may normalise line endings or a BOM away: make sure they are there,
    // and keep the plain twins to compare with.
    let bom = fs::read_to_string(hostile.join("bom.txt")).expect("bom.txt");
    let bom_plain = bom.trim_start_matches('\u{feff}').to_string();
    fs::write(dir.join("bom.txt"), format!("\u{feff}{bom_plain}")).expect("write");
    let crlf = fs::read_to_string(hostile.join("crlf.md")).expect("crlf.md");
    let crlf_plain = crlf.replace("\r\n", "\n");
    fs::write(dir.join("crlf.md"), crlf_plain.replace('\n', "\r\n")).expect("write");
    let huge = huge_line();
    assert!(huge.len() >= FIVE_MB && !huge.contains('\n'));
    fs::write(dir.join("huge-line.txt"), &huge).expect("write");
    fs::write(dir.join("long-number.txt"), long_number()).expect("write");

    let out = dir.join("site");
    let started = Instant::now();
    let result = build(&dir, &out);
    let seconds = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "build failed:\n{stderr}");
    // Printed for a person reading the test log; speed is never asserted.
    println!("build-report on the hostile folder took {seconds:.2} s");

    // Every input file is listed, with the status it deserves.
    let inputs: BTreeSet<String> = fs::read_dir(&dir)
        .expect("list")
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    let articles = csv_rows(&out.join("data/articles.csv"));
    let (file, status, problems) = (
        column(&articles, "file"),
        column(&articles, "status"),
        column(&articles, "problems"),
    );
    let listed: BTreeSet<String> = articles[1..].iter().map(|r| r[file].clone()).collect();
    assert_eq!(listed, inputs, "articles.csv must list every input file");
    let status_of = |name: &str| -> &str {
        articles[1..]
            .iter()
            .find(|r| r[file] == name)
            .map(|r| r[status].as_str())
            .unwrap_or_else(|| panic!("{name} not listed in articles.csv"))
    };
    for (name, expected) in [
        ("empty.txt", "skipped"),
        ("image.txt", "skipped"),
        ("notes.pdf", "skipped"),
        ("broken-front-matter.md", "warning"),
        ("latin1.txt", "warning"),
        ("good.md", "ok"),
        ("bom.txt", "ok"),
        ("crlf.md", "ok"),
        ("rtl.txt", "ok"),
        ("huge-line.txt", "ok"),
        ("long-number.txt", "ok"),
    ] {
        assert_eq!(status_of(name), expected, "status of {name}");
    }

    // Every file with a problem is named on stderr, one line per problem.
    let problem_files: Vec<&str> = articles[1..]
        .iter()
        .filter(|r| !r[problems].is_empty() || r[status] != "ok")
        .map(|r| r[file].as_str())
        .collect();
    for name in [
        "empty.txt",
        "image.txt",
        "notes.pdf",
        "broken-front-matter.md",
        "latin1.txt",
    ] {
        assert!(
            problem_files.contains(&name),
            "{name} has no problem listed"
        );
    }
    for name in &problem_files {
        assert!(
            stderr.lines().any(|l| l.starts_with(name)),
            "no message for {name}:\n{stderr}"
        );
    }

    // Claims are still found in every readable article, and each claim's
    // sentence is a real sentence of its file.
    let claims = csv_rows(&out.join("data/claims.csv"));
    let (article, sentence, count_min) = (
        column(&claims, "article"),
        column(&claims, "sentence"),
        column(&claims, "count_min"),
    );
    for stem in [
        "good",
        "broken-front-matter",
        "latin1",
        "bom",
        "crlf",
        "rtl",
        "huge-line",
        "long-number",
    ] {
        assert!(
            claims[1..].iter().any(|r| r[article] == stem),
            "no claim from {stem}"
        );
    }
    for row in &claims[1..] {
        let Some(name) = inputs.iter().find(|n| {
            Path::new(n)
                .file_stem()
                .is_some_and(|s| s == row[article].as_str())
        }) else {
            panic!("claim of an unknown article {}", row[article]);
        };
        if row[article] == "latin1" {
            continue; // read as Windows-1252: not the file's bytes
        }
        let text = fs::read_to_string(dir.join(name)).expect("read input");
        assert!(
            text.contains(&row[sentence]),
            "{name}: sentence not in the file: {}",
            row[sentence]
        );
    }
    let rtl_claims = claims_of(&claims, "rtl");
    assert!(
        rtl_claims
            .iter()
            .any(|c| c.contains("At least 14 civilians")),
        "{rtl_claims:#?}"
    );
    // The 100,000-digit count is no count; the normal sentence still is.
    let long: Vec<&Vec<String>> = claims[1..]
        .iter()
        .filter(|r| r[article] == "long-number")
        .collect();
    assert!(
        long.iter()
            .all(|r| r[sentence].len() < 1_000 && r[count_min] == "7"),
        "{:?}",
        long.iter().map(|r| &r[sentence]).collect::<Vec<_>>()
    );
    let huge_claims = claims_of(&claims, "huge-line");
    assert!(
        huge_claims
            .iter()
            .any(|c| c.contains("At least 3 civilians"))
            && huge_claims
                .iter()
                .any(|c| c.contains("At least 42 civilians")),
        "{} claims from huge-line",
        huge_claims.len()
    );

    // A BOM or CRLF line endings change nothing: the plain twins, built
    // alone, give the same claims.
    let plain = scratch("hostile-plain");
    fs::write(plain.join("bom.txt"), &bom_plain).expect("write");
    fs::write(plain.join("crlf.md"), &crlf_plain).expect("write");
    let plain_out = plain.join("site");
    let result = build(&plain, &plain_out);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let plain_claims = csv_rows(&plain_out.join("data/claims.csv"));
    for stem in ["bom", "crlf"] {
        let hostile = claims_of(&claims, stem);
        assert!(!hostile.is_empty(), "no claim from {stem}");
        assert_eq!(
            hostile,
            claims_of(&plain_claims, stem),
            "{stem}: claims differ from the plain version's"
        );
    }

    // Passed: the 5 MB of scratch files are not worth keeping.
    let _ = fs::remove_dir_all(&dir);
    let _ = fs::remove_dir_all(&plain);
}
