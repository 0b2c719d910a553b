"""Share links under every page (fov.data.share, partials/fov-share.html): the
networks of `extra.campaign.share`, each a plain link filled with the page's
address, its title and the campaign hashtags of the page's language, each
message built by fov.data.share.ShareMessage (Weibo's #topic# form included)."""

from __future__ import annotations

from fov.data.campaign import campaign, languages
from fov.data.share import page_message, share_links


def on_page_context(context, page, config, nav):
    data, langs = campaign(config), languages(config)
    lang = langs.current
    title = page.meta.get("title") or page.title or config.site_name
    message = page_message(title if not page.is_homepage else config.site_name, config.site_name,
                           page.canonical_url or page.abs_url or "",
                           data.hashtags_for(lang))
    context["fov_share"] = {
        "label": data.ui_text(langs, lang, "share"),
        "links": share_links(data.share, lang, message, langs.fallback(lang)),
    }
    return context

