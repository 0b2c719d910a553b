"""Links into the repository on GitHub for translators.

`create_file_url` opens GitHub's "create a new file" page for a missing
translation, prefilled with the English page and the translation record of the
English it starts from, so whoever translates in the browser never computes a
hash. GitHub takes the text from the `value` query parameter; very long URLs
are refused, so a long page is prefilled with its headings (the ids that must
stay) only, and a page whose headings alone are too long with nothing.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from fov.translation import sections as sect
from fov.translation.translations import write_record

# Well under the ~8 KB request lines that front-end servers commonly accept.
MAX_URL_LENGTH = 7000


def repo_web_url(repo_url: str) -> str:
    return repo_url.rstrip("/").removesuffix(".git")


def create_file_url(repo_url: str, branch: str, docs_path: str, locale: str, page: str,
                    english_text: str | None = None, max_length: int = MAX_URL_LENGTH) -> str:
    folder = "/".join(p for p in (docs_path.strip("/"), locale) if p)
    base = f"{repo_web_url(repo_url)}/new/{quote(branch)}/{quote(folder)}"
    plain = f"{base}?{urlencode({'filename': page}, quote_via=quote)}"
    if english_text is None:
        return plain
    for value in (prefill(english_text), skeleton(english_text)):
        url = f"{base}?{urlencode({'filename': page, 'value': value}, quote_via=quote)}"
        if len(url) <= max_length:
            return url
    return plain


def edit_file_url(repo_url: str, branch: str, docs_path: str, src_uri: str) -> str:
    path = "/".join(p for p in (docs_path.strip("/"), src_uri) if p)
    return f"{repo_web_url(repo_url)}/edit/{quote(branch)}/{quote(path)}"


def prefill(english_text: str) -> str:
    """The English page, recorded as the version the new translation starts from."""
    english = sect.parse(english_text)
    return write_record(english_text, english.hashes)


def skeleton(english_text: str) -> str:
    """The front matter (with the record) and the headings of the English page."""
    english = sect.parse(english_text)
    front_matter, body, body_line = sect.split_front_matter(english_text)
    lines = body.splitlines()
    heads = [lines[line - body_line] for line, *_ in sect.headings(body, body_line)]
    outline = "\n\n".join(heads) + "\n"
    head = f"---\n{front_matter}---\n" if front_matter is not None else ""
    return write_record(head + "\n" + outline, english.hashes)
