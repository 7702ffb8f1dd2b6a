"""Benchmark over HTTP: req/s, p50 and p99 per page type against running servers.

    python benchmarks/http_bench.py http://127.0.0.1:18431 [http://127.0.0.1:18432 ...]

Each base URL is a running site with the demo content (`make production` after
`manage.py load_initial_data`), e.g. one with the page cache off (VEIVISER_PAGE_CACHE=false),
one with it on, and Varnish in front. Every address is asked by CONCURRENCY threads for
SECONDS; a static file through the same server is the ceiling. Prints one table per server and
each page type's ratio to the static file. No wrk or ab needed: a Python loop over keep-alive
connections (http.client), so the client shares the 2 CPU cores with the server, which caps
the figures on this machine; compare the ratios.

    python benchmarks/http_bench.py --wrk URL [URL ...]

With wrk (Debian package wrk): each URL in turn, `wrk -t1 -c8 -d8s` each, BENCH_ROUNDS
rounds, so that load from elsewhere hits them alike; each page's req/s is divided by the mean
of the static files' (/static/ URLs) in the same round. One base URL alone: static file,
factor page (warm it first: it must be in the page cache), static file. Prints each round,
the median ratios and the load average.
"""

import http.client
import os
import re
import statistics
import subprocess
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


def wrk(url):
    command = ["wrk", "-t1", "-c8", f"-d{SECONDS:.0f}s", "-H", "Accept-Encoding: identity", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in output:
        raise SystemExit(f"{url}: answers other than 200\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def alternate(urls):
    """Each URL in turn, BENCH_ROUNDS rounds; pages against the static files of their round."""
    rounds = int(os.environ.get("BENCH_ROUNDS", "5"))
    if len(urls) == 1:
        urls = [urls[0] + ADDRESSES[0][1], urls[0] + ADDRESSES[4][1], urls[0] + ADDRESSES[0][1]]
    statics = [url for url in urls if "/static/" in url]
    ratios = {url: [] for url in urls if url not in statics}
    print(f"wrk -t1 -c8 -d{SECONDS:.0f}s, in turn, {rounds} rounds; load before {load_average()}")
    for round_ in range(1, rounds + 1):
        rates = {url: wrk(url) for url in urls}
        static = statics and statistics.mean(rates[url] for url in statics)
        figures = "  ".join(f"{rate:6.0f}" for rate in rates.values())
        for url in ratios:
            ratios[url].append(rates[url] / static if static else 0)
        shares = " ".join(f"{values[-1]:.2f}" for values in ratios.values())
        print(f"  round {round_}: req/s {figures}   × static {shares}   load {load_average()}")
    for url, values in ratios.items():
        print(f"  {url}: median {statistics.median(values):.2f} × static (min {min(values):.2f})")
    print(f"  load after: {load_average()}")


def load_average():
    return " ".join(f"{n:.2f}" for n in os.getloadavg())


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
    if sys.argv[1:2] == ["--wrk"]:
        SECONDS = float(os.environ.get("BENCH_SECONDS", "8"))
        alternate(sys.argv[2:])
    else:
        main(sys.argv[1:] or ["http://127.0.0.1:8000"])
