"""Which custom domain, if any, a site URL asks GitHub Pages to serve.

site_url is set in one place, the SITE_URL environment variable (the deploy
workflow takes it from GitHub Pages, which knows whether the repository has a
custom domain). A CNAME file is derived from it:

- https://owner.github.io/repo/      a project page: no CNAME
- https://www.example.org/            a custom domain: CNAME "www.example.org"
- https://example.org/repo/           a project page under its owner's custom
                                      domain: no CNAME (the owner's site has it)
- http://127.0.0.1:8000/, localhost   a local build: no CNAME
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

GITHUB_PAGES_SUFFIX = ".github.io"


def _is_local(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def cname_for(site_url: str | None) -> str | None:
    """The host name a CNAME file should hold for this site_url, or None."""
    if not site_url:
        return None
    parts = urlsplit(site_url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host or parts.port is not None:
        return None
    if _is_local(host) or host.endswith(GITHUB_PAGES_SUFFIX):
        return None
    if parts.path not in ("", "/"):
        return None
    return host
