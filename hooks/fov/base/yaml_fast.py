"""YAML read with libyaml, PyYAML's C parser (about ten times faster), when
PyYAML has it. A text the C parser rejects is read again in Python, so any
error is the one the Python parser gives; both build the same data (the
constructors, which turn what is parsed into Python values, are the same)."""

from __future__ import annotations

import functools

import yaml


def load(text: str, loader: type = yaml.SafeLoader):
    fast = _with_c_parser(loader)
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.load(text, Loader=loader)


@functools.lru_cache(maxsize=None)
def _with_c_parser(loader: type) -> type | None:
    """`loader` (yaml.SafeLoader or a subclass) on the C parser, or None."""
    c_loader = getattr(yaml, "CSafeLoader", None)
    if c_loader is None or not issubclass(loader, yaml.SafeLoader):
        return None
    tables = ("yaml_constructors", "yaml_multi_constructors", "yaml_implicit_resolvers",
              "yaml_path_resolvers")
    return type(f"C{loader.__name__}", (c_loader,),
                {name: getattr(loader, name).copy() for name in tables})
