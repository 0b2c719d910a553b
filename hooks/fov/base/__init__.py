"""Level 0, what every stage uses: reading a file under docs/ (source_file, yaml_fast),
placing a problem at its file and line (findings, source_map), the one message channel
(report), a rendered page read with a real HTML parser (rendered, html_insert), theme
templates compiled once per process (template_cache), and writing systems (scripts).
Imports nothing else of fov."""
