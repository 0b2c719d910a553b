"""Share links under every page (fov.share, partials/fov-share.html): the
networks of `extra.campaign.share`, each a plain link filled with the page's
address, its title and the campaign hashtags of the page's language, each
message built by fov.share.ShareMessage (Weibo's #topic# form included)."""

from __future__ import annotations

from fov.page_context import current_language
from fov.share import hashtags_for, page_message, share_links


def on_page_context(context, page, config, nav):
    campaign = config.extra.get("campaign") or {}
    lang = current_language(config)
    title = page.meta.get("title") or page.title or config.site_name
    message = page_message(title if not page.is_homepage else config.site_name, config.site_name,
                           page.canonical_url or page.abs_url or "",
                           hashtags_for(lang, campaign.get("hashtags") or []))
    context["fov_share"] = {
        "label": _string(config, lang, "share"),
        "links": share_links(campaign.get("share") or [], lang, message),
    }
    return context


def _string(config, lang, key) -> str:
    """An interface string of `extra.ui`, in English where the language has none."""
    ui = config.extra.get("ui") or {}
    return (ui.get(lang) or {}).get(key) or (ui.get("en") or {}).get(key, "")
