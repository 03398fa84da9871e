"""Sphinx directives that build documentation tables from the library itself.

Nothing here is copied by hand from the code, so the pages cannot go stale:

* ``vocabulary`` — a vocabulary enum's terms (Chinese label, code, variants) with a meaning
  for each code from the directive's content (``code: meaning`` lines).  A code without a
  meaning, or a meaning for a code the enum does not have, is an error, so the glossary
  always lists exactly the library's terms.
* ``findings-codes`` — every registered finding code (:func:`govdisclose.findings.all_codes`),
  one table per area.
* ``rule-kinds`` — the kinds of time-limit rule (:data:`govdisclose.timelimits.RULE_TYPES`),
  each with the first line of its class docstring (reST, rendered).
* ``legal-rules`` — the legal-rule codes of deadlines (``LegalRule.code``) with their sources,
  taken from deadlines the calculators compute; the build fails if the source of
  :mod:`govdisclose.deadlines` names a code none of those deadlines has.
* ``schema-table`` — the JSON Schemas with their ``$id``.
* ``cli-reference`` — the help of every command and subcommand, from the argparse parser.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import importlib
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Parser
from docutils.utils import new_document
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

Cell = str | nodes.Node | list[nodes.Node]


def _cell(value: Cell) -> nodes.entry:
    entry = nodes.entry()
    if isinstance(value, nodes.Node):
        entry += nodes.paragraph("", "", value)
    elif isinstance(value, list):
        entry += nodes.paragraph("", "", *value)
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


def rst_inline(directive: SphinxDirective, text: str) -> list[nodes.Node]:
    """Text written in reST (a docstring's line) as inline nodes, in any page (MyST too)."""
    host = directive.state.document
    document = new_document(host.get("source", ""), host.settings)
    document.reporter = host.reporter
    Parser().parse(text, document)
    if len(document.children) == 1 and isinstance(document[0], nodes.paragraph):
        return list(document[0].children)
    raise directive.error(f"not a single line of inline reST: {text!r}")


def _import(path: str) -> Any:
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


class VocabularyDirective(SphinxDirective):
    """``{vocabulary} govdisclose._vocabulary.Channel`` with ``code: meaning`` lines."""

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

        rows: list[list[Cell]] = [
            [
                code(kind),
                code(cls.__name__),
                rst_inline(self, (cls.__doc__ or "").strip().splitlines()[0]),
            ]
            for kind, cls in RULE_TYPES.items()
        ]
        return [table(["kind", "class", "meaning"], rows, [24, 22, 54])]


def legal_rule_examples() -> Iterator[tuple[Any, str | None]]:
    """Deadlines that between them apply every legal rule, each with the time-limit text it
    was computed from (``None`` when it was not computed from a catalogue's time limit)."""
    from govdisclose import deadlines

    day = dt.date(2024, 9, 27)
    legal, issuance, local = "信息形成或变更之日起20个工作日内", "成文20个工作日内", "5个工作日内"
    for text in (legal, issuance, local):
        yield deadlines.proactive_deadline(day, text), text
    promptly = "按进展情况及时公开"
    yield deadlines.proactive_deadline(day, promptly, service_level_workdays=5), promptly
    yield deadlines.request_reply_deadline(day), None
    yield deadlines.request_reply_deadline(day, extended=True), None
    yield deadlines.supplement_notice_deadline(day), None
    yield deadlines.third_party_opinion_deadline(day), None
    yield deadlines.agency_opinion_deadline(day), None
    detected = dt.datetime(2024, 9, 30, 22, 30)
    for deadline in deadlines.opinion_response_deadline(detected, major=True):
        yield deadline, None
    yield deadlines.annual_report_deadline(2025), None
    yield deadlines.annual_report_deadline(2025, authority=True), None
    yield deadlines.meeting_invitation_deadline(dt.date(2024, 10, 8)), None


def _strings(node: ast.AST) -> Iterator[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.IfExp):
        yield from _strings(node.body)
        yield from _strings(node.orelse)


def _code_values(node: ast.AST) -> list[ast.AST]:
    """Where a legal-rule code is written: ``code=…``, ``code = …``, ``return code, source``."""
    if isinstance(node, ast.keyword):
        return [node.value] if node.arg == "code" else []
    if isinstance(node, ast.Assign):
        named = any(isinstance(t, ast.Name) and t.id == "code" for t in node.targets)
        return [node.value] if named else []
    if isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple):
        return [node.value.elts[0]] if len(node.value.elts) == 2 else []
    return []


def codes_in_source() -> dict[str, str]:
    """Legal-rule codes written in the deadlines' source → the file: ``code="…"`` arguments,
    ``code = "…"`` assignments, and ``return "…", source`` pairs (ASCII snake-case codes)."""
    import govdisclose.deadlines

    found: dict[str, str] = {}
    for path in sorted(Path(govdisclose.deadlines.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for value in _code_values(node):
                for text in _strings(value):
                    if re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", text):
                        found.setdefault(text, path.name)
    return found


class LegalRulesDirective(SphinxDirective):
    """The legal-rule codes (``Deadline.rule.code``) with their sources and summaries."""

    def run(self) -> list[nodes.Node]:
        from govdisclose.timelimits import parse_time_limit

        rows: dict[str, list[Cell]] = {}
        for deadline, text in legal_rule_examples():
            rule = deadline.rule
            shown, source, summary = rule.code, rule.source, rule.summary
            if text is not None and text in source:  # from the catalogue's own time limit
                kind = parse_time_limit(text).kind
                if shown.endswith(f"_{kind}"):
                    shown = shown.removesuffix(kind) + "<kind>"
                source = source.replace(text, "…")
                summary = f"例 e.g. {summary}"
            rows.setdefault(shown, [code(shown), code(deadline.kind.code), source, summary])
        produced = {row[0].astext() for row in rows.values() if isinstance(row[0], nodes.Node)}
        patterns = [shown.removesuffix("<kind>") for shown in produced if shown.endswith("<kind>")]
        unexplained = {
            found: where
            for found, where in codes_in_source().items()
            if found not in produced and not any(found.startswith(p) for p in patterns)
        }
        if unexplained:
            raise self.error(
                f"legal-rule codes in govdisclose/deadlines with no example deadline in "
                f"docs/_ext/govdisclose_docs.py (legal_rule_examples): {unexplained}"
            )
        header = ["code", "deadline kind", "source", "summary"]
        return [table(header, list(rows.values()), [22, 18, 28, 32])]


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
    app.add_directive("legal-rules", LegalRulesDirective)
    app.add_directive("schema-table", SchemaTableDirective)
    app.add_directive("cli-reference", CliReferenceDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
