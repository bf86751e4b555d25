//! The command line's shape, for clap.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "verbatim",
    version,
    about = "Checks the provenance of what a piece of writing quotes and counts"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check every quote and figure of the claims files against their sources.
    Check(CheckArgs),
    /// List the figures read from sources: value, interval, unit, counted
    /// noun, context and period.
    Figures {
        /// Source files (.txt, .md, .html).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = FiguresFormat::Human)]
        format: FiguresFormat,
        /// The sources' publication date (YYYY-MM-DD), to resolve "since YEAR".
        #[arg(long, value_name = "DATE")]
        published: Option<String>,
    },
    /// Search one shard of the documents and write its evidence as JSON
    /// lines, for `verbatim merge` (a check spread over machines).
    Scan(ScanArgs),
    /// Merge the evidence parts of a scan (*.jsonl) into the report a check
    /// gives: every document covered once, parts of this very run.
    Merge(MergeArgs),
    /// Print a claims file for a draft's quotations and figures, with the
    /// sources that hold them and the speakers the draft credits.
    Extract {
        /// The draft (Markdown or text).
        draft: PathBuf,
        /// Where to look for sources.
        #[arg(long, default_value = "sources", value_name = "DIR")]
        sources: PathBuf,
        /// The folder the claims file will be saved in (paths are relative to it).
        #[arg(long, default_value = "claims", value_name = "DIR")]
        claims_dir: PathBuf,
    },
    /// Run the language server (LSP over standard input and output), for
    /// editors: diagnostics, hover, go to definition and fixes.
    Lsp,
    /// Print a source's text as verbatim reads it: a PDF's or Word
    /// document's extracted text, a Markdown or HTML file without markup.
    Text {
        /// The source (.txt, .md, .html, .pdf, .docx).
        file: PathBuf,
    },
    /// Explain what a finding kind means, with an example and the fix.
    Explain {
        /// A finding kind, such as `misquote` or `hedge`.
        kind: String,
    },
    /// Write missing sha256 pins of the sources into the claims files.
    Pin {
        /// Claims files or folders (default: `[paths] claims` of
        /// verbatim.toml, else ./claims).
        paths: Vec<PathBuf>,
        /// Also replace pins that differ from the sources as they are now.
        #[arg(long)]
        update: bool,
        /// The configuration file (default: verbatim.toml here or above).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Git hooks.
    Hook {
        #[command(subcommand)]
        action: HookAction,
    },
    /// Create claims/ and sources/ with a small example that passes.
    Init,
    /// Print a shell completion script (bash, zsh, fish, powershell,
    /// elvish) to standard output.
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff) to standard output: `verbatim man >
    /// verbatim.1`.
    Man,
}

#[derive(Subcommand)]
pub enum HookAction {
    /// Install a pre-commit hook running `verbatim check --staged`.
    Install {
        /// Replace an existing pre-commit hook.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Parser)]
pub struct CheckArgs {
    /// Claims files or folders (default: ./claims); `-` reads a claims file
    /// from standard input; a draft (.md, .txt, .html) is checked in one
    /// step, its quotations and figures the claims.
    pub paths: Vec<PathBuf>,
    /// Check this draft in one step: its quotations and figures become the
    /// claims, found in the sources folder.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["staged", "paths"])]
    pub draft: Option<PathBuf>,
    /// Where a draft's sources are (default: ./sources).
    #[arg(long, value_name = "DIR")]
    pub sources: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub jobs: Option<usize>,
    /// Check what is staged in git: claims, sources and drafts from the index.
    #[arg(long, conflicts_with = "watch")]
    pub staged: bool,
    /// Check again whenever a claims file, source, draft or verbatim.toml
    /// changes, until interrupted.
    #[arg(long)]
    pub watch: bool,
    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
    #[command(flatten)]
    pub report: ReportArgs,
}

/// What a command that reports takes: `check` and `merge`.
#[derive(Args)]
pub struct ReportArgs {
    /// Report format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// `--deny warnings`: warnings also make the exit code 1.
    #[arg(long, value_enum)]
    pub deny: Option<Deny>,
    /// The configuration file (default: verbatim.toml here or above).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Human report: errors and warnings only, no notes.
    #[arg(short, long, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Human report: notes with their snippets too (by default a note is
    /// one line).
    #[arg(short, long)]
    pub verbose: bool,
    /// Colour in the human report: auto (a terminal, unless NO_COLOR is
    /// set; CLICOLOR_FORCE or FORCE_COLOR force it), always or never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    pub color: ColorArg,
}

#[derive(Parser)]
pub struct ScanArgs {
    /// Claims files or folders (default: ./claims).
    pub paths: Vec<PathBuf>,
    /// The K-th of N shards of about equal bytes (1-based), e.g. `2/8`.
    #[arg(long, value_name = "K/N", conflicts_with_all = ["docs", "plan"])]
    pub shard: Option<verbatim::pipeline::Shard>,
    /// Documents FROM..TO (0-based, TO excluded) of the run's sorted list.
    #[arg(long, value_name = "FROM..TO", conflicts_with = "plan")]
    pub docs: Option<String>,
    /// Print the shards of about BYTES each (`1GB`, `500MB`) as JSON lines,
    /// without scanning.
    #[arg(long, value_name = "BYTES")]
    pub plan: Option<String>,
    /// Write the evidence to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub jobs: Option<usize>,
    /// The configuration file (default: verbatim.toml here or above).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Parser)]
pub struct MergeArgs {
    /// Claims files or folders (default: ./claims), and the evidence parts
    /// `verbatim scan` wrote (files ending in .jsonl), in any order.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub report: ReportArgs,
}

/// The formats `figures` has.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FiguresFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
    /// One self-contained page to share (`--output report.html`).
    Html,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Deny {
    Warnings,
}
