"""Lossless JSON: round trips, codes out, labels and variants in, errors with paths."""

from __future__ import annotations

import inspect
import json
import sys

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from govdisclose import (
    Catalogue,
    CatalogueItem,
    Channel,
    DataError,
    InputError,
    standard,
    standards,
)
from govdisclose._converter import dumps, loads, structure, unstructure
from govdisclose.findings import Report
from strategies import catalogue_items, catalogues

ITEM_KEYS = {
    "name",
    "first_level",
    "number",
    "content",
    "basis",
    "time_limit",
    "subject",
    "channels",
    "audiences",
    "modes",
    "levels",
}


@pytest.mark.parametrize("catalogue", standards(), ids=lambda c: c.domain.code)
def test_bundled_round_trip(catalogue: Catalogue) -> None:
    data = unstructure(catalogue)
    assert structure(data, Catalogue) == catalogue
    assert loads(dumps(catalogue), Catalogue) == catalogue
    assert json.loads(json.dumps(data)) == data  # JSON-ready, nothing exotic


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogues())
def test_generated_round_trip(catalogue: Catalogue) -> None:
    assert loads(dumps(catalogue), Catalogue) == catalogue


def test_exported_shape_uses_codes() -> None:
    data = unstructure(standard("work_safety"))
    assert data["domain"] == "work_safety"
    assert data["declared_item_count"] == 28
    item = data["items"][0]
    assert set(item) >= ITEM_KEYS
    assert item["first_level"] == "policy_documents"
    assert item["channels"] == [
        "government_website",
        "new_media",
        "public_reading_point",
        "service_center",
    ]
    assert item["audiences"] == ["whole_society"]
    assert item["modes"] == ["proactive"]
    assert item["levels"] == ["county", "township"]
    assert item["time_limit"]["text"] == "信息形成或变更之日起20个工作日内"
    assert item["time_limit"]["rule"]["kind"] == "workdays_after_event"
    assert item["basis"]["citations"][0] == {
        "title": "中华人民共和国政府信息公开条例",
        "number": "国务院令第711号",
    }


def _item(**changes: object) -> dict[str, object]:
    data = unstructure(standard("work_safety").items[0])
    data.update(changes)
    return data


def test_input_takes_labels_and_variants() -> None:
    item = structure(
        _item(
            first_level="政策文件",
            channels=["政府网站", "政务新媒体"],
            audiences=["面向全社会"],
            modes=["主动公开"],
            levels=["县（区）级", "镇街级"],
            time_limit="信息形成或变更之日起20个工作日内",
        ),
        CatalogueItem,
    )
    expected = attrs.evolve(
        standard("work_safety").items[0], channels=(Channel.GOVERNMENT_WEBSITE, Channel.NEW_MEDIA)
    )
    assert item == expected
    assert [c.code for c in item.channels] == ["government_website", "new_media"]


def test_errors_carry_every_path() -> None:
    data = unstructure(standard("work_safety"))
    data["items"][3]["channels"][1] = "网站X"
    data["items"][5]["number"] = "6"
    del data["items"][7]["subject"]
    data["items"][0]["colour"] = "red"
    with pytest.raises(DataError) as info:
        structure(data, Catalogue)
    paths = {e.path for e in info.value.errors}
    assert paths == {
        "$.items[3].channels[1]",
        "$.items[5].number",
        "$.items[7].subject",
        "$.items[0]",
    }
    text = str(info.value)
    assert "网站X" in text and "government_website" in text and "colour" in text


def test_numbers_are_not_coerced() -> None:
    for bad in ("1", 1.5, True, None, 0, -5):
        with pytest.raises(DataError, match=r"\$\.number"):
            structure(_item(number=bad), CatalogueItem)
    # JSON has one number type: 1.0 is the integer 1, as JSON Schema's "integer" says.
    assert structure(_item(number=1.0), CatalogueItem).number == 1


def test_non_objects_are_named() -> None:
    for text, where in (("[1, 2]", "$"), ("5", "$"), ('{"items": [[1]]}', "$.items[0]")):
        with pytest.raises(DataError) as info:
            loads(text, Catalogue)
        assert any(e.path == where and "expected an object" in e.message for e in info.value.errors)


def test_time_limit_rule_must_agree_with_text() -> None:
    data = _item()
    data["time_limit"] = {"text": "按进展情况及时公开", "rule": {"kind": "workdays_after_event"}}
    with pytest.raises(DataError, match="time_limit"):
        structure(data, CatalogueItem)


def test_a_derived_value_that_disagrees_says_so_in_json_terms_and_chinese() -> None:
    data = _item()
    data["time_limit"] = {"text": "按进展情况及时公开", "rule": {"kind": "promptly"}}
    with pytest.raises(DataError) as info:
        structure(data, CatalogueItem)
    (error,) = info.value.errors
    assert "send 'text' alone" in error.message and "时限原文" in error.message
    report = {"findings": [], "subject": None, "ok": False}
    with pytest.raises(DataError) as info:
        structure(report, Report)
    (error,) = info.value.errors
    assert error.path == "$.ok"
    assert error.message.startswith("is false but the other fields give true; leave it out (")


