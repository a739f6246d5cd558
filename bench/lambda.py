#!/usr/bin/env python3
"""Lambda under cargo lambda's runtime API emulator (`cargo lambda watch
--only-lambda-apis`), with the function SAM deploys (`cargo lambda build
--release`, 128 MB as configured in template.yaml) on a SQLite file.

Per run (RUNS, default 11), a fresh emulator and a fresh function process:
  cold:  exec of `bootstrap` → the answer to its first invocation
         (`GET /api/health/live`, API Gateway HTTP API v2 event); init
         is cold minus a warm invocation of the same route.
  warm:  WARM (default 50) sequential invocations each of the same route
         and of a signed `/notify off` (Ed25519 check, one database
         write): the latency until the answer, and the period between
         back-to-back invocations. The emulator hands out the next event
         only after both the runtime and the after-response extension have
         asked for it, so the period includes the extension's work (the
         delivery check), as Lambda bills it.
  peak RSS (VmHWM) of the function after the invocations.
Reports medians over the runs.

usage: bench/lambda.py
env:   RUNS=11 WARM=50 BUILD=1 (BUILD=0 uses the bootstrap already built)
"""
import json
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import interaction_request  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BOOTSTRAP = os.path.join(ROOT, "target/lambda/streammaxing/bootstrap")
RUNS = int(os.environ.get("RUNS", "11"))
WARM = int(os.environ.get("WARM", "50"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def event(method, path, headers=None, body=""):
    return json.dumps({
        "version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": "",
        "headers": headers or {}, "isBase64Encoded": False, "body": body,
        "requestContext": {
            "accountId": "123456789012", "apiId": "abc123",
            "domainName": "abc123.execute-api.eu-west-1.amazonaws.com", "domainPrefix": "abc123",
            "requestId": "bench", "routeKey": "$default", "stage": "$default",
            "time": "27/Nov/2026:12:00:00 +0000", "timeEpoch": 1795000000000,
            "http": {"method": method, "path": path, "protocol": "HTTP/1.1",
                     "sourceIp": "203.0.113.7", "userAgent": "bench"},
        },
    }).encode()


LIVE = event("GET", "/api/health/live")


def notify_off():
    body, timestamp, signature = interaction_request.signed()
    return event("POST", "/interactions", {
        "content-type": "application/json", "x-signature-ed25519": signature,
        "x-signature-timestamp": timestamp,
    }, body)


def invoke(port, payload, expect):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/2015-03-31/functions/_/invocations", data=payload, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        answer = json.loads(response.read())
    if answer.get("statusCode") != expect:
        sys.exit(f"unexpected answer: {answer}")


def wait_for_port(port, proc):
    for _ in range(2000):
        if proc.poll() is not None:
            sys.exit("cargo lambda watch exited")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.005)
    sys.exit("cargo lambda watch never listened")


def one_run(db):
    port = free_port()
    watch = subprocess.Popen(["cargo", "lambda", "watch", "--only-lambda-apis", "-P", str(port)],
                             cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    function = None
    try:
        wait_for_port(port, watch)
        env = {
            "PATH": os.environ["PATH"], "DATABASE_URL": f"sqlite://{db}", "RUST_LOG": "warn",
            "AWS_LAMBDA_RUNTIME_API": f"http://127.0.0.1:{port}/.rt",
            "AWS_LAMBDA_FUNCTION_NAME": "_", "AWS_LAMBDA_FUNCTION_VERSION": "1",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128", "_HANDLER": "http",
            "DISCORD_APPLICATION_ID": interaction_request.APP_ID,
            "DISCORD_PUBLIC_KEY": interaction_request.PUBLIC_KEY,
            "DISCORD_BOT_TOKEN": "bench-token", "DISCORD_API_URL": "http://127.0.0.1:9",
            "PUBLIC_URL": "https://abc123.execute-api.eu-west-1.amazonaws.com",
        }
        start = time.perf_counter()
        function = subprocess.Popen([BOOTSTRAP], env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
        invoke(port, LIVE, 200)
        cold = time.perf_counter() - start
        result = {"cold": cold}
        for name, payload in (("live", lambda: LIVE), ("notify_off", notify_off)):
            latencies = []
            begun = time.perf_counter()
            for _ in range(WARM):
                t = time.perf_counter()
                invoke(port, payload(), 200)
                latencies.append(time.perf_counter() - t)
            result[name] = statistics.median(latencies)
            result[name + "_period"] = (time.perf_counter() - begun) / WARM
        with open(f"/proc/{function.pid}/status") as f:
            result["hwm_kib"] = next(int(l.split()[1]) for l in f if l.startswith("VmHWM"))
        return result
    finally:
        for proc in (function, watch):
            if proc is not None:
                proc.kill()
                proc.wait()


def main():
    if not shutil.which("cargo-lambda"):
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "cargo-lambda"], check=True)
    if os.environ.get("BUILD", "1") != "0":
        subprocess.run(["cargo", "lambda", "build", "--release", "--locked"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bench.db")
        subprocess.run([BOOTSTRAP, "migrate"], env={"PATH": os.environ["PATH"], "DATABASE_URL": f"sqlite://{db}",
                                                    "RUST_LOG": "warn"}, check=True)
        with sqlite3.connect(db) as c:
            c.executescript(interaction_request.SEED_SQL)
        runs = [one_run(db) for _ in range(RUNS)]
    med = lambda k: statistics.median(r[k] for r in runs)
    ms = lambda s: f"{s * 1000:.2f} ms"
    print(f"machine: {os.cpu_count()} cores; bootstrap {os.path.getsize(BOOTSTRAP) / 1e6:.1f} MB; "
          f"{RUNS} runs, {WARM} warm invocations of each route per run (medians)")
    print(f"cold start (exec → first answer):   {ms(med('cold'))}")
    print(f"init (cold − warm invocation):      {ms(med('cold') - med('live'))}")
    print(f"warm GET /api/health/live:          {ms(med('live'))} to answer, {ms(med('live_period'))} per invocation")
    print(f"warm signed /notify off:            {ms(med('notify_off'))} to answer, "
          f"{ms(med('notify_off_period'))} per invocation")
    print(f"peak RSS of the function:           {med('hwm_kib') / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
