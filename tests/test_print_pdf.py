"""Printing and offline reading: the whole call as a PDF per language, built
with the site and linked from the call's pages in the visitor's language; and
the print stylesheet, checked in Chromium with print media emulated."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from conftest import LANGUAGES, ROOT, build_site, project_config, write_fixture_site
from fov.pages import call_pdf

CALL_PAGES = ["call", "recognise", "support", "protect"]


def settings() -> dict:
    """extra as a build has it (each language's words from its file)."""
    return project_config()["extra"]


def folder(site, language):
    return site if language == LANGUAGES[0] else site / language


class _Page(HTMLParser):
    """A built page's content headings (h1 and h2 with an id, as Markdown
    writes them) and its PDF link."""

    def __init__(self):
        super().__init__()
        self.headings: list[str] = []
        self.download: dict | None = None
        self._heading: list[str] | None = None
        self._in_permalink = False
        self._in_download = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag in ("h1", "h2") and attributes.get("id"):
            self._heading = []
        elif tag == "a" and "headerlink" in classes:
            self._in_permalink = True
        elif tag == "a" and "fov-download" in classes:
            self.download = {**attributes, "text": ""}
            self._in_download = True

    def handle_endtag(self, tag):
        if tag in ("h1", "h2") and self._heading is not None:
            self.headings.append("".join(self._heading).strip())
            self._heading = None
        elif tag == "a":
            self._in_permalink = self._in_download = False

    def handle_data(self, data):
        if self._heading is not None and not self._in_permalink:
            self._heading.append(data)
        if self._in_download:
            self.download["text"] = " ".join((self.download["text"] + data).split())


def read_page(site, language, name) -> _Page:
    parser = _Page()
    parser.feed((folder(site, language) / name / "index.html").read_text(encoding="utf-8"))
    parser.close()
    return parser


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_holds_the_whole_call_in_its_language(real_site, language):
    pdf = folder(real_site.site, language) / f"call-to-action-{language}.pdf"
    reader = PdfReader(pdf)
    text = squeeze("".join(page.extract_text() for page in reader.pages))
    title = settings()["campaign"]["call_pdf"]["title"][language]
    assert squeeze(title) in text
    for name in CALL_PAGES:
        for heading in read_page(real_site.site, language, name).headings:
            assert squeeze(heading) in text, f"{language}/{name}: '{heading}' is not in the PDF"
    assert reader.metadata.title == title


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_of_the_call_links_to_the_pdf_in_its_language(real_site, language):
    label = settings()["ui"][language]["download_call"]
    for name in CALL_PAGES:
        link = read_page(real_site.site, language, name).download
        assert link is not None, f"{language}/{name} has no PDF link"
        assert link["text"] == label and link["hreflang"] == language
        target = (folder(real_site.site, language) / name / link["href"]).resolve()
        assert target.name == f"call-to-action-{language}.pdf" and target.is_file()
    assert read_page(real_site.site, language, "contact").download is None


def test_links_between_the_calls_pages_stay_inside_the_pdf():
    sections = [
        call_pdf.Section("call.md", "https://site.org/call/",
                         '<h1 id="the-call">Call</h1><p><a href="../recognise/#r-1">R1</a> '
                         '<a href="../contact/">Contact</a> <a href="https://iave.org">IAVE</a> '
                         '<a href="#the-call">Top</a></p>'),
        call_pdf.Section("recognise.md", "https://site.org/recognise/",
                         '<h1 id="recognise">Recognise</h1><h3 id="r-1">One</h3>'),
    ]
    meta = call_pdf.Meta("Title", "Site", "https://site.org/", "en")
    document = call_pdf.compose(sections, meta)
    assert 'href="#recognise--r-1"' in document and 'id="recognise--r-1"' in document
    assert 'href="#call--the-call"' in document and 'id="call--the-call"' in document
    assert 'href="https://site.org/contact/" data-fov-site-link' in document
    assert '<a href="https://iave.org">' in document


def test_a_languages_pdf_is_made_once_when_its_last_page_of_the_call_is_in(tmp_path):
    made = []
    pdfs = call_pdf.CallPdfs(None, copy=lambda inputs, target: False,
                             make=lambda inputs, target, render, document, *rest, **options:
                             made.append((target, document)))
    pdfs.settings = call_pdf.Settings.of({"pages": ["call.md", "protect.md"], "file": "call-{locale}.pdf"})
    pdfs.locales = {"en", "fr"}
    meta = call_pdf.Meta.of_site("", "Site", "https://site.org/", "fr", "ltr", [{"name": "A"}, {"name": "B"}], None)
    assert pdfs.source("fr/protect.md") == "protect.md" and pdfs.source("fr/contact.md") is None
    link = pdfs.page("protect.md", "fr/protect/", "<h1>Protéger</h1>", meta, tmp_path, "Télécharger")
    assert link == {"url": "../call-fr.pdf", "file": "call-fr.pdf", "label": "Télécharger", "language": "fr"}
    assert not made, "made before the last page of the call"
    pdfs.page("call.md", "fr/call/", "<h1>Appel</h1>", meta, tmp_path, "Télécharger")
    pdfs.finish()
    [(target, document)] = made
    assert target == tmp_path / "fr" / "call-fr.pdf"
    assert document.index("Appel") < document.index("Protéger"), "not in the order of the settings"
    assert "<title>Site</title>" in document and 'content="A, B"' in document
    assert 'href="https://site.org/fr/" data-fov-site-link' in document


def test_a_language_missing_pages_of_the_call_gets_a_pdf_of_the_rest(tmp_path):
    config = write_fixture_site(tmp_path, {
        "en/index.md": "---\ndescription: Home.\n---\n\n# Home {#home}\n",
        "en/call.md": "---\ndescription: Call.\n---\n\n# The call {#the-call}\n\nVolunteers matter.\n",
    }, hooks=["language_versions.py", "not_found_page.py", "call_pdf.py"])
    result = build_site(config, tmp_path / "site")
    assert result.ok, result.text
    text = PdfReader(tmp_path / "site/call-to-action-en.pdf").pages[1].extract_text()
    assert "Volunteers matter." in text


@pytest.mark.browser
def test_printing_hides_the_site_chrome_and_writes_out_external_links(page, site_server):
    page.goto(site_server + "/contact/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer',
        '.md-search', '.fov-share'].map(s => {
            const e = document.querySelector(s);
            return e ? [s, getComputedStyle(e).display] : [s, 'none'];
        })""")
    assert all(display == "none" for _, display in hidden), hidden
    after = page.evaluate("""() => [...document.querySelectorAll('article a[href]')].map(a =>
        [a.getAttribute('href'), getComputedStyle(a, '::after').content])""")
    external = [(href, content) for href, content in after if href.startswith("https://")]
    internal = [(href, content) for href, content in after
                if not href.startswith(("https://", "mailto:", "#"))]
    assert external and all(href in content for href, content in external), external
    assert all(content in ("none", "normal") for _, content in internal), internal
