"""Layouts of real local tables, in the forms a spreadsheet gives them (XLSX and CSV)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from govdisclose import read_catalogue, standard
from govdisclose._vocabulary import Audience, Level
from govdisclose.tables import read_csv, read_xlsx, to_xlsx
from tables_helpers import make_xlsx

HEADER = ["一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体"]
ROW = ["政策文件", "法律法规", "与安全生产有关的法律、法规", "条例", "20个工作日", "应急管理局"]


def _save_as_csv(xlsx: bytes, path: Path) -> Path:
    """What a spreadsheet's "Save as CSV" gives for the first sheet: values only, merged cells
    blank after their first cell."""
    ws = openpyxl.load_workbook(io.BytesIO(xlsx)).worksheets[0]
    out = io.StringIO()
    csv.writer(out).writerows(
        ["" if v is None else v for v in row] for row in ws.iter_rows(values_only=True)
    )
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    return path


@pytest.mark.parametrize("domain", ["work_safety", "disaster_relief"])
def test_own_xlsx_export_saved_as_csv_reads_back(domain: str, tmp_path: Path) -> None:
    expected = standard(domain)
    result = read_csv(_save_as_csv(to_xlsx(expected), tmp_path / "saved.csv"))
    assert result.report.findings == ()
    got = result.catalogue
    assert [(i.id, i.name) for i in got.items] == [(i.id, i.name) for i in expected.items]
    for mine, theirs in zip(got.items, expected.items, strict=True):
        assert (mine.channels, mine.audiences, mine.modes, mine.levels) == (
            theirs.channels,
            theirs.audiences,
            theirs.modes,
            theirs.levels,
        )


def test_channel_cell_over_two_columns_under_a_merged_header(tmp_path: Path) -> None:
    rows = [
        ["XX县安全生产领域基层政务公开标准目录"],
        [*HEADER, None, "全社会", "主动"],
        [*ROW, "■政府网站 □政府公报", "■两微一端 □发布会", "√", "√"],
    ]
    path = make_xlsx(tmp_path / "t.xlsx", rows, merges=["G2:H2"])
    result = read_xlsx(path)
    assert [c.code for c in result.catalogue.items[0].channels] == [
        "government_website",
        "new_media",
    ]
    assert "tables.duplicate-column" not in result.report.codes


@pytest.mark.parametrize(
    ("label", "term"),
    [
        ("特定", Audience.SPECIFIC_GROUPS),
        ("特定群体（请写明）", Audience.SPECIFIC_GROUPS),
        ("区县级", Level.COUNTY),
        ("县（市、区）级", Level.COUNTY),
        ("市级", Level.COUNTY),
        ("镇（街）级", Level.TOWNSHIP),
        ("镇街（园区）级", Level.TOWNSHIP),
        ("乡、村级", Level.TOWNSHIP),
        ("嘎查（社区）级", Level.TOWNSHIP),
        ("县 级", Level.COUNTY),
        ("乡\n级", Level.TOWNSHIP),
    ],
)
def test_tick_header_variants(label: str, term: object, tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["安全生产领域目录"])
        writer.writerow([*HEADER, "全社会", "主动", label])
        writer.writerow([*ROW, "■政府网站", "√", "√", "√"])
    item = read_csv(path).catalogue.items[0]
    assert term in (*item.audiences, *item.levels)


@pytest.mark.parametrize(
    "label",
    [
        '公开渠道和载体（"■"表示必选项，"□"表示可选项）',
        "公开渠道\n和载体",
        "公开 渠道和载体",
    ],
)
def test_channel_header_with_notes_and_breaks(label: str, tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["安全生产领域目录"])
        writer.writerow([*HEADER[:-1], label, "全社会", "主动"])
        writer.writerow([*ROW, "■政府网站 □政府公报", "√", "√"])
    assert [c.code for c in read_csv(path).catalogue.items[0].channels] == ["government_website"]


@pytest.mark.parametrize(
    ("cell", "channels"),
    [
        ("口政府网站；▢政府公报\n▄两微一端", ["new_media"]),
        ("█政府网站 ☐政府公报", ["government_website"]),
        ("R政府网站  £政府公报", ["government_website"]),
        ("☑政府网站;口其他", ["government_website"]),
    ],
)
def test_look_alike_boxes_in_a_channel_cell(cell: str, channels: list[str], tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "t.xlsx",
        [["安全生产领域目录"], [*HEADER, "全社会", "主动"], [*ROW, cell, "√", "√"]],
    )
    result = read_xlsx(path)
    assert [c.code for c in result.catalogue.items[0].channels] == channels
    assert not result.report.findings or result.report.codes == ("tables.numbered-by-position",)


@pytest.mark.parametrize(
    ("tick", "ticked"), [("▄", True), ("█", True), ("R", True), ("口", False), ("£", False)]
)
def test_look_alike_ticks_in_tick_columns(tick: str, ticked: bool, tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "t.xlsx",
        [
            ["安全生产领域目录"],
            [*HEADER, "全社会", "特定群体", "主动"],
            [*ROW, "■政府网站", "√", tick, "√"],
        ],
    )
    result = read_xlsx(path)
    assert (Audience.SPECIFIC_GROUPS in result.catalogue.items[0].audiences) is ticked
    assert "tables.bad-tick" not in result.report.codes


def test_no_level_column_with_level_given(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["XX镇安全生产领域目录"])
        writer.writerow([*HEADER, "全社会", "主动"])
        writer.writerow([*ROW, "■政府网站", "√", "√"])
    result = read_catalogue(path, level="township")
    assert result.catalogue.items[0].levels == (Level.TOWNSHIP,)
    implied = [f for f in result.report.findings if f.code == "tables.level-implied"]
    assert [(f.severity.code, f.path) for f in implied] == [("info", "A2")]
    assert read_catalogue(path).catalogue.items[0].levels == ()


def test_continuation_row_never_an_item(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["安全生产领域目录"])
        writer.writerow(["序号", *HEADER, "全社会", "主动"])
        writer.writerow(["1", *ROW, "■政府网站", "√", "√"])
        writer.writerow(["", "", "", "（续）包括地方性法规", "", "", "", "■两微一端", "", ""])
        writer.writerow(
            [
                "2",
                "",
                "部门和地方规章",
                "规章",
                "条例",
                "20个工作日",
                "应急管理局",
                "■政府网站",
                "√",
                "√",
            ]
        )
    result = read_csv(path)
    items = result.catalogue.items
    assert [i.name for i in items] == ["法律法规", "部门和地方规章"]
    assert items[0].content.endswith("\n（续）包括地方性法规")
    assert [c.code for c in items[0].channels] == ["government_website", "new_media"]
    assert "tables.continuation-row" in result.report.codes


def test_header_repeated_on_the_next_page_is_no_item(tmp_path: Path) -> None:
    # A table printed over pages repeats its header; the group continues below it.
    path = tmp_path / "t.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["安全生产领域目录"])
        writer.writerow([*HEADER, "全社会", "主动"])
        writer.writerow([*ROW, "■政府网站", "√", "√"])
        writer.writerow([*HEADER, "全社会", "主动"])
        writer.writerow(
            ["", "部门和地方规章", "规章", "条例", "20个工作日", "局", "■政府网站", "√"]
        )
    result = read_csv(path)
    assert [i.id for i in result.catalogue.items] == ["policy_documents.1", "policy_documents.2"]
    assert [(f.code, f.path) for f in result.report.findings if f.severity.code != "info"] == []
    assert ("tables.repeated-header", "A4") in [(f.code, f.path) for f in result.report.findings]


def test_a_header_of_two_rows_repeated_on_the_next_page_is_no_item(tmp_path: Path) -> None:
    # 巴塘县's table has a header of two rows, the lower one (全社会 特定群众 主动 …) blank in
    # the 事项类别 column: printed again over the next page, neither row is an item.
    real = Path(__file__).parent / "data" / "catalogues" / "sichuan_batang_disaster_relief.csv"
    rows = list(csv.reader(io.StringIO(real.read_text(encoding="utf-8-sig"))))
    path = tmp_path / "t.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([*rows[:4], *rows[:2], *rows[4:]])
    once, twice = read_csv(real).catalogue.items, read_csv(path).catalogue.items
    assert [i.name for i in twice] == [i.name for i in once]
    repeated = [
        f.path for f in read_csv(path).report.findings if f.code == "tables.repeated-header"
    ]
    assert repeated == ["A5", "A6"]


def test_merged_tick_cells_blank_in_csv_are_carried_down(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["安全生产领域目录"])
        writer.writerow([*HEADER, "全社会", "特定群体", "主动", "依申请"])
        writer.writerow([*ROW, "■政府网站", "√", "", "√", ""])
        writer.writerow(["", "部门和地方规章", "规章", "", "", "", "", "", "", "", "√"])
    result = read_csv(path)
    second = result.catalogue.items[1]
    assert second.audiences == (Audience.WHOLE_SOCIETY,)  # the merged 全社会 tick
    assert [m.code for m in second.modes] == ["on_request"]  # its own tick stays
    carried = next(f for f in result.report.findings if f.code == "tables.carried-down")
    assert carried.data["fields"] == (
        "公开依据",
        "公开时限",
        "公开主体",
        "公开渠道和载体",
        "公开对象",
    )


def test_findings_name_the_sheet_cell_and_item(tmp_path: Path) -> None:
    from govdisclose.checks import validate_catalogue

    rows = [
        ["XX县救灾领域目录"],
        ["一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
         "全社会", "主动", "县级"],
        ["政策文件", "法律法规", "与救灾有关的法律、法规", "条例", "20个工作日", "应急管理局",
         "■政府网站", "√", "√", "√"],
        ["备灾管理", "综合减灾示范社区", "分布情况", "条例", "20个工作日", "", "■政府网站", "√",
         "√", "√"],
    ]  # fmt: skip
    result = read_xlsx(make_xlsx(tmp_path / "t.xlsx", rows, title="救灾"))
    located = result.locate(validate_catalogue(result.catalogue))
    subject = next(f for f in located.findings if f.path == "$.items[1].subject")
    assert (subject.data["cell"], subject.data["item"]) == ("救灾!F4", "备灾管理 1")
    assert subject.message_zh.startswith("救灾!F4（备灾管理 1）：")
    assert subject.message_en.startswith("救灾!F4 (备灾管理 1): ")
