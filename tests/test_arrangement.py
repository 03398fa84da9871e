"""Arrangement files: the shipped example, the JSON Schema, every validation error."""

from __future__ import annotations

import json
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from govdisclose._errors import CalendarDataError, GovdiscloseError, InputError
from govdisclose.calendar._arrangement import Arrangement
from govdisclose.calendar._arrangement_files import (
    arrangement_from_document,
    arrangement_to_document,
    dump_arrangement,
    load_arrangement,
)
from govdisclose.calendar._festivals import Festival
from govdisclose.calendar._official import official_arrangements
from govdisclose.calendar._workcalendar import WorkCalendar, default_calendar
from govdisclose.cli import main
from govdisclose.cli.common import ENV_VAR

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schemas" / "arrangement.schema.json"
EXAMPLE = resources.files("govdisclose") / "data" / "arrangement-example.toml"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def example() -> Arrangement:
    with resources.as_file(EXAMPLE) as path:
        return load_arrangement(path)


def base_doc(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "year": 2027,
        "notice_title": "国务院办公厅关于2027年部分节假日安排的通知",
        "partial": True,
        "partial_reason": "test data: 元旦 and 春节 only",
        "holidays": [
            {
                "festival": "new_years_day",
                "days_off": ["2027-01-01/2027-01-03"],
            },
            {
                "festival": "春节",
                "days_off": ["2027-02-05/2027-02-11"],
                "makeup_workdays": ["2027-02-13"],
            },
        ],
    }
    doc.update(changes)
    return doc


def problems_of(doc: object) -> str:
    with pytest.raises(CalendarDataError) as caught:
        arrangement_from_document(doc, where="a.json")
    text = str(caught.value)
    assert text.startswith("a.json: ")
    return text


# -- the example and the schema ---------------------------------------------------------------


def test_example_is_the_official_2026_arrangement() -> None:
    arr = example()
    official = official_arrangements()[2026]
    assert arr.year == 2026
    assert arr.days_off == official.days_off
    assert arr.makeup_workdays == official.makeup_workdays
    assert dict(arr.holidays) == dict(official.holidays)
    assert arr.notice_date == date(2025, 11, 4)
    cal = WorkCalendar.official().with_arrangement(arr)
    day = date(2026, 1, 1)
    while day.year == 2026:
        assert cal.is_workday(day) == WorkCalendar.official().is_workday(day)
        day = date.fromordinal(day.toordinal() + 1)


def test_json_form_validates_and_round_trips(
    validator: Draft202012Validator, tmp_path: Path
) -> None:
    arr = example()
    doc = arrangement_to_document(arr)
    validator.validate(doc)
    path = tmp_path / "2026.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert load_arrangement(path) == arr
    for official in official_arrangements().values():
        validator.validate(arrangement_to_document(official))


@pytest.mark.parametrize(
    "doc",
    [
        base_doc(extra=1),
        base_doc(year="2027"),
        base_doc(holidays=[]),
        base_doc(holidays=[{"festival": "new_years_day"}]),
        base_doc(holidays=[{"festival": "五一节", "days_off": ["2027-05-01"]}]),
        base_doc(holidays=[{"days_off": ["2027-5-1"]}]),
        base_doc(holidays=[{"days_off": ["2027-05-01"], "note": "x"}]),
        {"year": 2027, "holidays": [{"days_off": ["2027-05-01"]}]},
    ],
)
def test_schema_rejects_what_the_loader_rejects(
    validator: Draft202012Validator, doc: dict[str, Any]
) -> None:
    assert not validator.is_valid(doc)
    with pytest.raises(CalendarDataError):
        arrangement_from_document(doc)


def complete_doc(**changes: Any) -> dict[str, Any]:
    """The JSON form of the real 2026 arrangement (complete), with ``changes``."""
    return {**arrangement_to_document(example()), **changes}


