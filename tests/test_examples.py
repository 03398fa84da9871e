"""The scripts in examples/ run as their docstrings say (each in a subprocess)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govdisclose import CatalogueItem
from govdisclose._converter import structure

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = EXAMPLES / "data"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        cwd=ROOT,
    )


def hook(record: str, text: str, *options: str) -> subprocess.CompletedProcess[str]:
    return run(
        sys.executable,
        EXAMPLES / "cms_prepublish_hook.py",
        DATA / f"{record}.record.json",
        DATA / f"{text}.txt",
        *options,
    )


# -- cms_prepublish_hook.py -------------------------------------------------------------------


def test_hook_lets_a_clean_document_through() -> None:
    result = hook("flood-notice", "flood-notice", "--date", "2024-10-10")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("可以发布 PUBLISH")


def test_hook_blocks_personal_numbers_and_masks_them() -> None:
    result = hook("relief-list", "relief-list", "--date", "2024-10-10", "--json")
    assert result.returncode == 1, result.stderr
    verdict = json.loads(result.stdout)
    assert verdict["verdict"] == "block"
    assert [b["code"] for b in verdict["blocking"]] == [
        "personal-data.id-card",
        "personal-data.mobile",
    ]
    assert "410105199003071272" not in result.stdout
    assert "4101**********1272" in verdict["masked_text"]
    assert "0371-12345678" in verdict["masked_text"]  # the complaint hotline stays


def test_hook_blocks_a_document_not_to_be_disclosed() -> None:
    result = hook("internal-plan", "flood-notice", "--date", "2024-11-20")
    assert result.returncode == 1
    assert "document.not-disclosed-published" in result.stdout


def test_hook_publishes_a_late_document_with_a_warning() -> None:
    result = hook("flood-notice", "flood-notice", "--date", "2024-11-20", "--json")
    assert result.returncode == 0
    verdict = json.loads(result.stdout)
    assert verdict["verdict"] == "publish"
    assert [w["code"] for w in verdict["warnings"]] == ["document.published-late"]


def test_hook_refuses_unusable_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.record.json"
    bad.write_text('{"id": 3}', encoding="utf-8")
    result = run(
        sys.executable, EXAMPLES / "cms_prepublish_hook.py", bad, DATA / "flood-notice.txt"
    )
    assert result.returncode == 2
    assert result.stderr.startswith("cms_prepublish_hook: error:")
    assert "$.id" in result.stderr and "Traceback" not in result.stderr


# -- audit_year.py ----------------------------------------------------------------------------


def audit(*options: str | Path) -> subprocess.CompletedProcess[str]:
    log = DATA / "publication-log-2024.csv"
    return run(sys.executable, EXAMPLES / "audit_year.py", log, "--year", "2024", *options)


def test_audit_year_writes_a_summary(tmp_path: Path) -> None:
    out = tmp_path / "summary.md"
    catalogue = DATA / "county-work-safety.catalogue.json"
    result = audit("--as-of", "2025-01-31", "--catalogue", catalogue, "--output", out)
    assert result.returncode == 1, result.stderr  # late and overdue records
    assert result.stdout.strip() == (f"{out}: 16 records, 8 on time, 3 late, 2 overdue, 1 invalid")
    summary = out.read_text(encoding="utf-8")
    assert summary.startswith("# 2024年度政务公开记录审计 / Publication-log audit 2024")
    assert "按时公开率 on-time rate: **62%**（8/13" in summary
    assert (
        "| 5 | 行政处罚（law_based_administration.2） | 某化工有限公司行政处罚决定书 | 2024-04-22 "
        "| 2024-05-21 | 2024-05-30 | 逾期公开 | 7 |"
    ) in summary
    # The local catalogue's service level makes 事故通报 judgeable (10 working days): late.
    assert "| 事故通报（administrative_management.4） | 某工贸企业较大事故调查报告 |" in summary
    assert "| 16 | 防汛值班表 | 汛期值班安排 | 目录中没有该事项 |" in summary
    assert "形成于2023年 formed in 2023" in summary


def test_audit_year_without_a_local_catalogue() -> None:
    result = audit("--as-of", "2025-01-31")
    assert result.returncode == 1
    assert (
        "按进展情况及时公开" in result.stdout
    )  # 动态信息 cannot be judged without a service level
    assert "| 事故通报 | 按照中央有关要求公开 |" in result.stdout


def test_audit_year_refuses_a_missing_log(tmp_path: Path) -> None:
    result = run(
        sys.executable, EXAMPLES / "audit_year.py", tmp_path / "none.csv", "--year", "2024"
    )
    assert result.returncode == 2
    assert result.stderr.startswith("audit_year: error:") and "Traceback" not in result.stderr


# -- catalogue_item_form.mjs (Node) -----------------------------------------------------------


def node_form(*args: str | Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("the form example needs Node.js; deselect it with -m 'not ajv'")
    if not (ROOT / "tests" / "js" / "node_modules" / "ajv").is_dir():
        pytest.fail("tests/js/node_modules is missing: run `npm ci --prefix tests/js`")
    return run(node, EXAMPLES / "catalogue_item_form.mjs", *args)


@pytest.mark.ajv
def test_form_turns_valid_form_data_into_a_canonical_item() -> None:
    result = node_form(DATA / "item-form.valid.json")
    assert result.returncode == 0, result.stderr
    item = json.loads(result.stdout)
    assert item["number"] == 6 and item["time_limit"] == {
        "text": "信息形成或变更之日起20个工作日内"
    }
    assert item["other_channels"] == ["12345热线"]
    read = structure(item, CatalogueItem)  # the library reads what the form sends
    assert read.id == "public_services.6" and read.responsible_office == "政策法规股"


@pytest.mark.ajv
def test_form_reports_each_problem_with_its_chinese_title() -> None:
    result = node_form(DATA / "item-form.invalid.json")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "表单有4处问题 / 4 problem(s):"
    assert "  公开主体 subject: 必填 required" in lines
    assert "  序号 number: must be integer" in lines
    assert "  服务时限（工作日） time_limit.service_level_workdays: must be >= 1" in lines
    channel = next(line for line in lines if "channels.1" in line)
    assert channel.startswith("  公开渠道和载体 channels.1: 不是可选值")
    assert "两微一端 new_media" in channel


@pytest.mark.ajv
def test_form_options_come_from_the_schema() -> None:
    result = node_form("--options")
    assert result.returncode == 0, result.stderr
    assert "公开渠道和载体 channels: government_website=政府网站, " in result.stdout
    assert "公开方式 modes: proactive=主动, on_request=依申请" in result.stdout
