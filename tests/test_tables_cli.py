"""``catalogue export --to xlsx|csv|html`` and ``catalogue import``; exit codes 0/1/2."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from govdisclose import Catalogue, standard
from govdisclose._converter import loads
from govdisclose._localize import derive
from govdisclose.cli import main
from govdisclose.cli.catalogue import EXPORTERS, load_listed
from govdisclose.tables import read_xlsx, to_xlsx
from tables_helpers import make_xlsx


def _messy(path: Path) -> Path:
    rows = [
        ["某县救灾领域政务公开目录"],
        ["一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道",
         "全社会", "主动"],
        ["备灾管理", "应急预案", "预案", "《条例》", "及时", "县局", "政府网站、村村响", "√", "?"],
        ["未知事项", "某事项", "内容", "《条例》", "及时", "县局", "政府网站", "√", "√"],
    ]  # fmt: skip
    return make_xlsx(path, rows)


def test_formats_are_registered() -> None:
    assert {"json", "xlsx", "csv", "html"} <= set(EXPORTERS)
    from govdisclose._catalogue_files import CATALOGUE_SUFFIXES

    assert {".json", ".xlsx", ".csv"} <= set(CATALOGUE_SUFFIXES)


def test_export_xlsx_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "export", "work-safety", "--to", "xlsx"]) == 2
    err = capsys.readouterr().err
    assert "--output" in err and "Traceback" not in err


def test_export_xlsx_and_show_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "ws.xlsx"
    assert main(["catalogue", "export", "安全生产", "--to", "xlsx", "-o", str(target)]) == 0
    assert read_xlsx(target).catalogue == standard("work_safety")
    assert main(["catalogue", "show", str(target)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("安全生产领域基层政务公开标准目录")
    assert captured.err == ""


def test_export_township_csv_to_standard_output(capsysbinary: pytest.CaptureFixture[bytes]
                                                ) -> None:  # fmt: skip
    args = ["catalogue", "export", "work-safety", "--to", "csv", "--level", "township"]
    assert main([*args, "--encoding", "gb18030"]) == 0
    text = capsysbinary.readouterr().out.decode("gb18030")
    assert text.startswith("目录名称,安全生产领域基层政务公开标准目录（乡级）")
    assert "层级,乡级" in text
    assert main(args) == 0
    assert capsysbinary.readouterr().out.startswith(b"\xef\xbb\xbf")


def test_export_html(tmp_path: Path) -> None:
    target = tmp_path / "dr.html"
    assert main(["catalogue", "export", "救灾", "-o", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "救灾领域基层政务公开标准目录" in page


def test_encoding_is_for_csv_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "export", "救灾", "--encoding", "gb18030"]) == 2
    assert "csv" in capsys.readouterr().err


def test_import_clean_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "county.xlsx"
    county = derive(standard("disaster_relief"), "county", publisher="某县应急管理局")
    source.write_bytes(to_xlsx(county))
    target = tmp_path / "county.json"
    assert main(["catalogue", "import", str(source), "--output", str(target)]) == 0
    assert loads(target.read_bytes(), Catalogue) == county
    assert capsys.readouterr().err == ""


def test_import_with_findings_still_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                           ) -> None:  # fmt: skip
    source = _messy(tmp_path / "messy.xlsx")
    target = tmp_path / "messy.json"
    assert main(["catalogue", "import", str(source), "-o", str(target)]) == 1
    catalogue = loads(target.read_bytes(), Catalogue)
    assert [item.name for item in catalogue] == ["应急预案"]
    assert catalogue.items[0].other_channels == ("村村响",)
    err = capsys.readouterr().err
    assert "Sheet1!I3  tables.bad-tick" in err
    assert "Sheet1!A4  tables.unknown-first-level" in err
    assert "Sheet1!G3  tables.unknown-channel" in err

    assert (
        main(["catalogue", "import", str(source), "-o", str(target), "--findings-format", "json"])
        == 1
    )
    report = json.loads(capsys.readouterr().err)
    assert report["ok"] is False and report["counts"]["error"] == 2
    assert {f["path"] for f in report["findings"]} >= {"Sheet1!I3", "Sheet1!A4"}


def test_import_domain_and_sheet_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                         ) -> None:  # fmt: skip
    source = tmp_path / "both.xlsx"
    source.write_bytes(to_xlsx([standard("work_safety"), standard("disaster_relief")]))
    assert main(["catalogue", "import", str(source), "--sheet", "救灾"]) == 0
    assert loads(capsys.readouterr().out, Catalogue) == standard("disaster_relief")
    assert main(["catalogue", "import", str(source), "--sheet", "Nope"]) == 2
    assert "no sheet 'Nope'" in capsys.readouterr().err
    csv_path = tmp_path / "plain.csv"
    csv_path.write_text(
        "一级事项,二级事项,公开内容,公开依据,公开时限,公开主体\n政策文件,法律法规,法律,《条例》,及时,县局\n",
        encoding="utf-8",
    )
    assert main(["catalogue", "import", str(csv_path)]) == 2
    assert "--domain" in capsys.readouterr().err
    assert main(["catalogue", "import", str(csv_path), "--domain", "救灾"]) == 0
    assert loads(capsys.readouterr().out, Catalogue).domain.code == "disaster_relief"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("renamed.xlsx", b"just text", "not an XLSX workbook but a text file"),
        ("doc.pdf.xlsx", b"%PDF-1.4", "a PDF document"),
        ("cat.json", b"{}", "import reads .xlsx or .csv"),
    ],
)
def test_import_unusable_files_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["catalogue", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_show_a_messy_table_mentions_the_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _messy(tmp_path / "messy.xlsx")
    assert main(["catalogue", "show", str(source)]) == 1  # shown, but not clean
    captured = capsys.readouterr()
    assert "应急预案" in captured.out
    assert "2 错误 error" in captured.err and "tables.unknown-first-level" in captured.err
    target = tmp_path / "messy.html"
    assert main(["catalogue", "export", str(source), "--to", "html", "-o", str(target)]) == 1
    assert "2 错误 error" in capsys.readouterr().err and target.exists()
    # deriving from it says so too, instead of dropping what could not be read
    assert main(["catalogue", "derive", str(source), "--level", "county"]) == 1
    captured = capsys.readouterr()
    assert "tables.unknown-first-level" in captured.err and "某县救灾" in captured.out


def test_load_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = argparse.Namespace(limit=[])
    assert load_listed("work-safety", args) == (standard("work_safety"), 0)
    source = _messy(tmp_path / "messy.xlsx")
    catalogue, code = load_listed(str(source), args)
    assert code == 1  # the findings of reading the table are listed, errors among them
    assert capsys.readouterr().err.startswith("messy.xlsx!Sheet1: ")
    json_path = tmp_path / "c.json"
    json_path.write_text(EXPORTERS["json"](catalogue), encoding="utf-8")  # type: ignore[arg-type]
    assert load_listed(str(json_path), args) == (catalogue, 0)
    assert capsys.readouterr().err == ""  # nothing to say about a JSON file
