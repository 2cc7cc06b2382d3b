//! Independent pieces of work inside the stage, run as the caller chooses:
//! the stage itself starts no thread (the xtask runs them on rayon's pool).

/// Runs independent jobs and returns their results in order.
pub trait Jobs: Sync {
    /// `job(i)` for each `i` in `0..n`, results in order of `i`.
    fn run<R: Send>(&self, n: usize, job: &(dyn Fn(usize) -> R + Sync)) -> Vec<R>;
}

/// `each(offset, chunk)` for `items` cut into chunks of `size` (the offset
/// of the chunk's first item), run as jobs; the results flattened, in order.
pub(crate) fn run_chunks<T: Sync, R: Send>(
    jobs: &impl Jobs,
    items: &[T],
    size: usize,
    each: &(dyn Fn(usize, &[T]) -> Vec<R> + Sync),
) -> Vec<R> {
    let size = size.max(1);
    let job = |k: usize| {
        let from = k.saturating_mul(size).min(items.len());
        let to = from.saturating_add(size).min(items.len());
        items
            .get(from..to)
            .map_or_else(Vec::new, |chunk| each(from, chunk))
    };
    jobs.run(items.len().div_ceil(size), &job)
        .into_iter()
        .flatten()
        .collect()
}

/// Runs jobs one after another, on the calling thread.
#[derive(Debug, Clone, Copy, Default)]
pub struct OneByOne;

impl Jobs for OneByOne {
    fn run<R: Send>(&self, n: usize, job: &(dyn Fn(usize) -> R + Sync)) -> Vec<R> {
        (0..n).map(job).collect()
    }
}
