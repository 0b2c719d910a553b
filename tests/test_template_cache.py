"""hooks/template_cache.py (fov.base.template_cache): theme templates compiled once
per process, and the site they build unchanged."""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader

from conftest import build_site, write_fixture_site
from fov.base.template_cache import SHARED, SharedBytecodeCache


class _CountingEnvironment(Environment):
    """A real environment that counts what it compiles."""

    compiled: list[str] = []

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        type(self).compiled.append(name)
        return super().compile(source, name, filename, raw, defer_init)


def _environment(folder, cache, **settings):
    return _CountingEnvironment(loader=FileSystemLoader(str(folder)), bytecode_cache=cache, **settings)


def test_environments_set_up_alike_compile_each_template_once(tmp_path):
    (tmp_path / "page.html").write_text("{{ title | upper }}!", encoding="utf-8")
    cache, _CountingEnvironment.compiled = SharedBytecodeCache(), []
    first, second = _environment(tmp_path, cache), _environment(tmp_path, cache)
    assert first.get_template("page.html").render(title="a") == "A!"
    assert second.get_template("page.html").render(title="b") == "B!"
    assert _CountingEnvironment.compiled == ["page.html"]


def test_an_edited_template_is_compiled_afresh(tmp_path):
    template = tmp_path / "page.html"
    template.write_text("old {{ x }}", encoding="utf-8")
    cache, _CountingEnvironment.compiled = SharedBytecodeCache(), []
    assert _environment(tmp_path, cache).get_template("page.html").render(x=1) == "old 1"
    template.write_text("new {{ x }}", encoding="utf-8")
    assert _environment(tmp_path, cache).get_template("page.html").render(x=2) == "new 2"
    assert _CountingEnvironment.compiled == ["page.html", "page.html"]


def test_an_environment_set_up_differently_gets_its_own_code(tmp_path):
    (tmp_path / "page.html").write_text("{{ '<b>' }}{{ x }}", encoding="utf-8")
    cache, _CountingEnvironment.compiled = SharedBytecodeCache(), []
    assert _environment(tmp_path, cache).get_template("page.html").render(x="<i>") == "<b><i>"
    escaping = _environment(tmp_path, cache, autoescape=True)
    assert escaping.get_template("page.html").render(x="<i>") == "&lt;b&gt;&lt;i&gt;"
    other_syntax = _environment(tmp_path, cache, variable_start_string="[[", variable_end_string="]]")
    assert other_syntax.get_template("page.html").render(x=1) == "{{ '<b>' }}{{ x }}"
    assert len(_CountingEnvironment.compiled) == 3


def test_the_site_is_the_same_with_and_without_the_cache(tmp_path):
    pages = {f"{lang}/{name}.md": f"# {name} {lang}\n\nText of {name}.\n"
             for lang in ("en", "zh-Hant", "ar") for name in ("index", "call")}
    hooks = ["language_versions.py", "search_per_language.py", "not_found_page.py",
             "share_links.py", "translation_status_page.py", "content_security_policy.py"]
    sites = {}
    SHARED.clear()
    for name, hook_files in (("plain", hooks), ("cached", ["template_cache.py", *hooks])):
        config = write_fixture_site(tmp_path / name, pages, languages=("en", "zh-Hant", "ar"),
                                    hooks=hook_files)
        result = build_site(config, tmp_path / name / "site")
        assert result.ok, result.text
        sites[name] = {path.relative_to(result.site).as_posix(): path.read_bytes()
                       for path in sorted(result.site.rglob("*")) if path.is_file()}
    assert sites["cached"].keys() == sites["plain"].keys()
    assert [name for name in sites["plain"] if sites["plain"][name] != sites["cached"][name]] == []
    assert "zh-Hant/call/index.html" in sites["cached"] and "ar/index.html" in sites["cached"]
    assert len(SHARED) > 10  # the cached build did keep the theme's templates
