//! The writer's workflow in real temporary git repositories: the
//! pre-commit hook checks exactly what is staged; pin, init, explain.

use crate::common::{project, verbatim};
use std::path::Path;
use std::process::Command as Process;

fn git(dir: &Path, args: &[&str]) -> bool {
    Process::new("git")
        .current_dir(dir)
        .env_remove("GIT_DIR")
        .env_remove("GIT_INDEX_FILE")
        .env_remove("GIT_WORK_TREE")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

const SOURCE: &str = "“We will not send troops across the border,” the minister said.\n";

fn claims(quote: &str) -> String {
    format!(
        "sources:\n  s: ../sources/s.txt\nclaims:\n  - id: c\n    source: s\n    quote: {quote}\n"
    )
}

fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    assert!(git(p, &["init", "-q"]));
    std::fs::create_dir_all(p.join("sources")).unwrap();
    std::fs::create_dir_all(p.join("claims")).unwrap();
    std::fs::write(p.join("sources/s.txt"), SOURCE).unwrap();
    std::fs::write(p.join("claims/c.yaml"), claims("We will not send troops")).unwrap();
    assert!(git(p, &["add", "."]));
    assert!(git(p, &["commit", "-q", "-m", "start"]));
    verbatim(p).args(["hook", "install"]).assert().success();
    dir
}

#[test]
fn the_hook_checks_what_is_staged() {
    let dir = repo();
    let p = dir.path();
    // A staged good claim passes.
    std::fs::write(
        p.join("claims/c.yaml"),
        claims("We will not send troops across the border"),
    )
    .unwrap();
    assert!(git(p, &["add", "claims/c.yaml"]));
    assert!(
        git(p, &["commit", "-q", "-m", "good"]),
        "a good staged claim must pass"
    );
    // A staged bad claim blocks.
    std::fs::write(
        p.join("claims/c.yaml"),
        claims("We will now send troops across the border"),
    )
    .unwrap();
    assert!(git(p, &["add", "claims/c.yaml"]));
    assert!(
        !git(p, &["commit", "-q", "-m", "bad"]),
        "a misquote must block"
    );
    // Fixing it in the working tree without staging does not unblock.
    std::fs::write(
        p.join("claims/c.yaml"),
        claims("We will not send troops across"),
    )
    .unwrap();
    assert!(
        !git(p, &["commit", "-q", "-m", "bad"]),
        "the staged version is what counts"
    );
    // Staging the fix does.
    assert!(git(p, &["add", "claims/c.yaml"]));
    assert!(git(p, &["commit", "-q", "-m", "fixed"]));
    // A staged source edit that breaks the quote blocks.
    std::fs::write(
        p.join("sources/s.txt"),
        "“We will send troops,” the minister said.\n",
    )
    .unwrap();
    assert!(git(p, &["add", "sources/s.txt"]));
    assert!(
        !git(p, &["commit", "-q", "-m", "edit source"]),
        "a source edit breaking a quote must block"
    );
}

#[test]
fn hook_install_refuses_to_replace_and_follows_hooks_path() {
    let dir = repo();
    let p = dir.path();
    verbatim(p).args(["hook", "install"]).assert().code(2);
    verbatim(p)
        .args(["hook", "install", "--force"])
        .assert()
        .success();
    assert!(git(p, &["config", "core.hooksPath", ".githooks"]));
    verbatim(p).args(["hook", "install"]).assert().success();
    let hook = std::fs::read_to_string(p.join(".githooks/pre-commit")).unwrap();
    assert!(hook.contains("check --staged"));
    // It names the binary by its full path: a minimal PATH still works.
    assert!(hook.contains(&verbatim(p).get_program().to_string_lossy().to_string()));
}

#[test]
fn staged_runs_with_nothing_relevant_staged_pass() {
    let dir = repo();
    verbatim(dir.path())
        .args(["check", "--staged"])
        .assert()
        .success();
}

