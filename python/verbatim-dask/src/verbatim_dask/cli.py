"""verbatim-dask CLAIMS... --scheduler local|tcp://HOST:8786 --shard-bytes 1GB
--format json --output report.json

Exit codes are verbatim's: 0 pass, 1 error findings, 2 invalid input (or a
shard that failed on every retry)."""

from __future__ import annotations

import argparse
import sys

from .driver import run


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="verbatim-dask", description=__doc__.split("\n\n")[0])
    ap.add_argument("claims", nargs="*", help="claims files or folders (default: ./claims)")
    ap.add_argument("--scheduler", default="local", help="`local` (a cluster on this machine) or tcp://HOST:PORT")
    ap.add_argument("--shard-bytes", default="1GB", help="about how many bytes of documents one task scans")
    ap.add_argument("--format", default="human", choices=["human", "json", "sarif", "github", "junit", "html"])
    ap.add_argument("--output", help="write the report to this file instead of standard output")
    ap.add_argument("--verbatim", default="verbatim", help="the verbatim binary (shipped to workers that lack it)")
    ap.add_argument("--cwd", default=".", help="the project folder, at the same path on every worker")
    ap.add_argument("--retries", type=int, default=3, help="retries of a failed shard")
    ap.add_argument("--workers", type=int, help="workers of a local cluster (default: all cores)")
    ap.add_argument("--threads", type=int, default=1, help="threads of each scan (-j)")
    ap.add_argument("--ship", action="store_true", help="always run the driver's binary as shipped, never a worker's own")
    ap.add_argument("--quiet", action="store_true", help="no progress lines on standard error")
    a = ap.parse_args(argv)

    def log(line: str) -> None:
        if not a.quiet:
            print(f"verbatim-dask: {line}", file=sys.stderr, flush=True)

    try:
        outcome = run(
            a.claims,
            scheduler=a.scheduler,
            shard_bytes=a.shard_bytes,
            report_format=a.format,
            output=a.output,
            verbatim=a.verbatim,
            cwd=a.cwd,
            retries=a.retries,
            workers=a.workers,
            threads=a.threads,
            always_ship=a.ship,
            log=log,
        )
    except Exception as e:  # a shard that failed on every retry, a plan that failed
        print(f"verbatim-dask: error: {e}", file=sys.stderr)
        return 2
    log(
        f"{outcome.shards} shards: scans {outcome.scan_seconds:.2f} s, merge "
        f"{outcome.merge_seconds:.2f} s ({100 * outcome.merge_seconds / max(outcome.total_seconds, 1e-9):.0f}% "
        f"of {outcome.total_seconds:.2f} s)"
    )
    return outcome.exit_code


if __name__ == "__main__":
    sys.exit(main())
