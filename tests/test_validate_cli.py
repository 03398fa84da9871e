"""``govdisclose validate``: exit 0 clean, 1 error findings, 2 unusable input, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from calendar_store import isolated_store  # noqa: F401
from govdisclose import loads
from govdisclose.cli import main
from govdisclose.findings import Report

DATA = Path(__file__).parent / "data" / "validate"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["validate", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_bundled_standards_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "work-safety")
    assert code == 0 and "0 错误 error" in out
    code, out, _ = run(capsys, "救灾", "--against-standard")
    assert code == 0 and "catalogue.item-count-mismatch" in out


def test_clean_local_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(DATA / "township_clean.json")
    code, out, _ = run(capsys, path, "--level", "township", "--against-standard")
    assert code == 0
    assert out.startswith(f"{path}: 0 错误 error, 0 警告 warning, 0 提示 info")


def test_catalogue_with_problems_exit_1_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(DATA / "township_problems.json")
    code, out, _ = run(capsys, path, "--against-standard", "--format", "json")
    assert code == 1
    report = loads(out, Report)
    assert report.subject == path
    assert {
        ("catalogue.missing-element", "$.items[2].subject"),
        ("localize.website-dropped", "$.items[0].channels"),
        ("localize.time-limit-looser", "$.items[1].time_limit"),
        ("localize.missing-item", "$.items"),
    } <= {(f.code, f.path) for f in report.findings}
    # without --against-standard only the catalogue's own checks run
    code, out, _ = run(capsys, path, "--format", "json")
    assert code == 1
    assert not any(f.code.startswith("localize.") for f in loads(out, Report))


def test_level_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "work-safety", "--level", "township")
    assert code == 1 and "catalogue.level-not-applicable" in out


def test_unreadable_catalogue_is_not_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads((DATA / "township_clean.json").read_text(encoding="utf-8"))
    data["items"][0]["channels"] = ["网站X"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, str(path), "--against-standard")
    assert code == 1
    assert "catalogue.unknown-term" in out and "localize.comparison-skipped" in out
    assert "localize.missing-item" not in out


def test_document_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(DATA / "documents.json")
    code, out, _ = run(capsys, path, "--as-of", "2024-12-31", "--format", "json")
    assert code == 1
    report = loads(out, Report)
    assert [(f.code, f.path) for f in report.findings] == [
        ("document.published-late", "$[2].published")
    ]
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    one = tmp_path / "one.json"
    one.write_text(json.dumps(records[0], ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, str(one), "--as-of", "2024-12-31")
    assert code == 0 and "0 错误 error" in out


def test_gb18030_json_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (DATA / "township_clean.json").read_text(encoding="utf-8")
    path = tmp_path / "gbk.json"
    path.write_bytes(text.encode("gb18030"))
    assert run(capsys, str(path))[0] == 0


def test_kind_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "odd.json"
    path.write_text('{"id": "1"}', encoding="utf-8")
    code, _, err = run(capsys, str(path))
    assert code == 2 and "--kind" in err
    code, out, _ = run(capsys, str(path), "--kind", "document", "--format", "json")
    assert code == 1 and "document.invalid-data" in out
    code, _, err = run(capsys, str(path), "--kind", "catalogue")
    assert code == 1  # an object: read as a catalogue, with its problems
    path.write_text("[1, 2]", encoding="utf-8")
    code, _, err = run(capsys, str(path), "--kind", "catalogue")
    assert code == 2 and "not a catalogue" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"{not json", "not valid JSON"),
        (b"[" * 100_000, "nested too deeply"),
        (b"\x00\x01\x02binary", "binary"),
        (b"42", "neither a catalogue"),
        (b'"text"', "neither a catalogue"),
        (b"null", "neither a catalogue"),
        (b'{"foo": 1}', "neither a catalogue"),
    ],
)
def test_unusable_input_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    path = tmp_path / "input.json"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, str(path))
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err
    assert err.count("\n") == 1


def test_directory_and_unsupported_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2 and "directory" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "work-safety", "--as-of", "31/12/2024"]) == 2
    assert "--as-of" in capsys.readouterr().err
    path = str(DATA / "documents.json")
    code, _, err = run(capsys, path, "--against-standard")
    assert code == 2 and "catalogues only" in err


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0" + b"\x00" * 64, "save it as .xlsx or .csv"),
        ("table.xls", "一级事项,二级事项\n".encode(), "save it as .xlsx or .csv"),
        ("notes.txt", b"{}", "unsupported file type '.txt'"),
    ],
)
def test_files_validate_cannot_read_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and expected in err


def test_as_of_takes_the_shared_date_spellings(capsys: pytest.CaptureFixture[str]) -> None:
    records = str(DATA / "documents.json")
    assert main(["validate", records, "--as-of", "2024-02-30"]) == 2
    assert "does not exist" in capsys.readouterr().err
    first = main(["validate", records, "--as-of", "2024-10-08", "--format", "json"])
    iso = capsys.readouterr().out
    assert main(["validate", records, "--as-of", "2024年10月8日", "--format", "json"]) == first
    assert capsys.readouterr().out == iso


CATALOGUES = Path(__file__).parent / "data" / "catalogues"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_refused_table_row_is_compared_by_its_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    # 長壽區 (real): its one row, 政策文 (cut off by the page) / 法律法規(guī), is refused by the
    # table reader; by its name it stands for the standard's 法律法规, which is not missing.
    source = CATALOGUES / "traditional" / "changshou_disaster_relief.csv"
    path, cell = source, "B4"
    if suffix == ".xlsx":  # the same rows in a workbook
        import csv

        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "救灾"
        with source.open(encoding="utf-8-sig", newline="") as rows:
            for row in csv.reader(rows):
                sheet.append(row)
        path, cell = tmp_path / "长寿区.xlsx", "救灾!B4"
        book.save(path)
    code, out, _ = run(capsys, str(path), "--against-standard", "--format", "json")
    findings = loads(out, Report).findings
    assert code == 1  # the refused row is still an error
    assert [f.path for f in findings if f.code == "tables.unknown-first-level"] == [cell]
    missing = [f.data["standard_id"] for f in findings if f.code == "localize.missing-item"]
    assert len(missing) == 18 and "policy_documents.1" not in missing  # 19 before
    (skipped,) = [f for f in findings if f.code == "localize.comparison-skipped"]
    assert (skipped.path, skipped.data["standard_id"]) == (cell, "policy_documents.1")


def test_refused_rows_naming_no_standard_item_claim_none(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 青川县 (real): the 机构信息 rows (机构基本信息 …) are no items of the standard.
    path = str(CATALOGUES / "own_lists" / "qingchuan_emergency_bureau.csv")
    code, out, _ = run(
        capsys, path, "--domain", "work-safety", "--against-standard", "--format", "json"
    )
    findings = loads(out, Report).findings
    assert code == 1
    assert sum(f.code == "tables.unknown-first-level" for f in findings) == 3
    assert sum(f.code == "localize.missing-item" for f in findings) == 27
    assert "localize.comparison-skipped" not in {f.code for f in findings}
