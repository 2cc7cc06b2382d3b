//! The `report` stage: a [`ledger_types::Ledger`] becomes files of a static site.
