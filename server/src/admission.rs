//! How many PNG exports draw at once. A raster export holds a few
//! full-size buffers (a 40-megapixel image needs about half a gigabyte while
//! it is drawn), so exports take a share of a fixed budget of pixels in
//! proportion to their size: small ones draw side by side, the largest one
//! at a time. A short queue waits for the budget; beyond it a request is
//! answered `503` with `Retry-After` at once, so a burst of large exports
//! costs neither memory nor a pile of waiting tasks.

use std::sync::{
    atomic::{AtomicUsize, Ordering},
    Arc,
};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Megapixels drawn at once: one export of the largest size (40), or
/// several smaller ones. With three buffers of four bytes a pixel, about
/// 500 MB at most.
pub const BUDGET_MEGAPIXELS: u32 = 40;

/// Exports that may wait for the budget before the next is turned away.
pub const QUEUE: usize = 8;

/// The budget of pixels and the queue before it.
#[derive(Clone, Debug)]
pub struct Admission {
    budget: Arc<Semaphore>,
    waiting: Arc<AtomicUsize>,
}

/// Why an export was not admitted.
#[derive(Debug, PartialEq, Eq)]
pub struct Busy;

impl Default for Admission {
    fn default() -> Self {
        Admission {
            budget: Arc::new(Semaphore::new(BUDGET_MEGAPIXELS as usize)),
            waiting: Arc::new(AtomicUsize::new(0)),
        }
    }
}

impl Admission {
    /// Waits for the budget of an image of `pixels`, or says `Busy` when
    /// the queue is full. The budget returns when the permit is dropped.
    pub async fn admit(&self, pixels: u64) -> Result<OwnedSemaphorePermit, Busy> {
        let share = pixels
            .div_ceil(1_000_000)
            .clamp(1, u64::from(BUDGET_MEGAPIXELS)) as u32;
        if let Ok(permit) = self.budget.clone().try_acquire_many_owned(share) {
            return Ok(permit);
        }
        let place = Place(&self.waiting);
        if self.waiting.fetch_add(1, Ordering::SeqCst) >= QUEUE {
            return Err(Busy);
        }
        // The place is given back however the wait ends, also when the
        // request is dropped while it waits (its client has gone).
        let permit = self.budget.clone().acquire_many_owned(share).await;
        drop(place);
        permit.map_err(|_| Busy)
    }
}

/// A place in the queue, counted from before it is taken until dropped.
struct Place<'a>(&'a AtomicUsize);

impl Drop for Place<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn small_exports_share_the_budget_and_the_largest_draws_alone() {
        let admission = Admission::default();
        let small = admit_each(&admission, 4, 2_000_000).await;
        assert_eq!(small.len(), 4, "four 2-megapixel images at once");
        drop(small);
        let large = admission.admit(40_000_000).await.expect("admitted");
        assert!(
            admission.budget.available_permits() == 0,
            "the largest image takes the whole budget"
        );
        drop(large);
        assert_eq!(
            admission.budget.available_permits(),
            BUDGET_MEGAPIXELS as usize
        );
    }

    #[tokio::test]
    async fn beyond_the_queue_an_export_is_turned_away_at_once() {
        let admission = Admission::default();
        let held = admission.admit(40_000_000).await.expect("admitted");
        let mut queued = Vec::new();
        for _ in 0..QUEUE {
            let a = admission.clone();
            queued.push(tokio::spawn(async move { a.admit(1).await.map(drop) }));
        }
        // Let the queued ones start waiting.
        while admission.waiting.load(Ordering::SeqCst) < QUEUE {
            tokio::task::yield_now().await;
        }
        assert_eq!(admission.admit(1).await.err(), Some(Busy));
        drop(held);
        for q in queued {
            assert_eq!(q.await.expect("joins"), Ok(()), "the queue drains");
        }
    }

    /// A request dropped while it waits (its client has gone) gives its
    /// place back: eight of them once closed the queue for good.
    #[tokio::test]
    async fn a_request_that_leaves_the_queue_gives_its_place_back() {
        let admission = Admission::default();
        let held = admission.admit(40_000_000).await.expect("admitted");
        for _ in 0..QUEUE {
            let a = admission.clone();
            let waiting = tokio::spawn(async move { a.admit(1).await.map(drop) });
            while admission.waiting.load(Ordering::SeqCst) == 0 {
                tokio::task::yield_now().await;
            }
            waiting.abort();
            let _ = waiting.await;
            assert_eq!(admission.waiting.load(Ordering::SeqCst), 0);
        }
        let a = admission.clone();
        let queued = tokio::spawn(async move { a.admit(1).await.map(drop) });
        drop(held);
        assert_eq!(
            queued.await.expect("joins"),
            Ok(()),
            "still queued, not Busy"
        );
    }

    async fn admit_each(admission: &Admission, n: usize, pixels: u64) -> Vec<OwnedSemaphorePermit> {
        let mut permits = Vec::new();
        for _ in 0..n {
            permits.push(admission.admit(pixels).await.expect("admitted"));
        }
        permits
    }
}
