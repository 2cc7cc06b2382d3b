//! The `report` stage: a [`ledger_types::Ledger`] becomes the files of a static
//! site, a Markdown report and data exports, all in memory (the caller writes
//! them to disk).
//!
//! Output is deterministic: the same ledger gives byte-identical files, in
//! path order. Templates are embedded and can be overridden by name (see
//! [`template_names`]); `.html` templates auto-escape everything they print.

mod chunks;
mod columns;
mod escape;
mod exports;
mod figures;
mod index;
mod links;
mod pages;
mod svg;
mod templates;
mod text;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::OnceLock;

use ledger_types::{Article, Date, Incident, Ledger, MethodNotes};

pub use columns::{
    ARTICLES_CSV_COLUMNS, ARTICLES_CSV_DOCS, CLAIMS_CSV_COLUMNS, CLAIMS_CSV_DOCS,
    INCIDENTS_CSV_COLUMNS, INCIDENTS_CSV_DOCS, OTHER_EXPORTS,
};

use crate::chunks::{Chunked, Chunks};
use crate::index::LedgerIndex;
use crate::pages::{Frame, Linker, Nav};
use crate::templates::value;
use xxhash_rust::xxh3::Xxh3;

/// One rendered file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative, `/`-separated, e.g. `incidents/inc-3fa2.html`.
    pub path: String,
    pub bytes: Vec<u8>,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// What to render besides the ledger.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Site title; "Casualty Ledger" when empty.
    pub title: String,
    /// Template name -> source, from a user's templates folder. A name from
    /// [`template_names`] replaces that template; other names are added, so
    /// overrides can include their own partials.
    pub template_overrides: BTreeMap<String, String>,
    /// The rules the stages applied, for the method page.
    pub method: MethodNotes,
    /// Identifies the program that renders (the xtask passes a hash of its own
    /// binary). It is part of every fingerprint: the code that builds views
    /// and exports makes a file as much as the data does, and the crate's
    /// version number does not change with every edit of that code.
    pub renderer: u64,
}

/// Why rendering failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportError {
    /// A template (usually a user's override) does not compile or fails to render.
    Template { name: String, message: String },
    /// A data export could not be written.
    Export(String),
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReportError::Template { name, message } => write!(f, "template {name}: {message}"),
            ReportError::Export(message) => write!(f, "data export: {message}"),
        }
    }
}

impl std::error::Error for ReportError {}

/// The embedded templates a user may override, by name.
pub fn template_names() -> &'static [&'static str] {
    templates::NAMES
}

/// The embedded source of template `name`, for users who want to start an
/// override from it.
pub fn template_source(name: &str) -> Option<&'static str> {
    templates::embedded_source(name)
}

/// Renders the whole site: `index.html`, `style.css`, `site.js`, `search.js`,
/// `incidents/*.html` (a page per incident and per month), `articles/*.html`
/// (likewise), `method.html`, `codebook.html`, `report.md` and `data/*`.
/// Files come back sorted by path; an id that appears twice gives one page.
pub fn render(ledger: &Ledger, options: &RenderOptions) -> Result<Vec<OutputFile>, ReportError> {
    let site = Site::new(ledger, options)?;
    let mut files = Vec::new();
    for part in site.parts() {
        files.extend(site.render(part)?);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// What one [`SitePart`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PartKind {
    /// One file under `data/`.
    Data,
    Index,
    Style,
    /// `site.js`, the pages' controls.
    Script,
    /// `search.js`, the overview's search index.
    Search,
    ArticlesIndex,
    Method,
    Codebook,
    ReportMd,
    /// Position in `ledger.incidents`.
    Incident(usize),
    /// Position in `ledger.articles`.
    Article(usize),
    /// Position in the index's incident months.
    IncidentMonth(usize),
    /// Position in the index's article months.
    ArticleMonth(usize),
}

/// One unit of the site that renders on its own: a page or a data file.
/// Parts render independently, so a caller may render them in parallel or
/// skip those whose [`Site::fingerprint`] did not change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitePart {
    /// The path of the part's file.
    pub path: String,
    kind: PartKind,
}

