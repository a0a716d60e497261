//! What the crate's property tests share.

use std::ops::Range;

use proptest::strategy::Strategy;

/// Sequences of `count` pieces drawn from `of`, to be joined into text: the
/// property tests build sentences from the words and marks that matter to
/// the code under test, so that random text meets its edge cases often.
pub(crate) fn pieces(
    of: &[&'static str],
    count: Range<usize>,
) -> impl Strategy<Value = Vec<&'static str>> {
    proptest::collection::vec(proptest::sample::select(of.to_vec()), count)
}
