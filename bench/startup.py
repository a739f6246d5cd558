#!/usr/bin/env python3
"""Start-up: time from exec of `streammaxing serve` until its first
`GET /api/health` answers 200 (the database reached), polled every 0.5 ms
over a raw socket. Two cases: a fresh SQLite file (migrations run at
start) and an existing, migrated one. Reports the median of RUNS runs.

usage: bench/startup.py [BINARY]   (default target/release/streammaxing)
env:   RUNS=21
"""
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time

BIN = sys.argv[1] if len(sys.argv) > 1 else "target/release/streammaxing"
RUNS = int(os.environ.get("RUNS", "21"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            return s.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def once(db_path):
    port = free_port()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DATABASE_URL": f"sqlite://{db_path}",
        "BIND_ADDR": f"127.0.0.1:{port}",
        "RUST_LOG": "warn",
    }
    start = time.perf_counter()
    proc = subprocess.Popen([BIN, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not healthy(port):
            if proc.poll() is not None:
                sys.exit(f"serve exited with {proc.returncode}")
            if time.perf_counter() - start > 10:
                sys.exit("no healthy answer within 10 s")
            time.sleep(0.0005)
        return (time.perf_counter() - start) * 1000
    finally:
        proc.terminate()
        proc.wait()


def main():
    print(f"machine: {os.cpu_count()} cores; {RUNS} runs each; {BIN} ({os.path.getsize(BIN) / 1e6:.1f} MB)")
    with tempfile.TemporaryDirectory() as tmp:
        fresh = []
        for i in range(RUNS):
            fresh.append(once(os.path.join(tmp, f"fresh{i}.db")))
        existing = [once(os.path.join(tmp, "fresh0.db")) for _ in range(RUNS)]
    for name, xs in (("fresh database (migrations run)", fresh), ("existing database", existing)):
        xs.sort()
        print(f"{name:34} median {statistics.median(xs):6.1f} ms   min {xs[0]:6.1f} ms   max {xs[-1]:6.1f} ms")


if __name__ == "__main__":
    main()
