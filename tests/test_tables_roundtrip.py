"""Catalogue → XLSX / CSV → catalogue keeps everything; the XLSX is in the official layout."""

from __future__ import annotations

from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from govdisclose import (
    Catalogue,
    Channel,
    Citation,
    DataError,
    LegalBasis,
    Provenance,
    ProvenanceKind,
    TimeLimit,
    read_catalogue,
    standard,
    standards,
)
from govdisclose.tables import (
    canonical_order,
    read_csv,
    read_workbook,
    read_xlsx,
    to_csv,
    to_xlsx,
)
from strategies import catalogues

FAST = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))


def _xlsx(tmp_path: Path, catalogue: Catalogue | list[Catalogue], name: str = "t.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(to_xlsx(catalogue))
    return path


@pytest.mark.parametrize("catalogue", standards(), ids=lambda c: c.domain.code)
def test_bundled_xlsx_round_trip_is_exact(tmp_path: Path, catalogue: Catalogue) -> None:
    result = read_xlsx(_xlsx(tmp_path, catalogue))
    assert result.catalogue == catalogue
    assert len(result.report) == 0


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030"])
@pytest.mark.parametrize("catalogue", standards(), ids=lambda c: c.domain.code)
def test_bundled_csv_round_trip_is_exact(
    tmp_path: Path, catalogue: Catalogue, encoding: str
) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(to_csv(catalogue, encoding=encoding))
    result = read_csv(path)
    assert result.catalogue == catalogue
    assert len(result.report) == 0


def test_both_domains_in_one_workbook(tmp_path: Path) -> None:
    path = _xlsx(tmp_path, list(standards()))
    assert openpyxl.load_workbook(path).sheetnames == ["安全生产", "救灾", "目录信息"]
    results = read_workbook(path)
    assert tuple(r.catalogue for r in results) == standards()
    assert read_xlsx(path, sheet="救灾").catalogue == standard("disaster_relief")


@FAST
@given(catalogues())
def test_generated_xlsx_round_trip(tmp_path_factory: pytest.TempPathFactory, c: Catalogue) -> None:
    path = _xlsx(tmp_path_factory.mktemp("x"), c)
    result = read_xlsx(path)
    assert result.catalogue == canonical_order(c)
    assert result.report.ok, result.report.to_text()


@FAST
@given(catalogues())
def test_generated_csv_round_trip(tmp_path_factory: pytest.TempPathFactory, c: Catalogue) -> None:
    path = tmp_path_factory.mktemp("c") / "c.csv"
    path.write_bytes(to_csv(c, encoding="gb18030"))
    result = read_csv(path)
    assert result.catalogue == canonical_order(c)
    assert result.report.ok, result.report.to_text()


def _local_catalogue() -> Catalogue:
    ws = standard("work_safety")
    first, second = ws.items[0], ws.items[1]
    first = attrs.evolve(
        first,
        channels=(*first.channels, Channel.PRECISE_PUSH, Channel.OTHER, Channel.LIBRARY),
        push_targets=("危险化学品企业", "非煤矿山企业"),
        other_channels=("12345热线",),
        responsible_office="政策法规科",
        third_level_items=("安全生产法", "消防法"),
        local_fields={"网址": "http://yjj.example.gov.cn/zcwj", "备注": "每季度更新"},
        time_limit=TimeLimit(first.time_limit.text, 5),
        provenance=(
            Provenance(ProvenanceKind.LOCAL, "县局补充三级事项", ["third_level_items"]),
            Provenance(ProvenanceKind.NOTE, "第一行\n第二行"),
        ),
    )
    second = attrs.evolve(
        second,
        channels=(Channel.GOVERNMENT_WEBSITE, Channel.NATIONAL_ARCHIVES),
        basis=LegalBasis(second.basis.text, [Citation("政府信息公开条例", "国务院令第711号")]),
        provenance=(Provenance(ProvenanceKind.NOTE, "字段不在表中", ["an_unknown_field"]),),
    )
    return attrs.evolve(
        ws, level=None, publisher="某县应急管理局", items=(first, second, *ws.items[2:4])
    )


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_local_columns_extra_channels_and_provenance_round_trip(
    tmp_path: Path, suffix: str
) -> None:
    catalogue = _local_catalogue()
    path = tmp_path / f"local{suffix}"
    path.write_bytes(to_xlsx(catalogue) if suffix == ".xlsx" else to_csv(catalogue))
    result = read_catalogue(path)
    assert result.catalogue == catalogue
    assert len(result.report) == 0


def test_local_columns_are_written_after_the_official_ones(tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(_xlsx(tmp_path, _local_catalogue())).active
    headers = [c.value for c in ws[2]]
    assert headers[14:] == [
        "三级事项",
        "责任科室",
        "精准推送对象",
        "其他渠道说明",
        "服务时限（工作日）",
        "依据文件（结构化）",
        "网址",
        "备注",
        "来源说明",
    ]
    # channels outside the template are extra boxes after 其他, on every row
    assert ws["H4"].value.endswith("■精准推送  ■其他\n■图书馆   □国家档案馆")
    assert ws["H5"].value.endswith("□其他\n□图书馆   ■国家档案馆")
    assert ws["S4"].value == 5
    assert ws["U4"].value == "http://yjj.example.gov.cn/zcwj"
    assert ws["W4"].value == "【本地：三级事项】县局补充三级事项\n【说明】第一行\n第二行"
    assert ws["W5"].value.startswith("[{")  # a field the table does not know: JSON


def test_official_layout_of_the_xlsx(tmp_path: Path) -> None:
    catalogue = standard("work_safety")
    ws = openpyxl.load_workbook(_xlsx(tmp_path, catalogue))["安全生产"]
    assert ws["A1"].value == catalogue.title
    assert ws["O2"].value == "来源说明"  # the standard has provenance notes
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:O1", "A2:C2", "B3:C3", "D2:D3", "H2:H3", "I2:J2", "K2:L2", "M2:N2"} <= merged
    assert [ws.cell(2, c).value for c in (1, 4, 5, 6, 7, 8, 9, 11, 13)] == [
        "公开事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
        "公开对象", "公开方式", "公开层级",
    ]  # fmt: skip
    assert [ws.cell(3, c).value for c in (1, 2, 9, 10, 11, 12, 13, 14)] == [
        "一级事项", "二级事项", "全社会", "特定群体", "主动", "依申请", "县级", "乡级",
    ]  # fmt: skip
    # one merged first-level cell per group of consecutive items
    groups = len(catalogue.first_levels)
    first_level_merges = [r for r in ws.merged_cells.ranges if r.min_col == r.max_col == 1]
    assert len(first_level_merges) == groups
    policy = len(catalogue.by_first_level("政策文件"))
    assert f"A4:A{3 + policy}" in merged
    # the channel column as in the source: 13 boxes, two a line, the long one alone
    lines = ws["H4"].value.split("\n")
    assert lines[0] == "■政府网站  □政府公报"
    assert lines[5] == "□社区/企事业单位、村公示栏（电子屏）"
    assert len(lines) == 7
    assert (ws["I4"].value, ws["J4"].value) == ("√", None)
    # footnote, frozen header, print setup
    last = 3 + len(catalogue) + 1
    assert ws.cell(last, 1).value == catalogue.notes[0]
    assert ws.freeze_panes == "D4"
    assert ws.print_title_rows == "$2:$3"
    assert ws.page_setup.orientation == "landscape"
    assert ws["D4"].alignment.wrap_text and ws["D4"].border.left.style == "thin"
    assert ws.column_dimensions["D"].width >= 20


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    ws = standard("work_safety")
    item = attrs.evolve(ws.items[0], name='=HYPERLINK("http://x")', content="-1+2", subject="@x")
    catalogue = ws.with_items([item])
    xlsx = _xlsx(tmp_path, catalogue)
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet["C4"].data_type == "s"
    assert read_xlsx(xlsx).catalogue == catalogue
    csv_path = tmp_path / "f.csv"
    csv_path.write_bytes(to_csv(catalogue))
    text = csv_path.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'-1+2" in text and "'@x" in text
    assert read_csv(csv_path).catalogue == catalogue


def test_csv_encodings_and_header() -> None:
    catalogue = standard("disaster_relief")
    assert to_csv(catalogue).startswith(b"\xef\xbb\xbf")
    assert not to_csv(catalogue, encoding="utf-8").startswith(b"\xef\xbb\xbf")
    text = to_csv(catalogue, encoding="gb18030").decode("gb18030")
    header = next(line for line in text.splitlines() if line.startswith("一级事项"))
    assert header.split(",")[:8] == [
        "一级事项", "二级事项序号", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体",
        "公开渠道和载体",
    ]  # fmt: skip
    table_only = to_csv(catalogue, metadata=False).decode("utf-8-sig")
    assert table_only.startswith("一级事项,")


def test_local_field_named_like_an_official_column_is_refused() -> None:
    ws = standard("work_safety")
    item = attrs.evolve(ws.items[0], local_fields={"公开内容": "x"})
    with pytest.raises(DataError, match="official layout") as info:
        to_xlsx(ws.with_items([item]))
    assert info.value.path == "$.items[0].local_fields"


@pytest.mark.parametrize(
    ("text", "message"),
    [("bell\x07", "control character"), ("a\r\nb", "carriage return"), ("长" * 40_000, "longer")],
)
def test_text_a_spreadsheet_cannot_hold_is_refused(text: str, message: str) -> None:
    ws = standard("work_safety")
    item = attrs.evolve(ws.items[0], content=text)
    with pytest.raises(DataError, match=message) as info:
        to_xlsx(ws.with_items([ws.items[1], item]))
    assert info.value.path == "$.items[1]"


def test_unknown_csv_encoding_is_refused() -> None:
    from govdisclose import InputError

    with pytest.raises(InputError, match="encoding"):
        to_csv(standard("work_safety"), encoding="latin-1")
