#!/usr/bin/env python3
"""Load on a running `summering serve`, loopback only; called by benches/serve.sh.

    serve_load.py PORT PID [IDLE] [REQUESTS] [CONCURRENCY]

Prints one Markdown table row per stage:
  1. baseline: a page fetched 20 times, one after another, nothing else open;
  2. the same while IDLE connections (default 500) are open and send nothing;
  3. REQUESTS requests (default 2,000), CONCURRENCY (16) at a time, each on a
     new connection, with the idle connections still open.
For each: median and worst time of one request, errors, and the threads and
resident memory of the server process (from /proc/PID).
A request not answered within 2 s counts as an error; a stage gives up after
3 (one after another) or 50 (in parallel) errors. Standard library only;
every socket has a time-out, so the script cannot hang.
"""

import concurrent.futures
import socket
import statistics
import sys
import threading
import time

HOST = "127.0.0.1"
PAGE = "/sv/2021/index.html"
# A request not answered in 2 s (20 times the target) counts as an error.
TIMEOUT = 2.0
GIVE_UP = 50
GIVE_UP_SEQUENTIAL = 3


def fetch(port, path=PAGE):
    """One GET on a new connection; returns (seconds, status), status 0 when
    the connection failed or timed out."""
    started = time.perf_counter()
    try:
        return fetch_or_raise(port, path, started)
    except OSError:
        return time.perf_counter() - started, 0


def fetch_or_raise(port, path, started):
    with socket.create_connection((HOST, port), timeout=TIMEOUT) as s:
        s.sendall(
            f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nConnection: close\r\n\r\n".encode()
        )
        chunks = []
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    took = time.perf_counter() - started
    answer = b"".join(chunks)
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else 0
    return took, status


def sequential(port, n=20):
    times, errors = [], 0
    for _ in range(n):
        took, status = fetch(port)
        times.append(took)
        errors += status != 200
        if errors >= GIVE_UP_SEQUENTIAL:
            break
    return times, errors


def in_parallel(port, requests, concurrency):
    """`requests` fetches, `concurrency` at a time; gives up after
    GIVE_UP errors (the rest are not sent, and not counted)."""
    errors = 0
    lock = threading.Lock()

    def one(_):
        nonlocal errors
        if errors >= GIVE_UP:
            return None
        took, status = fetch(port)
        if status != 200:
            with lock:
                errors += 1
        return took

    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        started = time.perf_counter()
        results = [t for t in pool.map(one, range(requests)) if t is not None]
        wall = time.perf_counter() - started
    return results, errors, wall


def process(pid):
    with open(f"/proc/{pid}/status") as f:
        fields = dict(line.split(":", 1) for line in f if ":" in line)
    return int(fields["Threads"]), int(fields["VmRSS"].split()[0]) // 1024


def row(stage, times, errors, pid, extra=""):
    threads, rss = process(pid)
    median = statistics.median(times) * 1000
    worst = max(times) * 1000
    print(
        f"| {stage} | {len(times)} | {median:.2f} ms | {worst:.1f} ms | {errors} | {threads} | {rss} MB |{extra}"
    )


def still_open(sockets):
    """How many of `sockets` the server has not closed."""
    count = 0
    for s in sockets:
        s.setblocking(False)
        try:
            if s.recv(1, socket.MSG_PEEK):
                count += 1  # it sent something (an error page): still open
        except BlockingIOError:
            count += 1
        except OSError:
            pass
    return count


def main():
    port, pid = int(sys.argv[1]), int(sys.argv[2])
    idle_count = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    requests = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
    concurrency = int(sys.argv[5]) if len(sys.argv) > 5 else 16

    print("| stage | requests | median | worst | errors | server threads | server RSS |")
    print("|---|---|---|---|---|---|---|")
    sequential(port, 10)  # warm-up
    times, errors = sequential(port)
    row("baseline, nothing else open", times, errors, pid)

    idle = []
    try:
        for _ in range(idle_count):
            idle.append(socket.create_connection((HOST, port), timeout=TIMEOUT))
        # The server accepts in order: once this answer is back, it has taken all of them.
        fetch(port)
        times, errors = sequential(port)
        row(f"{idle_count} idle connections open", times, errors, pid)
        times, errors, wall = in_parallel(port, requests, concurrency)
        row(
            f"{requests} requests, {concurrency} at a time, idle still open",
            times,
            errors,
            pid,
            f" {requests / wall:.0f} requests/s",
        )
        print(f"\nidle connections still open at the end: {still_open(idle)} of {idle_count}")
    finally:
        for s in idle:
            s.close()


if __name__ == "__main__":
    main()
