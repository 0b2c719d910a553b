"""Level 2, translation: pages as sections, which English a translation was made from
and what changed since, the notices, the status page and the pull-request check, the
glossary, the interface strings, adding a language. Imports fov.base and fov.data only."""
