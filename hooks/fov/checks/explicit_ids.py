"""Which heading ids an author wrote ({#id}) and which the toc extension made
from the heading's words.

A made-up id changes when the heading is reworded or translated, so links
must point at written ones. This Python-Markdown extension notes the headings
that have no id once attribute lists are applied (attr_list runs at priority
8, toc at 5), and after toc has run, the ids it gave them.
"""

from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class HeadingIdsExtension(Extension):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.auto_ids: frozenset[str] = frozenset()  # of the document rendered last

    def extendMarkdown(self, md):
        unnamed: list = []
        md.treeprocessors.register(_NoteUnnamed(md, unnamed), "fov_unnamed_headings", 6)
        md.treeprocessors.register(_CollectAutoIds(md, unnamed, self), "fov_auto_heading_ids", 1)


class _NoteUnnamed(Treeprocessor):
    def __init__(self, md, unnamed: list):
        super().__init__(md)
        self.unnamed = unnamed

    def run(self, root):
        self.unnamed[:] = [e for e in root.iter() if e.tag in HEADINGS and not e.get("id")]


class _CollectAutoIds(Treeprocessor):
    def __init__(self, md, unnamed: list, extension: HeadingIdsExtension):
        super().__init__(md)
        self.unnamed = unnamed
        self.extension = extension

    def run(self, root):
        self.extension.auto_ids = frozenset(e.get("id") for e in self.unnamed if e.get("id"))
        self.unnamed.clear()
