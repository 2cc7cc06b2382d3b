//! `cargo xtask`: builds the report from a folder of articles.
fn main() {}
