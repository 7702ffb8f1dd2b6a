"""Benchmark over HTTP: req/s, p50 and p99 per page type against running servers.

    python benchmarks/http_bench.py http://127.0.0.1:18431 [http://127.0.0.1:18432 ...]

Each base URL is a running site with the demo content (`make production` after
`manage.py load_initial_data`), e.g. one with the page cache off (VEIVISER_PAGE_CACHE=false),
one with it on, and Varnish in front. Every address is asked by CONCURRENCY threads for
SECONDS; a static file through the same server is the ceiling. Prints one table per server and
each page type's ratio to the static file. No wrk or ab needed: a Python loop over keep-alive
connections (http.client), so the client shares the 2 CPU cores with the server, which caps
the figures on this machine; compare the ratios.
"""

import http.client
import os
import statistics
import sys
import threading
import time
from urllib.parse import urlsplit

CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "4"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
ANSWERS = "&".join(f"f{n}-{i}=2" for n in range(1, 7) for i in range(3)) + "&vis=1"
ADDRESSES = [
    ("static file", "/static/css/veiviser.css"),
    ("home", "/"),
    ("home (nn)", "/nn/"),
    ("factor index", "/suksessfaktorer/"),
    ("factor page", "/suksessfaktorer/forankring-og-eierskap/"),
    ("factor page (nn)", "/nn/suksessfaktorar/forankring-og-eigarskap/"),
    ("activity", "/suksessfaktorer/forankring-og-eierskap/involvere-ledelsen-og-oke-kompetansen/"),
    ("quote", "/sitater/hamar-tverrfaglig/"),
    ("article", "/erfaringer/organisering-og-samordning-erfaringer/"),
    ("case study", "/rapporter/organisering-og-planlegging-fire-casestudier/"),
    ("work process", "/arbeidsprosesser/helhetlig-boligpolitisk-planlegging/"),
    ("glossary", "/ordliste/"),
    ("self-assessment result", f"/hvor-star-vi/?{ANSWERS}"),
    ("Hva er nytt", "/nytt/"),
    ("feed", "/feed/"),
    ("sitemap.xml", "/sitemap.xml"),
    ("search", "/sok/?q=bolig"),
]


def load(base, path):
    parts = urlsplit(base)
    latencies, errors = [], [0]
    deadline = time.perf_counter() + SECONDS

    def worker():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Accept-Encoding": "identity"})
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    errors[0] += 1
            except (OSError, http.client.HTTPException):
                errors[0] += 1
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                continue
            latencies.append((time.perf_counter() - start) * 1000)
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(CONCURRENCY)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else 0  # noqa: E731
    return len(latencies) / elapsed, statistics.median(latencies or [0]), p(0.99), errors[0]


def main(bases):
    for base in bases:
        print(f"\n{base}  ({CONCURRENCY} clients, {SECONDS:.0f} s per address)")
        print(f"  {'address':24} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'× static':>9} errors")
        static = None
        for label, path in ADDRESSES:
            rate, p50, p99, errors = load(base, path)
            static = static or rate
            print(f"  {label:24} {rate:8.1f} {p50:8.1f} {p99:8.1f} {rate / static:9.2f} {errors:6}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["http://127.0.0.1:8000"])
