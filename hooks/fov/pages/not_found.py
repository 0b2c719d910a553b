"""The one 404.html GitHub Pages serves for every language (overrides/404.html).

MkDocs renders 404.html again in each language's build, over the same file,
so it must not depend on the language being built: it is given every language
at once (`fov_404`, `not_found_context`): name, site name, text direction,
home and call page (absolute paths, as a 404 page is served at any address),
and interface strings (`extra.ui`). The browser shows the language of the
requested path (assets/javascripts/fov.js); without JavaScript the page is
English with links to every language's home.
"""

from __future__ import annotations

from typing import Mapping
from urllib.parse import urlsplit

from mkdocs.structure.files import File

from fov.data.campaign import Campaign, Languages


def site_base(site_url: str) -> str:
    """The site's absolute path ("/" or "/project/"), from its URL."""
    base = urlsplit(site_url or "/").path or "/"
    return base if base.endswith("/") else base + "/"


def not_found_context(site_url: str, langs: Languages, campaign: Campaign, site_names: Mapping[str, str],
                      directions: Mapping[str, str], site_name: str, directory_urls: bool = True) -> dict:
    """`fov_404`: every language's `site_names` and `directions` ("ltr", "rtl")
    as each language's build set them; `site_name` where one is missing. The call's
    page (Campaign.call_page) is linked where the campaign has one."""
    base = site_base(site_url)
    call = File(campaign.call_page, None, "", directory_urls).url if campaign.call_page else ""
    codes, default, names = list(langs.built), langs.default, langs.names
    keys = list(dict.fromkeys(key for strings in campaign.ui.values() for key in strings))
    entries = []
    for code in codes:
        home = base if code == default or default is None else f"{base}{code}/"
        entries.append({
            "code": code,
            "name": names.get(code, code),
            "site_name": site_names.get(code, site_name),
            "direction": directions.get(code, "ltr"),
            "home": home,
            "call": home + call if call else "",
            "strings": {key: campaign.ui_text(langs, code, key) for key in keys},
        })
    return {"base": base, "default": default or codes[0], "languages": entries}
