"""The JSON Schemas: valid schemas, current export, what they accept and refuse, and why."""

from __future__ import annotations

import copy
import functools
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from govdisclose import CatalogueItem, DataError, standards
from govdisclose._converter import structure, unstructure
from govdisclose._errors import NotFoundError
from govdisclose._vocabulary import Term
from govdisclose.cli import main
from govdisclose.findings import all_codes
from govdisclose.schemas import (
    BASE_URI,
    SCHEMA_NAMES,
    schema,
    stale_schemas,
    write_schemas,
)
from schema_cases import ROOT, as_json, invalid_cases, valid_cases
from strategies import catalogue_items, catalogues

EXPORT = ROOT / "schemas"
REFRESH = "govdisclose schema --output schemas"
CLI = "import sys; from govdisclose.cli import main; sys.exit(main(sys.argv[1:]))"


@functools.cache
def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(name: str, document: Any) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator(name).iter_errors(as_json(document))]


# -- the schemas themselves ---------------------------------------------------------------------


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    value = schema(name)
    Draft202012Validator.check_schema(value)
    assert value["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert value["$id"] == f"{BASE_URI}{name}.schema.json"
    assert " / " in value["title"]  # Chinese / English
    assert value["type"] == "object"


def fresh_export(target: Path) -> dict[str, Any]:
    """The schemas as a clean process exports them (tests register codes of their own)."""
    result = subprocess.run(
        [sys.executable, "-c", CLI, "schema", "--output", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in target.glob("*.json")}


def test_export_in_repository_is_current(tmp_path: Path) -> None:
    fresh = fresh_export(tmp_path)
    current = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in EXPORT.glob("*.json")}
    differences = {
        name: _diff(current.get(name), fresh.get(name), "$")[:5]
        for name in sorted(set(fresh) | set(current))
        if current.get(name) != fresh.get(name)
    }
    assert not differences, (
        f"schemas/ is out of date: the model or the schema generator changed. Refresh the "
        f"export with `{REFRESH}` and commit the files (arrangement.schema.json: align it with "
        f"src/govdisclose/schemas/arrangement.py). Differences: {differences}"
    )


def _diff(old: Any, new: Any, path: str) -> list[str]:
    if isinstance(old, dict) and isinstance(new, dict):
        return [
            d
            for k in sorted(set(old) | set(new))
            for d in _diff(old.get(k), new.get(k), f"{path}.{k}")
        ]
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [
            d
            for i, (a, b) in enumerate(zip(old, new, strict=True))
            for d in _diff(a, b, f"{path}[{i}]")
        ]
    return [] if old == new else [f"{path}: file has {old!r:.80}, generated {new!r:.80}"]


def test_stale_export_is_detected(tmp_path: Path) -> None:
    write_schemas(tmp_path)
    assert stale_schemas(tmp_path) == []
    edited = json.loads((tmp_path / "catalogue.schema.json").read_text(encoding="utf-8"))
    edited["required"].remove("title")
    (tmp_path / "catalogue.schema.json").write_text(json.dumps(edited), encoding="utf-8")
    (tmp_path / "deadline.schema.json").unlink()
    (tmp_path / "old.schema.json").write_text("{}", encoding="utf-8")
    assert stale_schemas(tmp_path) == ["catalogue", "deadline", "old.schema.json"]


def test_every_property_has_a_title_and_description() -> None:
    """Forms label fields with ``title``; docs/schemas.md promises both for every property.

    Every schema, the hand-stated arrangement schema included; a property that is only a
    ``$ref`` still needs its own title and description.
    """

    def walk(node: Any, where: str) -> list[str]:
        missing = []
        if isinstance(node, dict):
            for key, prop in node.get("properties", {}).items():
                if not isinstance(prop, dict):
                    continue
                missing += [
                    f"{where}.{key}: {w}" for w in ("title", "description") if w not in prop
                ]
            for key, value in node.items():
                missing += walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                missing += walk(value, f"{where}[{i}]")
        return missing

    schemas = {name: schema(name) for name in SCHEMA_NAMES}
    assert "arrangement" in schemas
    assert [m for name, value in schemas.items() for m in walk(value, name)] == []


def _term_classes() -> dict[str, type[Term]]:
    from govdisclose._vocabulary import (
        Audience,
        Channel,
        DisclosureAttribute,
        Domain,
        FirstLevel,
        Level,
        Mode,
    )
    from govdisclose.calendar._festivals import Festival
    from govdisclose.calendar._workcalendar import DayKind
    from govdisclose.deadlines import DeadlineKind, Status
    from govdisclose.findings import Severity

    classes = (
        Audience,
        Channel,
        DisclosureAttribute,
        Domain,
        FirstLevel,
        Level,
        Mode,
        Severity,
        DeadlineKind,
        Status,
        DayKind,
        Festival,
    )
    return {cls.__name__: cls for cls in classes}


def test_enums_list_every_code_with_its_chinese_label() -> None:
    terms = _term_classes()
    seen = set()
    for value in {name: schema(name) for name in SCHEMA_NAMES}.values():
        for name, definition in value.get("$defs", {}).items():
            if name in terms:
                expected = [{"const": m.code, "title": m.label} for m in terms[name]]
                assert definition["oneOf"] == expected
                assert definition["type"] == "string"
                seen.add(name)
    assert seen == set(terms)


def test_finding_codes_are_the_registered_ones() -> None:
    codes = schema("findings-report")["$defs"]["Finding"]["properties"]["code"]["oneOf"]
    assert [c["const"] for c in codes] == [c.code for c in all_codes()]
    assert all(c["title"] and c["description"] for c in codes)


def test_description_says_the_schema_is_the_canonical_form() -> None:
    for name in SCHEMA_NAMES[:-1]:  # the arrangement file is written by people
        description = schema(name)["description"]
        assert "canonical form" in description and "规范形式" in description


def test_unknown_schema_name() -> None:
    with pytest.raises(NotFoundError, match="unknown schema 'catalog'"):
        schema("catalog")


# -- what the schemas accept and refuse ------------------------------------------------------


@pytest.mark.parametrize("case", list(valid_cases()), ids=lambda c: c[0])
def test_documents_the_library_writes_are_valid(case: tuple[str, str, Any]) -> None:
    _, name, document = case
    assert errors(name, document) == []


@pytest.mark.parametrize("case", list(invalid_cases()), ids=lambda c: c[0])
def test_invalid_documents_are_refused(case: tuple[str, str, Any]) -> None:
    _, name, document = case
    assert errors(name, document) != []


def test_json_fixtures_agree_with_the_readers() -> None:
    """Every JSON fixture in tests/data, docs/ and examples/ (and each JSON Lines record).

    What the library reads, it writes back in a schema-valid canonical form; what it refuses,
    the schema refuses too.  Fixtures may use labels and other input forms the readers accept
    (the schema describes only the canonical form), or be broken on purpose.
    """
    checked = {"accepted": 0, "refused": 0}
    for path, document in _fixture_documents():
        name = _kind(document)
        if name is None:
            continue
        canonical = _read_back(name, document)
        if canonical is None:
            assert errors(name, document) != [], f"{path}: the reader refuses it, the schema not"
            checked["refused"] += 1
        else:
            assert errors(name, canonical) == [], path
            checked["accepted"] += 1
    assert checked["accepted"] >= 10 and checked["refused"] >= 1, checked


def _fixture_documents() -> Iterator[tuple[str, Any]]:
    roots = [ROOT / "tests" / "data", ROOT / "docs", ROOT / "examples"]
    paths = sorted(
        p
        for root in roots
        if root.is_dir()
        for pattern in ("*.json", "*.jsonl")
        for p in root.rglob(pattern)
        if "_build" not in p.parts and "node_modules" not in p.parts
    )
    for path in paths:
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix == ".jsonl":
            for number, line in enumerate(text.splitlines(), 1):
                try:
                    record = json.loads(line)
                except ValueError:
                    continue  # a broken line is the audit's business, not a document
                yield f"{path}:{number}", {"$log": record}
            continue
        document = json.loads(text)
        for index, part in enumerate(document if isinstance(document, list) else [document]):
            yield f"{path}[{index}]", part


def _kind(document: Any) -> str | None:
    if not isinstance(document, dict):
        return None
    if "$log" in document:
        return "publication-log-record"
    for key, name in (
        ("items", "catalogue"),
        ("holidays", "arrangement"),
        ("findings", "findings-report"),
    ):
        if key in document:
            return name
    if {"first_level", "number", "time_limit"} <= set(document):
        return "catalogue-item"
    if {"id", "title"} <= set(document):
        return "document-record"
    return None


def _read_back(name: str, document: Any) -> Any:
    """The canonical form the library writes for what it reads, or None if it refuses it."""
    from govdisclose import Catalogue, GovdiscloseError
    from govdisclose.calendar._arrangement_files import (
        arrangement_from_document,
        arrangement_to_document,
    )
    from govdisclose.checks._document_record import read_document
    from govdisclose.findings import Report

    try:
        if name == "catalogue":
            return unstructure(structure(document, Catalogue))
        if name == "catalogue-item":
            return unstructure(structure(document, CatalogueItem))
        if name == "document-record":
            return unstructure(read_document(document))
        if name == "arrangement":
            return arrangement_to_document(arrangement_from_document(document))
        if name == "findings-report":
            return unstructure(structure(document, Report))
        return _log_record(document["$log"])
    except GovdiscloseError:
        return None


def _log_record(record: Any) -> Any:
    import datetime as dt

    from govdisclose._vocabulary import Domain
    from govdisclose.audit import audit_records, parse_log_date
    from govdisclose.audit._log_record import field_for_header

    if not isinstance(record, dict) or audit_records([record], as_of=dt.date(2030, 1, 1)).invalid:
        return None
    out: dict[str, Any] = {}
    for key, value in record.items():
        field = field_for_header(key)
        if field in ("formed", "published"):
            day = parse_log_date(value)
            out[field] = day.isoformat() if day else None
        elif field == "domain":
            out[field] = Domain.parse(value).code
        elif field is not None:
            out[field] = value if value is None else str(value)
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogue=catalogues())
def test_any_catalogue_written_is_valid(catalogue: Any) -> None:
    document = json.loads(json.dumps(unstructure(catalogue)))
    assert errors("catalogue", document) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(item=catalogue_items())
