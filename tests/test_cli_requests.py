"""Tests for ``govdisclose requests status`` and ``govdisclose requests counts``.

The ledgers are invented (an imaginary county bureau's requests).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govdisclose.cli import main

HEADER = "申请编号,收到申请日期,申请人类型,申请内容,延期天数,答复日期,办理结果\n"
ON_TIME = "2024-08,2024-09-02,科研机构,事故统计,,2024-09-30,予以公开\n"
LATE = "2024-09,2024-09-02,自然人,检查记录,,2024-10-08,部分公开\n"
OPEN = "2024-10,2024-09-27,商业企业,许可信息,,,\n"


def ledger(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "台账.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_nothing_overdue_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = ledger(tmp_path, ON_TIME, LATE, OPEN)
    code, out, err = run(capsys, "requests", "status", str(path), "--as-of", "2024-10-28")
    assert (code, err) == (0, "")
    assert "2024-10  收到 2024-09-27  办理中; 期限 due 2024-10-30; 剩余2个工作日" in out
    assert "逾期1个工作日 late by 1 working days" in out
    assert "已答复 answered 2 (按时 on time 1, 逾期 late 1)" in out


def test_overdue_exits_1_and_explains(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = ledger(tmp_path, OPEN)
    code, out, _ = run(
        capsys, "requests", "status", str(path), "--as-of", "2024-11-05", "--explain"
    )
    assert code == 1
    assert "OVERDUE by 4 working days" in out
    assert "周末调休上班日（国庆节）" in out  # the explained steps


def test_json_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = ledger(tmp_path, ON_TIME, OPEN)
    code, out, _ = run(
        capsys, "requests", "status", str(path), "--as-of", "2024-10-28", "--format", "json"
    )
    data = json.loads(out)
    assert code == 0
    assert data["summary"]["open"] == 1 and data["summary"]["answered_on_time"] == 1
    assert [r["due"] for r in data["requests"]] == ["2024-09-30", "2024-10-30"]
    assert data["report"]["findings"] == []


def test_ics_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = ledger(tmp_path, ON_TIME, OPEN)
    ics = tmp_path / "期限.ics"
    code, _, _ = run(
        capsys, "requests", "status", str(path), "--as-of", "2024-10-28", "--ics", str(ics)
    )
    text = ics.read_bytes().decode("utf-8")
    assert code == 0 and text.count("BEGIN:VEVENT") == 1 and "\r\n" in text
    assert "SUMMARY:依申请公开答复期限 2024-10" in text


def test_unusable_rows_exit_2_with_located_findings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = ledger(tmp_path, ON_TIME, "2024-11,2024-09-31,自然人,x,,,\n")
    code, out, _ = run(capsys, "requests", "status", str(path), "--as-of", "2024-10-28")
    assert code == 2
    assert "台账.csv!B3  requests.bad-cell" in out
    assert "September 2024 has 30 days" in out


def test_unknown_year_exits_2_unless_provisional(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = ledger(tmp_path, "2026-99,2026-12-21,自然人,x,,,\n")
    code, out, err = run(capsys, "requests", "status", str(path), "--as-of", "2026-12-28")
    assert code == 2 and err == ""
    assert "requests.unknown-year" in out and "2027" in out
    code, out, _ = run(
        capsys, "requests", "status", str(path), "--as-of", "2026-12-28", "--provisional"
    )
    assert code == 0 and "【暂估】" in out


def test_unreadable_input_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(
        capsys, "requests", "status", str(tmp_path / "none.csv"), "--as-of", "2024-10-28"
    )
    assert code == 2 and out == "" and err.startswith("govdisclose: error:")
    assert len(err.strip().splitlines()) == 1
    path = ledger(tmp_path, ON_TIME)
    code, _, err = run(capsys, "requests", "status", str(path), "--as-of", "2024-13-01")
    assert code == 2 and "--as-of" in err


def test_counts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = ledger(tmp_path, ON_TIME, LATE, OPEN)
    code, out, _ = run(
        capsys, "requests", "counts", str(path), "--year", "2024", "--format", "json"
    )
    data = json.loads(out)
    assert code == 0
    assert data["table3"]["new_requests"]["total"] == 3
    assert data["table3"]["partly_disclosed"]["natural_person"] == 1
    assert data["table3"]["carried_to_next_year"]["commercial_enterprise"] == 1
    assert data["table4"]["lawsuit_direct"]["total"] == 0
    assert data["fees_collected_yuan"] == 0
    code, out, _ = run(capsys, "requests", "counts", str(path), "--year", "2024")
    assert code == 0 and "  new_requests: 1 1 1 0 0 0 3" in out
    with pytest.raises(SystemExit) as exit_info:
        main(["requests", "counts", str(path), "--year", "twenty"])
    assert exit_info.value.code == 2 and "not a year" in capsys.readouterr().err


def test_ics_without_open_deadlines_is_not_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = ledger(tmp_path, ON_TIME)
    ics = tmp_path / "期限.ics"
    code, _, err = run(
        capsys, "requests", "status", str(path), "--as-of", "2024-10-28", "--ics", str(ics)
    )
    assert code == 0 and not ics.exists() and "not written" in err
