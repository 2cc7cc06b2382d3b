//! Command-line parsing: raw arguments become a validated [`Command`].

use std::path::PathBuf;

pub const HELP: &str = "\
cargo xtask <command> [options]

Commands:
  build-report   Build the report site from a folder of articles.
      --articles DIR    articles to read (.txt, .md) [default: fixtures/articles]
      --out DIR         where the site goes [default: site]
      --templates DIR   templates overriding the built-in ones (same file names)
      --gazetteer FILE  extra places (tab-separated, see crates/extract/data/README.md)
      --parties FILE    extra actors and claimants (see crates/extract/data/parties.tsv)
      --title TEXT      site title [default: Casualty Ledger]
  bench          Measure throughput (MB/s) of ingestion and extraction, and reconcile time.
      --corpus DIR      articles to repeat into the benchmark text [default: fixtures/articles]
      --mb N            megabytes of article text [default: 50]
      --reconcile N     synthetic claims to reconcile (0 to skip) [default: 1000000]
  help           Show this text.";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildOptions {
    pub articles: PathBuf,
    pub out: PathBuf,
    pub templates: Option<PathBuf>,
    pub gazetteer: Option<PathBuf>,
    pub parties: Option<PathBuf>,
    pub title: String,
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
    Bench(BenchOptions),
    Help,
}

impl Command {
    pub fn parse(args: &[String]) -> Result<Command, String> {
        let Some((command, rest)) = args.split_first() else {
            return Ok(Command::Help);
        };
        match command.as_str() {
            "help" | "--help" | "-h" => Ok(Command::Help),
            "build-report" => {
                let mut opts = BuildOptions {
                    articles: PathBuf::from("fixtures/articles"),
                    out: PathBuf::from("site"),
                    templates: None,
                    gazetteer: None,
                    parties: None,
                    title: "Casualty Ledger".to_string(),
                };
                let mut it = rest.iter();
                while let Some(flag) = it.next() {
                    let (name, inline) = match flag.split_once('=') {
                        Some((n, v)) => (n, Some(v.to_string())),
                        None => (flag.as_str(), None),
                    };
                    let mut value = || {
                        inline
                            .clone()
                            .or_else(|| it.next().cloned())
                            .ok_or_else(|| format!("{name} needs a value"))
                    };
                    match name {
                        "--articles" => opts.articles = PathBuf::from(value()?),
                        "--out" => opts.out = PathBuf::from(value()?),
                        "--templates" => opts.templates = Some(PathBuf::from(value()?)),
                        "--gazetteer" => opts.gazetteer = Some(PathBuf::from(value()?)),
                        "--parties" => opts.parties = Some(PathBuf::from(value()?)),
                        "--title" => opts.title = value()?,
                        other => return Err(format!("unknown option {other}")),
                    }
                }
                Ok(Command::BuildReport(opts))
            }
            "bench" => {
                let mut opts = BenchOptions {
                    corpus: PathBuf::from("fixtures/articles"),
                    mb: 50,
                    reconcile_claims: 1_000_000,
                };
                let mut it = rest.iter();
                while let Some(flag) = it.next() {
                    let mut value = || {
                        it.next()
                            .cloned()
                            .ok_or_else(|| format!("{flag} needs a value"))
                    };
                    let number = |v: String| {
                        v.parse::<usize>()
                            .map_err(|_| format!("{flag} takes a whole number, not {v}"))
                    };
                    match flag.as_str() {
                        "--corpus" => opts.corpus = PathBuf::from(value()?),
                        "--mb" => opts.mb = number(value()?)?,
                        "--reconcile" => opts.reconcile_claims = number(value()?)?,
                        other => return Err(format!("unknown option {other}")),
                    }
                }
                Ok(Command::Bench(opts))
            }
            other => Err(format!("unknown command {other}")),
        }
    }
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
    }
}
