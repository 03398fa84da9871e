"""JSON inputs get their structural check from the package's own JSON Schemas (jsonschema)."""

from __future__ import annotations

import copy
import datetime as dt
import functools
from typing import Any

import pytest

from govdisclose import standard, unstructure
from govdisclose._vocabulary import Channel, DisclosureAttribute
from govdisclose.checks import validate_catalogue, validate_document, validate_documents
from govdisclose.schemas import schema
from govdisclose.schemas._problems import SchemaProblem
from govdisclose.schemas._problems import schema_problems as problems_of
from schema_cases import RECORD


@functools.cache
def _root(name: str) -> Any:
    return functools.partial(schema, name)


def schema_problems(data: object, name: str, path: str = "$") -> list[SchemaProblem]:
    return problems_of(data, _root(name), path)


def _item() -> dict[str, Any]:
    item: dict[str, Any] = unstructure(standard("work_safety").items[0])
    return item


def test_a_valid_item_and_record_have_no_problems() -> None:
    assert schema_problems(_item(), "catalogue-item") == []
    assert schema_problems(RECORD, "document-record") == []


def test_each_problem_has_its_json_path_under_the_given_prefix() -> None:
    item = _item()
    item["channels"] = ["政府网站", 7, "网站X"]
    item["content"] = None
    del item["subject"]
    item["colour"] = "red"
    problems = schema_problems(item, "catalogue-item", "$.items[3]")
    found = {(p.path, p.missing, p.vocabulary) for p in problems}
    assert ("$.items[3].channels[1]", None, Channel) in found
    assert ("$.items[3].channels[2]", None, Channel) in found
    assert ("$.items[3].content", "content", None) in found
    assert ("$.items[3].subject", "subject", None) in found
    assert any(p.path == "$.items[3].colour" and "unknown field" in p.message for p in problems)
    assert len(problems) == 5  # the label 政府网站 is read as the term it names


def test_what_the_readers_accept_beyond_the_schema() -> None:
    item = _item()
    item["time_limit"] = item["time_limit"]["text"]
    item["levels"] = ["县（区）级"]
    assert schema_problems(item, "catalogue-item") == []
    record = {**RECORD, "attribute": "依申请公开", "issued": dt.date(2024, 9, 20)}
    assert schema_problems(record, "document-record") == []
    assert DisclosureAttribute.parse("依申请公开") is DisclosureAttribute.ON_REQUEST


def test_a_missing_property_is_one_problem() -> None:
    problems = schema_problems({"title": "X"}, "catalogue")
    assert [(p.path, p.missing) for p in problems] == [("$.domain", "domain"), ("$.items", "items")]


def test_document_records_are_checked_against_their_schema() -> None:
    record = copy.deepcopy(RECORD)
    record["attribute"] = "secret"
    record["review"]["reviewed_on"] = 20240918
    record["extra"] = 1
    report = validate_document(record, as_of=dt.date(2024, 12, 1))
    paths = {f.path for f in report.filter(code="document.invalid-data")}
    assert paths == {"$.attribute", "$.review.reviewed_on", "$.extra"}
    listed = validate_documents([RECORD, record], as_of=dt.date(2024, 12, 1))
    assert "$[1].attribute" in {f.path for f in listed}


@pytest.mark.parametrize("depth", [50, 5000])
def test_deeply_nested_values_are_a_problem_not_a_crash(depth: int) -> None:
    nested: Any = "x"
    for _ in range(depth):
        nested = [nested]
    item = {**_item(), "name": nested}
    assert schema_problems(item, "catalogue-item")


def test_a_published_district_catalogue_is_read_as_published() -> None:
    """Rows 1–6 of a district's published catalogue (dachuan.gov.cn), transcribed with the
    labels as printed (政府网站, 两微一端, 政策文件, 依法行政, 安全生产) and time limits as text:
    everything the page gives is read; only the tick columns, not transcribed, are reported."""
    import json
    from pathlib import Path

    path = Path(__file__).parent / "data" / "validate" / "dachuan_items_1_6.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["source"].startswith("http://dachuan.gov.cn/news-show-147131.html")
    report = validate_catalogue(data)
    expected = {
        (code, f"$.items[{i}].{field}")
        for i in range(6)
        for code, field in (
            ("catalogue.missing-element", "audiences"),
            ("catalogue.missing-element", "modes"),
            ("catalogue.no-level", "levels"),
        )
    }
    assert {(f.code, f.path) for f in report} == expected
    assert len(report) == 18