#[test]
fn pin_round_trip() {
    let dir = project(&[
        ("sources/s.txt", SOURCE),
        ("claims/c.yaml", &claims("We will not send troops")),
    ]);
    let p = dir.path();
    verbatim(p)
        .arg("pin")
        .assert()
        .success()
        .stdout(predicates::str::contains("pinned claims/c.yaml: `s`"));
    let pinned = std::fs::read_to_string(p.join("claims/c.yaml")).unwrap();
    verbatim(p)
        .arg("pin")
        .assert()
        .success()
        .stdout(predicates::str::contains("every source is pinned"));
    assert_eq!(
        std::fs::read_to_string(p.join("claims/c.yaml")).unwrap(),
        pinned
    );
    verbatim(p).arg("check").assert().success();
    // The source changes: check reports it, pin lists it, --update re-pins.
    std::fs::write(p.join("sources/s.txt"), format!("{SOURCE}More.\n")).unwrap();
    verbatim(p)
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicates::str::contains("source-changed"));
    verbatim(p)
        .arg("pin")
        .assert()
        .success()
        .stdout(predicates::str::contains("changed claims/c.yaml"));
    verbatim(p)
        .args(["pin", "--update"])
        .assert()
        .success()
        .stdout(predicates::str::contains("updated"));
    verbatim(p).arg("check").assert().success();
}

#[test]
fn init_creates_a_passing_example_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    verbatim(dir.path()).arg("init").assert().success();
    verbatim(dir.path()).arg("check").assert().success();
    verbatim(dir.path()).arg("init").assert().code(2);
}

#[test]
fn config_sets_severities_and_reports_its_errors_with_lines() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    verbatim(p).arg("init").assert().success();
    std::fs::write(
        p.join("claims/example.yaml"),
        std::fs::read_to_string(p.join("claims/example.yaml"))
            .unwrap()
            .replace("across the border", "acros the border"),
    )
    .unwrap();
    verbatim(p).arg("check").assert().code(0); // a typo is a warning
    std::fs::write(p.join("verbatim.toml"), "[severity]\ntypo = \"error\"\n").unwrap();
    verbatim(p).arg("check").assert().code(1);
    std::fs::write(p.join("verbatim.toml"), "[severity]\ntpyo = \"error\"\n").unwrap();
    verbatim(p)
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("verbatim.toml:2:"));
    std::fs::write(p.join("other.toml"), "[matcher]\naligned = 2\n").unwrap();
    verbatim(p)
        .args(["check", "--config", "other.toml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("other.toml:2:"));
}

#[test]
fn no_progress_bar_in_machine_output() {
    let dir = tempfile::tempdir().unwrap();
    verbatim(dir.path()).arg("init").assert().success();
    let out = verbatim(dir.path())
        .args(["check", "--format", "json", "--no-progress"])
        .output()
        .unwrap();
    assert!(out.stderr.is_empty());
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap();
}

/// With no path, `pin` pins the claims folders `[paths] claims` names,
/// as `check` checks them.
#[test]
fn pin_follows_the_configured_claims_paths() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("checks")).unwrap();
    std::fs::write(p.join("s.txt"), SOURCE).unwrap();
    std::fs::write(
        p.join("checks/c.yaml"),
        "sources:\n  s: ../s.txt\nclaims:\n  - {source: s, quote: We will not send troops}\n",
    )
    .unwrap();
    std::fs::write(p.join("verbatim.toml"), "[paths]\nclaims = [\"checks\"]\n").unwrap();
    verbatim(p)
        .arg("pin")
        .assert()
        .success()
        .stdout(predicates::str::contains("pinned checks/c.yaml: `s`"));
    let text = std::fs::read_to_string(p.join("checks/c.yaml")).unwrap();
    assert!(text.contains("sha256: "), "{text}");
}

/// A dangling symlink where the hook goes is a hook: kept without
/// `--force`; with it, the link itself is replaced, its target never
/// written.
#[cfg(unix)]
#[test]
fn a_dangling_hook_link_is_not_replaced_silently() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    assert!(git(p, &["init", "-q"]));
    let hooks = p.join(".git/hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    let target = p.join("elsewhere-hook");
    std::os::unix::fs::symlink(&target, hooks.join("pre-commit")).unwrap();
    verbatim(p).args(["hook", "install"]).assert().code(2);
    assert!(!target.exists());
    verbatim(p)
        .args(["hook", "install", "--force"])
        .assert()
        .success();
    let meta = std::fs::symlink_metadata(hooks.join("pre-commit")).unwrap();
    assert!(meta.file_type().is_file() && !target.exists());
}

