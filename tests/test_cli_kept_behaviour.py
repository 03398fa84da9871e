"""Command-line behaviour users rely on, checked on the files under tests/data.

Each test states what a command printed for a real or test file and must keep printing:
which findings it reports, and that its messages speak in command-line terms.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from calendar_store import isolated_store  # noqa: F401
from govdisclose import loads, standard, unstructure
from govdisclose.cli import main
from govdisclose.findings import Report

DATA = Path(__file__).parent / "data"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_against_standard_compares_a_catalogue_lacking_elements(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # dachuan.gov.cn's catalogue (real, rows 1-6) as transcribed has no 公开对象, 公开方式 or
    # 公开层级: each item gets those findings once, and the standard's items it lacks are listed
    # (28 less the 6 its rows name).
    path = str(DATA / "validate" / "dachuan_items_1_6.json")
    code, out, _ = run(capsys, "validate", path, "--against-standard", "--format", "json")
    assert code == 1
    found = Counter((f.code, f.path) for f in loads(out, Report).findings)
    assert found[("catalogue.missing-element", "$.items[0].audiences")] == 1
    assert found[("catalogue.no-level", "$.items[0].levels")] == 1
    assert found[("localize.missing-item", "$.items")] == 22


def test_unknown_year_message_names_no_python_function(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "calendar", "day", "2030-01-02")
    assert code == 2 and out == ""
    assert "--provisional" in err and "govdisclose calendar add FILE" in err
    for python in ("read_notice", "load_arrangement", "provisional argument", "provisional="):
        assert python not in err


def test_incomplete_notice_counts_its_problems_and_names_partial(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # a real copy of the 2009 notice that ends inside item 六 (国庆节、中秋节)
    code, out, err = run(capsys, "calendar", "notice", str(DATA / "notices" / "2009-part.txt"))
    assert code == 2 and out == ""
    assert "2 problems" in err
    assert "中秋节" in err and "国庆节" in err
    # the advice follows the list, in command-line terms
    assert err.rstrip().endswith("--partial REASON") and "\n  - a copy" not in err


def test_ledger_fee_without_notice_date_says_so_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = (DATA / "requests" / "ledger.csv").read_text(encoding="utf-8").splitlines()
    header = lines[1].split(",")
    row = lines[2].split(",")
    row[header.index("缴费日期")] = "2025-01-20"  # paid, but no 收费通知日期 nor 收费方式
    path = tmp_path / "ledger.csv"
    path.write_text("\n".join([*lines[:2], ",".join(row)]) + "\n", encoding="utf-8")
    code, out, _ = run(
        capsys, "requests", "status", str(path), "--as-of", "2025-06-30", "--format", "json"
    )
    assert code == 2  # no request left to report on
    (finding,) = [f for f in loads(out, dict)["report"]["findings"] if f["severity"] == "error"]
    assert finding["code"] == "requests.bad-order"
    assert "收费通知日期" in finding["message_zh"]
    assert "date" in finding["message_en"].rpartition(":")[2]


@pytest.mark.parametrize("command", [["validate"], ["catalogue", "import"], ["requests", "status"]])
def test_a_table_over_a_limit_is_refused_in_command_line_terms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(250)) + "\n", encoding="utf-8")
    code, out, err = run(capsys, *command, str(path))
    assert code == 2 and out == ""
    assert "250" in err and "200" in err and err.count("\n") == 1
    assert "Limits(" not in err and "limits=" not in err
    assert "--limit max_columns=N" in err
    # The option the message names raises the limit: the file is read past it.
    code, out, err = run(capsys, *command, str(path), "--limit", "max_columns=300")
    assert "max_columns" not in err


@pytest.mark.parametrize(
    "setting", ["max_columns", "max_columns=0", "max_colums=300", "max_columns=many"]
)
def test_a_bad_limit_setting_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setting: str
) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["validate", str(path), "--limit", setting])
    out, err = capsys.readouterr()
    assert exit_.value.code == 2 and out == "" and "--limit" in err and err.count("\n") == 1


def test_a_time_limit_rule_that_disagrees_with_its_text_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = unstructure(standard("work_safety"))
    data["items"][0]["time_limit"]["rule"]["days"] = 30  # the text says 20个工作日
    path = tmp_path / "rule.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path), "--format", "json")
    assert code == 1
    (finding,) = [f for f in loads(out, Report).findings if f.severity.code == "error"]
    assert finding.code == "catalogue.invalid-data"
    assert finding.path.startswith("$.items[0].time_limit")
    assert "text" in finding.message_en and "False" not in finding.message_en
    assert "时限原文" in finding.message_zh
