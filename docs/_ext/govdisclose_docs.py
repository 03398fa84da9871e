"""Sphinx directives that build documentation tables from the library itself.

Nothing here is copied by hand from the code, so the pages cannot go stale:

* ``vocabulary`` — a vocabulary enum's terms (Chinese label, code, variants) with a meaning
  for each code from the directive's content (``code: meaning`` lines).  A code without a
  meaning, or a meaning for a code the enum does not have, is an error, so the glossary
  always lists exactly the library's terms.
* ``findings-codes`` — every registered finding code (:func:`govdisclose.findings.all_codes`),
  one table per area.
* ``rule-kinds`` — the kinds of time-limit rule (:data:`govdisclose.timelimits.RULE_TYPES`).
* ``schema-table`` — the JSON Schemas with their ``$id``.
* ``cli-reference`` — the help of every command and subcommand, from the argparse parser.
"""

from __future__ import annotations

import argparse
import importlib
import os
from collections.abc import Iterator, Sequence
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

Cell = str | nodes.Node


def _cell(value: Cell) -> nodes.entry:
    entry = nodes.entry()
    if isinstance(value, nodes.Node):
        entry += nodes.paragraph("", "", value)
    else:
        entry += nodes.paragraph(text=value)
    return entry


def table(
    header: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[int]
) -> nodes.table:
    """A docutils table with one header row."""
    group = nodes.tgroup(cols=len(header))
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += nodes.row("", *(_cell(text) for text in header))
    group += head
    body = nodes.tbody()
    for row in rows:
        body += nodes.row("", *(_cell(value) for value in row))
    group += body
    out = nodes.table()
    out += group
    return out


def code(text: str) -> nodes.literal:
    return nodes.literal(text, text)


def _import(path: str) -> Any:
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


class VocabularyDirective(SphinxDirective):
    """``{vocabulary} govdisclose.vocabulary.Channel`` with ``code: meaning`` lines."""

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        enum_class = _import(self.arguments[0])
        meanings: dict[str, str] = {}
        for line in self.content:
            if line.strip():
                key, sep, meaning = line.partition(":")
                if not sep:
                    raise self.error(f"expected 'code: meaning', got {line!r}")
                meanings[key.strip()] = meaning.strip()
        codes = [member.code for member in enum_class]
        missing = [c for c in codes if c not in meanings]
        unknown = [c for c in meanings if c not in codes]
        if missing or unknown:
            raise self.error(
                f"{self.arguments[0]}: meanings missing for {missing}, given for unknown codes "
                f"{unknown} — the glossary must list exactly the library's terms"
            )
        rows = [
            [m.label, code(m.code), "、".join(m.variants) or "—", meanings[m.code]]
            for m in enum_class
        ]
        return [table(["中文 term", "code", "also accepted", "meaning"], rows, [18, 20, 30, 32])]


class FindingCodesDirective(SphinxDirective):
    """Every registered finding code, one table per area."""

    def run(self) -> list[nodes.Node]:
        from govdisclose.findings import all_codes

        by_area: dict[str, list[Any]] = {}
        for definition in all_codes():
            by_area.setdefault(definition.code.split(".")[0], []).append(definition)
        out: list[nodes.Node] = []
        for area, definitions in by_area.items():
            out.append(nodes.rubric(text=f"{area} ({len(definitions)})"))
            rows = [
                [
                    code(d.code),
                    f"{d.severity.code} {d.severity.label}",
                    f"{d.title_zh} / {d.title_en}",
                    d.description or "—",
                ]
                for d in definitions
            ]
            out.append(table(["code", "severity", "title", "description"], rows, [26, 10, 28, 36]))
        return out


class RuleKindsDirective(SphinxDirective):
    """The kinds of time-limit rule: code, class, what it means."""

    def run(self) -> list[nodes.Node]:
        from govdisclose.timelimits import RULE_TYPES

        rows = [
            [code(kind), code(cls.__name__), (cls.__doc__ or "").strip().splitlines()[0]]
            for kind, cls in RULE_TYPES.items()
        ]
        return [table(["kind", "class", "meaning"], rows, [24, 22, 54])]


class SchemaTableDirective(SphinxDirective):
    """The JSON Schemas: name, title, ``$id``."""

    def run(self) -> list[nodes.Node]:
        from govdisclose.schemas import SCHEMA_NAMES, schema

        rows = []
        for name in SCHEMA_NAMES:
            value = schema(name)
            rows.append([code(name), value["title"], code(value["$id"])])
        return [table(["name", "title", "$id"], rows, [22, 30, 48])]


def _commands(parser: argparse.ArgumentParser, prog: str) -> Iterator[tuple[str, str]]:
    yield prog, parser.format_help()
    for action in parser._actions:  # argparse has no public API for subparsers
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, f"{prog} {name}")


class CliReferenceDirective(SphinxDirective):
    """The help text of every command and subcommand (80 columns)."""

    def run(self) -> list[nodes.Node]:
        from govdisclose.cli import build_parser

        previous = os.environ.get("COLUMNS")
        os.environ["COLUMNS"] = "88"
        try:
            helps = list(_commands(build_parser(), "govdisclose"))
        finally:
            if previous is None:
                del os.environ["COLUMNS"]
            else:
                os.environ["COLUMNS"] = previous
        out: list[nodes.Node] = []
        for prog, text in helps:
            out.append(nodes.rubric(text=prog, ids=[nodes.make_id(prog)]))
            out.append(nodes.literal_block(text, text, language="text"))
        return out


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("vocabulary", VocabularyDirective)
    app.add_directive("findings-codes", FindingCodesDirective)
    app.add_directive("rule-kinds", RuleKindsDirective)
    app.add_directive("schema-table", SchemaTableDirective)
    app.add_directive("cli-reference", CliReferenceDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
