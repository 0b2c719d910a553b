"""Material's palette.css, served with only the palettes the site uses."""

from __future__ import annotations

from fov.palette_css import subset, used_values

INDIGO_BOTH_SCHEMES = used_values([
    {"scheme": "default", "primary": "indigo", "accent": "indigo"},
    {"scheme": "slate", "primary": "indigo", "accent": "indigo"},
])


def test_rules_for_unused_colours_go_and_rules_in_use_stay():
    css = (
        "[data-md-color-primary=indigo]{--p:#4051b5}"
        "[data-md-color-primary=red]{--p:red}"
        "[data-md-color-primary=red],[data-md-color-primary=indigo]{--q:1}"
        "[data-md-color-primary=lime]:not([data-md-color-scheme=slate]){--a:lime}"
        "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}"
        "[data-md-color-scheme=slate][data-md-color-primary=pink]{--a:pink}}"
        ".md-header{color:red}"
    )
    out = subset(css, INDIGO_BOTH_SCHEMES)
    assert out == (
        "[data-md-color-primary=indigo]{--p:#4051b5}"
        "[data-md-color-primary=indigo]{--q:1}"
        "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}}"
        ".md-header{color:red}"
    )


def test_unconfigured_values_take_materials_defaults():
    assert used_values([{}]) == {"scheme": {"default"}, "primary": {"indigo"}, "accent": {"indigo"}}


def test_the_built_site_serves_the_subset_with_the_real_sites_colours(real_site):
    built = next((real_site.site / "assets" / "stylesheets").glob("palette.*.min.css"))
    css = built.read_text(encoding="utf-8")
    assert "[data-md-color-scheme=slate]" in css
    assert "[data-md-color-primary=indigo]" in css and "[data-md-color-accent=indigo]" in css
    assert "[data-md-color-primary=red]" not in css
    assert len(css) < 4096
