//! The integration tests, one binary: the command line on fixtures and
//! hostile input, the CI formats, drafts, markup, the writer's workflow,
//! the hand-made tables for figures and attribution, property tests, and
//! the command-line cases in `tests/cases` (trycmd).

mod archives;
mod attribution_table;
mod bounds;
mod cases;
mod ci_formats;
mod cli;
mod common;
mod documents;
mod drafts;
mod end_marks;
mod figure_properties;
mod figures_table;
mod hostile;
mod layers;
mod lsp;
mod markup;
mod paragraph_breaks;
mod properties;
mod references;
mod renderers;
mod seed_clusters;
mod shards;
mod snapshots;
mod trust;
mod waves;
mod workflow;
mod worth;
