"""Level 2, page rendering: the home page, stakeholder tags, right-to-left hashtags,
language versions, per-language search, the call's PDF and the social cards.
Imports fov.base and fov.data only."""