@pytest.mark.parametrize(
    ("doc", "valid"),
    [
        (complete_doc(), True),
        (complete_doc(partial=False), True),
        (complete_doc(partial=False, partial_reason="x"), False),
        (complete_doc(partial_reason="x"), False),
        (complete_doc(partial=True), False),
        (complete_doc(partial=True, partial_reason="all seven, for the test"), True),
        (complete_doc(year=2026.0), True),  # an integer to JSON Schema
        (complete_doc(notice_number=""), False),
        (complete_doc(holidays=[*complete_doc()["holidays"], {"source": "x"}]), False),
        (
            complete_doc(holidays=[*complete_doc()["holidays"][:-1], {"days_off": "2026-10-01"}]),
            False,
        ),
    ],
)
def test_the_schema_and_the_loader_agree(
    validator: Draft202012Validator, doc: dict[str, Any], valid: bool
) -> None:
    """The loader checks the structure with the very schema front-end teams use."""
    assert validator.is_valid(doc) is valid
    if valid:
        assert arrangement_from_document(doc).days_off == example().days_off
    else:
        with pytest.raises(CalendarDataError):
            arrangement_from_document(doc)


def test_the_source_of_amended_days_is_in_the_file_form(validator: Draft202012Validator) -> None:
    official = official_arrangements()[2020]
    doc = arrangement_to_document(official)
    validator.validate(doc)
    amended = [entry for entry in doc["holidays"] if "source" in entry]
    assert amended == [
        {
            "festival": "spring_festival",
            "days_off": ["2020-01-31/2020-02-02"],
            "source": "国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）",
        }
    ]
    assert arrangement_from_document(doc) == official
    assert "$.holidays[2].source: expected non-empty text, got 3" in problems_of(
        base_doc(holidays=[*base_doc()["holidays"], {"days_off": ["2027-05-01"], "source": 3}])
    )


# -- loading ----------------------------------------------------------------------------------


def test_document_with_ranges_and_chinese_festival_names() -> None:
    arr = arrangement_from_document(base_doc(notice_number="国办发明电〔2026〕1号"))
    assert len(arr.days_off) == 10
    assert arr.holidays[date(2027, 2, 13)] is Festival.SPRING_FESTIVAL
    assert arr.source == "国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕1号）"


def test_festival_variants_are_read_like_every_vocabulary() -> None:
    # The schema states the canonical codes and labels; the reader also takes the variants.
    for name in (" 五一 ", "五一国际劳动节"):
        doc = base_doc(holidays=[{"festival": name, "days_off": ["2027-05-01/2027-05-05"]}])
        arr = arrangement_from_document(doc)
        assert set(arr.holidays.values()) == {Festival.LABOUR_DAY}


def test_toml_date_times_are_not_dates(tmp_path: Path) -> None:
    path = tmp_path / "2027.toml"
    path.write_text(
        'year = 2027\nnotice_title = "t"\npartial = true\npartial_reason = "test data"\n'
        "[[holidays]]\ndays_off = [2027-01-01T08:00:00]\n",
        encoding="utf-8",
    )
    with pytest.raises(CalendarDataError, match=r"\$\.holidays\[0\]\.days_off\[0\]: .* not a date"):
        load_arrangement(path)


def test_toml_native_dates(tmp_path: Path) -> None:
    path = tmp_path / "2027.toml"
    path.write_text(
        'year = 2027\nnotice_title = "t"\nnotice_date = 2026-11-01\n'
        'partial = true\npartial_reason = "test data"\n'
        "[[holidays]]\ndays_off = [2027-01-01]\n",
        encoding="utf-8",
    )
    arr = load_arrangement(path)
    assert arr.days_off == (date(2027, 1, 1),) and arr.notice_date == date(2026, 11, 1)


