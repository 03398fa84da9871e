"""``govdisclose audit``: exit codes, text and JSON output, options, standard input."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest

from calendar_store import isolated_store  # noqa: F401
from govdisclose import standard
from govdisclose._converter import dumps
from govdisclose.cli import main

DATA = Path(__file__).parent / "data" / "audit"
HEADER = "领域,事项,形成日期,公开日期\n"


def write(tmp_path: Path, body: str, name: str = "log.csv") -> str:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return str(path)


def test_exit_0_when_nothing_is_late(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = write(tmp_path, "安全生产,法律法规,2024-09-02,2024-09-30\n安全生产,标准,2024-12-20,\n")
    assert main(["audit", log, "--as-of", "2024-12-31"]) == 0
    out = capsys.readouterr().out
    assert "按时公开 on time 1" in out and "待公开 pending 1" in out


def test_exit_1_when_late_or_overdue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(DATA / "log_zh.csv"), "--as-of", "2026-03-02"]) == 1
    out = capsys.readouterr().out
    assert "audit.late" in out and "audit.overdue" in out and "log_zh.csv:3" in out


def test_json_output_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["audit", str(DATA / "log_zh.csv"), "--as-of", "2026-03-02", "--format", "json"]) == 1
    )
    data = json.loads(capsys.readouterr().out)
    assert {
        "subject",
        "as_of",
        "format",
        "encoding",
        "ok",
        "records",
        "invalid",
        "totals",
        "unknown_item_records",
        "published_after_as_of",
        "first_levels",
        "items",
        "listed_limit",
        "report",
    } <= set(data)
    assert (data["as_of"], data["ok"], data["records"], data["encoding"]) == (
        "2026-03-02",
        False,
        9,
        "utf-8",
    )
    assert data["totals"] == {
        "on_time": 2,
        "late": 2,
        "overdue": 1,
        "pending": 1,
        "not_assessable": 3,
        "provisional": 0,
        "max_late_workdays": 5,
        "max_overdue_workdays": 5,
        "total": 9,
    }
    item = next(i for i in data["items"] if i["item_id"] == "post_disaster_relief.1")
    assert (item["domain"], item["name"], item["counts"]["late"]) == (
        "disaster_relief",
        "灾情核定信息",
        1,
    )
    late = [f for f in data["report"]["findings"] if f["code"] == "audit.late"]
    assert late[1]["data"]["due"] == "2026-02-24" and late[1]["data"]["workdays"] == 5
    assert data["report"]["counts"]["error"] == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.csv", "--as-of", "2024-12-31"], "no such file"),
        (["{nohead}", "--as-of", "2024-12-31"], "no recognisable header"),
        (["{binary}", "--as-of", "2024-12-31"], "binary"),
        (
            [
                "{good}",
                "--as-of",
                "2024-12-31",
                "--catalogue",
                "work-safety",
                "--catalogue",
                "work-safety",
            ],
            "two catalogues",
        ),
    ],
)
def test_exit_2_for_unusable_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    (tmp_path / "nohead.csv").write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    (tmp_path / "binary.csv").write_bytes(b"PK\x03\x04\x00\x00\x00")
    good = write(tmp_path, "安全生产,法律法规,2024-09-02,\n")
    names = {
        "nohead": str(tmp_path / "nohead.csv"),
        "binary": str(tmp_path / "binary.csv"),
        "good": good,
    }
    argv = ["audit", *(a.format(**names) for a in args)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_as_of_defaults_to_today_and_a_bad_one_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(tmp_path, "安全生产,法律法规,2024-09-02,\n")
    assert main(["audit", log]) == 1  # as of today, like validate: overdue
    assert "audit.overdue" in capsys.readouterr().out
    # A bad date is reported like every other command's date option: one line, exit 2.
    for text, says in [
        ("2024-13-01", "--as-of: 2024-13-01 does not exist: there is no month 13"),
        ("31/12/2024", "--as-of: not a date: '31/12/2024' (day/month order unknown"),
        ("soon", "or today"),
    ]:
        assert main(["audit", log, "--as-of", text]) == 2
        err = capsys.readouterr().err
        assert says in err and "Traceback" not in err and len(err.splitlines()) == 1


def test_as_of_takes_every_date_spelling_and_today(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(tmp_path, "安全生产,法律法规,2024-09-02,\n")
    for text in ("2024-12-31", "2024年12月31日", "20241231", "2024-12-31T20:00+08:00"):
        assert main(["audit", log, "--as-of", text, "--format", "json"]) == 1
        assert json.loads(capsys.readouterr().out)["as_of"] == "2024-12-31"
    # 2024-12-30T20:00Z is already 31 December in Beijing
    assert main(["audit", log, "--as-of", "2024-12-30T20:00Z", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["as_of"] == "2024-12-31"
    before = dt.datetime.now(ZoneInfo("Asia/Shanghai")).date()
    assert main(["audit", log, "--as-of", " Today ", "--format", "json"]) in (0, 1)
    after = dt.datetime.now(ZoneInfo("Asia/Shanghai")).date()
    assert json.loads(capsys.readouterr().out)["as_of"] in (before.isoformat(), after.isoformat())


def test_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (HEADER + "救灾,预警信息,2026-01-20,\n").encode("gb18030")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["audit", "-", "--as-of", "2026-03-02", "--format", "json"]) == 1
    data_out = json.loads(capsys.readouterr().out)
    assert (data_out["subject"], data_out["encoding"], data_out["totals"]["overdue"]) == (
        "<stdin>",
        "gb18030",
        1,
    )


def test_local_catalogue_with_a_service_level(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = standard("work_safety")
    local = ws.with_items(
        attrs.evolve(it, time_limit=attrs.evolve(it.time_limit, service_level_workdays=5))
        if it.name == "动态信息"
        else it
        for it in ws.items
    )
    catalogue = tmp_path / "local.json"
    catalogue.write_text(dumps(local), encoding="utf-8")
    log = write(tmp_path, "安全生产,动态信息,2024-09-27,2024-10-11\n")
    assert main(["audit", log, "--as-of", "2024-12-31"]) == 0  # not assessable by the standard
    assert main(["audit", log, "--as-of", "2024-12-31", "--catalogue", str(catalogue)]) == 1
    assert "逾期1个工作日" in capsys.readouterr().out


def test_provisional_calendar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = write(tmp_path, "安全生产,法律法规,2026-12-15,\n")
    assert main(["audit", log, "--as-of", "2027-03-01"]) == 0
    assert "2027" in capsys.readouterr().out
    assert main(["audit", log, "--as-of", "2027-03-01", "--provisional", "--format", "json"]) == 1
    totals = json.loads(capsys.readouterr().out)["totals"]
    assert (totals["overdue"], totals["provisional"]) == (1, 1)


def test_records_output_and_listing_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(
        tmp_path, "安全生产,法律法规,2024-09-02,2024-10-12\n" * 3 + "安全生产,,2024-09-02,\n"
    )
    records = tmp_path / "records.jsonl"
    output = tmp_path / "report.json"
    argv = [
        "audit",
        log,
        "--as-of",
        "2024-12-31",
        "--records",
        str(records),
        "--max-listed",
        "1",
        "--format",
        "json",
        "--output",
        str(output),
    ]
    assert main(argv) == 1
    assert capsys.readouterr().out == ""
    lines = [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines()]
    assert [(r["line"], r["status"], r["late_workdays"]) for r in lines] == [
        (2, "late", 5),
        (3, "late", 5),
        (4, "late", 5),
        (5, "invalid", None),
    ]
    report = json.loads(output.read_text(encoding="utf-8"))
    codes = [f["code"] for f in report["report"]["findings"]]
    assert codes.count("audit.late") == 1 and "audit.listing-capped" in codes
    assert report["totals"]["late"] == 3


# -- unusable records, logs where none is usable, wrong format or encoding ----------------------


def test_iso_date_times_are_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "df.csv"
    path.write_text(
        "domain,item,formed,published\nwork_safety,法律法规,2024-09-27T10:30:00+08:00,\n",
        encoding="utf-8",
    )
    assert main(["audit", str(path), "--as-of", "2025-01-31", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert (data["invalid"], data["totals"]["overdue"]) == (0, 1)


def test_exit_1_for_an_unusable_record_even_when_nothing_is_late(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(tmp_path, "安全生产,法律法规,2024-09-02,2024-09-30\n安全生产,法律法规,45562,\n")
    assert main(["audit", log, "--as-of", "2024-12-31", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert (data["ok"], data["invalid"], data["report"]["counts"]["error"]) == (False, 1, 1)
    (bad,) = [f for f in data["report"]["findings"] if f["code"] == "audit.bad-record"]
    assert bad["severity"] == "error" and "Excel" in bad["message_en"]


@pytest.mark.parametrize(
    ("body", "extra", "says"),
    [
        (
            "work_safety,法律法规,2024-09-27T10:30:00+08:00x,\n",
            [],
            "line 2: formed is not a date",
        ),
        ("安全生产,法律法规,27/09/2024,\n安全生产,标准,28/09/2024,\n", [], "day/month order"),
        ("消防,法律法规,2024-09-02,\n", ["--format", "json"], "unknown domain"),
    ],
)
def test_exit_2_when_no_record_is_usable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, extra: list[str], says: str
) -> None:
    log = write(tmp_path, body)
    assert main(["audit", log, "--as-of", "2025-01-31", *extra]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert "no record could be read" in line and says in line and "Traceback" not in line


def test_exit_2_for_a_log_of_the_other_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = str(DATA / "log_zh.csv")
    assert main(["audit", log, "--as-of", "2025-01-31", "--input-format", "jsonl"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "looks like CSV" in line
    jsonl = str(DATA / "log.jsonl")
    assert main(["audit", jsonl, "--as-of", "2025-01-31", "--input-format", "csv"]) == 2
    assert "looks like JSON Lines" in capsys.readouterr().err
    # A JSON Lines file whose every line is broken: nothing usable.
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"domain": \n{"item": 1\n', encoding="utf-8")
    assert main(["audit", str(broken), "--as-of", "2025-01-31"]) == 2
    assert "no record could be read" in capsys.readouterr().err


def test_exit_2_for_utf16_without_a_byte_order_mark(capsys: pytest.CaptureFixture[str]) -> None:
    log = str(DATA / "log_zh.csv")
    assert main(["audit", log, "--as-of", "2025-01-31", "--encoding", "utf-16"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "byte-order mark" in line and "Traceback" not in line


def test_a_record_formed_after_as_of_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(tmp_path, "work_safety,法律法规,2025-09-27,\n")
    assert main(["audit", log, "--as-of", "2024-10-31"]) == 0
    out = capsys.readouterr().out
    assert "audit.formed-after-as-of" in out and "警告 warning" in out


def test_help_states_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["audit", "-h"])
    out = " ".join(capsys.readouterr().out.split())
    assert "late, overdue or unusable records" in out and "no record usable" in out
