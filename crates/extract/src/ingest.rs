//! Ingestion: a file's bytes become an [`Article`] (front matter, date, title, furniture).

use ledger_types::Article;

/// Reads one file. Never fails: problems are recorded on the article.
pub fn read_article(file_name: &str, bytes: &[u8]) -> Article {
    let _ = (file_name, bytes);
    unimplemented!()
}
