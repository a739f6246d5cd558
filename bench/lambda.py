#!/usr/bin/env python3
"""Lambda under cargo lambda's runtime API emulator (`cargo lambda watch
--only-lambda-apis`), with the function SAM deploys (`cargo lambda build
--release`, 128 MB as configured in template.yaml) on a SQLite file.

Per run (RUNS, default 11), a fresh emulator and a fresh function process:
  cold:  exec of `bootstrap` → the answer to its first invocation
         (`GET /api/health/live`, API Gateway HTTP API v2 event); init
         is cold minus a warm invocation of the same route.
  warm:  WARM (default 50) sequential invocations each of the same route,
         of a signed `/notify off` (Ed25519 check, one database write)
         and of a forged one (answered 401): the latency until the answer,
         and the period between back-to-back invocations (the client's
         round trip and the emulator's overhead included: an upper bound
         on the billed duration). None of them queues delivery work, so
         the after-response extension only checks that and finishes
         within a millisecond of the answer (its log says so at
         RUST_LOG=debug).
  peak RSS (VmHWM) of the function after the invocations.
  tail:  one more run with the function's debug log on: for each answer, the
         time until the after-response extension reports its work done
         (what Lambda bills after the answer; the delivery pass runs only
         for invocations that queued work, and these queue none).
Reports medians over the runs.

usage: bench/lambda.py
env:   RUNS=11 WARM=50 BUILD=1 (BUILD=0 uses the bootstrap already built;
       BOOTSTRAP=PATH runs another build of the binary)
"""
import datetime
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
BOOTSTRAP = os.environ.get("BOOTSTRAP", os.path.join(ROOT, "target/lambda/streammaxing/bootstrap"))
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


def forged():
    body, timestamp, _ = interaction_request.signed()
    return event("POST", "/interactions", {
        "content-type": "application/json", "x-signature-ed25519": "00" * 64,
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


def one_run(db, log=None):
    port = free_port()
    watch = subprocess.Popen(["cargo", "lambda", "watch", "--only-lambda-apis", "-P", str(port)],
                             cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    function = None
    try:
        wait_for_port(port, watch)
        env = {
            "PATH": os.environ["PATH"], "DATABASE_URL": f"sqlite://{db}",
            "RUST_LOG": "warn,tower_http::trace=info,streammaxing::lambda=debug" if log else "warn",
            "AWS_LAMBDA_RUNTIME_API": f"http://127.0.0.1:{port}/.rt",
            "AWS_LAMBDA_FUNCTION_NAME": "_", "AWS_LAMBDA_FUNCTION_VERSION": "1",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128", "_HANDLER": "http",
            "DISCORD_APPLICATION_ID": interaction_request.APP_ID,
            "DISCORD_PUBLIC_KEY": interaction_request.PUBLIC_KEY,
            "DISCORD_BOT_TOKEN": "bench-token", "DISCORD_API_URL": "http://127.0.0.1:9",
            "PUBLIC_URL": "https://abc123.execute-api.eu-west-1.amazonaws.com",
        }
        start = time.perf_counter()
        out = open(log, "w") if log else subprocess.DEVNULL
        function = subprocess.Popen([BOOTSTRAP], env=env, stdout=out, stderr=subprocess.STDOUT)
        invoke(port, LIVE, 200)
        cold = time.perf_counter() - start
        result = {"cold": cold}
        for name, payload, expect in (("live", lambda: LIVE, 200), ("notify_off", notify_off, 200),
                                      ("forged", forged, 401)):
            latencies = []
            begun = time.perf_counter()
            for _ in range(WARM):
                t = time.perf_counter()
                invoke(port, payload(), expect)
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


def after_answer_tails(log):
    """Seconds from each answer to the extension's end of the work after it."""
    tails, answered = [], None
    with open(log) as f:
        for line in f:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            at = datetime.datetime.fromisoformat(entry.get("timestamp", "").replace("Z", "+00:00"))
            if entry.get("message") == "finished processing request":
                answered = at
            elif entry.get("message") == "extension: after-response work done" and answered:
                tails.append((at - answered).total_seconds())
                answered = None
    return tails


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
        log = os.path.join(tmp, "function.log")
        one_run(db, log)
        tails = after_answer_tails(log)
    med = lambda k: statistics.median(r[k] for r in runs)
    ms = lambda s: f"{s * 1000:.2f} ms"
    print(f"machine: {os.cpu_count()} cores; bootstrap {os.path.getsize(BOOTSTRAP) / 1e6:.1f} MB; "
          f"{RUNS} runs, {WARM} warm invocations of each route per run (medians)")
    print(f"cold start (exec → first answer):   {ms(med('cold'))}")
    print(f"init (cold − warm invocation):      {ms(med('cold') - med('live'))}")
    print(f"warm GET /api/health/live:          {ms(med('live'))} to answer, {ms(med('live_period'))} per invocation")
    print(f"warm signed /notify off:            {ms(med('notify_off'))} to answer, "
          f"{ms(med('notify_off_period'))} per invocation")
    print(f"warm forged interaction (401):      {ms(med('forged'))} to answer, "
          f"{ms(med('forged_period'))} per invocation")
    print(f"peak RSS of the function:           {med('hwm_kib') / 1024:.1f} MiB")
    print(f"answer → extension done:            {ms(statistics.median(tails))} median, "
          f"{ms(max(tails))} max ({len(tails)} invocations, debug log on)")


if __name__ == "__main__":
    main()
