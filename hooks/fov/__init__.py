"""Pure, MkDocs-free logic behind the site's hooks and command-line tools.

Hook files in hooks/ are thin adapters around these modules; the modules can be
unit-tested and run (`PYTHONPATH=hooks python -m fov.<tool>`) without a build.
"""