def test_any_item_written_is_valid(item: CatalogueItem) -> None:
    assert errors("catalogue-item", unstructure(item)) == []


# -- the schema and the converter agree ----------------------------------------------------------


def _base_item() -> dict[str, Any]:
    return copy.deepcopy(unstructure(standards()[0].items[0]))


def _converter_accepts(data: Any) -> bool:
    try:
        structure(data, CatalogueItem)
    except DataError:
        return False
    return True


def test_required_fields_are_the_ones_the_converter_requires() -> None:
    item = _base_item()
    for key in list(item):
        without = {k: v for k, v in item.items() if k != key}
        schema_ok = not errors("catalogue-item", without)
        assert schema_ok == _converter_accepts(without), key
    required = schema("catalogue-item")["required"]
    assert set(required) <= set(item)


_WRONG_VALUES = st.sampled_from(
    [None, 0, -1, 1.5, True, "", "x", "两微一端", [], ["x"], {}, {"k": 1}]
)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_schema_and_converter_agree_on_changed_items(data: st.DataObject) -> None:
    """Change one field (a value anywhere in the item, or a key) → schema and reader agree.

    The allowed differences: the reader takes Chinese labels and variants for codes, and a
    time limit as bare text; the known converter quirks are marked below.
    """
    items = [unstructure(item) for catalogue in standards() for item in catalogue.items]
    local = {
        **items[0],
        "responsible_office": "办公室",
        "local_fields": {"网址": "https://x"},
        "push_targets": ["危化企业"],
        "third_level_items": ["年度执法计划"],
    }
    item = copy.deepcopy(data.draw(st.sampled_from([local, *items]), label="item"))
    paths = list(_paths(item))
    path = data.draw(st.sampled_from(paths), label="path")
    value = data.draw(_WRONG_VALUES, label="value")
    changed = _set(item, path, value)
    schema_ok = not errors("catalogue-item", changed)
    converter_ok = _converter_accepts(changed)
    if converter_ok and not schema_ok and value == "两微一端":
        return  # a label: the reader accepts it, the canonical form does not
    if converter_ok and not schema_ok and path == ("time_limit",) and isinstance(value, str):
        return  # the reader takes a bare published text; the canonical form is an object
    if schema_ok and not converter_ok and path[0] == "time_limit":
        without_rule = copy.deepcopy(changed)
        without_rule["time_limit"].pop("rule", None)
        if _converter_accepts(without_rule):
            return  # a well-formed rule that does not match the text: beyond a schema
    if path[:2] == ("time_limit", "rule") and value == _get(item, path):
        # The converter compares a given rule with the rule read from the text using Python
        # equality, where 0 == False and 1 == True; the schema keeps JSON's types apart.
        return
    assert schema_ok == converter_ok, (path, value)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Any:
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*prefix, index)
            yield from _paths(value, (*prefix, index))


