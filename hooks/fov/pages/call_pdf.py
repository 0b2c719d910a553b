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

In the build (hooks/call_pdf.py), `extra.campaign.call_pdf` in mkdocs.yml
names the pages (in order), the file name and, per language, the PDF's title
(`Settings`); `extra.ui.<language>.download_call` is the link's label. While a
language is built, `CallPdfs` keeps the rendered content of those pages and
hands their template `fov_call_pdf` (the link, in the visitor's language;
overrides/partials/actions.html shows it). Once it has every page of a
language it composes the document and writes `<language folder>/<file>`.

PDFs are cached by a hash of the composed document, the stylesheets and the
WeasyPrint version (`.cache/call-pdf` at the project root, `fov.build.build_cache`):
a language whose call did not change costs a file copy. A changed one is laid
out by WeasyPrint in a background process (`fov.build.background`) while MkDocs
builds the other languages. In `mkdocs serve` (every preview) no PDF is made:
one line says so (`fov.commands.preview`); `mkdocs build` always makes it, and a
machine without WeasyPrint's Pango fails it with one clear error.
"""

from __future__ import annotations

import dataclasses
import html as html_lib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Callable, Collection, Mapping
from urllib.parse import urldefrag, urljoin

from fov.base.findings import Finding
from fov.base.report import report

STYLESHEET = Path(__file__).with_name("call_pdf.css")
PRINT_CSS = "assets/stylesheets/print.css"  # in the theme's custom_dir
FILE_NAME = "call-{locale}.pdf"  # when the campaign names none
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

    @classmethod
    def of_site(cls, title: str, site_name: str, site_url: str | None, language: str, direction: str,
                organisations: Collection[Mapping[str, Any]], description: str | None) -> Meta:
        """A language's PDF: its title, else the site's name; the campaign's
        organisations as its author; `site_url` the site's root (or "/")."""
        return cls(title or site_name, site_name, site_url or "/", language, direction,
                   ", ".join(o.get("name", "") for o in organisations), description or "")


@dataclass(frozen=True)
class Settings:
    """The campaign's `call_pdf`."""
    pages: tuple[str, ...] = ()  # the call's pages, in order: "call.md"
    file: str = FILE_NAME  # the file name in each language's folder
    titles: Mapping[str, str] = field(default_factory=dict)  # {locale: the PDF's title}

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Settings:
        return cls(tuple(data.get("pages", [])), data.get("file", FILE_NAME), data.get("title", {}))

    def file_name(self, locale: str) -> str:
        return self.file.format(locale=locale)


@dataclass
class Edition:
    """The call in one language, while its pages are rendered."""
    meta: Meta
    path: str  # in the site: "zh-Hant/call-zh-Hant.pdf"
    target: Path  # the file in the built site
    sections: dict[str, Section] = field(default_factory=dict)  # "call.md" -> its Section
    done: bool = False


class CallPdfs:
    """The call's PDFs of one build, a language at a time. `copy` and `make` are
    the build's cache and background worker (`fov.build.background.SlowFiles`);
    problems go to `log` through the findings channel."""

    def __init__(self, log, copy: Callable[..., bool], make: Callable[..., None]):
        self.log, self.copy, self.make = log, copy, make
        self.settings = Settings()
        self.locales: Collection[str] = ()  # the languages, the first folder of their pages
        self.custom_dir: str | None = None  # the theme's custom_dir, which holds print.css
        self.editions: dict[str, Edition] = {}  # locale -> Edition, in this build

    def source(self, src_uri: str) -> str | None:
        """The call's page a page is ("zh-Hant/call.md" -> "call.md", static-i18n's
        folder structure), None for a page that is not in the PDF."""
        first, _, rest = src_uri.partition("/")
        source = rest if rest and first in self.locales else src_uri
        return source if source in self.settings.pages else None

    def page(self, source: str, url: str, html: str, meta: Meta, site_dir: Path,
             label: str) -> dict[str, str]:
        """Keep a page of the call (`meta`: the PDF's, with the site's root URL);
        its `fov_call_pdf`. A language's PDF is made once its last page is in."""
        edition = self._edition(url, meta, site_dir)
        edition.sections[source] = Section(source, urljoin(meta.site_url, url), html)
        link = {"url": _relative_url(edition.path, url), "file": self.settings.file_name(meta.language),
                "label": label, "language": meta.language}
        if set(self.settings.pages) <= set(edition.sections):
            self._make(edition)
        return link

    def finish(self) -> None:
        """Make the PDF of each language that lacks a page of the call."""
        for edition in self.editions.values():
            if not edition.done:
                self._make(edition)

    def _edition(self, url: str, meta: Meta, site_dir: Path) -> Edition:
        if meta.language not in self.editions:
            first = url.split("/", 1)[0]
            folder = f"{first}/" if first in self.locales else ""
            path = f"{folder}{self.settings.file_name(meta.language)}"
            self.editions[meta.language] = Edition(
                dataclasses.replace(meta, site_url=urljoin(meta.site_url, folder)), path, site_dir / path)
        return self.editions[meta.language]

    def _make(self, edition: Edition) -> None:
        """Write the language's PDF from the cache, or have it laid out."""
        edition.done = True
        sections = [edition.sections[s] for s in self.settings.pages if s in edition.sections]
        document = compose(sections, edition.meta)
        sheets = stylesheets(self.custom_dir)
        inputs = (renderer_version(), document, sheets)
        if self.copy(inputs, edition.target):
            return

        def laid_out(result) -> None:
            self.log.debug(f"{edition.path}: laid out in {result.seconds:.2f} s "
                           f"({len(result.value) // 1024} KiB, {len(sections)} pages)")

        def failed(error: Exception) -> None:
            report(self.log, Finding(
                "mkdocs.yml", 1, f"the PDF of the call could not be made ({edition.path}): {error}",
                "check the pages of extra.campaign.call_pdf.pages build, and that WeasyPrint's system "
                "libraries (Pango) are installed as the Makefile installs them (make install)"))

        self.make(inputs, edition.target, render, document, sheets, failed=failed, then=laid_out)


def stylesheets(custom_dir: str | None) -> list[str]:
    """The site's print stylesheet (from the theme's custom_dir), then the PDF's own."""
    path = Path(custom_dir) / PRINT_CSS if custom_dir else None
    print_css = path.read_text(encoding="utf-8") if path and path.is_file() else ""
    return [print_css, STYLESHEET.read_text(encoding="utf-8")]


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


def _relative_url(path: str, page_url: str) -> str:
    # MkDocs' own rule, imported here: the background worker imports this
    # module, and mkdocs.utils takes a quarter of a second to import.
    from mkdocs.utils import get_relative_url

    return get_relative_url(path, page_url)


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
