//! The sparse map from folded byte positions back to original bytes.

/// Where an identity run of the folded text starts, and which original byte
/// it starts at. Original bytes between the end of one identity run and the
/// start of the next were deleted by folding. An atomic run maps all of its
/// folded bytes onto the whole original range up to the next breakpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Breakpoint {
    folded: usize,
    original: usize,
    /// 0 for an identity run; otherwise one more than the byte length of
    /// the one original character that all of this run's folded bytes come
    /// from (a decoded reference may stand for no bytes at all).
    atomic: u32,
}

/// Map from folded byte positions to original byte positions.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    points: Vec<Breakpoint>,
}

impl OffsetMap {
    /// Identity from here on.
    pub(super) fn push(&mut self, folded: usize, original: usize) {
        self.push_point(folded, original, 0);
    }

    /// The folded bytes from here to the next breakpoint all come from the
    /// one original character of `len` bytes at `original`.
    pub(super) fn push_atomic(&mut self, folded: usize, original: usize, len: usize) {
        self.push_point(folded, original, len as u32 + 1);
    }

    pub(super) fn push_point(&mut self, folded: usize, original: usize, atomic: u32) {
        if let Some(last) = self.points.last_mut() {
            if last.folded == folded {
                // The previous run is empty: it maps nothing, replace it.
                *last = Breakpoint {
                    folded,
                    original,
                    atomic,
                };
                return;
            }
            if atomic == 0
                && last.atomic == 0
                && original >= last.original
                && original - last.original == folded - last.folded
            {
                return; // still the same identity run
            }
        }
        self.points.push(Breakpoint {
            folded,
            original,
            atomic,
        });
    }

    pub(super) fn segment(&self, folded: usize) -> usize {
        self.points
            .partition_point(|p| p.folded <= folded)
            .saturating_sub(1)
    }

    /// The original byte where the character that produced folded byte
    /// `folded` starts.
    pub fn start(&self, folded: usize) -> usize {
        let i = self.segment(folded);
        let p = self.points[i];
        if p.atomic > 0 {
            p.original
        } else {
            p.original + (folded - p.folded)
        }
    }

    /// The original byte just past the character that produced the folded
    /// byte before `folded_end`.
    pub fn end(&self, folded_end: usize) -> usize {
        let last = folded_end.saturating_sub(1);
        let i = self.segment(last);
        let p = self.points[i];
        if p.atomic > 0 {
            p.original + p.atomic as usize - 1
        } else {
            p.original + (last - p.folded) + 1
        }
    }

    pub fn breakpoints(&self) -> usize {
        self.points.len()
    }
}
