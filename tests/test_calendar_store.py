"""Keeping a year: the store of ``calendar add`` (a temporary directory here), the commands
``calendar notice/add/list/remove/example``, partial years marked in every result, and a
library that reads no environment."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import attrs
import pytest

from calendar_store import isolated_store  # noqa: F401
from govdisclose import unstructure
from govdisclose._errors import CalendarDataError, InputError
from govdisclose.calendar import (
    WorkCalendar,
    check_calendar,
    default_calendar,
    load_arrangement,
    read_notice_files,
    remove_arrangement,
    store_arrangement,
    stored_arrangements,
    stored_files,
    user_data_directory,
)
from govdisclose.cli import main
from govdisclose.cli.common import DATA_DIR_VAR, ENV_VAR, data_directory
from govdisclose.deadlines import request_reply_deadline

NOTICES = Path(__file__).parent / "data" / "notices"
ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def partial_2026(tmp_path: Path) -> Path:
    """The 2026 notice without its 中秋节 item (a copy that lacks a festival)."""
    text = (NOTICES / "2026.txt").read_text(encoding="utf-8")
    path = tmp_path / "2026-short.txt"
    path.write_text(
        "\n".join(line for line in text.splitlines() if not line.startswith("六、")),
        encoding="utf-8",
    )
    return path


# -- the store --------------------------------------------------------------------------------


def test_store_list_and_remove(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert stored_files(store) == {} and stored_arrangements(store) == {}
    arr = read_notice_files(NOTICES / "2025.txt")
    path = store_arrangement(arr, store)
    assert path == store / "arrangement-2025.json"
    assert stored_arrangements(store) == {2025: arr}
    assert WorkCalendar.from_user_data(directory=store).arrangement(2025) == arr
    assert remove_arrangement(2025, store) == path and not path.exists()
    with pytest.raises(InputError, match=r"no stored arrangement for 2025 \(stored: none\)"):
        remove_arrangement(2025, store)


def test_an_edited_stored_file_says_how_to_remove_it(tmp_path: Path) -> None:
    store = tmp_path / "store"
    path = store_arrangement(read_notice_files(NOTICES / "2025.txt"), store)
    path.write_text("{", encoding="utf-8")
    with pytest.raises(CalendarDataError, match="govdisclose calendar remove 2025"):
        stored_arrangements(store)
    other = store / "arrangement-2024.json"
    other.write_bytes(
        store_arrangement(read_notice_files(NOTICES / "2023.txt"), tmp_path).read_bytes()
    )
    path.unlink()
    with pytest.raises(CalendarDataError, match="holds the arrangement for 2023, not 2024"):
        stored_arrangements(store)


def test_store_arguments_are_checked(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="expected an Arrangement"):
        store_arrangement("2027", tmp_path)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="expected a directory path"):
        stored_files(b"/tmp")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="expected a year"):
        remove_arrangement("2027", tmp_path)  # type: ignore[arg-type]
    assert user_data_directory().name == "calendar"


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"XDG_DATA_HOME": "/srv/data"},
        {"XDG_DATA_HOME": "/srv/data/"},
        {"XDG_DATA_HOME": "relative/data"},
        {"XDG_DATA_HOME": " "},
        {"HOME": "/home/user/"},
        {"HOME": "/"},
    ],
)
def test_the_command_line_finds_the_store_where_platformdirs_does(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found without platformdirs where the XDG rule is plain; the same directory either way."""
    monkeypatch.delenv(DATA_DIR_VAR, raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert data_directory() == user_data_directory()


def test_an_incomplete_year_not_marked_partial_is_not_stored(tmp_path: Path) -> None:
    partial = read_notice_files(partial_2026(tmp_path), partial="中秋节 missing from the copy")
    unmarked = attrs.evolve(partial, partial=False, partial_reason=None)
    store = tmp_path / "store"
    with pytest.raises(CalendarDataError, match=r"(?s)2026.*missing 中秋节.*partial = true"):
        store_arrangement(unmarked, store)
    assert stored_files(store) == {}
    store_arrangement(partial, store)  # marked partial: kept, and it reads back
    assert stored_arrangements(store)[2026] == partial


def test_the_library_reads_no_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "store"
    store_arrangement(read_notice_files(partial_2026(tmp_path), partial="test"), store)
    monkeypatch.setenv(DATA_DIR_VAR, str(store))
    monkeypatch.setenv(ENV_VAR, str(store / "arrangement-2026.json"))
    for cal in (WorkCalendar.official(), default_calendar(), check_calendar(None, where="c")):
        arrangement = cal.arrangement(2026)
        assert arrangement is not None and not arrangement.partial
    # no module outside the command line looks at the environment
    for module in (ROOT / "src" / "govdisclose").rglob("*.py"):
        if "cli" in module.parts:
            continue
        code = module.read_text(encoding="utf-8")
        assert not re.search(r"os\.environ|getenv|environ\[", code), module


# -- partial years are marked like estimates --------------------------------------------------


def test_results_through_a_partial_year_are_marked(tmp_path: Path) -> None:
    arr = read_notice_files(partial_2026(tmp_path), partial="中秋节 missing from the copy")
    cal = WorkCalendar.official().with_arrangement(arr)
    info = cal.day_info(date(2026, 3, 2))
    assert info.partial and unstructure(info)["partial"] is True and not info.provisional
    assert cal.partial_years(date(2025, 12, 1), date(2026, 1, 5)) == (2026,)
    assert cal.partial_years(date(2025, 1, 1), date(2025, 12, 31)) == ()
    deadline = request_reply_deadline(date(2026, 3, 2), calendar=cal)
    assert deadline.partial and deadline.partial_years == (2026,)
    data = unstructure(deadline)
    assert data["partial"] is True and data["partial_years"] == [2026]
    assert "【部分安排 PARTIAL】" in deadline.headline()
    assert "部分安排 PARTIAL: 2026年" in deadline.describe()
    official = request_reply_deadline(date(2025, 3, 3), calendar=cal)
    assert not official.partial and official.partial_years == ()


# -- the commands -----------------------------------------------------------------------------


def test_notice_writes_the_file_form(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "calendar", "notice", str(NOTICES / "2026.txt"))
    assert code == 0 and err == ""
    assert out.startswith(
        'year = 2026\nnotice_title = "国务院办公厅关于2026年部分节假日安排的通知"'
    )
    assert 'festival = "spring_festival"  # 春节\ndays_off = ["2026-02-15/2026-02-23"]' in out
    target = tmp_path / "2026.json"
    code, out, _ = run(capsys, "calendar", "notice", str(NOTICES / "2026.txt"), "-o", str(target))
    assert code == 0 and "已写入 written" in out and "7 festivals" in out
    assert json.loads(target.read_text(encoding="utf-8"))["year"] == 2026
    assert load_arrangement(target) == read_notice_files(NOTICES / "2026.txt")
    code, out, _ = run(
        capsys,
        "calendar",
        "notice",
        str(NOTICES / "2019.txt"),
        str(NOTICES / "2019-amend-1.txt"),
        "--to",
        "json",
    )
    assert code == 0 and '"2019-05-01/2019-05-04"' in out


def test_notice_refusals_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "calendar", "notice", str(partial_2026(tmp_path)))
    assert code == 2 and out == ""
    assert "missing 中秋节 mid_autumn_festival" in err and "Traceback" not in err
    code, _, err = run(capsys, "calendar", "notice", str(tmp_path / "none.txt"))
    assert code == 2 and "no such file" in err
    arrangement_file = tmp_path / "2026.toml"
    arrangement_file.write_text("year = 2026\n", encoding="utf-8")
    code, _, err = run(
        capsys, "calendar", "add", str(arrangement_file), str(NOTICES / "2020-amend-1.txt")
    )
    assert code == 2 and "takes no amending notice" in err


