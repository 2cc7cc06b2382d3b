//! The `report` stage: a [`ledger_types::Ledger`] becomes the files of a static
//! site, a Markdown report and data exports, all in memory (the caller writes
//! them to disk).
//!
//! Output is deterministic: the same ledger gives byte-identical files, in
//! path order. Templates are embedded and can be overridden by name (see
//! [`template_names`]); `.html` templates auto-escape everything they print.

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

use ledger_types::{Ledger, MethodNotes};

pub use columns::{
    ARTICLES_CSV_COLUMNS, ARTICLES_CSV_DOCS, CLAIMS_CSV_COLUMNS, CLAIMS_CSV_DOCS,
    INCIDENTS_CSV_COLUMNS, INCIDENTS_CSV_DOCS, OTHER_EXPORTS,
};

use crate::index::LedgerIndex;
use crate::pages::{Frame, Linker};
use crate::templates::value;

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

/// Renders the whole site: `index.html`, `style.css`, `incidents/*.html`,
/// `articles/*.html`, `method.html`, `codebook.html`, `report.md` and `data/*`.
/// Files come back sorted by path; an id that appears twice gives one page.
pub fn render(ledger: &Ledger, options: &RenderOptions) -> Result<Vec<OutputFile>, ReportError> {
    let env = templates::environment(options)?;
    let index = LedgerIndex::new(ledger);
    let title = if options.title.trim().is_empty() {
        "Casualty Ledger"
    } else {
        options.title.as_str()
    };
    let mut files = exports::data_files(&index)?;
    let page = |path: &str, page_title: String, template: &str, view: minijinja::Value| {
        let frame = Frame::new(title, page_title, &Linker::for_page(path));
        let context = minijinja::value::merge_maps([templates::value(&frame), view]);
        templates::render(&env, template, context).map(|html| OutputFile::new(path, html))
    };

    let index_view = pages::index_view(&index).map_err(|e| ReportError::Export(e.to_string()))?;
    files.push(page(
        links::INDEX,
        "Overview".to_owned(),
        "index.html",
        value(&index_view),
    )?);
    files.push(OutputFile::new(
        links::STYLE,
        templates::render(&env, "style.css", minijinja::Value::UNDEFINED)?,
    ));
    files.push(page(
        links::ARTICLES_INDEX,
        "Articles".to_owned(),
        "articles.html",
        value(&pages::articles_view(&index)),
    )?);
    files.push(page(
        links::METHOD,
        "Method".to_owned(),
        "method.html",
        value(&pages::method_view(&options.method)),
    )?);
    files.push(page(
        links::CODEBOOK,
        "Codebook".to_owned(),
        "codebook.html",
        value(&pages::codebook_view()),
    )?);
    files.push(page(
        links::REPORT_MD,
        "Report".to_owned(),
        "report.md",
        value(&pages::report_view(&index)),
    )?);

    let mut seen = BTreeSet::new();
    for incident in &ledger.incidents {
        let path = links::incident_page(&incident.id);
        if !seen.insert(path.clone()) {
            continue;
        }
        let view = pages::incident_view(&index, incident, &Linker::for_page(&path));
        let page_title = format!(
            "{}, {}",
            figures::period(incident.date_start, incident.date_end),
            incident
                .place
                .as_ref()
                .map_or("place unknown", |p| p.name.as_str())
        );
        files.push(page(&path, page_title, "incident.html", value(&view))?);
    }
    for article in &ledger.articles {
        let path = links::article_page(&article.id);
        if !seen.insert(path.clone()) {
            continue;
        }
        let view = pages::article_view(&index, article, &Linker::for_page(&path));
        files.push(page(
            &path,
            index.article_label(&article.id),
            "article.html",
            value(&view),
        )?);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}
