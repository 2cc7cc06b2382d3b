//! Rebuilds: the extraction cache, incremental writes, byte-identical output
//! whatever the thread count, and `watch`.

mod common;

use common::{scratch, workspace_root};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NEW_ARTICLE: &str = "---\ntitle: Shelling in Idlib\ndate: 2017-06-05\n---\n\n\
    At least 9 civilians were killed in shelling on Idlib on Sunday, the Syrian Observatory for Human Rights said.\n";

/// `build-report --articles A --out O [more...]`; the summary line on success.
fn build(articles: &Path, out: &Path, more: &[&str]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_xtask"));
    cmd.current_dir(workspace_root())
        .args(["build-report", "--articles"])
        .arg(articles)
        .arg("--out")
        .arg(out)
        .args(more);
    let output = cmd.output().expect("run xtask");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    stderr.lines().last().unwrap_or_default().to_owned()
}

fn copy_fixtures(to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(workspace_root().join("fixtures/articles")).expect("fixtures") {
        let entry = entry.expect("entry");
        fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
}

/// Every file under `dir` (relative path -> bytes).
fn files_under(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("under dir").to_path_buf();
                out.insert(rel, fs::read(&path).expect("read"));
            }
        }
    }
    out
}

/// The number before `label` in a summary line ("4 articles from cache").
fn count(summary: &str, label: &str) -> usize {
    let before = summary
        .find(label)
        .map(|at| &summary[..at])
        .unwrap_or_else(|| panic!("no {label} in {summary}"));
    before
        .split(|c: char| !c.is_ascii_digit())
        .rfind(|s| !s.is_empty())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count before {label} in {summary}"))
}

#[test]
fn a_rebuild_reads_only_new_articles_and_writes_only_changed_files() {
    let dir = scratch("rebuild");
    let articles = dir.join("articles");
    copy_fixtures(&articles);
    let out = dir.join("site");
    let n = fs::read_dir(&articles).expect("articles").count();

    let first = build(&articles, &out, &[]);
    assert_eq!(count(&first, "articles from cache"), 0, "{first}");
    assert!(first.contains("whole site swapped in"), "{first}");
    let before = files_under(&out);

    let same = build(&articles, &out, &[]);
    assert_eq!(count(&same, "articles from cache"), n, "{same}");
    assert_eq!(count(&same, "files written"), 0, "{same}");
    assert_eq!(
        files_under(&out),
        before,
        "nothing changed, nothing differs"
    );

    fs::write(articles.join("idlib.md"), NEW_ARTICLE).expect("write article");
    let added = build(&articles, &out, &[]);
    assert_eq!(count(&added, "articles from cache"), n, "{added}");
    assert!(!added.contains("whole site swapped in"), "{added}");
    let after = files_under(&out);
    assert!(after.contains_key(Path::new("articles/a-idlib.html")));
    let claims = String::from_utf8_lossy(&after[Path::new("data/claims.csv")]).into_owned();
    assert!(claims.contains("At least 9 civilians"), "{claims}");
    // Pages of other articles did not change, so they were not rewritten.
    let unchanged = before
        .iter()
        .filter(|(path, bytes)| {
            path.to_string_lossy().starts_with("articles/a-") && after.get(*path) == Some(bytes)
        })
        .count();
    assert!(unchanged >= n, "only {unchanged} article pages kept");
    // Exactly the files that are new or differ were written (the manifest
    // besides, which the count leaves out).
    let changed = after
        .iter()
        .filter(|(path, bytes)| before.get(*path) != Some(bytes))
        .filter(|(path, _)| !path.starts_with(".ledger-manifest"))
        .count();
    assert_eq!(count(&added, "files written"), changed, "{added}");
    assert!(changed < after.len() / 2, "{added}");

    // The same site as a build from nothing.
    let fresh = dir.join("fresh");
    build(&articles, &fresh, &["--no-cache"]);
    assert_eq!(files_under(&fresh), after);

    fs::remove_file(articles.join("idlib.md")).expect("remove article");
    let removed = build(&articles, &out, &[]);
    assert!(count(&removed, "removed") >= 1, "{removed}");
    assert!(!out.join("articles/a-idlib.html").exists());
    assert_eq!(files_under(&out), before);
}

