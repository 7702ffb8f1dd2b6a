"""Benchmark: Varnish (deploy/varnish/default.vcl) in front of a running Veiviser.

    python benchmarks/varnish_bench.py http://127.0.0.1:8000

Starts Debian's varnishd on a free port in a temporary directory, in front of the given
server (which has the demo content), then runs benchmarks/http_bench.py through it and prints
Varnish's hit rate from the X-Varnish-Cache header of every response it counted.
"""

import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import http_bench  # noqa: E402

from tests.website.varnish import Varnish  # noqa: E402


def main(backend):
    parts = urlsplit(backend)
    with tempfile.TemporaryDirectory(prefix="veiviser-varnish-") as workdir:
        varnish = Varnish(parts.hostname, parts.port, workdir)
        try:
            hits = total = 0
            for _label, path in http_bench.ADDRESSES:
                for _ in range(20):
                    _status, headers, _body = varnish.get(path)
                    total += 1
                    hits += headers.get("X-Varnish-Cache") == "HIT"
            print(f"Varnish hit rate over {total} requests (20 per address): {hits / total:.0%}")
            http_bench.main([varnish.url])
        finally:
            varnish.stop()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