def test_december_of_previous_year_is_allowed() -> None:
    doc = base_doc(
        holidays=[{"days_off": ["2026-12-31/2027-01-02"], "makeup_workdays": ["2026-12-27"]}]
    )
    arr = arrangement_from_document(doc)
    assert arr.days_off[0] == date(2026, 12, 31) and arr.makeup_workdays == (date(2026, 12, 27),)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"holidays": [{"days_off": ["2027-02-30"]}]},
            "$.holidays[0].days_off[0]: '2027-02-30' is not a date",
        ),
        ({"holidays": [{"days_off": ["yesterday"]}]}, "'yesterday' is not a date"),
        ({"holidays": [{"days_off": "2027-01-01"}]}, "$.holidays[0].days_off: expected a list"),
        ({"holidays": [{"days_off": ["2027-01-05/2027-01-01"]}]}, "must run forwards"),
        ({"holidays": [{"days_off": ["2027-01-01/2027-03-01"]}]}, "at most 31 days"),
        ({"holidays": [{"days_off": ["2028-01-01"]}]}, "2028-01-01 is not in 2027"),
        ({"holidays": [{"days_off": ["2026-11-30"]}]}, "2026-11-30 is not in 2027"),
        (
            {"holidays": [{"days_off": ["2027-01-01"], "makeup_workdays": ["2027-01-04"]}]},
            "$.holidays[0].makeup_workdays[0]: 2027-01-04 is a Monday, not a weekend day",
        ),
        (
            {
                "holidays": [
                    {"days_off": ["2027-01-01/2027-01-03"], "makeup_workdays": ["2027-01-02"]}
                ]
            },
            "2027-01-02 is both a day off and a make-up working day",
        ),
        (
            {"holidays": [{"days_off": ["2027-01-01"]}, {"days_off": ["2027-01-01"]}]},
            "$.holidays[1].days_off[0]: 2027-01-01 is listed twice (also at $.holidays[0]",
        ),
        (
            {"holidays": [{"festival": "圣诞节", "days_off": ["2027-01-01"]}]},
            "unknown 节日 '圣诞节'",
        ),
        ({"holidays": [{"makeup_workdays": ["2027-01-02"]}]}, "no day off is listed"),
        ({"holidays": [{"festival": "元旦"}]}, "lists none of days_off, makeup_workdays"),
        (
            {"holidays": [{"days_off": ["2027-01-01"], "note": "x"}]},
            "$.holidays[0].note: unknown field",
        ),
        ({"holidays": ["2027-01-01"]}, "$.holidays[0]: expected object"),
        ({"holidays": []}, "$.holidays: expected a non-empty list"),
        ({"comment": "x"}, "$.comment: unknown field"),
        ({"year": 1900}, "$.year: expected a year"),
        ({"year": True}, "$.year: expected a year"),
        ({"notice_title": " "}, "$.notice_title: expected non-empty text"),
        ({"notice_date": "4 Nov 2026"}, "$.notice_date: '4 Nov 2026' is not a date"),
        (
            {"holidays": [{"days_off": ["2027-01-01", "2027-01-02/03"]}]},
            "$.holidays[0].days_off[1]: '2027-01-02/03' is not a date, or an inclusive range",
        ),
        ({"holidays": [{"festival": 5, "days_off": ["2027-01-01"]}]}, "$.holidays[0].festival"),
        ({"partial": False}, "$.partial_reason: given, but partial is not true"),
        ({"partial_reason": ""}, "$.partial_reason: expected non-empty text"),
        ({"$schema": 1}, "$.$schema: expected text"),
    ],
)
def test_each_validation_error_names_the_field(changes: dict[str, Any], expected: str) -> None:
    assert expected in problems_of(base_doc(**changes))


def test_missing_title_and_not_an_object() -> None:
    doc = base_doc()
    del doc["notice_title"]
    assert "$.notice_title: missing" in problems_of(doc)
    assert "$: expected a table/object" in problems_of([1, 2])


def test_all_problems_are_reported_at_once() -> None:
    text = problems_of(
        base_doc(year=2027, extra=1, holidays=[{"days_off": ["2027-13-01", "2030-01-01"]}])
    )
    assert "3 problems" in text and "(节假日安排有3处错误)" in text
    assert "$.extra" in text and "'2027-13-01'" in text and "2030-01-01 is not in 2027" in text


