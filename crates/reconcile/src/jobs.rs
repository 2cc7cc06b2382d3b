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

/// `0..len` cut into `parts` ranges of nearly equal length, in order.
pub(crate) fn split(len: usize, parts: usize) -> Vec<std::ops::Range<usize>> {
    let parts = parts.clamp(1, len.max(1));
    (0..parts)
        .map(|k| (len * k / parts)..(len * (k + 1) / parts))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_covers_the_range_in_order() {
        for (len, parts) in [(0, 4), (1, 4), (10, 3), (100, 7), (5, 1)] {
            let ranges = split(len, parts);
            assert_eq!(ranges.first().map(|r| r.start), Some(0));
            assert_eq!(ranges.last().map(|r| r.end), Some(len));
            for w in ranges.windows(2) {
                assert_eq!(w[0].end, w[1].start);
            }
        }
    }
}
