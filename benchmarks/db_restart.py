"""Probe: a database restart under traffic. A private PostgreSQL cluster (started here, on a free
localhost port) serves the site; readers request pages all the time; the cluster is stopped
for --down seconds and started again. Prints what readers and an editor got during the outage
and the recovery time: from the cluster accepting connections again to the first good page.

    python benchmarks/db_restart.py --seconds 60 --down 10

Only 127.0.0.1 is contacted; the cluster and its files are removed afterwards.
"""

import argparse
import collections
import threading
import time

from lib import probe


def readers(site, stop, log, connections=4):
    def read():
        while not stop.is_set():
            try:
                status, _headers, _body = probe.get(site.base + "/", timeout=10)
            except OSError as error:
                status = type(error).__name__
            log.append((time.monotonic(), status))
            time.sleep(0.02)

    threads = [threading.Thread(target=read) for _ in range(connections)]
    for thread in threads:
        thread.start()
    return threads


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--down", type=int, default=10)
    args = parser.parse_args()
    cluster = probe.PrivateCluster().init()
    site = None
    stop = threading.Event()
    log = []
    try:
        cluster.start()
        url = cluster.create_database()
        probe.prepare(url, pages=60)
        site = probe.Site(url)
        opener, token = probe.logged_in(site)
        began = time.monotonic()
        threads = readers(site, stop, log)
        time.sleep(max(1, (args.seconds - args.down) / 3))
        down_at = time.monotonic()
        cluster.stop()
        stopped_at = time.monotonic()
        time.sleep(args.down / 2)
        edit = site.base + "/admin/pages/3/edit/"
        status, _h, body = probe.request(
            edit, {"title": "Endring under brudd", "csrfmiddlewaretoken": token}, opener=opener,
            headers={"Referer": edit, "Origin": site.base},
        )  # fmt: skip
        editor = (status, "IKKE lagret" in body, "Endring under brudd" in body)
        time.sleep(args.down / 2)
        cluster.start()
        up_at = time.monotonic()
        recovered = None
        while recovered is None and time.monotonic() < up_at + 30:
            if any(t >= up_at and s == 200 for t, s in list(log)):
                recovered = min(t for t, s in log if t >= up_at and s == 200) - up_at
            time.sleep(0.01)
        time.sleep(max(0, args.seconds - (time.monotonic() - began)))
        stop.set()
        for thread in threads:
            thread.join()
    finally:
        stop.set()
        if site:
            site.stop()
        cluster.destroy()
    during = collections.Counter(s for t, s in log if stopped_at <= t < up_at)
    before = collections.Counter(s for t, s in log if t < down_at)
    after = collections.Counter(s for t, s in log if t >= up_at + (recovered or 0))
    print(f"db-restart: {len(log)} reader requests in {args.seconds} s, cluster down {args.down} s")
    print(f"  before: {dict(before)}; during: {dict(during)}; after recovery: {dict(after)}")
    print(f"  editor's save during the outage: HTTP {editor[0]}, told not saved: {editor[1]}, "
          f"text given back: {editor[2]}")  # fmt: skip
    print(f"  recovery: {recovered:.2f} s after the cluster accepted connections again"
          if recovered is not None else "  recovery: NOT within 30 s")  # fmt: skip
    bad = [s for s in during if s not in (503,)] + [s for s in after if s != 200]
    raise SystemExit(0 if recovered is not None and not bad and editor[:2] == (503, True) else 1)


if __name__ == "__main__":
    main()