def test_programmatic_arrangement_is_checked() -> None:
    by_name = Arrangement(2027, [date(2027, 1, 1)], [], holidays={date(2027, 1, 1): "元旦"})
    assert by_name.holidays[date(2027, 1, 1)] is Festival.NEW_YEARS_DAY
    with pytest.raises(CalendarDataError, match="2027-01-04 is a Monday"):
        Arrangement(2027, [date(2027, 1, 1)], [date(2027, 1, 4)], notice_title="t")
    with pytest.raises(CalendarDataError, match="neither a day off nor a make-up day"):
        Arrangement(2027, [date(2027, 1, 1)], [], holidays={date(2027, 5, 1): Festival.LABOUR_DAY})


@pytest.mark.parametrize(
    ("name", "content", "error", "expected"),
    [
        ("bad.toml", "year = = 1", CalendarDataError, "not valid TOML"),
        ("bad.json", "{", CalendarDataError, "not valid JSON"),
        ("bad.yaml", "year: 2027", CalendarDataError, "unknown file type .yaml"),
        # Decoded like catalogue JSON: a byte-order mark must be right, and text that is
        # neither UTF-8 nor GB18030 is refused (it used to be "not UTF-8" for any non-UTF-8).
        ("latin.json", b"\xff\xfe{", CalendarDataError, "byte-order mark"),
        (
            "latin.toml",
            b"year = 2027 # \x80\xff\x80",
            CalendarDataError,
            "neither UTF-8 nor GB18030",
        ),
        ("deep.json", b"[" * 100_000, CalendarDataError, "nested too deeply"),
        ("binary.json", b"\x00\x01{}", CalendarDataError, "binary file"),
    ],
)
def test_unusable_files(
    tmp_path: Path, name: str, content: str | bytes, error: type[GovdiscloseError], expected: str
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(error, match=expected) as caught:
        load_arrangement(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_files_in_the_encodings_catalogue_json_accepts(
    tmp_path: Path, encoding: str, suffix: str
) -> None:
    doc = base_doc()
    text = json.dumps(doc, ensure_ascii=False) if suffix == ".json" else arrangement_toml(doc)
    path = tmp_path / f"2027{suffix}"
    path.write_bytes(text.encode(encoding))
    loaded = load_arrangement(path)
    assert loaded.notice_title == "国务院办公厅关于2027年部分节假日安排的通知"
    assert loaded.makeup_workdays == (date(2027, 2, 13),)


def arrangement_toml(doc: dict[str, Any]) -> str:
    lines = [f"year = {doc['year']}", f'notice_title = "{doc["notice_title"]}"']
    if doc.get("partial"):
        lines += ["partial = true", f"partial_reason = {json.dumps(doc['partial_reason'])}"]
    for entry in doc["holidays"]:
        lines.append("[[holidays]]")
        for key, value in entry.items():
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b" " * (1024 * 1024 + 1))
    with pytest.raises(InputError, match=r"big\.json: file is 1048577 bytes, more than"):
        load_arrangement(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_arrangement(tmp_path / "nope.toml")
    with pytest.raises(InputError, match="is a directory"):
        load_arrangement(tmp_path)


def test_file_names_file_and_field(tmp_path: Path) -> None:
    path = tmp_path / "2027.json"
    doc = base_doc(holidays=[{"days_off": ["2027-01-01"], "makeup_workdays": ["2027-01-05"]}])
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(CalendarDataError) as caught:
        load_arrangement(path)
    assert str(caught.value).startswith(f"{path}: $.holidays[0].makeup_workdays[0]: 2027-01-05")


# -- default_calendar and the environment -----------------------------------------------------


def write_2027(path: Path) -> Path:
    path.write_text(json.dumps(base_doc(), ensure_ascii=False), encoding="utf-8")
    return path


def test_default_calendar_reads_files_not_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file_2027 = write_2027(tmp_path / "2027.json")
    monkeypatch.setenv(ENV_VAR, str(file_2027))
    assert default_calendar() is WorkCalendar.official()  # the library reads no environment
    cal = default_calendar(files=[file_2027])
    assert cal.is_workday(date(2027, 2, 13)) and not cal.is_workday(date(2027, 2, 8))
    assert cal.day_info(date(2027, 2, 8)).source == "国务院办公厅关于2027年部分节假日安排的通知"
    # A later file for the same year replaces the earlier one.
    other = tmp_path / "2027b.json"
    other.write_text(
        json.dumps(
            base_doc(
                notice_title="newer", holidays=[{"festival": "元旦", "days_off": ["2027-01-01"]}]
            )
        ),
        encoding="utf-8",
    )
    replaced = default_calendar(files=[file_2027, other])
    assert replaced.is_workday(date(2027, 2, 8))
    assert replaced.day_info(date(2027, 1, 1)).source == "newer"


def test_command_line_reads_the_environment_and_names_it_in_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from govdisclose.cli.common import DATA_DIR_VAR

    monkeypatch.setenv(DATA_DIR_VAR, str(tmp_path / "store"))
    file_2027 = write_2027(tmp_path / "2027.json")
    monkeypatch.setenv(ENV_VAR, f"{file_2027}{__import__('os').pathsep}")
    assert main(["calendar", "day", "2027-02-13", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "makeup_workday"
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "missing.toml"))
    assert main(["calendar", "day", "2027-02-13"]) == 2
    assert capsys.readouterr().err.startswith(f"govdisclose: error: {ENV_VAR}: ")


@pytest.mark.parametrize(
    ("arguments", "says"),
    [
        ({"year": 1}, "$.year: expected a year 1950–2199"),
        ({"year": True}, "$.year"),
        ({"year": "2027"}, "$.year"),
        (
            {"days_off": ["2027-01-01"]},
            r"$.days_off[0]: expected a datetime.date, got '2027-01-01'",
        ),
        ({"days_off": [datetime(2027, 1, 1)]}, "$.days_off[0]"),
        ({"days_off": "2027-01-01"}, "$.days_off: expected a list of dates"),
        ({"days_off": None}, "$.days_off"),
        ({"makeup_workdays": [None]}, "$.makeup_workdays[0]"),
        ({"holidays": {"2027-01-01": "元旦"}}, "$.holidays (a key)"),
        ({"holidays": [date(2027, 1, 1)]}, "$.holidays: expected a mapping"),
        ({"notice_title": None}, "$.notice_title: expected text"),
        ({"notice_number": 1}, "$.notice_number: expected text"),
        ({"notice_date": "2026-11-04"}, "$.notice_date"),
        ({"day_sources": {date(2027, 1, 1): 3}}, "$.day_sources[2027-01-01]: expected text"),
    ],
)
def test_constructor_refuses_junk(arguments: dict[str, object], says: str) -> None:
    base: dict[str, object] = {
        "year": 2027,
        "days_off": [date(2027, 1, 1)],
        "makeup_workdays": [],
        "notice_title": "t",
    }
    with pytest.raises(CalendarDataError) as caught:
        Arrangement(**{**base, **arguments})  # type: ignore[arg-type]
    assert says in str(caught.value)


def test_junk_to_the_readers_and_writer() -> None:
    deep: list[object] = []
    node = deep
    for _ in range(50_000):
        node.append([])
        node = node[0]  # type: ignore[assignment]
    text = problems_of(base_doc(year=deep, notice_title=deep, notice_date=deep))
    assert "$.year" in text and "$.notice_title" in text and len(text) < 2000
    with pytest.raises(InputError, match="expected an Arrangement"):
        dump_arrangement({"year": 2027})  # type: ignore[arg-type]
    with pytest.raises(InputError, match="expected a file path"):
        load_arrangement(None)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="not a usable file name"):
        load_arrangement("x" * 5000 + ".toml")
