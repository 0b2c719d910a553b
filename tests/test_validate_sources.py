"""Files as saved (fov.base.source_file), finding the source line of a problem
(fov.base.source_map), and how findings are reported (fov.base.findings, fov.base.report)."""

from __future__ import annotations

import io
import logging

import pytest

from fov.base import report
from fov.base.findings import Finding, github_annotation, Problem
from fov.base.source_file import read_source
from fov.base.source_map import SourceMap


@pytest.mark.parametrize("data", [
    b"---\ndescription: A page.\n---\n\n# Title {#title}\n",
    "\ufeff---\r\ndescription: 中文說明\r\n---\r\n\r\n# 標題 {#title}\r\n".encode("utf-8"),  # BOM, CRLF
    b"# No front matter\n\nText.\n",
    b"---\ndescription: \"Protect: safe environments\"\ntitle: Protect\n---\n",
    b"",
])
def test_good_files_have_no_problem(data):
    text, problems = read_source(data)
    assert problems == []
    assert "\r" not in text and not text.startswith("\ufeff")


def test_a_file_that_is_not_utf8_is_named_at_its_line_and_column():
    data = "---\ndescription: ok\n---\n\n# 標題\n\n志工".encode("big5")
    text, (problem,) = read_source(data)
    assert problem.line == 5
    assert "not UTF-8: byte 0x" in problem.what and "column 3" in problem.what
    assert "UTF-8" in problem.fix
    assert "Big5" in problem.what  # the encoding it most likely is
    assert text.endswith("# 標題\n\n志工")  # the build goes on with the text read as Big5


def test_a_windows_1252_file_is_named_at_the_right_line_with_crlf():
    _, (problem,) = read_source(b"# Title\r\n\r\nCaf\xe9\r\n")
    assert problem.line == 3


@pytest.mark.parametrize("data, line, words", [
    (b"---\ndescription: Protect: safe environments\n---\n", 2, "not valid YAML: mapping values"),
    (b"---\ndescription: x\ntitle: \"unclosed\n---\n# T\n", 3, "not valid YAML"),
    (b"---\ndescription: never closed\n\n# Title\n", 1, "never closed"),
    (b"---\n- a list\n---\n", 2, "not a list of 'key: value' lines"),
    (b"---\n---\n# T\n", 1, "empty"),
    (b"---\r\ndescription: a: b\r\n---\r\n", 2, "not valid YAML"),
])
def test_broken_front_matter_is_named_at_its_line(data, line, words):
    _, (problem,) = read_source(data)
    assert problem.line == line and words in problem.what and problem.fix


SOURCE = """---
description: A page.
---

# Title {#title}

Text with `#inline` code and #tag.

## Share {#share}

```
#tag in a fence
```

Another #tag here.
<div id="box">raw</div>
"""


def test_a_problem_is_placed_at_its_needle_after_its_section_heading():
    source = SourceMap(SOURCE, "docs/en/x.md")
    assert source.heading_line("share") == 9 and source.heading_line("box") == 16
    assert source.line_of(Problem("w", "f", needles=("#tag",), section=("title", "share"))) == 15
    assert source.line_of(Problem("w", "f", needles=("#tag",), section=("title",))) == 7
    assert source.line_of(Problem("w", "f", needles=("#inline",))) == 7  # only in code: still found
    assert source.line_of(Problem("w", "f", needles=("nowhere",), section=("share",))) == 9
    assert source.line_of(Problem("w", "f", line=3)) == 3
    assert source.locate(Problem("w", "f", needles=("raw",))) == Finding("docs/en/x.md", 16, "w", "f")


def test_code_and_front_matter_are_masked_but_share_fences_are_found():
    source = SourceMap("---\na: '#tag'\n---\n~~~ share\ntext: #tag\n~~~\n\n```share\nx\n```\n#tag\n", "p")
    assert source.find("#tag") == 11
    assert source.fence_lines("share") == [4, 8]


def test_a_bom_and_crlf_do_not_shift_lines():
    source = SourceMap("\ufeff# T {#t}\r\n\r\nline #x\r\n", "p")
    assert source.find("#x") == 3 and source.heading_line("t") == 1


def test_a_finding_names_path_line_problem_and_fix():
    finding = Finding("docs/zh-Hant/call.md", 12, "the link is broken", "fix it")
    assert finding.message == "docs/zh-Hant/call.md:12: the link is broken. Fix: fix it."


def test_the_github_annotation_is_escaped_for_the_workflow_command():
    finding = Finding("docs/a,b:c.md", 3, "100% wrong\nreally", "do: this")
    assert github_annotation(finding) == (
        "::error file=docs/a%2Cb%3Ac.md,line=3::100%25 wrong%0Areally. Fix: do: this."
    )


class _Log:
    def __init__(self):
        self.messages = []

    def warning(self, message):
        self.messages.append(message)


def test_a_finding_is_reported_once_per_build_and_annotated_on_github():
    log, out = _Log(), io.StringIO()
    finding = Finding("docs/en/x.md", 2, "wrong", "right")
    report.start_build(top_level=True)
    assert report.report(log, finding, environ={"GITHUB_ACTIONS": "true"}, stream=out)
    assert not report.report(log, finding, environ={"GITHUB_ACTIONS": "true"}, stream=out)
    report.start_build(top_level=False)  # another language of the same build: still known
    assert not report.report(log, finding, environ={}, stream=out)
    report.start_build(top_level=True)
    assert report.report(log, finding, environ={}, stream=out)
    assert log.messages == [finding.message, finding.message]
    assert out.getvalue() == github_annotation(finding) + "\n"


def test_the_report_goes_through_a_real_logger():
    logger = logging.getLogger("test_validate_sources")
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger.addHandler(handler)
    try:
        report.start_build(top_level=True)
        report.report(logger, Finding("p.md", 1, "a", "b"), environ={})
    finally:
        logger.removeHandler(handler)
    assert [(r.levelno, r.getMessage()) for r in records] == [(logging.WARNING, "p.md:1: a. Fix: b.")]


def test_mkdocs_list_of_pages_outside_the_menu_keeps_all_but_the_translations_reported_with_their_fix():
    from fov.checks.source_checks import OmittedPages
    omitted = OmittedPages()
    listed = "The following pages exist in the docs directory, but are not included in the \"nav\" configuration:"
    record = logging.LogRecord("mkdocs.structure.nav", logging.INFO, "", 0, listed + "\n  - %s\n  - %s",
                               ("en/extra.md", "fr/contacts.md"), None)
    assert omitted.filter(record) and record.getMessage() == listed + "\n  - en/extra.md\n  - fr/contacts.md"
    omitted.no_original.add("fr/contacts.md")
    assert omitted.filter(record) and record.getMessage() == listed + "\n  - en/extra.md"
    only = logging.LogRecord("mkdocs.structure.nav", logging.INFO, "", 0, listed + "\n  - fr/contacts.md", (), None)
    assert not omitted.filter(only)
    other = logging.LogRecord("mkdocs.structure.nav", logging.INFO, "", 0, "fr/contacts.md", (), None)
    assert omitted.filter(other)


def test_a_hook_loaded_again_replaces_its_message_filter_instead_of_adding_a_second():
    from fov.checks.source_checks import OmittedPages
    logger = logging.getLogger("test_validate_sources.filters")
    first, second = OmittedPages(), OmittedPages()
    report.filter_messages(logger.name, first)
    report.filter_messages(logger.name, second)
    try:
        assert logger.filters == [second]
    finally:
        logger.removeFilter(second)