def _get(document: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        document = document[key]
    return document


def _set(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    out = copy.deepcopy(document)
    target = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return out


@pytest.mark.parametrize("number", [-5, -1, 0, 1, 2, 1.0, 1.5, "1", True, None])
def test_schema_and_reader_agree_on_item_numbers(number: Any) -> None:
    changed = {**_base_item(), "number": number}
    assert (not errors("catalogue-item", changed)) == _converter_accepts(changed), number


@pytest.mark.parametrize("count", [-1, 0, 47, 3.0, 2.5, "3", False, None])
def test_schema_and_reader_agree_on_declared_item_counts(count: Any) -> None:
    from govdisclose import Catalogue

    changed = {**unstructure(standards()[0]), "declared_item_count": count}
    try:
        structure(changed, Catalogue)
        reader_ok = True
    except DataError:
        reader_ok = False
    assert (not errors("catalogue", changed)) == reader_ok, count


def test_schema_and_reader_agree_on_records() -> None:
    from govdisclose.checks._document_record import read_document
    from schema_cases import RECORD

    for key in RECORD:
        for value in (None, 3, "x", [], {"reviewer": "x"}):
            changed = {**RECORD, key: value}
            try:
                read_document(changed)
                reader_ok = True
            except DataError:
                reader_ok = False
            assert (not errors("document-record", changed)) == reader_ok, (key, value)


# -- command line ------------------------------------------------------------------------------


def test_cli_prints_one_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "catalogue-item"]) == 0
    assert json.loads(capsys.readouterr().out) == schema("catalogue-item")