def test_a_new_year_in_two_commands(capsys: pytest.CaptureFixture[str]) -> None:
    # The README's two commands, with the 2026 notice (a real one) standing in for a new year.
    code, out, _ = run(capsys, "calendar", "add", str(NOTICES / "2026.txt"))
    assert code == 0 and "已保存 stored: 2026" in out
    assert str(data_directory() / "arrangement-2026.json") in out
    assert "replaces the bundled 2026 arrangement" in out
    code, out, _ = run(capsys, "calendar", "list", "--format", "json")
    rows = {row["year"]: row for row in json.loads(out)["years"]}
    assert rows[2026]["origin"] == "user file" and rows[2025]["origin"] == "bundled"
    code, out, _ = run(capsys, "calendar", "day", "2026-10-10", "--format", "json")
    assert json.loads(out)["kind"] == "makeup_workday"
    code, out, _ = run(capsys, "calendar", "remove", "2026")
    assert code == 0 and "已删除 removed" in out
    code, out, _ = run(capsys, "calendar", "list")
    assert re.search(r"^2026\s+bundled", out, re.M)


@pytest.mark.parametrize(
    ("year", "day", "number"),
    [
        (2015, "2015-09-03", "国发明电〔2015〕1号"),  # the anniversary holiday
        (2020, "2020-01-31", "国办发明电〔2020〕1号"),  # the Spring Festival extension
    ],
)
def test_an_added_amendment_is_the_source_of_its_days(
    capsys: pytest.CaptureFixture[str], year: int, day: str, number: str
) -> None:
    notices = [str(NOTICES / f"{year}.txt"), str(NOTICES / f"{year}-amend-1.txt")]
    code, out, _ = run(capsys, "calendar", "notice", *notices)
    assert code == 0 and 'source = "' in out and number in out
    assert run(capsys, "calendar", "add", *notices)[0] == 0
    stored = json.loads((data_directory() / f"arrangement-{year}.json").read_text("utf-8"))
    assert [e["source"] for e in stored["holidays"] if "source" in e] == [
        WorkCalendar.official().day_info(date.fromisoformat(day)).source
    ]
    code, out, _ = run(capsys, "calendar", "day", day)
    assert code == 0 and "依据 / source:        " in out and number in out
    code, out, _ = run(capsys, "calendar", "day", day, "--format", "json")
    assert number in json.loads(out)["source"]
    # the days the yearly notice decided still name it
    code, out, _ = run(capsys, "calendar", "day", f"{year}-10-01", "--format", "json")
    assert json.loads(out)["source"].startswith(f"国务院办公厅关于{year}年部分节假日安排的通知")


