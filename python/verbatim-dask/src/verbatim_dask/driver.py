"""The driver: plan the shards, map `verbatim scan` over the workers, merge."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pathlib
import shutil
import socket
import stat
import subprocess
import tempfile
import time
from typing import Callable, Optional, Sequence


@dataclasses.dataclass(frozen=True)
class Shard:
    """Documents `docs[0]..docs[1]` of the run's sorted list, about `bytes` big."""

    name: str
    docs: tuple
    bytes: int


@dataclasses.dataclass
class Outcome:
    """What a run of the driver did: the merge's exit code and the timings."""

    exit_code: int
    shards: int
    scan_seconds: float
    merge_seconds: float
    total_seconds: float
    # Which worker produced each shard, by shard name.
    workers: dict


def plan_shards(verbatim: str, claims: Sequence[str], cwd: str, shard_bytes: str) -> list:
    """The shards `verbatim scan --plan` cuts the documents into."""
    out = subprocess.run(
        [verbatim, "scan", *claims, "--plan", shard_bytes],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        raise RuntimeError(f"verbatim scan --plan failed ({out.returncode}):\n{out.stderr}")
    shards = []
    for line in out.stdout.splitlines():
        entry = json.loads(line)
        shards.append(Shard(entry["shard"], tuple(entry["docs"]), entry["bytes"]))
    return shards


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _binary_on_worker(path: str, digest: str, shipped, always_ship: bool = False) -> str:
    """The verbatim binary to run on this worker: the driver's very binary
    (same SHA-256) at its path or on the worker's PATH, else the shipped
    copy, written once per worker machine into its temporary folder."""
    for candidate in () if always_ship else (path, shutil.which("verbatim")):
        if not candidate:
            continue
        try:
            with open(candidate, "rb") as f:
                if _sha256(f.read()) == digest:
                    return candidate
        except OSError:
            pass
    target = pathlib.Path(tempfile.gettempdir()) / f"verbatim-{digest[:16]}"
    if not target.exists():
        partial = target.with_name(f"{target.name}.{os.getpid()}.part")
        partial.write_bytes(shipped)
        partial.chmod(partial.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        os.replace(partial, target)
    return str(target)


def scan_shard(
    shard: Shard,
    path: str,
    digest: str,
    shipped,
    claims: Sequence[str],
    cwd: str,
    threads: int,
    always_ship: bool = False,
) -> tuple:
    """Run `verbatim scan` for one shard on a worker; its evidence, and where
    it ran. A failed scan raises, so Dask retries it."""
    binary = _binary_on_worker(path, digest, shipped, always_ship)
    lo, hi = shard.docs
    out = subprocess.run(
        [binary, "scan", *claims, "--docs", f"{lo}..{hi}", "-j", str(threads)],
        cwd=cwd,
        capture_output=True,
    )
    if out.returncode != 0:
        raise RuntimeError(
            f"verbatim scan of shard {shard.name} failed ({out.returncode}) on "
            f"{socket.gethostname()}:\n{out.stderr.decode(errors='replace')}"
        )
    return out.stdout, socket.gethostname() + ":" + str(os.getpid())


def _client(scheduler: str, workers: Optional[int]):
    from distributed import Client, LocalCluster

    if scheduler == "local":
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        return Client(cluster), cluster
    return Client(scheduler), None


def run(
    claims: Sequence[str],
    *,
    scheduler: str = "local",
    shard_bytes: str = "1GB",
    report_format: str = "human",
    output: Optional[str] = None,
    verbatim: str = "verbatim",
    cwd: str = ".",
    retries: int = 3,
    workers: Optional[int] = None,
    threads: int = 1,
    always_ship: bool = False,
    log: Callable[[str], None] = lambda _: None,
) -> Outcome:
    """Check `claims` over the cluster at `scheduler` (`local` starts one on
    this machine) and write the report as `verbatim merge` renders it."""
    start = time.monotonic()
    binary = shutil.which(verbatim) or verbatim
    binary = str(pathlib.Path(binary).resolve())
    cwd = str(pathlib.Path(cwd).resolve())
    shards = plan_shards(binary, claims, cwd, shard_bytes)
    log(f"{len(shards)} shards of about {shard_bytes} each")
    with open(binary, "rb") as f:
        program = f.read()
    digest = _sha256(program)
    client, cluster = _client(scheduler, workers)
    folder = tempfile.TemporaryDirectory(prefix="verbatim-parts-")
    names = {s.name: str(pathlib.Path(folder.name) / f"part-{i + 1:06d}.jsonl") for i, s in enumerate(shards)}
    try:
        # The binary goes to every worker once; a worker that has the very
        # same binary at the same path or on its PATH runs that one instead.
        shipped = client.scatter(program, broadcast=True)
        futures = client.map(
            scan_shard,
            shards,
            path=binary,
            digest=digest,
            shipped=shipped,
            claims=list(claims),
            cwd=cwd,
            threads=threads,
            always_ship=always_ship,
            retries=retries,
            pure=False,
            key=[f"verbatim-scan-{s.name.replace('/', '-of-')}-{digest[:8]}" for s in shards],
        )
        from distributed import as_completed

        ran_on = {}
        by_key = {f.key: s for f, s in zip(futures, shards)}
        # Each part goes to disk as it arrives: the driver never holds them all.
        for future in as_completed(futures):
            shard = by_key[future.key]
            evidence, where = future.result()
            pathlib.Path(names[shard.name]).write_bytes(evidence)
            ran_on[shard.name] = where
            future.release()
            log(f"shard {shard.name} scanned on {where}")
        scanned = time.monotonic()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    with folder:
        command = [binary, "merge", *claims, *names.values(), "--format", report_format]
        if output is not None:
            command += ["--output", str(pathlib.Path(output).resolve())]
        merged = subprocess.run(command, cwd=cwd)
    end = time.monotonic()
    return Outcome(
        exit_code=merged.returncode,
        shards=len(shards),
        scan_seconds=scanned - start,
        merge_seconds=end - scanned,
        total_seconds=end - start,
        workers=ran_on,
    )
