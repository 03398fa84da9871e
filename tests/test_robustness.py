"""Junk in, library errors or error findings out — never another exception type.

Every public parser and validator of the model and the validators gets: None, '', 0, [], {},
wrong types in every field, broken JSON, JSON nested 100000 deep, binary bytes, GBK bytes and
a 10 MB string.  Parsers may raise only :class:`GovdiscloseError` subclasses; validators return
a :class:`Report` (with error findings for junk); ``is_valid_*`` return ``False``.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from govdisclose import standard
from govdisclose._converter import loads, structure, unstructure
from govdisclose._errors import GovdiscloseError
from govdisclose._localize import derive
from govdisclose._model import Catalogue, CatalogueItem
from govdisclose._vocabulary import Term
from govdisclose.calendar._workcalendar import WorkCalendar
from govdisclose.checks import (
    compare_with_standard,
    is_valid_catalogue,
    is_valid_document,
    self_review_due,
    validate_catalogue,
    validate_document,
    validate_documents,
)
from govdisclose.checks._document_record import DocumentRecord, read_document
from govdisclose.findings import Report, Severity

CAL = WorkCalendar.official()
AS_OF = dt.date(2024, 12, 31)


def _deep(depth: int) -> list[Any]:
    root: list[Any] = []
    current = root
    for _ in range(depth):
        child: list[Any] = []
        current.append(child)
        current = child
    return root


DEEP = _deep(100_000)
BIG = "政" * (10 * 1024 * 1024 // 3)  # 10 MB of UTF-8
JUNK: list[Any] = [None, "", 0, -1, 1.5, True, [], {}, "x", ["x"], {"a": 1}, b"\xff", DEEP]
TEXT_JUNK: list[str | bytes] = [
    "",
    "{",
    "[1,",
    '{"items": [}',
    "[" * 100_000,
    "{" * 100_000,
    "null",
    "0",
    '"x"',
    "[]",
    "{}",
    b"\x00\x01\x02\xff\xfe",
    b"\x89PNG\r\n\x1a\n\x00\x00",
    json.dumps({"title": "某县目录", "items": []}, ensure_ascii=False).encode("gbk"),
    "\ud800",
    json.dumps([BIG]),
]


def catalogue_data() -> dict[str, Any]:
    data: dict[str, Any] = unstructure(derive(standard("disaster_relief"), "county"))
    data["items"] = data["items"][:2]
    return data


def document_data() -> dict[str, Any]:
    return {
        "id": "1",
        "title": "通知",
        "document_number": "某〔2024〕1号",
        "issued": "2024-09-20",
        "attribute": "proactive",
        "marking": "此件公开发布",
        "not_disclosed_basis": "x",
        "review": {"reviewer": "办公室", "reviewed_on": "2024-09-19"},
        "published": "2024-09-23",
        "channels": ["government_website"],
        "url": "https://example.gov.cn/1",
        "needs_interpretation": True,
        "interpretation": {"published": "2024-09-23", "url": "u", "id": "i"},
        "last_self_review": "2024-01-01",
    }


def mutations(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every (path, value) of the nested data, containers included."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from mutations(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from mutations(value, (*path, index))


def replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    out = copy.deepcopy(data)
    target = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return out


def expect_library_error(call: Callable[[], Any]) -> None:
    """Run ``call``; a GovdiscloseError is fine, any other exception fails the test."""
    with contextlib.suppress(GovdiscloseError):
        call()


def expect_error_report(report: Any) -> None:
    assert isinstance(report, Report)
    assert report.has_errors
    for finding in report:
        assert finding.severity is Severity.ERROR or finding.severity in Severity
        assert len(finding.message_zh) < 2000 and len(finding.message_en) < 2000


def wrong_type_cases(data: Any) -> Iterator[Any]:
    paths = [path for path, _ in mutations(data) if path]
    for path in paths:
        for value in (None, 0, 1.5, True, "x", [], {}, ["x"], {"a": 1}, DEEP):
            yield replaced(data, path, value)


@pytest.mark.parametrize("junk", JUNK, ids=lambda j: type(j).__name__)
def test_structure_refuses_junk_with_data_errors(junk: Any) -> None:
    for cls in (Catalogue, CatalogueItem, DocumentRecord):
        expect_library_error(lambda cls=cls: structure(junk, cls))


@pytest.mark.parametrize("text", TEXT_JUNK, ids=range(len(TEXT_JUNK)))
def test_loads_refuses_junk_text(text: str | bytes) -> None:
    for cls in (Catalogue, CatalogueItem, DocumentRecord):
        expect_library_error(lambda cls=cls: loads(text, cls))


def test_loads_refuses_non_text() -> None:
    for junk in JUNK:
        if not isinstance(junk, (str, bytes)):
            expect_library_error(lambda junk=junk: loads(junk, Catalogue))


def _terms() -> list[type[Term]]:
    import govdisclose.calendar._workcalendar
    import govdisclose.findings

    assert govdisclose.findings.Severity and govdisclose.calendar.DayKind  # Term subclasses

    found: list[type[Term]] = []
    pending = list(Term.__subclasses__())
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return found


@pytest.mark.parametrize("cls", _terms(), ids=lambda c: c.__name__)
def test_term_parse_refuses_junk_with_vocabulary_errors(cls: type[Term]) -> None:
    for junk in [*JUNK, BIG, "\ud800", "\x00", " "]:
        expect_library_error(lambda junk=junk: cls.parse(junk))
        assert cls.parse(junk, default=None) is None or isinstance(
            cls.parse(junk, default=None), cls
        )


def test_term_parse_deeply_nested_value() -> None:
    from govdisclose._vocabulary import Channel

    expect_library_error(lambda: Channel.parse(DEEP))


@pytest.mark.parametrize("junk", [*JUNK, BIG], ids=lambda j: type(j).__name__)
def test_validators_report_junk(junk: Any) -> None:
    expect_error_report(validate_catalogue(junk))
    expect_error_report(compare_with_standard(junk))
    expect_error_report(validate_document(junk, as_of=AS_OF, calendar=CAL))
    if isinstance(junk, list):
        if junk:
            expect_error_report(validate_documents(junk, as_of=AS_OF, calendar=CAL))
    else:
        expect_error_report(validate_documents(junk, as_of=AS_OF, calendar=CAL))
    assert is_valid_catalogue(junk) is False
    assert is_valid_document(junk) is False
    expect_library_error(lambda: read_document(junk))
    expect_library_error(lambda: self_review_due([junk], 2024))


def test_wrong_types_in_every_catalogue_field() -> None:
    data = catalogue_data()
    assert validate_catalogue(data).ok
    count = 0
    for case in wrong_type_cases(data):
        report = validate_catalogue(case)
        assert isinstance(report, Report)
        compare = compare_with_standard(case)
        assert isinstance(compare, Report)
        assert isinstance(is_valid_catalogue(case), bool)
        count += 1
    assert count > 300


def test_wrong_types_in_every_document_field() -> None:
    data = document_data()
    assert validate_document(data, as_of=AS_OF, calendar=CAL).ok
    count = 0
    for case in wrong_type_cases(data):
        report = validate_document(case, as_of=AS_OF, calendar=CAL)
        assert isinstance(report, Report)
        assert isinstance(is_valid_document(case), bool)
        expect_library_error(lambda case=case: read_document(case))
        count += 1
    assert count > 100


def test_big_strings_in_fields_keep_messages_short() -> None:
    data = catalogue_data()
    for field in ("name", "content", "subject", "time_limit"):
        data["items"][0][field] = BIG
    data["items"][1]["channels"] = [BIG]
    report = validate_catalogue(data)
    expect_error_report(report)
    expect_error_report(compare_with_standard(data))
    record = {**document_data(), "marking": BIG, "title": BIG, "attribute": BIG}
    expect_error_report(validate_document(record, as_of=AS_OF, calendar=CAL))


def test_deeply_nested_values_in_fields() -> None:
    data = catalogue_data()
    data["items"][0]["channels"] = DEEP
    data["items"][1]["channels"] = [DEEP]
    data["notes"] = DEEP
    expect_error_report(validate_catalogue(data))
    record = {**document_data(), "review": DEEP, "channels": [DEEP]}
    expect_error_report(validate_document(record, as_of=AS_OF, calendar=CAL))
    expect_error_report(validate_documents([DEEP], as_of=AS_OF, calendar=CAL))