#[cfg(unix)]
#[test]
fn a_linked_article_is_read_again_when_the_file_it_points_to_changes() {
    let dir = scratch("linked");
    let articles = dir.join("articles");
    fs::create_dir_all(&articles).expect("mkdir");
    let target = dir.join("stored.md");
    fs::write(&target, NEW_ARTICLE).expect("write article");
    std::os::unix::fs::symlink(&target, articles.join("idlib.md")).expect("symlink");
    // A linked folder is not an article.
    std::os::unix::fs::symlink(&dir, articles.join("folder")).expect("symlink");
    let out = dir.join("site");
    let first = build(&articles, &out, &[]);
    assert_eq!(count(&first, " articles,"), 1, "{first}");

    // The link itself is untouched: only what it points to changes.
    let changed = NEW_ARTICLE.replace("At least 9", "At least 12");
    fs::write(&target, changed).expect("rewrite article");
    let second = build(&articles, &out, &[]);
    assert_eq!(count(&second, "articles from cache"), 0, "{second}");
    let claims = fs::read_to_string(out.join("data/claims.csv")).expect("claims");
    assert!(claims.contains("At least 12 civilians"), "{claims}");

    // Pointed at another file of the same size and time: read again too.
    let other = dir.join("corrected.md");
    fs::write(&other, NEW_ARTICLE.replace("At least 9", "At least 11")).expect("write");
    let time = fs::metadata(&target)
        .and_then(|m| m.modified())
        .expect("mtime");
    fs::File::options()
        .write(true)
        .open(&other)
        .and_then(|f| f.set_modified(time))
        .expect("set mtime");
    fs::remove_file(articles.join("idlib.md")).expect("unlink");
    std::os::unix::fs::symlink(&other, articles.join("idlib.md")).expect("symlink");
    let third = build(&articles, &out, &[]);
    assert_eq!(count(&third, "articles from cache"), 0, "{third}");
    let claims = fs::read_to_string(out.join("data/claims.csv")).expect("claims");
    assert!(claims.contains("At least 11 civilians"), "{claims}");
}

#[cfg(unix)]
#[test]
fn a_pipe_named_like_an_article_is_listed_not_read() {
    let dir = scratch("pipe");
    let articles = dir.join("articles");
    fs::create_dir_all(&articles).expect("mkdir");
    fs::write(articles.join("idlib.md"), NEW_ARTICLE).expect("write article");
    let made = Command::new("mkfifo")
        .arg(articles.join("feed.txt"))
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("no mkfifo here; nothing to test");
        return;
    }
    let output = common::build(&articles, &dir.join("site"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("feed.txt: cannot read the file: not a regular file"),
        "{stderr}"
    );
    let summary = stderr.lines().last().unwrap_or_default();
    assert!(summary.contains("1 skipped: 1 unreadable"), "{summary}");
}

/// A short article about `town` on `date` (YYYY-MM-DD) with `n` killed.
fn strike(town: &str, date: &str, n: usize) -> String {
    format!(
        "---\ntitle: Strike on {town}\ndate: {date}\n---\n\n\
         At least {n} civilians were killed in an air strike on {town} on Sunday, \
         the Syrian Observatory for Human Rights said. Another {} people were injured.\n",
        n + 3
    )
}

/// Every file of a site but its manifest.
fn site_files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = files_under(dir);
    files.remove(Path::new(".ledger-manifest"));
    files
}

#[test]
fn rebuilds_over_a_changing_corpus_give_what_a_fresh_build_gives() {
    // Enough articles and days for several export chunks and a clustering
    // that is replayed up to a change in the middle of the dates.
    const TOWNS: [&str; 8] = [
        "Raqqa", "Idlib", "Aleppo", "Homs", "Hama", "Douma", "Manbij", "Daraa",
    ];
    let dir = scratch("changing-corpus");
    let articles = dir.join("articles");
    fs::create_dir_all(&articles).expect("mkdir");
    for i in 0..300 {
        let date = format!("2017-{:02}-{:02}", 1 + (i / 28) % 12, 1 + i % 28);
        let text = strike(TOWNS[i % TOWNS.len()], &date, 5 + i % 40);
        fs::write(articles.join(format!("a{i:03}.md")), text).expect("write");
    }
    let out = dir.join("site");
    build(&articles, &out, &[]);
    let check = |step: &str| {
        let fresh = dir.join(format!("fresh-{step}"));
        build(&articles, &fresh, &["--no-cache"]);
        assert!(site_files(&out) == site_files(&fresh), "{step}: differs");
    };
    // A new article in the middle of the dates, a changed one, a gone one.
    fs::write(articles.join("new.md"), strike("Homs", "2017-06-10", 12)).expect("write");
    fs::write(articles.join("a100.md"), strike("Idlib", "2017-04-17", 77)).expect("write");
    fs::remove_file(articles.join("a200.md")).expect("remove");
    let summary = build(&articles, &out, &[]);
    // Most of the site is as it was.
    assert!(
        count(&summary, "files written") * 5 < count(&summary, "unchanged"),
        "{summary}"
    );
    check("changed");
    // An export edited by hand is not trusted for its chunks.
    let claims_csv = out.join("data/claims.csv");
    let mut edited = fs::read(&claims_csv).expect("claims.csv");
    edited.splice(0..0, b"edited by hand\n".iter().copied());
    fs::write(&claims_csv, edited).expect("edit");
    fs::write(articles.join("latest.md"), strike("Raqqa", "2018-01-02", 3)).expect("write");
    build(&articles, &out, &[]);
    check("edited");
}

