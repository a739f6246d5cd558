#!/usr/bin/env python3
"""Clients flooding the open template preview while Discord pings.

CLIENTS processes post the heaviest template bodies the preview accepts
(a wall of unknown variables, names just short enough for a "did you
mean" search, control characters, expanding variables) to
/api/templates/render as fast as they are answered, each request from a
new X-Forwarded-For address (the serve under test trusts it, so the flood
is many clients, not one rate-limited one). Meanwhile this process sends a
signed PING to /interactions every 20 ms and times each answer.

usage: render_flood.py BASE_URL [SECONDS] [CLIENTS]
env:   BODY_MAX=48000 (the body size to fill; the preview's limit)
"""
import http.client
import json
import multiprocessing
import os
import statistics
import sys
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from interaction_request import KEY  # noqa: E402

BODY_MAX = int(os.environ.get("BODY_MAX", "48000"))
GOAL_P95_MS = 100.0


def bodies(base):
    """Worst-case bodies of exactly BODY_MAX bytes."""
    with urllib.request.urlopen(f"{base}/api/templates/default") as r:
        default = json.load(r)["template"]

    def fill(path, unit):
        t = json.loads(json.dumps(default))
        node = t
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = ""
        room = BODY_MAX - len(json.dumps({"template": t}, separators=(",", ":")))
        width = len(json.dumps(unit)) - 2
        node[path[-1]] = unit * (room // width) + "x" * (room % width)
        return json.dumps({"template": t}, separators=(",", ":")).encode()

    return [
        fill(["content"], "{a}"),
        fill(["embed", "description"], "{streamer_display_nam_xxxxxxxxxx}"),
        fill(["embed", "description"], "\u0001"),
        fill(["embed", "description"], "{stream_url}"),
    ]


def flood(base, seconds, client, out):
    parsed = urllib.parse.urlsplit(base)
    docs = bodies(base)
    statuses, sent, received = {}, 0, 0
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
    end = time.monotonic() + seconds
    i = 0
    while time.monotonic() < end:
        body = docs[i % len(docs)]
        headers = {"Content-Type": "application/json",
                   "X-Forwarded-For": f"198.{18 + client // 250}.{client % 250}.{i % 250}"}
        try:
            conn.request("POST", "/api/templates/render", body, headers)
            r = conn.getresponse()
            data = r.read()
            statuses[r.status] = statuses.get(r.status, 0) + 1
            sent += len(body)
            received += len(data)
        except OSError:
            statuses["error"] = statuses.get("error", 0) + 1
            conn.close()
            conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
        i += 1
    out.put((statuses, sent, received))


def ping(conn):
    body = '{"type":1}'
    timestamp = str(int(time.time()))
    signature = KEY.sign((timestamp + body).encode()).hex()
    start = time.perf_counter()
    conn.request("POST", "/interactions", body, {
        "Content-Type": "application/json",
        "X-Signature-Ed25519": signature,
        "X-Signature-Timestamp": timestamp,
    })
    r = conn.getresponse()
    answer = r.read()
    elapsed = (time.perf_counter() - start) * 1000
    assert r.status == 200 and json.loads(answer) == {"type": 1}, (r.status, answer)
    return elapsed


def pings(base, seconds):
    parsed = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    out, end = [], time.monotonic() + seconds
    while time.monotonic() < end:
        out.append(ping(conn))
        time.sleep(0.02)
    return out


def summary(ms):
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return statistics.median(ms), p95, ms[-1]


def main():
    base = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0
    clients = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    idle = summary(pings(base, 1.0))
    out = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=flood, args=(base, seconds, c, out)) for c in range(clients)]
    for p in procs:
        p.start()
    time.sleep(0.3)  # the flood is under way
    loaded = summary(pings(base, seconds - 0.5))
    results = [out.get() for _ in procs]
    for p in procs:
        p.join()
    statuses, sent, received = {}, 0, 0
    for s, a, b in results:
        for k, v in s.items():
            statuses[k] = statuses.get(k, 0) + v
        sent += a
        received += b
    answered = sum(v for k, v in statuses.items() if k != "error")
    print(f"previews: {answered} answered in {seconds:.0f} s by {clients} clients, statuses {dict(sorted(statuses.items(), key=str))}, "
          f"{sent / max(answered, 1) / 1000:.1f} KB sent and {received / max(answered, 1) / 1000:.1f} KB received per preview")
    print(f"PING idle:   p50 {idle[0]:7.1f} ms  p95 {idle[1]:7.1f} ms  max {idle[2]:7.1f} ms")
    verdict = "met" if loaded[1] < GOAL_P95_MS else "MISSED"
    print(f"PING flood:  p50 {loaded[0]:7.1f} ms  p95 {loaded[1]:7.1f} ms  max {loaded[2]:7.1f} ms"
          f"   (goal p95 < {GOAL_P95_MS:.0f} ms: {verdict})")


if __name__ == "__main__":
    main()
