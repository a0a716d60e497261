//! Where the value labels of a chart go: each label is offered a few places
//! beside its mark, and takes the first that stays inside the plot and
//! clear of every label placed before it. A label with no such place is
//! dropped; its value stays in the mark's tooltip and in the table under
//! the chart.
//!
//! Labels are placed in order of importance, so that crowding drops the
//! least useful ones: a line's latest value, then its highest and lowest,
//! then the rest from the latest back.

/// A box on the canvas in output pixels, `x1` and `y1` exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Rect {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

impl Rect {
    /// Whether the two boxes share any pixel.
    pub(crate) fn intersects(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    /// Whether `inner` lies wholly inside this box.
    fn holds(&self, inner: &Rect) -> bool {
        self.x0 <= inner.x0 && inner.x1 <= self.x1 && self.y0 <= inner.y0 && inner.y1 <= self.y1
    }
}

/// How much a label matters, most first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Rank {
    /// The latest value of a line: what a reader looks for first.
    Latest,
    /// The highest or lowest value of a line, which sets its range.
    Extreme,
    /// Any other value.
    Other,
}

/// A label asking for a place.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Request {
    pub rank: Rank,
    /// Where on the time axis its mark is: among labels of one rank, the
    /// later is placed first.
    pub at: f64,
    /// The places it may take, in the order it prefers them.
    pub places: Vec<Rect>,
}

/// For each request, the index of the place it took, or `None` where it is
/// dropped. Places must lie inside `bounds`, clear of each other and of
/// the `marks` (a label over a marker hides it).
pub(crate) fn place(requests: &[Request], bounds: Rect, marks: &[Rect]) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..requests.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&requests[a], &requests[b]);
        a.rank.cmp(&b.rank).then(b.at.total_cmp(&a.at))
    });
    let mut taken: Vec<Rect> = marks.to_vec();
    let mut chosen = vec![None; requests.len()];
    for i in order {
        let free = requests[i]
            .places
            .iter()
            .position(|r| bounds.holds(r) && !taken.iter().any(|t| t.intersects(r)));
        if let Some(p) = free {
            taken.push(requests[i].places[p]);
            chosen[i] = Some(p);
        }
    }
    chosen
}

/// The ranks of one line's labels, by value and order: the last is the
/// latest; the first highest and first lowest of the rest are extremes.
pub(crate) fn ranks(values: &[f64]) -> Vec<Rank> {
    let mut out = vec![Rank::Other; values.len()];
    let Some(last) = values.len().checked_sub(1) else {
        return out;
    };
    let extreme = |better: fn(f64, f64) -> bool| {
        (0..values.len()).reduce(|a, b| if better(values[b], values[a]) { b } else { a })
    };
    for i in [extreme(|a, b| a > b), extreme(|a, b| a < b)]
        .into_iter()
        .flatten()
    {
        out[i] = Rank::Extreme;
    }
    out[last] = Rank::Latest;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x0: i32, y0: i32, x1: i32, y1: i32) -> Rect {
        Rect { x0, y0, x1, y1 }
    }

    const PLOT: Rect = Rect {
        x0: 0,
        y0: 0,
        x1: 400,
        y1: 200,
    };

    fn request(rank: Rank, at: f64, places: &[Rect]) -> Request {
        Request {
            rank,
            at,
            places: places.to_vec(),
        }
    }

    #[test]
    fn boxes_that_touch_do_not_intersect() {
        assert!(rect(0, 0, 10, 10).intersects(&rect(5, 5, 15, 15)));
        assert!(!rect(0, 0, 10, 10).intersects(&rect(10, 0, 20, 10)));
        assert!(!rect(0, 0, 10, 10).intersects(&rect(0, 10, 10, 20)));
        assert!(rect(0, 0, 10, 10).intersects(&rect(2, 2, 3, 3)));
    }

    #[test]
    fn labels_that_fit_keep_their_first_place() {
        let requests = [
            request(Rank::Other, 1.0, &[rect(10, 10, 50, 20)]),
            request(Rank::Other, 2.0, &[rect(60, 10, 100, 20)]),
        ];
        assert_eq!(place(&requests, PLOT, &[]), [Some(0), Some(0)]);
    }

    #[test]
    fn a_crowded_label_takes_its_next_place_or_is_dropped() {
        let above = rect(10, 10, 50, 20);
        let below = rect(10, 30, 50, 40);
        let requests = [
            request(Rank::Other, 1.0, &[above, below]),
            request(Rank::Other, 2.0, &[above, below]),
            request(Rank::Other, 3.0, &[above, below]),
        ];
        // The latest goes first and takes "above"; the next takes "below";
        // the earliest finds no room.
        assert_eq!(place(&requests, PLOT, &[]), [None, Some(1), Some(0)]);
    }

    #[test]
    fn the_latest_and_the_extremes_win_over_later_ordinary_labels() {
        let spot = rect(10, 10, 50, 20);
        let requests = [
            request(Rank::Extreme, 1.0, &[spot]),
            request(Rank::Other, 2.0, &[spot]),
            request(Rank::Latest, 0.5, &[rect(100, 10, 140, 20), spot]),
        ];
        assert_eq!(place(&requests, PLOT, &[]), [Some(0), None, Some(0)]);
    }

    #[test]
    fn a_place_outside_the_plot_is_not_taken() {
        let requests = [request(
            Rank::Latest,
            1.0,
            &[rect(10, -5, 50, 5), rect(10, 30, 50, 40)],
        )];
        assert_eq!(place(&requests, PLOT, &[]), [Some(1)]);
        let nowhere = [request(Rank::Latest, 1.0, &[rect(390, 10, 430, 20)])];
        assert_eq!(place(&nowhere, PLOT, &[]), [None]);
    }

    #[test]
    fn a_label_does_not_cover_a_marker() {
        let marker = rect(20, 12, 30, 22);
        let requests = [request(
            Rank::Latest,
            1.0,
            &[rect(10, 10, 50, 20), rect(10, 30, 50, 40)],
        )];
        assert_eq!(place(&requests, PLOT, &[marker]), [Some(1)]);
    }

    #[test]
    fn ranks_mark_the_latest_and_the_extremes() {
        use Rank::*;
        assert_eq!(ranks(&[]), []);
        assert_eq!(ranks(&[3.0]), [Latest]);
        assert_eq!(
            ranks(&[3.0, 9.0, 1.0, 4.0, 5.0]),
            [Other, Extreme, Extreme, Other, Latest]
        );
        // The latest is also the highest: it stays the latest.
        assert_eq!(ranks(&[3.0, 1.0, 9.0]), [Other, Extreme, Latest]);
        // Ties: the first of them is the extreme.
        assert_eq!(ranks(&[5.0, 5.0, 2.0]), [Extreme, Other, Latest]);
    }
}
