"""The logic behind the site's hooks and command-line tools.

Hook files in hooks/ are thin adapters from MkDocs' events to these modules. Of
MkDocs the modules use only its address rules (mkdocs.structure.files.File,
mkdocs.utils.get_relative_url) and its front-matter reader, so that a page's
address is MkDocs' own; no module handles an event or MkDocs' plugin machinery,
and only fov.data.campaign reads MkDocs' configuration. The
sub-packages follow the build's pipeline, in levels; a module imports only from
its own group or from a lower level, never up and never sideways
(tests/test_campaign_layer.py):

    level 0  base         reading files, findings and the message channel, HTML
    level 1  data         the campaign layer: campaign data and languages
    level 2  checks       what fails a strict build
             translation  translations' state, notices, status, tools
             pages        page rendering: home, stakeholders, PDF, social cards
             build        build plumbing: logs, caches, CSS, CSP
    level 3  commands     what people run: python hooks/fov <command>
"""
