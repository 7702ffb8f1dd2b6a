"""Screenshots of the public site at phone and desktop width, in real Chromium.

    python scripts/screenshots.py [--base-url http://127.0.0.1:8000] [--out screenshots]

Serve the demo first (`make demo`). Writes one full-page PNG per page and width.
"""

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
PAGES = {
    "home": "/",
    "factor": "/suksessfaktorer/organisering-og-samordning/",
    "factor-nn": "/nn/suksessfaktorer/organisering-og-samordning/",
    "case-study-nn": "/nn/rapporter/organisering-og-planlegging-fire-casestudiar/",
    "quote": "/sitater/hamar-tverrfaglig/",
    "search": "/sok/?q=samarbeid",
    "search-facet": "/sok/?q=samarbeid&theme=tverrfaglig-samarbeid",
    "search-facet-nn": "/nn/sok/?q=samarbeid&theme=tverrfagleg-samarbeid",
    "theme": "/tema/tverrfaglig-samarbeid/",
    "theme-nn": "/nn/tema/tverrfagleg-samarbeid/",
    "not-found": "/finnes-ikke/",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="screenshots", type=Path)
    parser.add_argument("--only", nargs="*", choices=sorted(PAGES), help="pages to take")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    names = args.only or list(PAGES)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width_name, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for name in names:
                response = page.goto(args.base_url.rstrip("/") + PAGES[name])
                if response is None or (response.status >= 400 and name != "not-found"):
                    status = response.status if response else "no response"
                    print(f"{name}: {status}", file=sys.stderr)
                    return 1
                page.evaluate("document.fonts.ready")
                path = args.out / f"{name}-{width_name}.png"
                page.screenshot(path=str(path), full_page=True)
                print(path)
            context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