def test_cli_lists_the_schemas(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(SCHEMA_NAMES)
    assert "目录事项 / Catalogue item" in lines[1]


def test_cli_writes_and_checks_an_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out"
    assert main(["schema", "--output", str(target)]) == 0
    assert sorted(p.name for p in target.iterdir()) == sorted(
        f"{n}.schema.json" for n in SCHEMA_NAMES
    )
    assert main(["schema", "--check", str(target)]) == 0
    (target / "deadline.schema.json").write_text("{}", encoding="utf-8")
    capsys.readouterr()
    assert main(["schema", "--check", str(target)]) == 1
    err = capsys.readouterr().err
    assert "deadline" in err and "govdisclose schema --output" in err


def test_cli_writes_one_schema(tmp_path: Path) -> None:
    assert main(["schema", "deadline", "-o", str(tmp_path)]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["deadline.schema.json"]


def test_cli_refuses_unknown_names_and_unwritable_places(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["schema", "catalog"])
    assert exit_info.value.code == 2
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["schema", "--output", str(blocker)]) == 2
    assert "cannot write schemas" in capsys.readouterr().err


def test_canonical_log_records_are_read_by_the_audit() -> None:
    import datetime as dt

    from govdisclose.audit import audit_records
    from schema_cases import LOG

    assert all(not errors("publication-log-record", record) for record in LOG)
    assert audit_records(LOG, as_of=dt.date(2025, 1, 31)).invalid == 0


@pytest.mark.parametrize(
    ("argv", "name"),
    [
        (["deadline", "request", "2024-09-27", "--extended"], "deadline"),
        (
            ["deadline", "proactive", "2024-09-27", "--rule", "按进展情况及时公开"],
            "deadline",
        ),
        (["deadline", "opinion", "2024-09-30T22:30", "--major"], "deadline"),
        (["validate", "examples/data/relief-list.record.json"], "findings-report"),
        (["validate", "examples/data/county-work-safety.catalogue.json"], "findings-report"),
        (["scan", "examples/data/relief-list.txt"], "findings-report"),
        (["audit", "tests/data/audit/log_zh.csv", "--as-of", "2026-03-02"], "audit-report"),
        (["audit", "tests/data/audit/log.jsonl", "--as-of", "2026-03-02"], "audit-report"),
        (
            [
                "audit",
                "examples/data/publication-log-2024.csv",
                "--as-of",
                "2025-01-31",
                "--catalogue",
                "examples/data/county-work-safety.catalogue.json",
            ],
            "audit-report",
        ),
        (["calendar", "day", "2024-10-01"], "day-info"),
        (["calendar", "day", "2024-10-12"], "day-info"),
        (["calendar", "day", "2026-02-18", "--provisional"], "day-info"),
        (["calendar", "day", "2031-03-03", "--provisional"], "day-info"),
        (
            ["requests", "status", "tests/data/requests/ledger.csv", "--as-of", "2026-01-05"],
            "requests-status",
        ),
        (
            [
                "requests",
                "status",
                "tests/data/requests/ledger.csv",
                "--as-of",
                "2026-12-30",
                "--explain",
            ],
            "requests-status",
        ),
        (
            [
                "requests",
                "status",
                "tests/data/requests/ledger.json",
                "--as-of",
                "2025-12-31",
                "--explain",
                "--provisional",
            ],
            "requests-status",
        ),
        (
            ["requests", "counts", "tests/data/requests/ledger.csv", "--year", "2025"],
            "requests-counts",
        ),
    ],
)
def test_command_line_json_follows_the_schemas(
    argv: list[str], name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    assert main([*argv, "--format", "json"]) in (0, 1)
    output = json.loads(capsys.readouterr().out)
    for document in output if isinstance(output, list) else [output]:
        assert errors(name, document) == []


@pytest.mark.parametrize(
    "log", ["tests/data/audit/log_zh.csv", "tests/data/audit/log.jsonl", "{generated}"]
)
def test_audit_records_output_follows_its_schema(
    log: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every line of ``audit --records`` is an audit-record-result, whatever its status."""
    from schema_cases import AUDITED_LOG

    monkeypatch.chdir(ROOT)
    generated = tmp_path / "log.jsonl"
    generated.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in AUDITED_LOG), encoding="utf-8"
    )
    records = tmp_path / "records.jsonl"
    argv = ["audit", log.format(generated=generated), "--as-of", "2025-01-31"]
    assert main([*argv, "--records", str(records), "--format", "json"]) == 1
    assert errors("audit-report", json.loads(capsys.readouterr().out)) == []
    lines = [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines()]
    assert lines and all(errors("audit-record-result", line) == [] for line in lines)
    if log == "{generated}":
        statuses = {line["status"] for line in lines}
        assert statuses == {"on_time", "late", "overdue", "pending", "not_assessable", "invalid"}


def test_a_ledger_status_written_by_the_converter_follows_its_schema() -> None:
    import datetime as dt

    from govdisclose import unstructure
    from govdisclose.requests import ledger_status, read_ledger

    reading = read_ledger(ROOT / "tests/data/requests/ledger.csv")
    for explain in (False, True):
        status = ledger_status(reading.ledger, dt.date(2025, 12, 31), explain=explain)
        assert errors("requests-status", unstructure(status)) == []
        assert errors("requests-status", status.to_json(explain=explain)) == []
    assert "deadline" not in status.to_json()["requests"][0]
    assert unstructure(status)["requests"][0]["deadline"]["kind"] == "request_reply"
