//! The `reconcile` stage: claims from many articles become incidents.
