"""Level 1, the campaign layer: mkdocs.yml and docs/.translations/<language>.yml read
once into typed values (campaign, project, language_files, translation_data), the
build's languages, their direction and Material's words for them (page_context,
theme_strings), and the campaign's rules for hashtags, links and share messages
(hashtags, urls, share). Imports only fov.base."""