def test_readme_shows_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### 新的一年 A new year's holidays", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^govdisclose .+$", section, re.M)
    assert commands[0].startswith("govdisclose calendar add ")
    assert commands[1].startswith("govdisclose calendar day 2027-")


def test_partial_notice_added_and_marked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    short = str(partial_2026(tmp_path))
    code, _, err = run(capsys, "calendar", "add", short)
    assert code == 2 and "missing 中秋节" in err
    code, out, _ = run(capsys, "calendar", "add", short, "--partial", "中秋节 missing")
    assert code == 0 and "部分安排 PARTIAL: 中秋节 missing" in out
    code, out, _ = run(capsys, "calendar", "day", "2026-03-02")
    assert "部分安排 / partial:   是 yes" in out and "中秋节 missing" in out
    code, out, _ = run(capsys, "calendar", "list")
    assert "【部分 PARTIAL: 中秋节 missing】" in out
    code, out, _ = run(capsys, "deadline", "request", "2026-03-02", "--format", "json")
    assert code == 0 and json.loads(out)["partial"] is True


def test_stored_year_conflicting_with_a_neighbour_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = (NOTICES / "2024.txt").read_text(encoding="utf-8")
    # 2023-12-30 and 31 are off for New Year 2024; a 2023 file working 31 December disagrees.
    doc = {
        "year": 2023,
        "notice_title": "conflicting test file",
        "partial": True,
        "partial_reason": "test data",
        "holidays": [
            {"festival": "元旦", "days_off": ["2023-01-02"], "makeup_workdays": ["2023-12-31"]}
        ],
    }
    (tmp_path / "2024.txt").write_text(text, encoding="utf-8")
    assert run(capsys, "calendar", "add", str(tmp_path / "2024.txt"))[0] == 0
    conflicting = tmp_path / "2023.json"
    conflicting.write_text(json.dumps(doc), encoding="utf-8")
    code, _, err = run(capsys, "calendar", "add", str(conflicting))
    assert code == 2 and "2023-12-31 is worked but the 2024 arrangement says off" in err