/// A ledger ready to render part by part.
#[derive(Debug)]
pub struct Site<'a> {
    env: minijinja::Environment<'static>,
    index: LedgerIndex<'a>,
    options: &'a RenderOptions,
    title: &'a str,
    parts: Vec<SitePart>,
    /// Hash of what every page depends on besides its own view: this crate's
    /// version, the templates, the site title.
    settings: u64,
    /// Hash of the whole ledger, which the overview and the small data
    /// exports are made from; computed on first need, once for all of them.
    ledger_hash: OnceLock<Result<u64, ReportError>>,
    /// The chunked files' chunks (the large exports, the search index).
    chunks: Chunks<'a>,
    /// The navigation of pages at the root and one folder down, made on
    /// first need.
    navs: [OnceLock<Nav>; 2],
}

impl<'a> Site<'a> {
    pub fn new(ledger: &'a Ledger, options: &'a RenderOptions) -> Result<Site<'a>, ReportError> {
        let env = templates::environment(options)?;
        let title = if options.title.trim().is_empty() {
            "Casualty Ledger"
        } else {
            options.title.as_str()
        };
        let index = LedgerIndex::new(ledger);
        let data = exports::DATA_FILES
            .iter()
            .map(|path| (*path, PartKind::Data));
        let mut parts: Vec<SitePart> = data
            .chain([
                (links::INDEX, PartKind::Index),
                (links::STYLE, PartKind::Style),
                (links::SITE_JS, PartKind::Script),
                (links::SEARCH_JS, PartKind::Search),
                (links::ARTICLES_INDEX, PartKind::ArticlesIndex),
                (links::METHOD, PartKind::Method),
                (links::CODEBOOK, PartKind::Codebook),
                (links::REPORT_MD, PartKind::ReportMd),
            ])
            .map(|(path, kind)| SitePart {
                path: path.to_owned(),
                kind,
            })
            .collect();
        let mut seen = BTreeSet::new();
        let incidents = ledger.incidents.iter().enumerate();
        let articles = ledger.articles.iter().enumerate();
        let incident_months = index.incident_months.iter().enumerate();
        let article_months = index.article_months.iter().enumerate();
        let pages = incident_months
            .map(|(k, m)| {
                (
                    links::incident_month_page(&m.key),
                    PartKind::IncidentMonth(k),
                )
            })
            .chain(
                article_months
                    .map(|(k, m)| (links::article_month_page(&m.key), PartKind::ArticleMonth(k))),
            )
            .chain(incidents.map(|(i, x)| (links::incident_page(&x.id), PartKind::Incident(i))))
            .chain(articles.map(|(i, a)| (links::article_page(&a.id), PartKind::Article(i))));
        for (path, kind) in pages {
            if seen.insert(path.clone()) {
                parts.push(SitePart { path, kind });
            }
        }
        let mut settings = Xxh3::new();
        settings.update(env!("CARGO_PKG_VERSION").as_bytes());
        settings.update(&options.renderer.to_le_bytes());
        settings.update(title.as_bytes());
        for name in templates::NAMES {
            let source = options.template_overrides.get(*name).map_or(
                templates::embedded_source(name).unwrap_or(""),
                String::as_str,
            );
            settings.update(source.as_bytes());
        }
        for (name, source) in &options.template_overrides {
            settings.update(name.as_bytes());
            settings.update(source.as_bytes());
        }
        let settings = settings.digest();
        Ok(Site {
            env,
            index,
            options,
            title,
            parts,
            settings,
            ledger_hash: OnceLock::new(),
            chunks: Chunks::new(ledger, settings),
            navs: Default::default(),
        })
    }

    /// How many pieces of preparation there are: the whole ledger's hash,
    /// and hashing the claims and incidents a chunk at a time, which most
    /// parts' fingerprints need. A caller may run [`Site::prepare`] for each,
    /// in parallel, before asking for fingerprints; whatever it leaves undone
    /// is done on first need (by one thread, the others waiting for it).
    pub fn preparations(&self) -> usize {
        1 + self.chunks.claims().chunk_count() + self.chunks.incidents().chunk_count()
    }

    /// Runs preparation `k` (see [`Site::preparations`]).
    pub fn prepare(&self, k: usize) -> Result<(), ReportError> {
        let Some(k) = k.checked_sub(1) else {
            return self.whole_ledger_hash().map(|_| ());
        };
        let claims = self.chunks.claims().chunk_count();
        match k.checked_sub(claims) {
            None => self.chunks.claims().of_chunk(k).map(|_| ()),
            Some(j) => self.chunks.incidents().of_chunk(j).map(|_| ()),
        }
    }

    /// [`Site::ledger_hash`], made once.
    fn whole_ledger_hash(&self) -> Result<u64, ReportError> {
        self.ledger_hash.get_or_init(|| self.ledger_hash()).clone()
    }

    /// Every part of the site, pages in a fixed order.
    pub fn parts(&self) -> &[SitePart] {
        &self.parts
    }

    /// For a file written in chunks (the claims and incidents exports, the
    /// search index), the fingerprint of each chunk: chunks with equal
    /// fingerprints have equal bytes, so a caller holding the file an earlier
    /// build wrote (and its fingerprints) can take unchanged chunks from it.
    /// None for other parts.
    pub fn chunk_fingerprints(&self, part: &SitePart) -> Option<Result<Vec<u64>, ReportError>> {
        let file = chunked(part)?;
        Some(self.chunks.fingerprints(file).map(<[u64]>::to_vec))
    }

    /// The bytes of chunk `k` of a part written in chunks (see
    /// [`Site::chunk_fingerprints`]); the chunks in order make the file.
    pub fn render_chunk(&self, part: &SitePart, k: usize) -> Result<Vec<u8>, ReportError> {
        match chunked(part) {
            Some(file) => self.chunks.render(file, k),
            None => Err(ReportError::Export(format!(
                "{} is not written in chunks",
                part.path
            ))),
        }
    }

    /// A hash of everything `part` is rendered from: equal fingerprints give
    /// equal files (None: the part must be rendered to know).
    pub fn fingerprint(&self, part: &SitePart) -> Result<Option<u64>, ReportError> {
        if let Some(fingerprint) = self.input_fingerprint(part) {
            return fingerprint.map(Some);
        }
        if let Some(file) = chunked(part) {
            let mut hash = Xxh3::new();
            for fingerprint in self.chunks.fingerprints(file)? {
                hash.update(&fingerprint.to_le_bytes());
            }
            return Ok(Some(hash.digest()));
        }
        // Parts made from the whole ledger: the small data exports and the
        // pages that list or count everything. Hashing the ledger once costs a
        // fraction of making any one of them (claims.csv alone is several times
        // the articles' size; the overview's view is most of its rendering).
        let whole_ledger = matches!(
            part.kind,
            PartKind::Data | PartKind::Index | PartKind::ArticlesIndex | PartKind::ReportMd
        );
        if whole_ledger {
            let ledger = self.whole_ledger_hash()?;
            let mut hash = Xxh3::new();
            hash.update(&self.settings.to_le_bytes());
            hash.update(part.path.as_bytes());
            hash.update(&ledger.to_le_bytes());
            return Ok(Some(hash.digest()));
        }
        let Some((page_title, template, view)) = self.page_view(part)? else {
            return Ok(None);
        };
        let frame = self.frame(&part.path, page_title);
        let mut hash = Xxh3::new();
        hash.update(&self.settings.to_le_bytes());
        hash.update(part.path.as_bytes());
        hash.update(template.as_bytes());
        hash_serialised(&mut hash, &(&frame, &view))?;
        Ok(Some(hash.digest()))
    }

    /// A hash of the whole ledger; claims and incidents by their rows'
    /// hashes, which the large exports and the pages need anyway.
    fn ledger_hash(&self) -> Result<u64, ReportError> {
        // Every field, so that a new one cannot be left out unnoticed.
        let Ledger {
            articles,
            claims: _,
            incidents: _,
            source_groups,
            series,
        } = self.index.ledger;
        let mut hash = Xxh3::new();
        hash_streamed(&mut hash, articles)?;
        // Each list after its length: where the claims end and the incidents begin.
        self.chunks.claims().hash_into(&mut hash)?;
        self.chunks.incidents().hash_into(&mut hash)?;
        hash_streamed(&mut hash, &(source_groups, series))?;
        Ok(hash.digest())
    }

    /// For article, incident and month pages, most of the site, a hash of
    /// the data their view is built from, which is much cheaper than building
    /// the view (marking up the article text, formatting every row). Keep in
    /// step with `pages::article_view`, `pages::incident_view` and the month
    /// views; a test checks that equal fingerprints give equal pages.
    fn input_fingerprint(&self, part: &SitePart) -> Option<Result<u64, ReportError>> {
        let ledger = self.index.ledger;
        let mut hash = Xxh3::new();
        hash.update(&self.settings.to_le_bytes());
        hash.update(part.path.as_bytes());
        // Serialised piece by piece into one buffer, hashed once: no list is
        // collected and no label copied, for tens of thousands of pages.
        let mut bytes = Vec::with_capacity(1024);
        let written = match part.kind {
            PartKind::Article(i) => {
                let article = ledger.articles.get(i)?;
                // The text goes to the hash directly, not through the buffer.
                hash.update(&(article.text.len() as u64).to_le_bytes());
                hash.update(article.text.as_bytes());
                self.article_inputs(article, &mut bytes)
            }
            PartKind::Incident(i) => self.incident_inputs(i, ledger.incidents.get(i)?, &mut bytes),
            PartKind::IncidentMonth(k) => self.incident_month_inputs(k, &mut bytes),
            PartKind::ArticleMonth(k) => self.article_month_inputs(k, &mut bytes),
            _ => return None,
        };
        Some(written.map(|()| {
            hash.update(&bytes);
            hash.digest()
        }))
    }

    /// What an article's page shows besides its text, serialised into `bytes`.
    fn article_inputs(&self, a: &Article, bytes: &mut Vec<u8>) -> Result<(), ReportError> {
        let index = &self.index;
        let claim_hashes = self.chunks.claims();
        let label = |id| (id, index.article_label_str(id));
        let claims = index.claim_positions_of_article(&a.id);
        let copies = index.copies(&a.id);
        let head = (
            (&a.id, &a.file, &a.title, day(a.date), &a.source, &a.url),
            (&a.meta, &a.furniture, a.status, &a.problems, label(&a.id)),
        );
        put(
            bytes,
            &(head, index.copy_of(&a.id).map(label), claims.len()),
        )?;
        // Each claim, and the incident it is in.
        for &c in claims {
            let claim = index.ledger.claims.get(c);
            let incident = claim
                .and_then(|c| c.incident.as_deref())
                .and_then(|id| index.incident(id))
                .map(|i| {
                    let place = i.place.as_ref().map(|p| p.name.as_str());
                    (i.id.as_str(), day(i.date_start), day(i.date_end), place)
                });
            put(bytes, &(claim_hashes.get(c)?, incident))?;
        }
        put(bytes, &copies.len())?;
        copies.iter().try_for_each(|id| put(bytes, &label(id)))
    }

    /// What incident `i`'s page shows, serialised into `bytes`.
    fn incident_inputs(
        &self,
        i: usize,
        incident: &Incident,
        bytes: &mut Vec<u8>,
    ) -> Result<(), ReportError> {
        let index = &self.index;
        let (claim_hashes, incident_hashes) = (self.chunks.claims(), self.chunks.incidents());
        let label = |id| (id, index.article_label_str(id));
        put(bytes, &(incident_hashes.get(i)?, incident.claims.len()))?;
        for id in &incident.claims {
            let claim = match index.claim_position(id) {
                Some(c) => {
                    let article = index.ledger.claims.get(c).map(|c| c.article.as_str());
                    Some((claim_hashes.get(c)?, article.map(label)))
                }
                None => None,
            };
            put(bytes, &claim)?;
        }
        put(bytes, &incident.articles.len())?;
        incident
            .articles
            .iter()
            .try_for_each(|id| put(bytes, &label(id)))
    }

    /// What the incidents' page of month `k` shows: the months around it
    /// and each incident's row (its sources counted with copies as their
    /// originals).
    fn incident_month_inputs(&self, k: usize, bytes: &mut Vec<u8>) -> Result<(), ReportError> {
        let index = &self.index;
        let month = put_month_around(&index.incident_months, k, bytes)?;
        let incident_hashes = self.chunks.incidents();
        for &i in month {
            let incident = index.ledger.incidents.get(i);
            put(
                bytes,
                &(incident_hashes.get(i)?, incident.map(|x| x.articles.len())),
            )?;
            for id in incident.map_or(&[][..], |x| &x.articles) {
                put(bytes, &index.copy_of(id))?;
            }
        }
        Ok(())
    }

    /// What the articles' page of month `k` shows: the months around it and
    /// each article's row.
    fn article_month_inputs(&self, k: usize, bytes: &mut Vec<u8>) -> Result<(), ReportError> {
        let index = &self.index;
        let month = put_month_around(&index.article_months, k, bytes)?;
        for &i in month {
            let row = index.ledger.articles.get(i).map(|a| {
                let id = a.id.as_str();
                let status = a.status.as_str();
                let (date, source) = (day(a.date), a.source.as_deref());
                let label = index.article_label_str(id);
                (
                    id,
                    label,
                    date,
                    source,
                    status,
                    index.claim_count(id),
                    index.copy_of(id),
                )
            });
            put(bytes, &row)?;
        }
        Ok(())
    }

    /// The file of one part (a list, so that a part may one day make several).
    pub fn render(&self, part: &SitePart) -> Result<Vec<OutputFile>, ReportError> {
        if let Some(file) = chunked(part) {
            let mut bytes = Vec::new();
            for k in 0..self.chunks.count(file) {
                bytes.extend_from_slice(&self.chunks.render(file, k)?);
            }
            return Ok(vec![OutputFile::new(&part.path, bytes)]);
        }
        let Some((page_title, template, view)) = self.page_view(part)? else {
            return exports::data_file(&self.index, &part.path)
                .into_iter()
                .collect();
        };
        let capacity = self.page_capacity(part);
        if matches!(part.kind, PartKind::Style | PartKind::Script) {
            // Stylesheet and script: templates without a context.
            let text =
                templates::render(&self.env, template, minijinja::Value::UNDEFINED, capacity)?;
            return Ok(vec![OutputFile::new(&part.path, text)]);
        }
        let frame = self.frame(&part.path, page_title);
        let context = minijinja::value::merge_maps([value(&frame), value(&view)]);
        let text = templates::render(&self.env, template, context, capacity)?;
        Ok(vec![OutputFile::new(&part.path, text)])
    }

    /// The frame of the page at `path`: the navigation is made once for
    /// the pages at the root and once for those one folder down (all of
    /// them), not once per page.
    fn frame(&self, path: &str, page_title: String) -> Frame<'_> {
        let depth = path.matches('/').count();
        let make = || Nav::new(&Linker::for_page(path));
        let nav = match self.navs.get(depth) {
            Some(cell) => cell.get_or_init(make).clone(),
            None => make(),
        };
        Frame {
            site_title: self.title,
            page_title,
            nav,
        }
    }

    /// About how long `part`'s page will be, so that rendering it rarely
    /// copies what it has written into a larger buffer: an article page is
    /// its text marked up and a frame of a few kilobytes, an incident page a
    /// few kilobytes and a paragraph per claim.
    fn page_capacity(&self, part: &SitePart) -> usize {
        let ledger = self.index.ledger;
        match part.kind {
            PartKind::Article(i) => ledger
                .articles
                .get(i)
                .map_or(0, |a| a.text.len() + a.text.len() / 2 + 8192),
            PartKind::Incident(i) => ledger
                .incidents
                .get(i)
                .map_or(0, |x| 4096 + 1024 * x.claims.len()),
            _ => 1 << 16,
        }
    }

    /// (page title, template, view) of a page; None for the data exports.
    fn page_view(&self, part: &SitePart) -> Result<Option<PageView<'_>>, ReportError> {
        let index = &self.index;
        let ledger = index.ledger;
        let linker = || Linker::for_page(&part.path);
        let view = match part.kind {
            PartKind::Data | PartKind::Search => return Ok(None),
            PartKind::Index => (
                "Overview".to_owned(),
                "index.html",
                View::Index(Box::new(pages::index_view(index))),
            ),
            PartKind::Style => (String::new(), "style.css", View::None),
            PartKind::Script => (String::new(), "site.js", View::None),
            PartKind::IncidentMonth(k) => (
                month_title("Incidents", index.incident_months.get(k)),
                "incidents_month.html",
                View::IncidentsMonth(pages::incidents_month_view(index, k, &linker())),
            ),
            PartKind::ArticleMonth(k) => (
                month_title("Articles", index.article_months.get(k)),
                "articles_month.html",
                View::ArticlesMonth(pages::articles_month_view(index, k, &linker())),
            ),
            PartKind::ArticlesIndex => (
                "Articles".to_owned(),
                "articles.html",
                View::Articles(pages::articles_view(index)),
            ),
            PartKind::Method => (
                "Method".to_owned(),
                "method.html",
                View::Method(pages::method_view(&self.options.method)),
            ),
            PartKind::Codebook => (
                "Codebook".to_owned(),
                "codebook.html",
                View::Codebook(pages::codebook_view()),
            ),
            PartKind::ReportMd => (
                "Report".to_owned(),
                "report.md",
                View::Report(pages::report_view(index)),
            ),
            PartKind::Incident(i) => {
                let Some(incident) = ledger.incidents.get(i) else {
                    return Ok(Some((String::new(), "incident.html", View::None)));
                };
                let title = format!(
                    "{}, {}",
                    figures::period(incident.date_start, incident.date_end),
                    incident
                        .place
                        .as_ref()
                        .map_or("place unknown", |p| p.name.as_str())
                );
                let view = pages::incident_view(index, incident, &linker());
                (title, "incident.html", View::Incident(Box::new(view)))
            }
            PartKind::Article(i) => {
                let Some(article) = ledger.articles.get(i) else {
                    return Ok(Some((String::new(), "article.html", View::None)));
                };
                let view = pages::article_view(index, article, &linker());
                (
                    index.article_label(&article.id),
                    "article.html",
                    View::Article(Box::new(view)),
                )
            }
        };
        Ok(Some(view))
    }
}

