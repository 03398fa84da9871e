"""``govdisclose calendar day``: text and JSON output, arrangement files, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from calendar_store import isolated_store  # noqa: F401
from govdisclose.cli import main
from govdisclose.cli.common import ENV_VAR


@pytest.fixture(autouse=True)
def _no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["calendar", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_for_a_make_up_day(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "day", "2024-09-29")
    assert code == 0 and err == ""
    assert out.startswith("2024-09-29 星期日 Sunday\n")
    assert "调休上班日 makeup_workday" in out and "是 yes" in out
    assert "补班 / makes up for:  国庆节 national_day" in out
    assert "国办发明电〔2023〕7号" in out
    assert "前一工作日 / previous working day: 2024-09-27" in out
    assert "后一工作日 / next working day:     2024-09-30" in out


def test_json_for_a_holiday(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "day", "2026-02-17", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["date"] == "2026-02-17" and data["kind"] == "holiday"
    assert data["holiday"] == "spring_festival" and data["holiday_label"] == "春节"
    assert data["provisional"] is False and data["workday"] is False
    assert data["source"] == "国务院办公厅关于2026年部分节假日安排的通知"
    assert data["next_workday"] == "2026-02-24" and data["previous_workday"] == "2026-02-14"


def test_unknown_year_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "day", "2027-02-10")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "2027" in err and "--provisional" in err


def test_provisional(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "day", "2027-02-05", "--provisional", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["provisional"] is True and data["source"] == "provisional estimate"
    assert data["kind"] == "holiday"
    code, out, _ = run(capsys, "day", "2027-02-05", "--provisional")
    assert "暂估 / provisional:   是 yes" in out


def test_last_known_day_has_no_next_working_day(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "day", "2026-12-31", "--format", "json")
    assert code == 0 and json.loads(out)["next_workday"] is None


def test_calendar_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "2027.toml"
    path.write_text(
        'year = 2027\nnotice_title = "国务院办公厅关于2027年部分节假日安排的通知"\n'
        'partial = true\npartial_reason = "test data: 春节 only"\n'
        '[[holidays]]\nfestival = "春节"\ndays_off = ["2027-02-05/2027-02-11"]\n'
        'makeup_workdays = ["2027-02-13"]\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "day", "2027-02-13", "--calendar", str(path), "--format", "json")
    data = json.loads(out)
    assert (
        code == 0 and data["kind"] == "makeup_workday" and data["for_holiday"] == "spring_festival"
    )
    assert data["source"] == "国务院办公厅关于2027年部分节假日安排的通知"


def test_bad_calendar_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "2027.json"
    path.write_text('{"year": 2027, "notice_title": "t", "holidays": [{"days_off": ["2027-1-1"]}]}')
    code, out, err = run(capsys, "day", "2027-01-04", "--calendar", str(path))
    assert code == 2 and out == ""
    assert str(path) in err and "$.holidays[0].days_off[0]" in err
    code, _, err = run(capsys, "day", "2027-01-04", "--calendar", str(tmp_path / "none.toml"))
    assert code == 2 and "no such file" in err


def test_every_problem_of_a_calendar_file_is_listed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "2027.toml"
    path.write_text(
        'year = 2027\nnotice_title = "t"\npartial = true\n[[holidays]]\nfestival = "春节"\n'
        'days_off = ["2027-02-05", "2027-02-11/2027-02-05"]\nmakeup_workdays = ["2027-02-15"]\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "day", "2027-02-08", "--calendar", str(path))
    assert code == 2 and out == "" and "Traceback" not in err
    assert "3 problems" in err and "$.partial_reason: missing" in err
    assert "$.holidays[0].days_off[1]: range '2027-02-11/2027-02-05' must run forwards" in err
    assert "$.holidays[0].makeup_workdays[0]: 2027-02-15 is a Monday" in err


def test_bad_date_and_missing_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "day", "2024-02-30")
    assert code == 2 and "Traceback" not in err and err.count("\n") == 1
    assert "2024-02-30 does not exist" in err and "February 2024 has 29 days" in err
    code, _, err = run(capsys, "day", "30/02/2024")
    assert code == 2 and "not a date" in err and "YYYY-MM-DD" in err and "YYYY年M月D日" in err
    code, _, err = run(capsys)
    assert code == 2 and "day" in err


def test_today(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "day", "today", "--provisional", "--format", "json")
    # Today is in a covered or estimated year until 2050.
    assert (code, err) == (0, "") and json.loads(out)["date"]


@pytest.mark.parametrize(
    "spelling",
    [
        "2024-10-08",
        "2024-10-8",
        "2024/10/8",
        "2024.10.8",
        "2024年10月8日",
        "20241008",
        " 2024/10/08 ",
        "２０２４/10/8",
    ],
)
def test_day_accepts_every_date_spelling(capsys: pytest.CaptureFixture[str], spelling: str) -> None:
    code, out, err = run(capsys, "day", spelling, "--format", "json")
    assert code == 0, err
    assert json.loads(out)["date"] == "2024-10-08"


def test_day_outside_any_arrangement_says_what_would_cover_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "day", "1999-01-05", "--provisional")
    assert code == 2 and err.count("\n") == 1
    assert "2025–2050" in err and "--calendar FILE" in err and "--provisional" not in err


def test_an_estimated_neighbour_is_marked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "day", "2026-12-31", "--provisional", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["provisional"] is False  # the day itself is official
    assert data["next_workday"] == "2027-01-04" and data["neighbours_provisional"] is True
    assert main(["calendar", "day", "2026-12-31", "--provisional"]) == 0
    out = capsys.readouterr().out
    assert "2027-01-04 (暂估 PROVISIONAL)" in out and "2026-12-30 (暂估" not in out
    assert main(["calendar", "day", "2026-06-01", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["neighbours_provisional"] is False
