//! The `extract` stage: bytes of a file become an [`Article`], an article becomes
//! casualty [`Claim`]s. Pure functions over in-memory data; never panics on input.

pub mod ingest;

pub use ledger_types::{Article, Claim, Extraction};
