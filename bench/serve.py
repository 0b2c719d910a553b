"""A local static server on 127.0.0.1 that answers like GitHub Pages does:
gzip for text when the browser asks for it, `Cache-Control: max-age=600`,
and 404.html for a missing page. Lighthouse judges compression and caching,
so a plain http.server would understate what visitors really get.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import socketserver
import threading
from pathlib import Path

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml",
                    "application/xml")


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "application/javascript", ".json": "application/json"}

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the stock handler redirects to "dir/"
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
            if not path.is_file():
                return self.send_error(404)
        self._send_file(status, path)

    def _send_file(self, status: int, path: Path) -> None:
        body = path.read_bytes()
        content_type = self.guess_type(str(path))
        gzipped = (content_type.startswith(COMPRESSED_TYPES)
                   and "gzip" in self.headers.get("Accept-Encoding", ""))
        if gzipped:
            body = gzip.compress(body, 6)  # what GitHub Pages' servers do, near enough
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextlib.contextmanager
def serve(directory: Path, port: int = 0):
    """Serve `directory` (it may be filled after the server starts) and yield
    its base URL, e.g. http://127.0.0.1:8101/. A fixed `port` keeps the site's
    URL, and so what the build caches by it (social cards), the same from one
    run to the next; if it is taken, any free port is used."""
    directory.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_PagesHandler, directory=os.fspath(directory))
    try:
        server = _Server(("127.0.0.1", port), handler)
    except OSError:
        server = _Server(("127.0.0.1", 0), handler)
    with server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
