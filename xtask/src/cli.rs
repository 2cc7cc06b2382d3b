//! Command-line parsing: raw arguments become a validated [`Command`].

use std::path::PathBuf;

pub const HELP: &str = "\
cargo xtask <command> [options]

Commands:
  build-report   Build the report site from a folder of articles.
      --articles DIR    articles to read (.txt, .md, .html) [default: fixtures/articles]
      --out DIR         where the site goes [default: site]
      --templates DIR   templates overriding the built-in ones (same file names)
      --gazetteer FILE  extra places (tab-separated, see crates/extract/data/README.md)
      --parties FILE    extra actors and claimants (see crates/extract/data/parties.tsv)
      --title TEXT      site title [default: Casualty Ledger]
      --cache DIR       extraction cache [default: .<out name>.cache beside the out folder]
      --no-cache        extract every article again and keep no cache
  watch          Build, then rebuild whenever a file in the articles folder changes.
      (the options of build-report)
      --max-builds N    stop after N builds (for scripts and tests)
  bench          Measure throughput (MB/s) of ingestion and extraction, and reconcile time.
      --corpus DIR      articles to repeat into the benchmark text [default: fixtures/articles]
      --mb N            megabytes of article text [default: 50]
      --reconcile N     synthetic claims to reconcile (0 to skip) [default: 1000000]
  bench-build    Time build-report end to end on a generated corpus: a cold build, a
                 rebuild with nothing changed, and a rebuild after one new article.
      --corpus DIR      real articles the generated ones are made from [default: fixtures/articles]
      --articles N      articles to generate [default: 20000]
      --kb N            kilobytes of text per article, about [default: 2]
      --work DIR        where the corpus and sites go [default: target/bench-build]
  help           Show this text.";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildOptions {
    pub articles: PathBuf,
    pub out: PathBuf,
    pub templates: Option<PathBuf>,
    pub gazetteer: Option<PathBuf>,
    pub parties: Option<PathBuf>,
    pub title: String,
    /// Where the extraction cache lives; None: no cache.
    pub cache: Option<PathBuf>,
}

