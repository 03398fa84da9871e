"""The one check of a service level (TimeLimit.service_level_workdays): model, JSON, tables,
deadline calculator — the same answer everywhere, each naming where the value was."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclose._converter import structure, unstructure
from govdisclose._errors import DataError, InputError
from govdisclose._model import (
    MAX_SERVICE_LEVEL_WORKDAYS,
    Catalogue,
    CatalogueItem,
    TimeLimit,
    check_service_level,
)
from govdisclose._standard import standard
from govdisclose.calendar._workcalendar import WorkCalendar
from govdisclose.deadlines import proactive_deadline
from govdisclose.tables import read_grid
from govdisclose.tables._header import Grid

CAL = WorkCalendar.official()
BAD = [0, -1, 367, 10**6, True, False, "5", 5.0, 2.5, [5]]


@pytest.mark.parametrize("good", [1, 5, 20, MAX_SERVICE_LEVEL_WORKDAYS])
def test_whole_numbers_1_to_366_are_service_levels(good: int) -> None:
    assert check_service_level(good) == good
    assert TimeLimit("按进展情况及时公开", good).service_level_workdays == good
    assert TimeLimit("按进展情况及时公开").service_level_workdays is None


@pytest.mark.parametrize("bad", BAD)
def test_anything_else_is_an_input_error_naming_the_place(bad: object) -> None:
    with pytest.raises(InputError, match=r"1 to 366") as caught:
        check_service_level(bad, where="$.items[2].time_limit.service_level_workdays")
    assert isinstance(caught.value, ValueError)
    assert caught.value.path == "$.items[2].time_limit.service_level_workdays"
    with pytest.raises(InputError) as made:
        TimeLimit("按进展情况及时公开", bad)  # type: ignore[arg-type]
    assert made.value.path == "service_level_workdays"
    limit = TimeLimit("按进展情况及时公开", 5)
    with pytest.raises(InputError):
        attrs.evolve(limit, service_level_workdays=bad)


@pytest.mark.parametrize("bad", [0, 367, True, "5"])
def test_the_deadline_calculator_uses_the_same_check(bad: object) -> None:
    with pytest.raises(InputError, match="service level") as caught:
        proactive_deadline(
            dt.date(2024, 9, 27),
            "按进展情况及时公开",
            service_level_workdays=bad,  # type: ignore[arg-type]
            calendar=CAL,
        )
    assert caught.value.path == "service_level_workdays"
    assert proactive_deadline(
        dt.date(2024, 9, 27), "按进展情况及时公开", service_level_workdays=366, calendar=CAL
    ).assessable


def _catalogue_with_level(level: Any, index: int = 3) -> dict[str, Any]:
    data = unstructure(standard("work_safety"))
    data["items"][index]["time_limit"] = {
        "text": "按进展情况及时公开",
        "service_level_workdays": level,
    }
    return data  # type: ignore[no-any-return]


@pytest.mark.parametrize("bad", [0, 367, -2])
def test_json_errors_name_the_field_with_the_models_message(bad: int) -> None:
    with pytest.raises(DataError) as caught:
        structure(_catalogue_with_level(bad), Catalogue)
    (problem,) = caught.value.errors
    assert problem.path == "$.items[3].time_limit.service_level_workdays"
    assert "a service level is a whole number of working days 1 to 366" in problem.message
    with pytest.raises(DataError) as alone:
        structure({"text": "及时公开", "service_level_workdays": bad}, TimeLimit)
    assert alone.value.errors[0].path == "$.service_level_workdays"


@pytest.mark.parametrize("bad", [True, "5", 2.5])
def test_json_values_that_are_not_whole_numbers_are_named_too(bad: object) -> None:
    with pytest.raises(DataError) as caught:
        structure(_catalogue_with_level(bad, 0), Catalogue)
    (problem,) = caught.value.errors
    assert problem.path == "$.items[0].time_limit.service_level_workdays"
    assert "whole number" in problem.message


def test_json_reads_a_level_as_any_whole_number_is_read() -> None:
    # JSON has one number type: 5.0 is 5, as for every other whole number the converter reads.
    item = structure(_catalogue_with_level(5.0), Catalogue).items[3]
    assert item.time_limit.service_level_workdays == 5
    assert type(item.time_limit.service_level_workdays) is int
    read = structure(unstructure(item), CatalogueItem)
    assert read == item


@given(st.integers(-1000, 1000))
def test_model_json_and_check_agree(level: int) -> None:
    ok = 1 <= level <= 366
    try:
        structure({"text": "及时公开", "service_level_workdays": level}, TimeLimit)
    except DataError:
        assert not ok
    else:
        assert ok
    try:
        check_service_level(level)
    except InputError:
        assert not ok
    else:
        assert ok


_HEADER = (
    "一级事项",
    "二级事项",
    "公开内容",
    "公开依据",
    "公开时限",
    "公开主体",
    "服务时限（工作日）",
)


def _table(*levels: Any) -> Grid:
    rows = [("救灾领域目录",), _HEADER]
    for number, level in enumerate(levels, 1):
        rows.append(("工作动态", f"事项{number}", "动态", "《条例》", "及时公开", "县局", level))
    return Grid(tuple(rows), sheet="目录")


def test_table_cells_get_the_models_check_with_the_cell_reference() -> None:
    result = read_grid(_table(5, "366", 0, 367, "五", "1000000000000000", 3.0, None))
    levels = [it.time_limit.service_level_workdays for it in result.catalogue.items]
    assert levels == [5, 366, None, None, None, None, 3, None]
    bad = {f.path: f for f in result.report if f.code == "tables.bad-value"}
    assert sorted(bad) == ["目录!G5", "目录!G6", "目录!G7", "目录!G8"]
    assert "1 to 366, got 0" in bad["目录!G5"].message_en
    assert "1 to 366, got 367" in bad["目录!G6"].message_en
    assert "whole number" in bad["目录!G7"].message_en
    assert all(f.data["text"] for f in bad.values())  # the cell text is kept in the finding
