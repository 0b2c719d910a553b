"""Level 2, the checks that fail a strict build: links and anchors, parity with the
English, unsafe HTML, a page as saved, share snippets. Each returns findings with a
file, a line and a fix. Imports fov.base and fov.data only."""