impl BuildOptions {
    /// The default cache folder for an output folder: `.<name>.cache` beside it.
    pub fn default_cache(out: &std::path::Path) -> PathBuf {
        let name = out
            .file_name()
            .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
        out.with_file_name(format!(".{name}.cache"))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchBuildOptions {
    pub corpus: PathBuf,
    pub articles: usize,
    pub kb: usize,
    pub work: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchOptions {
    pub corpus: PathBuf,
    pub mb: usize,
    pub reconcile_claims: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    BuildReport(BuildOptions),
    /// Build options, and the number of builds after which to stop.
    Watch(BuildOptions, Option<usize>),
    Bench(BenchOptions),
    BenchBuild(BenchBuildOptions),
    Help,
}

impl Command {
    pub fn parse(args: &[String]) -> Result<Command, String> {
        let Some((command, rest)) = args.split_first() else {
            return Ok(Command::Help);
        };
        match command.as_str() {
            "help" | "--help" | "-h" => Ok(Command::Help),
            "build-report" | "watch" => {
                let mut opts = BuildOptions {
                    articles: PathBuf::from("fixtures/articles"),
                    out: PathBuf::from("site"),
                    templates: None,
                    gazetteer: None,
                    parties: None,
                    title: "Casualty Ledger".to_string(),
                    cache: None,
                };
                // None: --no-cache; Some(None): the default folder.
                let mut cache = Some(None);
                let mut max_builds = None;
                parse_flags(rest, |flag, value| {
                    match flag {
                        "--max-builds" if command == "watch" => {
                            max_builds = Some(number(flag, value()?)?);
                        }
                        "--articles" => opts.articles = PathBuf::from(value()?),
                        "--out" => opts.out = PathBuf::from(value()?),
                        "--templates" => opts.templates = Some(PathBuf::from(value()?)),
                        "--gazetteer" => opts.gazetteer = Some(PathBuf::from(value()?)),
                        "--parties" => opts.parties = Some(PathBuf::from(value()?)),
                        "--title" => opts.title = value()?,
                        "--cache" => cache = Some(Some(PathBuf::from(value()?))),
                        "--no-cache" => cache = None,
                        other => return Err(format!("unknown option {other}")),
                    }
                    Ok(())
                })?;
                opts.cache =
                    cache.map(|dir| dir.unwrap_or_else(|| BuildOptions::default_cache(&opts.out)));
                if command == "watch" {
                    Ok(Command::Watch(opts, max_builds))
                } else {
                    Ok(Command::BuildReport(opts))
                }
            }
            "bench" => {
                let mut opts = BenchOptions {
                    corpus: PathBuf::from("fixtures/articles"),
                    mb: 50,
                    reconcile_claims: 1_000_000,
                };
                parse_flags(rest, |flag, value| {
                    match flag {
                        "--corpus" => opts.corpus = PathBuf::from(value()?),
                        "--mb" => opts.mb = number(flag, value()?)?,
                        "--reconcile" => opts.reconcile_claims = number(flag, value()?)?,
                        other => return Err(format!("unknown option {other}")),
                    }
                    Ok(())
                })?;
                Ok(Command::Bench(opts))
            }
            "bench-build" => {
                let mut opts = BenchBuildOptions {
                    corpus: PathBuf::from("fixtures/articles"),
                    articles: 20_000,
                    kb: 2,
                    work: PathBuf::from("target/bench-build"),
                };
                parse_flags(rest, |flag, value| {
                    match flag {
                        "--corpus" => opts.corpus = PathBuf::from(value()?),
                        "--articles" => opts.articles = number(flag, value()?)?,
                        "--kb" => opts.kb = number(flag, value()?)?,
                        "--work" => opts.work = PathBuf::from(value()?),
                        other => return Err(format!("unknown option {other}")),
                    }
                    Ok(())
                })?;
                Ok(Command::BenchBuild(opts))
            }
            other => Err(format!("unknown command {other}")),
        }
    }
}

/// Walks `--flag value` and `--flag=value` arguments; `on_flag` gets each
/// flag's name and a function that takes its value.
fn parse_flags(
    args: &[String],
    mut on_flag: impl FnMut(&str, &mut dyn FnMut() -> Result<String, String>) -> Result<(), String>,
) -> Result<(), String> {
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (arg.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        on_flag(name, &mut value)?;
    }
    Ok(())
}

fn number(flag: &str, value: String) -> Result<usize, String> {
    value
        .parse::<usize>()
        .map_err(|_| format!("{flag} takes a whole number, not {value}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn defaults_and_flags() {
        let Ok(Command::BuildReport(o)) = Command::parse(&args("build-report")) else {
            panic!("expected build-report");
        };
        assert_eq!(o.articles, PathBuf::from("fixtures/articles"));
        assert_eq!(o.out, PathBuf::from("site"));
        let Ok(Command::BuildReport(o)) =
            Command::parse(&args("build-report --articles a --out=b"))
        else {
            panic!("expected build-report");
        };
        assert_eq!(
            (o.articles, o.out),
            (PathBuf::from("a"), PathBuf::from("b"))
        );
        assert!(Command::parse(&args("build-report --nope")).is_err());
        assert!(Command::parse(&args("build-report --out")).is_err());
        assert!(Command::parse(&args("frobnicate")).is_err());
        assert_eq!(o_cache("build-report"), Some(PathBuf::from(".site.cache")));
        assert_eq!(
            o_cache("build-report --out /tmp/x/dev"),
            Some(PathBuf::from("/tmp/x/.dev.cache"))
        );
        assert_eq!(o_cache("build-report --cache c"), Some(PathBuf::from("c")));
        assert_eq!(o_cache("build-report --no-cache"), None);
        assert!(matches!(
            Command::parse(&args("watch --out w --max-builds 2")),
            Ok(Command::Watch(_, Some(2)))
        ));
        assert!(matches!(
            Command::parse(&args("bench-build --articles 10 --kb 3")),
            Ok(Command::BenchBuild(BenchBuildOptions {
                articles: 10,
                kb: 3,
                ..
            }))
        ));
    }

    fn o_cache(line: &str) -> Option<PathBuf> {
        match Command::parse(&args(line)) {
            Ok(Command::BuildReport(o)) => o.cache,
            _ => panic!("expected build-report"),
        }
    }
}
