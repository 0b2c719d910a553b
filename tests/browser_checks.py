"""Browser-side checks shared by the visitor tests: axe-core run in a page, and
a built fixture site served on 127.0.0.1.

axe-core comes from npm (tests/package.json, installed by `npm ci --prefix
tests`, which `make test` runs). The site's Content-Security-Policy allows no
injected script, so pages that run axe are opened in a browser context made
with `bypass_csp=True`.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import socketserver
import threading
from pathlib import Path

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"

_RUN_AXE = """async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary.split("\\n").join(" "))
  }));
}"""


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page as it is now (every rule axe runs by
    default: WCAG 2.x A and AA, and best practices)."""
    if not AXE.is_file():
        raise FileNotFoundError(f"{AXE} is missing: run `npm ci --prefix tests` (make test does).")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(_RUN_AXE)


def describe(violations: list[dict], where: str) -> str:
    lines = []
    for v in violations:
        lines.append(f"{where}: {v['id']} ({v['impact']}): {v['help']}")
        lines += [f"    {node}" for node in v["nodes"][:5]]
    return "\n".join(lines)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """Serve `directory` over HTTP on 127.0.0.1; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()


def color_scheme(page) -> str:
    return page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