/// The hook never lets a change through by checking nothing: a deleted or
/// renamed source fails its claims, configured claims folders are checked,
/// and deleting every claims file is no error.
#[test]
fn the_hook_has_no_silent_passes() {
    let dir = repo();
    let p = dir.path();
    // Renaming the cited source: the claim's source is gone.
    assert!(git(p, &["mv", "sources/s.txt", "sources/renamed.txt"]));
    assert!(
        !git(p, &["commit", "-q", "-m", "rename"]),
        "a renamed source must block"
    );
    assert!(git(p, &["mv", "sources/renamed.txt", "sources/s.txt"]));
    // Deleting it.
    assert!(git(p, &["rm", "-q", "sources/s.txt"]));
    assert!(
        !git(p, &["commit", "-q", "-m", "delete"]),
        "a deleted source must block"
    );
    assert!(git(p, &["reset", "-q", "--hard"]));
    // Claims in a configured folder.
    std::fs::create_dir_all(p.join("checks")).unwrap();
    std::fs::write(p.join("verbatim.toml"), "[paths]\nclaims = [\"checks\"]\n").unwrap();
    std::fs::write(
        p.join("checks/d.yaml"),
        "sources:\n  s: ../sources/s.txt\nclaims:\n  - {id: d, source: s, quote: We will now send troops}\n",
    )
    .unwrap();
    assert!(git(p, &["add", "."]));
    assert!(
        !git(p, &["commit", "-q", "-m", "configured"]),
        "a misquote under [paths] claims must block"
    );
    // Deleting every claims file checks nothing and blocks nothing.
    assert!(git(
        p,
        &["rm", "-q", "-r", "--cached", "checks", "verbatim.toml"]
    ));
    std::fs::remove_dir_all(p.join("checks")).unwrap();
    std::fs::remove_file(p.join("verbatim.toml")).unwrap();
    assert!(git(p, &["rm", "-q", "-r", "claims"]));
    assert!(
        git(p, &["commit", "-q", "-m", "no claims"]),
        "deleting claims must pass"
    );
}

/// SIGTERM in the middle of `check --staged` leaves no snapshot behind.
#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_snapshot() {
    let dir = repo();
    let p = dir.path();
    // A large staged source, so that the check runs a while.
    let big = "We will not send troops across the border, the minister said. ".repeat(500_000);
    std::fs::write(p.join("sources/s.txt"), &big).unwrap();
    assert!(git(p, &["add", "."]));
    // The signal must land while the check runs; on a fast machine a run
    // may end first, so a few tries are allowed, and every one must leave
    // nothing behind.
    let interrupted = (0..6).any(|_| interrupt_once(p, big.len() as u64));
    assert!(interrupted, "no run was still going when the signal came");
}

