//! Cutting a run's documents into shards: contiguous ranges of the sorted
//! document list with about equal bytes each, the same on every machine
//! that sees the same files.

use crate::claims::ClaimSet;

/// The `index`-th (1-based) of `count` shards, as `--shard K/N` gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Shard, String> {
        let bad = || format!("`{text}` is not a shard: write K/N, with 1 ≤ K ≤ N (e.g. 2/8)");
        let (k, n) = text.split_once('/').ok_or_else(bad)?;
        let (index, count): (usize, usize) = (
            k.trim().parse().map_err(|_| bad())?,
            n.trim().parse().map_err(|_| bad())?,
        );
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// The size of each document of the set, in bytes (0 for one that cannot
/// be read: it is one more document to report, not to balance).
pub fn document_sizes(set: &ClaimSet) -> Vec<u64> {
    set.source_files
        .iter()
        .map(|f| std::fs::metadata(&f.path).map_or(0, |m| m.len()))
        .collect()
}

/// `count` contiguous ranges of the documents, in order, of about equal
/// bytes: a document goes to the shard its middle byte falls in. Ranges
/// may be empty (more shards than documents).
pub fn shard_ranges(sizes: &[u64], count: usize) -> Vec<(usize, usize)> {
    let count = count.max(1);
    let total: u128 = sizes.iter().map(|&s| u128::from(s)).sum();
    let mut before: u128 = 0;
    let shard_of: Vec<usize> = sizes
        .iter()
        .enumerate()
        .map(|(i, &size)| {
            let k = if total == 0 {
                i * count / sizes.len().max(1)
            } else {
                ((2 * before + u128::from(size)) * count as u128 / (2 * total)) as usize
            };
            before += u128::from(size);
            k.min(count - 1)
        })
        .collect();
    (0..count)
        .map(|k| {
            let from = shard_of.partition_point(|&s| s < k);
            let to = shard_of.partition_point(|&s| s <= k);
            (from, to)
        })
        .collect()
}

/// How many shards of at most about `bytes` each the documents make.
pub fn shards_for(sizes: &[u64], bytes: u64) -> usize {
    let total: u64 = sizes.iter().sum();
    total.div_ceil(bytes.max(1)).max(1) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_are_contiguous_balanced_and_cover_everything() {
        let sizes = [10, 10, 10, 10, 40, 10, 10];
        let ranges = shard_ranges(&sizes, 3);
        // Middles at 5, 15, 25 | 35, 60 | 85, 95 of 100 bytes.
        assert_eq!(ranges, vec![(0, 3), (3, 5), (5, 7)]);
        assert!(super::super::coverage(&ranges, &[], sizes.len()).is_empty());
        // More shards than documents: some are empty, none overlap.
        let ranges = shard_ranges(&[5, 5], 4);
        assert!(super::super::coverage(&ranges, &[], 2).is_empty());
        assert_eq!(ranges.len(), 4);
        // Nothing to read: by count.
        assert_eq!(shard_ranges(&[0, 0, 0, 0], 2), vec![(0, 2), (2, 4)]);
        assert_eq!(shards_for(&[600, 600], 500), 3);
        assert_eq!(shards_for(&[], 500), 1);
    }

    #[test]
    fn a_shard_is_read_as_k_of_n() {
        assert_eq!("2/8".parse(), Ok(Shard { index: 2, count: 8 }));
        assert!("0/8".parse::<Shard>().is_err());
        assert!("9/8".parse::<Shard>().is_err());
        assert!("x".parse::<Shard>().is_err());
    }
}
