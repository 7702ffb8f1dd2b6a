"""Probe: a soak test. N seconds of mixed GET traffic at C concurrent connections to the site,
served by a server this script starts on localhost (SQLite in a temporary directory, or with
--postgres a private PostgreSQL cluster), then errors, latency and the server's memory growth.

    python benchmarks/soak.py --seconds 60 --connections 10 [--postgres]

Only 127.0.0.1 is contacted. Bounded: it stops after --seconds (at most 900).
"""

import argparse
import statistics
import tempfile
import threading
import time
from pathlib import Path

from lib import probe

PATHS = [
    "/", "/nn/", "/suksessfaktorer/", "/suksessfaktorer/faktor-1/", "/suksessfaktorer/faktor-3/",
    "/sitater/", "/erfaringer/", "/casestudier/", "/sok/?q=kommune", "/sok/?q=bolig&factor=2",
    "/sok/?q=%C2%B2&factor=%E2%91%A0", "/sok/forslag/?q=kom", "/tema/boligkontor/", "/nytt/",
    "/feed/", "/api/v2/pages/?limit=5", "/sitemap.xml", "/robots.txt", "/finnes-ikke/",
]  # fmt: skip


def worker(site, stop_at, index, results):
    n = index
    while time.monotonic() < stop_at:
        path = PATHS[n % len(PATHS)]
        n += 7
        started = time.monotonic()
        try:
            status, _headers, _body = probe.get(site.base + path, timeout=30)
        except OSError as error:
            status = repr(error)
        results.append((path, status, time.monotonic() - started))


def soak(site, seconds, connections):
    results = []
    for path in PATHS:  # warm up: every page once
        probe.get(site.base + path, timeout=60)
    rss_start = site.rss_kib()
    stop_at = time.monotonic() + seconds
    threads = [
        threading.Thread(target=worker, args=(site, stop_at, i, results))
        for i in range(connections)
    ]
    samples = [rss_start]
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        time.sleep(1)
        samples.append(site.rss_kib())
    for thread in threads:
        thread.join()
    return results, samples


def report(results, samples, seconds, connections, engine):
    errors = [r for r in results if not isinstance(r[1], int) or r[1] >= 500]
    times = sorted(r[2] for r in results)
    p95 = times[int(len(times) * 0.95) - 1] if times else 0
    mid = samples[len(samples) // 2]
    print(f"soak: {engine}, {seconds} s at {connections} connections (Django runserver, threaded)")
    print(
        f"  requests {len(results)} ({len(results) / seconds:.1f}/s), server errors {len(errors)}"
    )
    print(f"  latency median {statistics.median(times) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
    print(
        f"  server memory {samples[0] / 1024:.1f} MiB after warm-up, {mid / 1024:.1f} MiB halfway,"
        f" {samples[-1] / 1024:.1f} MiB at the end: "
        f"{(samples[-1] - samples[0]) / samples[0] * 100:+.1f} % "
        f"(second half {(samples[-1] - mid) / mid * 100:+.1f} %)"
    )
    for path, status, _elapsed in errors[:10]:
        print(f"  error: {path} {status}")
    return not errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    seconds = min(args.seconds, 900)
    cluster = site = None
    try:
        if args.postgres:
            cluster = probe.PrivateCluster().init()
            cluster.start()
            url, engine = cluster.create_database(), "PostgreSQL"
        else:
            url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='veiviser-soak-')) / 'soak.sqlite3'}"
            engine = "SQLite"
        probe.prepare(url, pages=args.pages)
        site = probe.Site(url)
        results, samples = soak(site, seconds, args.connections)
        ok = report(results, samples, seconds, args.connections, engine)
    finally:
        if site:
            site.stop()
        if cluster:
            cluster.destroy()
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