/// One `check --staged`, sent SIGTERM once its snapshot holds the source;
/// whether the signal ended it (exit 130). Nothing may be left in TMPDIR.
#[cfg(unix)]
fn interrupt_once(p: &Path, source_len: u64) -> bool {
    use std::time::{Duration, Instant};
    let tmp = tempfile::tempdir().unwrap();
    let mut child = Process::new(verbatim(p).get_program())
        .current_dir(p)
        .env("TMPDIR", tmp.path())
        .env_remove("GIT_DIR")
        .env_remove("GIT_INDEX_FILE")
        .args(["check", "--staged", "--no-progress"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let exported = |dir: &Path| -> bool {
        std::fs::read_dir(dir).unwrap().flatten().any(|snapshot| {
            std::fs::metadata(snapshot.path().join("sources/s.txt"))
                .is_ok_and(|m| m.len() == source_len)
        })
    };
    let started = Instant::now();
    while !exported(tmp.path()) {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no snapshot appeared"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    let _ = Process::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let status = child.wait().unwrap();
    let left: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().flatten().collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    status.code() == Some(130)
}

/// `check --staged` where no claims folder is, staged or not: an input
/// error, as without --staged, never a pass that checked nothing.
#[test]
fn staged_without_claims_is_no_silent_pass() {
    let dir = repo();
    let p = dir.path();
    std::fs::create_dir_all(p.join("notes")).unwrap();
    std::fs::write(p.join("notes/n.txt"), "x").unwrap();
    assert!(git(p, &["add", "."]));
    // From a subfolder, the project's claims/ above is found and checked.
    verbatim(&p.join("notes"))
        .args(["check", "--staged"])
        .assert()
        .code(0);
    // A claims path that is nowhere, staged or not: an input error.
    verbatim(&p.join("notes"))
        .args(["check", "--staged", "nowhere"])
        .assert()
        .code(2);
    // From the top, the staged claims are checked.
    verbatim(p).args(["check", "--staged"]).assert().code(0);
}

/// Run from a subfolder, `check` finds the project's claims/ above and
/// says so; outside any project it still finds nothing (exit 2).
#[test]
fn claims_are_found_from_a_subfolder() {
    let dir = repo();
    let p = dir.path();
    std::fs::create_dir_all(p.join("drafts/deep")).unwrap();
    let out = verbatim(&p.join("drafts/deep"))
        .args(["check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("checking ../../claims"), "{said}");
    let lonely = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(lonely.path().join(".git")).unwrap();
    verbatim(lonely.path()).args(["check"]).assert().code(2);
}

/// `--staged` exports the claims files and what the selected ones declare
/// (symlink targets included), not the whole index.
#[test]
fn the_snapshot_holds_only_what_the_claims_declare() {
    use std::path::PathBuf;
    use verbatim::workflow::staged;
    let dir = repo();
    let p = dir.path();
    std::fs::create_dir_all(p.join("assets")).unwrap();
    std::fs::write(p.join("assets/blob.txt"), "x".repeat(1 << 20)).unwrap();
    std::os::unix::fs::symlink("s.txt", p.join("sources/link.txt")).unwrap();
    std::fs::write(
        p.join("claims/c.yaml"),
        "sources:\n  s: ../sources/link.txt\nclaims:\n  - {id: c, source: s, quote: We will not send troops}\n",
    )
    .unwrap();
    assert!(git(p, &["add", "."]));
    let snapshot = staged::staged(p, &[PathBuf::from("claims")]).unwrap();
    let root = snapshot.root.path();
    assert!(root.join("claims/c.yaml").is_file());
    assert!(
        !root.join("sources").exists(),
        "sources wait for the selection"
    );
    let files = staged::staged_claims_files(&[PathBuf::from("claims")], p, &snapshot).unwrap();
    assert_eq!(files.len(), 1);
    staged::export_declared(&snapshot, &files).unwrap();
    assert!(root.join("sources/link.txt").is_symlink());
    assert!(root.join("sources/s.txt").is_file(), "the link's target");
    assert!(!root.join("assets/blob.txt").exists(), "nothing undeclared");
    // And the check passes on it.
    let out = verbatim(p).args(["check", "--staged"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// A source inside a submodule is read from the submodule's work tree: no
/// false `source-missing`.
#[test]
fn staged_sources_in_a_submodule_are_found() {
    let dir = repo();
    let p = dir.path();
    let sub = tempfile::tempdir().unwrap();
    let s = sub.path();
    assert!(git(s, &["init", "-q"]));
    std::fs::write(s.join("quoted.txt"), SOURCE).unwrap();
    assert!(git(s, &["add", "."]));
    assert!(git(s, &["commit", "-q", "-m", "sub"]));
    let url = s.to_string_lossy().to_string();
    assert!(git(
        p,
        &[
            "-c",
            "protocol.file.allow=always",
            "submodule",
            "add",
            "-q",
            &url,
            "vendor"
        ]
    ));
    std::fs::write(
        p.join("claims/v.yaml"),
        "sources:\n  v: ../vendor/quoted.txt\nclaims:\n  - {id: v, source: v, quote: We will not send troops}\n",
    )
    .unwrap();
    assert!(git(p, &["add", "."]));
    let out = verbatim(p).args(["check", "--staged"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(!text.contains("source-missing"), "{text}");
}

/// `check --watch`: an edit to a source turns a pass into a misquote
/// within two seconds, without restarting.
#[test]
fn watch_rechecks_when_a_source_changes() {
    use std::io::{BufRead, BufReader};
    use std::time::{Duration, Instant};
    let dir = project(&[
        ("sources/s.txt", SOURCE),
        ("claims/c.yaml", &claims("We will not send troops")),
    ]);
    let p = dir.path();
    let program = verbatim(p).get_program().to_owned();
    let mut child = std::process::Command::new(program)
        .current_dir(p)
        .env("NO_COLOR", "1")
        .args(["check", "--watch", "--no-progress"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let summary = |within: Duration| -> Option<String> {
        let deadline = Instant::now() + within;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match rx.recv_timeout(left) {
                Ok(line) if line.starts_with("1 claim:") => return Some(line),
                Ok(_) => {}
                Err(_) => return None,
            }
        }
        None
    };
    let first = summary(Duration::from_secs(30));
    assert!(
        first.as_deref().is_some_and(|l| l.contains("1 pass")),
        "{first:?}"
    );
    // Let the watch settle on its folders, then change the source.
    std::thread::sleep(Duration::from_millis(300));
    let edited = Instant::now();
    std::fs::write(p.join("sources/s.txt"), SOURCE.replace("not", "now")).unwrap();
    let second = summary(Duration::from_secs(2));
    let took = edited.elapsed();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        second.as_deref().is_some_and(|l| l.contains("1 fail")),
        "{second:?} after {took:?}"
    );
}