type PageView<'v> = (String, &'static str, View<'v>);

/// The title of a month's list of `what`: "Incidents of April 2017", or
/// "Incidents without a date".
fn month_title(what: &str, month: Option<&index::Month>) -> String {
    match month.and_then(|m| m.first_day) {
        Some(day) => format!("{what} of {}", figures::month(Some(day))),
        None => format!("{what} without a date"),
    }
}

/// Which chunked file `part` is, if it is one.
fn chunked(part: &SitePart) -> Option<Chunked> {
    Chunked::of_path(&part.path).filter(|_| matches!(part.kind, PartKind::Data | PartKind::Search))
}

/// The view of any page, serialised as the view itself.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum View<'v> {
    None,
    Index(Box<pages::IndexView>),
    IncidentsMonth(pages::MonthView<pages::IncidentRow>),
    ArticlesMonth(pages::MonthView<pages::ArticleRow>),
    Articles(pages::ArticlesView),
    Method(pages::MethodView),
    Codebook(pages::CodebookView),
    Report(pages::ReportView),
    Incident(Box<pages::IncidentView<'v>>),
    Article(Box<pages::ArticleView<'v>>),
}

/// Adds `value`, serialised compactly, to `hash` through a small buffer: for
/// values as large as a whole ledger, which one buffer would have to hold
/// twice over (its article texts included).
pub(crate) fn hash_streamed<T: serde::Serialize>(
    hash: &mut Xxh3,
    value: &T,
) -> Result<(), ReportError> {
    struct HashSink<'h>(&'h mut Xxh3);
    impl std::io::Write for HashSink<'_> {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.update(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, HashSink(hash));
    postcard::to_io(value, &mut buffered).map_err(exports::export_error)?;
    std::io::Write::flush(&mut buffered).map_err(exports::export_error)
}

