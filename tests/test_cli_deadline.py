"""Tests for ``govdisclose deadline …`` and ``govdisclose calendar ics``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from calendar_store import isolated_store  # noqa: F401
from govdisclose.cli import main

# A fictional 2027 arrangement, only for these tests: New Year off 1–5 January, 9 January worked.
ARRANGEMENT_2027 = {
    "year": 2027,
    "notice_title": "测试用虚构安排 (fictional, for tests)",
    "partial": True,
    "partial_reason": "fictional test data: 元旦 only",
    "holidays": [
        {
            "festival": "元旦",
            "days_off": ["2027-01-01/2027-01-05"],
            "makeup_workdays": ["2027-01-09"],
        }
    ],
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    code, out, err = run(capsys, *argv, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_request_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "deadline", "request", "2024-09-27")
    assert code == 0 and err == ""
    assert out.splitlines()[0].endswith("2024-10-30 星期三 Wed")
    assert "第三十三条" in out and "国庆节" in out
    assert "PROVISIONAL" not in out


def test_request_json_with_everything(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        capsys,
        "deadline", "request",
        "2024-10-25",
        "--supplemented", "2024-11-01",
        "--pause", "2024-11-05", "2024-11-07",
        "--pause", "2024-11-06", "2024-11-08",
        "--extended", "3",
    )  # fmt: skip
    assert isinstance(data, dict)
    # 20 from 11-01 is 11-29; 3 paused working days (11-06..11-08, merged) → 12-04; +3 → 12-09.
    assert data["due"] == "2024-12-09"
    assert data["start"] == "2024-11-01"
    assert data["provisional"] is False
    kinds = [step["kind"] for step in data["explanation"]]
    assert kinds.count("paused") == 1 and "extension" in kinds


def test_request_extended_without_number_is_twenty(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "deadline", "request", "2024-11-01", "--extended")
    assert isinstance(data, dict) and data["due"] == "2024-12-27"


def test_extension_too_long(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "deadline", "request", "2024-11-01", "--extended", "25")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "1 to 20 working days (0 for none)" in err
    assert "Traceback" not in err and "True" not in err and "False" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ("deadline", "request", "2024-13-01"),
        ("deadline", "request", "27/09/2024"),
        ("deadline", "request", "2024-09-27", "--pause", "2024-10-08", "soon"),
        ("deadline", "proactive", "yesterday"),
        ("deadline", "opinion", "2024-10-01"),
        ("deadline", "opinion", "2024-10-01T25:00"),
        ("deadline", "meeting", "2024-02-30"),
    ],
)
def test_bad_dates_are_one_line_errors(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith("govdisclose: error: ") and err.count("\n") == 1


def test_pause_answered_before_sent(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "deadline", "request", "2024-09-27",
        "--pause", "2024-10-10", "2024-10-08",
    )  # fmt: skip
    assert code == 2 and "pauses[0]" in err


def test_unknown_year_error_and_provisional(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "deadline", "request", "2026-12-15")
    assert code == 2 and out == ""
    assert "2027" in err and "--provisional" in err and err.count("\n") == 1
    data = run_json(capsys, "deadline", "request", "2026-12-15", "--provisional")
    assert isinstance(data, dict)
    assert data["provisional"] is True and data["estimated_years"] == [2027]
    assert data["due"].startswith("2027-")
    code, out, _ = run(capsys, "deadline", "request", "2026-12-15", "--provisional")
    assert code == 0 and out.startswith("【暂估 PROVISIONAL】") and "暂估" in out


def test_calendar_file_supplies_a_year(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "arrangement-2027.json"
    path.write_text(json.dumps(ARRANGEMENT_2027, ensure_ascii=False), encoding="utf-8")
    data = run_json(capsys, "deadline", "request", "2026-12-15", "--calendar", str(path))
    assert isinstance(data, dict) and data["provisional"] is False
    # 12-16..12-31: 12 working days; 2027: 1-6, 1-7, 1-8, 1-9 (Sat, worked), 1-11..1-14 → 20th.
    assert data["due"] == "2027-01-14"
    kinds = [step["kind"] for step in data["explanation"]]
    assert "makeup_counted" in kinds and "holiday" in kinds


def test_proactive_default_rule_and_service_level(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "deadline", "proactive", "2024-09-30")
    assert isinstance(data, dict)
    assert data["due"] == "2024-11-01" and data["rule"]["code"] == "ogi_art26"
    data = run_json(capsys, "deadline", "proactive", "2024-09-27", "--rule", "按进展情况及时公开")
    assert isinstance(data, dict)
    assert data["due"] is None and data["assessable"] is False and data["reason"]
    data = run_json(
        capsys, "deadline", "proactive", "2024-09-27",
        "--rule", "按进展情况及时公开", "--service-level", "5",
    )  # fmt: skip
    assert isinstance(data, dict) and data["due"] == "2024-10-10"
    code, out, _ = run(capsys, "deadline", "proactive", "2024-09-27", "--rule", "每年1月31日前")
    assert code == 0 and "2025-01-31" in out and "不顺延" in out


def test_service_level_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["deadline", "proactive", "2024-09-27", "--service-level", "0"])
    assert info.value.code == 2
    assert "--service-level" in capsys.readouterr().err


def test_opinion_json_is_one_object_in_china_time(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "deadline", "opinion", "2024-09-30T16:30Z", "--major")
    assert data["kind"] == "public_opinion_response"
    assert data["due"] == "2024-10-03T00:30:00+08:00"
    assert [d["kind"] for d in data["related"]] == ["authoritative_release", "press_conference"]
    assert [d["due"] for d in data["related"]] == [
        "2024-10-01T05:30:00+08:00",
        "2024-10-02T00:30:00+08:00",
    ]
    naive = run_json(capsys, "deadline", "opinion", "2024-10-01 08:00")
    assert "related" not in naive
    assert naive["due"] == "2024-10-03T08:00:00+08:00"
    assert "China Standard Time" in naive["explanation"][0]["text"]


def test_annual_report_and_meeting(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "deadline", "annual-report", "2026", "--authority")
    assert isinstance(data, dict) and data["due"] == "2026-03-31"
    data = run_json(capsys, "deadline", "meeting", "2026-10-08")
    assert isinstance(data, dict) and data["due"] == "2026-10-01"


def test_deadline_without_kind_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "deadline")
    assert code == 2 and "proactive" in err


def test_calendar_ics_to_stdout_and_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "calendar", "ics", "2026")
    assert code == 0 and err == ""
    assert out.startswith("BEGIN:VCALENDAR\r\n") and out.endswith("END:VCALENDAR\r\n")
    assert out.count("BEGIN:VEVENT") == 7
    target = tmp_path / "2026.ics"
    code, out, _ = run(
        capsys, "calendar", "ics", "2026", "--output", str(target),
        "--attribute-review", "06-30", "--authority",
    )  # fmt: skip
    assert code == 0 and out == ""
    raw = target.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")  # CRLF kept as written
    text = raw.decode("utf-8")
    assert "DTSTART;VALUE=DATE:20260331\r\nDTEND;VALUE=DATE:20260401\r\nSUMMARY:公布2025" in text
    assert "UID:20260630-attribute_review@govdisclose" in text


def test_calendar_ics_unknown_year_and_provisional(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "calendar", "ics", "2027")
    assert code == 2 and out == "" and "2027" in err and err.count("\n") == 1
    code, out, _ = run(capsys, "calendar", "ics", "2027", "--provisional")
    assert code == 0 and "SUMMARY:【暂估】" in out


@pytest.mark.parametrize(
    "argv",
    [
        ("calendar", "ics", "2026", "--attribute-review", "02-30"),
        ("calendar", "ics", "2026", "--attribute-review", "12"),
    ],
)
def test_calendar_ics_bad_review_day(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and err.count("\n") == 1


def test_calendar_ics_bad_year(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["calendar", "ics", "twenty"])
    assert info.value.code == 2
    assert "not a year" in capsys.readouterr().err


# --- the ends of the date range, provisional years, date spellings ---------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ("deadline", "proactive", "9999-12-31"),
        ("deadline", "proactive", "9999-12-31", "--rule", "每周更新"),
        ("deadline", "proactive", "9999-12-31", "--rule", "每年1月31日前"),
        ("deadline", "request", "9999-12-31", "--provisional"),
        ("deadline", "meeting", "0001-01-03"),
        ("deadline", "meeting", "2024-10-10", "--days", "99999999"),
        ("deadline", "meeting", "2024-10-10", "--days", "9999999999"),
        ("deadline", "opinion", "9999-12-31T23:00"),
        ("deadline", "opinion", "0001-01-01T00:00"),
        ("deadline", "opinion", "9999-12-31T23:59-12:00"),
    ],
)
def test_dates_past_the_range_are_one_line_errors(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "", err
    assert err.startswith("govdisclose: error: ") and err.count("\n") == 1
    assert "超出" in err and "Traceback" not in err


@pytest.mark.parametrize("received", ["1999-01-05", "2099-01-05", "9999-01-05"])
def test_provisional_outside_the_estimated_years(
    capsys: pytest.CaptureFixture[str], received: str
) -> None:
    code, out, err = run(capsys, "deadline", "request", received, "--provisional")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert received[:4] in err and "2025–2050" in err and "--calendar FILE" in err
    assert "--provisional" not in err  # the flag was given: do not suggest it


def test_negative_extension_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "deadline", "request", "2024-11-01", "--extended", "-5")
    assert code == 2 and "an extension is 1 to 20 working days" in err and "got -5" in err
    assert "at most" not in err


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("2024-09-27", "2024-10-30"),
        ("2024/9/27", "2024-10-30"),
        ("2024.9.27", "2024-10-30"),
        ("2024年9月27日", "2024-10-30"),
        ("20240927", "2024-10-30"),
    ],
)
def test_every_date_option_takes_the_same_spellings(
    capsys: pytest.CaptureFixture[str], spelling: str, expected: str
) -> None:
    data = run_json(
        capsys,
        "deadline", "request", spelling,
        "--supplemented", spelling, "--pause", spelling, spelling,
    )  # fmt: skip
    assert isinstance(data, dict) and data["due"] == expected
    data = run_json(capsys, "deadline", "proactive", spelling)
    assert isinstance(data, dict) and data["start"] == "2024-09-27"
    data = run_json(capsys, "deadline", "meeting", spelling)
    assert isinstance(data, dict) and data["due"] == "2024-09-20"
    data = run_json(capsys, "deadline", "opinion", f"{spelling} 08:00")
    assert isinstance(data, dict) and data["due"] == "2024-09-29T08:00:00+08:00"


@pytest.mark.parametrize(
    ("option", "argv"),
    [
        ("RECEIVED", ("deadline", "request", "2024-02-30")),
        (
            "--supplemented",
            ("deadline", "request", "2024-02-01", "--supplemented", "2024年2月30日"),
        ),
        (
            "--pause",
            ("deadline", "request", "2024-02-01", "--pause", "2024/2/3", "2024/2/30"),
        ),
        ("FORMED", ("deadline", "proactive", "20240230")),
        ("MEETING", ("deadline", "meeting", "2024.2.30")),
        ("DETECTED", ("deadline", "opinion", "2024-02-30T08:00")),
    ],
)
def test_an_impossible_date_is_said_not_to_exist(
    capsys: pytest.CaptureFixture[str], option: str, argv: tuple[str, ...]
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and err.count("\n") == 1
    assert option in err and "2024-02-30 does not exist" in err and "use YYYY" not in err


def test_attribute_review_that_is_not_a_day_of_the_year(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "calendar", "ics", "2025", "--attribute-review", "02-30")
    assert code == 2 and err.count("\n") == 1
    assert "--attribute-review: 02-30 is not a day of the year; use MM-DD" in err
    assert "2000" not in err and "YYYY" not in err
    code, _, err = run(capsys, "calendar", "ics", "2025", "--attribute-review", "02-29")
    assert code == 2 and "02-29 is not a day of 2025" in err
    code, out, _ = run(capsys, "calendar", "ics", "2028", "--attribute-review", "2/29",
                       "--provisional")  # fmt: skip
    assert code == 0 and "DTSTART;VALUE=DATE:20280229" in out


def test_extension_of_zero_is_none_as_in_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    plain = run_json(capsys, "deadline", "request", "2024-11-01")
    assert run_json(capsys, "deadline", "request", "2024-11-01", "--extended", "0") == plain


def test_service_level_bounds_name_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["deadline", "proactive", "2024-09-27", "--service-level", "400"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "--service-level" in err and "1 to 366" in err
