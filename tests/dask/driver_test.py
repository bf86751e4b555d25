#!/usr/bin/env python3
"""The Dask driver against real clusters, each run compared byte for byte
with `verbatim check`:

1. a LocalCluster, on the demo project;
2. a real `dask scheduler` and two `dask worker` processes on 127.0.0.1,
   started and stopped here, on the demo and on a generated archive;
3. the same cluster with a worker killed (SIGKILL) while it runs a scan:
   the shard is scanned again on a live worker and the report is the same.

    driver_test.py VERBATIM REPO WORKDIR
"""
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

verbatim = str(pathlib.Path(sys.argv[1]).resolve())
repo = pathlib.Path(sys.argv[2]).resolve()
work = pathlib.Path(sys.argv[3]).resolve()
bindir = pathlib.Path(sys.executable).parent
failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what, flush=True)
    if not ok:
        failures.append(what)


def project(name):
    """A copy of the demo project."""
    folder = work / name
    if folder.exists():
        shutil.rmtree(folder)
    for part in ["claims", "sources", "drafts"]:
        shutil.copytree(repo / part, folder / part)
    return folder


def checked(folder, fmt="json"):
    out = subprocess.run([verbatim, "check", "--format", fmt], cwd=folder, capture_output=True)
    return out.stdout, out.returncode


def driver(folder, scheduler, shard_bytes, fmt="json", extra=()):
    report = folder / f"dask-report.{fmt}"
    if report.exists():
        report.unlink()
    out = subprocess.run(
        [str(bindir / "verbatim-dask"), "--scheduler", scheduler, "--shard-bytes", shard_bytes,
         "--format", fmt, "--output", str(report), "--verbatim", verbatim, "--cwd", str(folder), *extra],
        cwd=folder, capture_output=True, text=True,
    )
    sys.stderr.write(out.stderr)
    return (report.read_bytes() if report.exists() else b""), out.returncode, out.stderr


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_workers(address, n, timeout=60):
    from distributed import Client

    with Client(address, timeout=timeout) as client:
        client.wait_for_workers(n, timeout=timeout)


def children_of(pid):
    """Processes whose parent is `pid`, with their command lines."""
    found = []
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            cmd = (entry / "cmdline").read_bytes().split(b"\0")
        except (OSError, ValueError, IndexError):
            continue
        if ppid == pid:
            found.append((int(entry.name), [c.decode(errors="replace") for c in cmd if c]))
    return found


def descendants(pid):
    out = []
    for child, cmd in children_of(pid):
        out.append((child, cmd))
        out.extend(descendants(child))
    return out


work.mkdir(parents=True, exist_ok=True)

# 1. LocalCluster on the demo.
demo = project("demo")
want, code = checked(demo)
got, got_code, _ = driver(demo, "local", "20KB", extra=["--workers", "2"])
check(got == want and got_code == code, f"LocalCluster: demo report identical to check (exit {got_code})")
want_sarif, _ = checked(demo, "sarif")
got_sarif, _, _ = driver(demo, "local", "20KB", "sarif", extra=["--workers", "2"])
check(got_sarif == want_sarif, "LocalCluster: SARIF identical too")

# The binary shipped to the workers, not found on them.
shipped = pathlib.Path(__import__("tempfile").gettempdir()) / "verbatim-{}".format(__import__("hashlib").sha256(pathlib.Path(verbatim).read_bytes()).hexdigest()[:16])
if shipped.exists():
    shipped.unlink()
got, got_code, _ = driver(demo, "local", "20KB", extra=["--workers", "2", "--ship"])
check(got == want and got_code == code and shipped.exists(),
      f"LocalCluster, binary shipped to the workers ({shipped}): report identical to check")

# 2. A real scheduler and two workers on the loopback.
port = free_port()
address = f"tcp://127.0.0.1:{port}"
logs = open(work / "cluster.log", "w")
scheduler = subprocess.Popen(
    [str(bindir / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
    stdout=logs, stderr=subprocess.STDOUT, start_new_session=True,
)
workers = [
    subprocess.Popen(
        [str(bindir / "dask"), "worker", address, "--nthreads", "1", "--no-dashboard",
         "--name", f"w{i}", "--death-timeout", "30"],
        stdout=logs, stderr=subprocess.STDOUT, start_new_session=True,
    )
    for i in range(2)
]
try:
    wait_for_workers(address, 2)
    check(True, f"scheduler and 2 workers up at {address}")
    got, got_code, _ = driver(demo, address, "20KB")
    check(got == want and got_code == code, "loopback cluster: demo report identical to check")

    archive = work / "archive"
    subprocess.run([sys.executable, str(repo / "tests/dask/make_archive.py"), str(repo), str(archive), "400", "2000"], check=True)
    want, code = checked(archive)
    started = time.monotonic()
    got, got_code, log = driver(archive, address, "400KB")
    took = time.monotonic() - started
    shards = log.count("scanned on")
    check(got == want and got_code == code and shards > 4,
          f"loopback cluster: generated archive ({shards} shards) identical to check, {took:.1f} s")

    # 3. Kill the worker running a scan, mid-scan.
    killed = {}

    def killer():
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not killed:
            for w in workers:
                for pid, cmd in descendants(w.pid):
                    if "scan" in cmd and "--docs" in cmd:
                        # The scan's parent is the worker process (the
                        # nanny's child): kill it while the scan runs.
                        parent = int(pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
                        docs = cmd[cmd.index("--docs") + 1]
                        os.kill(parent, signal.SIGKILL)
                        alive = pathlib.Path(f"/proc/{pid}").exists()
                        killed.update(worker=parent, scan=pid, docs=docs, alive=alive)
                        return
            time.sleep(0.002)

    thread = threading.Thread(target=killer)
    thread.start()
    got, got_code, log = driver(archive, address, "200KB")
    thread.join()
    check(bool(killed) and killed.get("alive", False),
          f"a worker was killed while its scan ran: {killed}")
    check(got == want and got_code == code, "after the kill: report identical to check")
    # The killed shard was scanned again, by another worker process.
    again = [line for line in log.splitlines() if "scanned on" in line]
    check(not any(line.endswith(f":{killed.get('worker')}") for line in again),
          f"no shard is reported from the killed worker (pid {killed.get('worker')}); {len(again)} shards scanned")
finally:
    for p in workers + [scheduler]:
        try:
            os.killpg(p.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    for p in workers + [scheduler]:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
    logs.close()

if failures:
    print(f"{len(failures)} Dask checks failed", flush=True)
    sys.exit(1)
print("every Dask check passed", flush=True)