/// Appends `value`, serialised compactly, to `bytes`.
pub(crate) fn put<T: serde::Serialize + ?Sized>(
    bytes: &mut Vec<u8>,
    value: &T,
) -> Result<(), ReportError> {
    postcard::to_io(value, bytes)
        .map(|_| ())
        .map_err(exports::export_error)
}

/// Month `k` of `months` and its neighbours (what its title and links show)
/// into `bytes`; the positions of its rows.
fn put_month_around<'m>(
    months: &'m [index::Month],
    k: usize,
    bytes: &mut Vec<u8>,
) -> Result<&'m [usize], ReportError> {
    for m in [k.checked_sub(1), Some(k), k.checked_add(1)] {
        let month = m.and_then(|m| months.get(m));
        put(bytes, &month.map(|m| (&m.key, day(m.first_day))))?;
    }
    let month = months.get(k).map_or(&[][..], |m| m.positions.as_slice());
    put(bytes, &month.len())?;
    Ok(month)
}

/// A date as numbers: serialising one as text formats it, slowly.
pub(crate) fn day(date: Option<Date>) -> Option<(i16, i8, i8)> {
    date.map(ledger_types::date_numbers)
}

/// Adds `value`, serialised compactly in one buffer, to `hash` (one large
/// update costs far less than one per field).
fn hash_serialised<T: serde::Serialize>(hash: &mut Xxh3, value: &T) -> Result<(), ReportError> {
    let bytes = postcard::to_stdvec(value).map_err(exports::export_error)?;
    hash.update(&bytes);
    Ok(())
}
