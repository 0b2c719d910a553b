"""The whole call as one PDF, in one language, for reading offline and printing.

`compose()` joins the rendered content of the call's pages into one HTML
document: each page becomes a section, its ids are prefixed with the page's
name so that they stay unique, links between the call's pages become links
inside the PDF and every other site link becomes absolute. `render()` lays it
out with WeasyPrint (Debian's Pango and the Noto fonts), styled by the site's
print stylesheet plus `call_pdf.css` (page size, margins, running footer,
fonts per language).

    html = compose([Section("call.md", "https://…/call/", "<h1>…")], meta)
    pdf = render(html, [print_css, pdf_css])
"""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin

STYLESHEET = Path(__file__).with_name("call_pdf.css")
SITE_LINK = "data-fov-site-link"  # marks links to the site's other pages
VERSION = 1  # bump when compose() or render() change what a PDF looks like


class PdfError(RuntimeError):
    pass


@dataclass(frozen=True)
class Section:
    source: str  # the page's source path in its language, "call.md"
    url: str  # the page's absolute URL on the site
    html: str  # the page's rendered content (page.content)

    @property
    def name(self) -> str:
        return self.source.rsplit("/", 1)[-1].removesuffix(".md")


@dataclass(frozen=True)
class Meta:
    title: str  # "Call to Action on the Future of Volunteering"
    site_name: str
    site_url: str  # the language's home page, printed on the cover
    language: str  # "zh-Hant"
    direction: str = "ltr"
    author: str = ""
    description: str = ""


def compose(sections: list[Section], meta: Meta) -> str:
    """One HTML document holding every section, in the given order."""
    targets = {_page_key(section.url): section.name for section in sections}
    body = "\n".join(_section_html(section, targets) for section in sections)
    e = html_lib.escape
    return (
        "<!doctype html>\n"
        f'<html lang="{e(meta.language)}" dir="{e(meta.direction)}">\n<head>\n'
        '<meta charset="utf-8">\n'
        f"<title>{e(meta.title)}</title>\n"
        f'<meta name="author" content="{e(meta.author)}">\n'
        f'<meta name="description" content="{e(meta.description)}">\n'
        f'<meta name="generator" content="{e(meta.site_name)}">\n'
        "</head>\n"
        '<body class="md-typeset">\n'
        '<header class="fov-pdf-cover">\n'
        f'<p class="fov-pdf-cover__site">{e(meta.site_name)}</p>\n'
        f'<p class="fov-pdf-cover__title">{e(meta.title)}</p>\n'
        f'<p class="fov-pdf-cover__url"><a href="{e(meta.site_url)}" {SITE_LINK}>'
        f"{e(meta.site_url)}</a></p>\n"
        "</header>\n"
        f"{body}\n</body>\n</html>\n"
    )


def render(document: str, stylesheets: list[str], base_url: str | None = None) -> bytes:
    """The PDF of a composed document (WeasyPrint; fonts through fontconfig)."""
    try:
        import weasyprint
    except OSError as error:  # WeasyPrint loads Pango with cffi when imported
        raise PdfError(
            f"WeasyPrint cannot load Pango ({error}). Install the Debian packages "
            "libpango-1.0-0 and libpangoft2-1.0-0 (make system-deps does)."
        ) from error
    except ImportError as error:
        raise PdfError(
            f"WeasyPrint cannot be imported ({error}). Install the site's packages: "
            "pip install -r requirements.txt, and the Debian packages libpango-1.0-0 and "
            "libpangoft2-1.0-0 (make system-deps does)."
        ) from error
    css = [weasyprint.CSS(string=sheet) for sheet in stylesheets]
    return weasyprint.HTML(string=document, base_url=base_url).write_pdf(stylesheets=css)


def renderer_version() -> str:
    """What the PDF's layout depends on besides its inputs (without importing
    WeasyPrint, which takes half a second: a cached PDF needs no layout)."""
    from importlib.metadata import version

    return f"{VERSION}/weasyprint-{version('weasyprint')}/pydyf-{version('pydyf')}"


def _section_html(section: Section, targets: dict[str, str]) -> str:
    rewriter = _LinkRewriter(section, targets)
    rewriter.feed(section.html)
    rewriter.close()
    return (f'<section class="fov-pdf-section" id="{section.name}">\n'
            f"{''.join(rewriter.out)}\n</section>")


def _is_relative(href: str | None) -> bool:
    return bool(href) and ":" not in href.split("/", 1)[0] and not href.startswith("//")


def _page_key(url: str) -> str:
    """A page URL without fragment and index.html, to compare links with."""
    address = urldefrag(url)[0]
    return address.removesuffix("index.html")


class _LinkRewriter(HTMLParser):
    """Copies HTML as it is, except for ids (prefixed "<page>--") and hrefs
    (made absolute, or pointing inside the PDF)."""

    def __init__(self, section: Section, targets: dict[str, str]):
        super().__init__(convert_charrefs=False)
        self.section = section
        self.targets = targets
        self.out: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.out.append(self._tag(tag, attrs, self.get_starttag_text()))

    def handle_startendtag(self, tag, attrs):
        self.out.append(self._tag(tag, attrs, self.get_starttag_text()))

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def _tag(self, tag, attrs, raw):
        names = {name for name, _ in attrs}
        if not names & {"id", "href"}:
            return raw
        rewritten = [(name, self._value(name, value)) for name, value in attrs]
        if tag == "a" and _is_relative(dict(attrs).get("href")):
            rewritten.append((SITE_LINK, None))  # print.css prints no URL after these
        text = "".join(
            f" {name}" if value is None else f' {name}="{html_lib.escape(value)}"'
            for name, value in rewritten
        )
        closing = "/>" if raw.endswith("/>") else ">"
        return f"<{tag}{text}{closing}"

    def _value(self, name, value):
        if value is None:
            return None
        if name == "id":
            return f"{self.section.name}--{value}"
        if name == "href":
            return self._href(value)
        return value

    def _href(self, href: str) -> str:
        absolute = urljoin(self.section.url, href)
        address, fragment = urldefrag(absolute)
        target = self.targets.get(_page_key(address))
        if target is None:
            return absolute
        return f"#{target}--{fragment}" if fragment else f"#{target}"