def test_unknown_year_says_to_paste_the_notice(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "calendar", "day", "2027-03-01")
    assert (
        code == 2 and "`govdisclose calendar add FILE`" in err and "paste the notice's text" in err
    )


def test_example_and_remove_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calendar", "example")
    assert code == 0 and out.startswith("# A year's holiday arrangement for govdisclose")
    assert "govdisclose calendar add" in out
    code, _, err = run(capsys, "calendar", "remove", "next")
    assert code == 2 and "expected a year such as 2027" in err
    code, _, err = run(capsys, "calendar", "remove", "2031")
    assert code == 2 and "no stored arrangement for 2031" in err


def test_list_shows_files_of_the_environment_and_options(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "2025.toml"
    assert run(capsys, "calendar", "notice", str(NOTICES / "2025.txt"), "-o", str(target))[0] == 0
    monkeypatch.setenv(ENV_VAR, str(target))
    _, out, _ = run(capsys, "calendar", "list", "--provisional")
    assert re.search(rf"^2025\s+{ENV_VAR}\s.*{re.escape(str(target))}", out, re.M)
    assert "2027–2050  provisional estimate" in out
    _, out, _ = run(capsys, "calendar", "list", "--calendar", str(target), "--format", "json")
    rows = {row["year"]: row for row in json.loads(out)["years"]}
    assert rows[2025]["origin"] == "--calendar" and rows[2025]["path"] == str(target)


def test_audit_marks_records_through_a_partial_year(tmp_path: Path) -> None:
    from govdisclose.audit import audit_records, iter_audit

    arr = read_notice_files(partial_2026(tmp_path), partial="中秋节 missing from the copy")
    cal = WorkCalendar.official().with_arrangement(arr)
    log = [
        {"domain": "work_safety", "item": "法律法规", "formed": "2026-03-02", "published": ""},
        {
            "domain": "work_safety",
            "item": "法律法规",
            "formed": "2025-03-03",
            "published": "2025-03-10",
        },
    ]
    results = list(iter_audit(log, as_of=date(2026, 3, 31), calendar=cal))
    assert [r.partial for r in results] == [True, False]
    assert unstructure(results[0])["partial"] is True
    report = audit_records(log, as_of=date(2026, 3, 31), calendar=cal)
    assert report.partial_years == (2026,) and unstructure(report)["partial_years"] == [2026]
    assert "部分安排 PARTIAL: 2026年" in report.to_text()
    official = audit_records(log, as_of=date(2026, 3, 31))
    assert official.partial_years == () and "PARTIAL" not in official.to_text()


def test_a_file_with_only_national_day_is_refused(tmp_path: Path) -> None:
    # The case: a 2027 file listing only 国庆节 made 2027-02-08 (春节) a working day.
    path = tmp_path / "2027.toml"
    path.write_text(
        'year = 2027\nnotice_title = "a file listing only 国庆节"\n[[holidays]]\n'
        'festival = "国庆节"\ndays_off = ["2027-10-01/2027-10-07"]\n',
        encoding="utf-8",
    )
    with pytest.raises(CalendarDataError) as caught:
        load_arrangement(path)
    message = str(caught.value)
    assert "missing 春节 spring_festival" in message and "partial = true" in message
    assert "missing 国庆节" not in message
