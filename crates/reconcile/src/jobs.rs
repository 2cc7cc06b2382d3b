//! Independent pieces of work inside the stage, run as the caller chooses:
//! the stage itself starts no thread (the xtask runs them on rayon's pool).

/// Runs independent jobs and returns their results in order.
pub trait Jobs: Sync {
    /// `job(i)` for each `i` in `0..n`, results in order of `i`.
    fn run<R: Send>(&self, n: usize, job: &(dyn Fn(usize) -> R + Sync)) -> Vec<R>;
}

/// Runs jobs one after another, on the calling thread.
#[derive(Debug, Clone, Copy, Default)]
pub struct OneByOne;

impl Jobs for OneByOne {
    fn run<R: Send>(&self, n: usize, job: &(dyn Fn(usize) -> R + Sync)) -> Vec<R> {
        (0..n).map(job).collect()
    }
}