@pytest.mark.parametrize(
    ("time_limit", "where"),
    [
        (
            {"text": "按进展情况及时公开", "service_level_workdays": 0},
            "$.time_limit.service_level_workdays",
        ),
        ({"text": "按进展情况及时公开", "rule": {"kind": "promptly"}}, "$.time_limit.rule"),
        ({"service_level_workdays": 5}, "$.time_limit.text"),
        ({"text": "按进展情况及时公开", "days": 5}, "$.time_limit"),
        (5, "$.time_limit"),
    ],
)
def test_time_limit_errors_name_the_field(time_limit: object, where: str) -> None:
    with pytest.raises(DataError) as info:
        structure(_item(time_limit=time_limit), CatalogueItem)
    assert [e.path for e in info.value.errors] == [where]


def test_a_class_refusing_a_value_names_the_field() -> None:
    from govdisclose import Report

    catalogue = {**unstructure(standard("work_safety")), "declared_item_count": -1}
    finding = {"code": "catalogue.no-such", "severity": "error", "path": "$"}
    finding |= {"message_zh": "问题", "message_en": "problem"}
    for data, cls, where in (
        (_item(number=0), CatalogueItem, "$.number"),
        (catalogue, Catalogue, "$.declared_item_count"),
        ({"findings": [finding]}, Report, "$.findings[0].code"),
    ):
        with pytest.raises(DataError) as info:
            structure(data, cls)
        assert [e.path for e in info.value.errors] == [where], cls


@pytest.mark.parametrize("text", ["", "{", "[1, 2", b"\xff\xfe\x00", "null", "[]", '"x"', "1" * 10])
def test_broken_input_is_a_library_error(text: str | bytes) -> None:
    with pytest.raises((InputError, DataError)):
        loads(text, Catalogue)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_bytes_are_decoded_like_every_text_file(encoding: str) -> None:
    catalogue = standard("disaster_relief")
    assert loads(dumps(catalogue).encode(encoding), Catalogue) == catalogue


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfe{", "byte-order mark"),
        (b'{"title": "\x80\xff\x80"}', "neither UTF-8 nor GB18030"),
        (b"{\x00}", "binary file"),
        (b"{", "not valid JSON: .* at line 1 column 2"),
        (b"[" * 100_000, "nested too deeply"),
    ],
)
def test_bytes_that_are_not_json_text(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        loads(data, Catalogue)


def test_deep_nesting_is_a_library_error() -> None:
    with pytest.raises((InputError, DataError)):
        loads("[" * 100_000 + "]" * 100_000, Catalogue)


def test_running_out_of_stack_is_a_located_data_error() -> None:
    """Data that takes more stack than is left (deep nesting, or a caller already deep) is a
    DataError saying so in plain words, at any depth where it happens, never Python's error."""
    data = unstructure(standard("work_safety"))
    limit, refused = sys.getrecursionlimit(), 0
    for headroom in range(20, 100):
        sys.setrecursionlimit(len(inspect.stack(0)) + headroom)
        try:
            structure(data, Catalogue, path="$[4]")
        except DataError as exc:
            refused += 1
            messages = [str(exc), *(e.message for e in exc.errors)]
            assert "RecursionError" not in str(exc) and "nested too deeply" in str(exc), messages
        finally:
            sys.setrecursionlimit(limit)
    assert refused


@settings(max_examples=30, deadline=None)
@given(catalogue_items())
def test_item_round_trip(item: CatalogueItem) -> None:
    assert structure(unstructure(item), CatalogueItem) == item


def test_time_limit_rule_is_compared_as_json() -> None:
    data = _item()
    rule = dict(data["time_limit"]["rule"])  # type: ignore[index]
    assert rule["updates_promptly"] is False
    data["time_limit"] = {"text": data["time_limit"]["text"], "rule": rule}  # type: ignore[index]
    assert structure(data, CatalogueItem) == standard("work_safety").items[0]
    rule["updates_promptly"] = 0
    with pytest.raises(DataError, match="rule"):
        structure(data, CatalogueItem)


@pytest.mark.parametrize("junk", [b"bytes", {1, 2}, object()])
def test_dumps_of_non_json_values_is_a_library_error(junk: object) -> None:
    with pytest.raises(InputError, match="as JSON"):
        dumps(junk)


def test_dumps_of_deep_nesting_is_a_library_error() -> None:
    deep: list[object] = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(InputError):
        dumps(deep)


def test_model_reads_terms_and_refuses_bad_values_when_built() -> None:
    item = standard("work_safety").items[0]
    built = attrs.evolve(item, channels=["government_website", "两微一端"], levels=["县级"])
    assert built.channels == (Channel.GOVERNMENT_WEBSITE, Channel.NEW_MEDIA)
    assert unstructure(built)["levels"] == ["county"]
    from govdisclose import GovdiscloseError

    for bad in ({"channels": ["x"]}, {"channels": "政府网站"}, {"number": 0}, {"number": True}):
        with pytest.raises(GovdiscloseError):
            attrs.evolve(item, **bad)
    with pytest.raises(GovdiscloseError, match="domain"):
        Catalogue(domain="nowhere", title="x", items=())