#[test]
fn a_broken_cache_or_manifest_means_a_full_build_not_a_failure() {
    let dir = scratch("broken-cache");
    let articles = dir.join("articles");
    copy_fixtures(&articles);
    let out = dir.join("site");
    build(&articles, &out, &[]);
    let shards: Vec<PathBuf> = fs::read_dir(dir.join(".site.cache"))
        .expect("the cache goes beside the site")
        .map(|e| e.expect("entry").path())
        .collect();
    assert!(!shards.is_empty());
    for shard in &shards {
        fs::write(shard, b"not a cache").expect("break cache");
    }
    fs::remove_file(out.join(".ledger-manifest")).expect("remove manifest");

    let output = common::build(&articles, &out);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains(".bin: cache unreadable"), "{stderr}");
    let summary = stderr.lines().last().unwrap_or_default();
    assert_eq!(count(summary, "articles from cache"), 0, "{summary}");
    assert!(summary.contains("whole site swapped in"), "{summary}");
}

#[test]
fn builds_are_byte_identical_whatever_the_thread_count() {
    let dir = scratch("threads");
    let articles = dir.join("articles");
    copy_fixtures(&articles);
    fs::write(articles.join("idlib.md"), NEW_ARTICLE).expect("write article");
    let mut sites = Vec::new();
    for threads in ["1", "2", "5"] {
        let out = dir.join(format!("site-{threads}"));
        let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
            .current_dir(workspace_root())
            .env("RAYON_NUM_THREADS", threads)
            .args(["build-report", "--no-cache", "--articles"])
            .arg(&articles)
            .arg("--out")
            .arg(&out)
            .output()
            .expect("run xtask");
        assert!(output.status.success());
        sites.push(files_under(&out));
    }
    assert!(sites[0].len() > 10);
    assert_eq!(sites[0], sites[1]);
    assert_eq!(sites[0], sites[2]);
}

#[test]
fn watch_rebuilds_when_an_article_is_added() {
    let dir = scratch("watch");
    let articles = dir.join("articles");
    copy_fixtures(&articles);
    let out = dir.join("site");
    let mut child = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(workspace_root())
        .args(["watch", "--max-builds", "2", "--articles"])
        .arg(&articles)
        .arg("--out")
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start watch");
    let deadline = Instant::now() + Duration::from_secs(60);
    while !out.join(".ledger-manifest").exists() {
        assert!(Instant::now() < deadline, "first build never finished");
        std::thread::sleep(Duration::from_millis(50));
    }
    // The watcher is set up before the first build starts. Reading an
    // article (as the build itself does) is no change.
    for entry in fs::read_dir(&articles).expect("list articles").flatten() {
        let _ = fs::read(entry.path());
    }
    fs::write(articles.join("idlib.md"), NEW_ARTICLE).expect("write article");
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success());
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("watch did not rebuild after a new article");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let stderr = child
        .stderr
        .take()
        .map(|mut s| {
            let mut text = String::new();
            let _ = std::io::Read::read_to_string(&mut s, &mut text);
            text
        })
        .unwrap_or_default();
    assert!(stderr.contains("changed:"), "{stderr}");
    // Only the new article changed: the reads brought no rebuild.
    assert!(
        stderr
            .lines()
            .filter(|l| l.starts_with("changed:"))
            .all(|l| l.ends_with("idlib.md")),
        "{stderr}"
    );
    assert!(out.join("articles/a-idlib.html").exists(), "{stderr}");
}
