"""Figures beside their targets: printed, and written as bench/results.json
and a Markdown table, bench/results.md."""

from __future__ import annotations

import json
import operator
from dataclasses import asdict, dataclass, field
from pathlib import Path

COMPARE = {"<=": operator.le, ">=": operator.ge}


@dataclass
class Figure:
    """One measured figure. `target` is None for figures given for information."""
    name: str
    value: float | str | None
    unit: str = ""
    target: float | str | None = None  # a number compared with `compare`, or a text
    compare: str = "<="
    stock: float | str | None = None  # stock Material + static-i18n, same run
    note: str = ""
    detail: dict = field(default_factory=dict)
    met_override: bool | None = None  # for figures judged on more than one number

    @property
    def met(self) -> bool | None:
        if self.met_override is not None:
            return self.met_override
        if self.target is None:
            return None
        if not isinstance(self.value, (int, float)) or isinstance(self.target, str):
            return False  # not measured (a build failed): not met
        return COMPARE[self.compare](self.value, self.target)

    def as_dict(self) -> dict:
        return {**asdict(self), "met": self.met}


def show(value, unit: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        text = f"{value:,.3f}" if abs(value) < 1 else f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"
    else:
        text = str(value)
    return f"{text} {unit}".strip()


def target_text(figure: Figure) -> str:
    if figure.target is None:
        return "—"
    if isinstance(figure.target, str):
        return figure.target
    return f"{'≤' if figure.compare == '<=' else '≥'} {show(figure.target, figure.unit)}"


def verdict(figure: Figure) -> str:
    return {True: "yes", False: "**no**", None: ""}[figure.met]


def line(figure: Figure) -> str:
    """One figure beside its target, for the terminal."""
    mark = {True: "ok  ", False: "MISS", None: "    "}[figure.met]
    stock = f"   (stock: {show(figure.stock, figure.unit)})" if figure.stock is not None else ""
    return f"{mark} {figure.name:<46} {show(figure.value, figure.unit):>16}   target {target_text(figure)}{stock}"


def markdown(figures: list[Figure], meta: dict) -> str:
    rows = ["# Benchmark results", "",
            f"Measured {meta.get('date', '')} on {meta.get('machine', '')}; "
            f"median of {meta.get('runs', '?')} runs{_load(meta)}. Written by `make bench` "
            "(bench/run.py).", "",
            "| Figure | Measured | Target | Met | Stock Material + static-i18n (same run) |",
            "| --- | ---: | --- | --- | ---: |"]
    for figure in figures:
        name = figure.name + (f" <br><small>{figure.note}</small>" if figure.note else "")
        rows.append(f"| {name} | {show(figure.value, figure.unit)} | {target_text(figure)} | "
                    f"{verdict(figure)} | {show(figure.stock, figure.unit)} |")
    notes = meta.get("notes", [])
    if notes:
        rows += ["", "Notes:", ""] + [f"- {note}" for note in notes]
    return "\n".join(rows) + "\n"


def _load(meta: dict) -> str:
    load = meta.get("load_average")
    if not load:
        return ""
    return (f"; load average {load['start'][0]:.1f} at the start, {load['end'][0]:.1f} at the end "
            "(other work on the machine slows wall times; CPU times are given beside them)")


def write(figures: list[Figure], meta: dict, directory: Path) -> tuple[Path, Path]:
    """Write results.json and results.md into `directory`; return both paths."""
    directory.mkdir(parents=True, exist_ok=True)
    json_path, md_path = directory / "results.json", directory / "results.md"
    data = {"meta": meta, "figures": [figure.as_dict() for figure in figures]}
    json_path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md_path.write_text(markdown(figures, meta), encoding="utf-8")
    return json_path, md_path
