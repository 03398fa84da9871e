"""Tolerant import of the tables counties make, with findings at cell references."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govdisclose import Audience, Channel, Domain, InputError, Level, Mode, ProvenanceKind
from govdisclose.tables import read_csv, read_grid, read_workbook, read_xlsx
from govdisclose.tables._header import Grid
from tables_helpers import BOXES, OFFICIAL_HEADER, header_merges, make_xlsx


def _codes(result: object) -> list[tuple[str, str]]:
    return [(f.path, f.code) for f in result.report]  # type: ignore[attr-defined]


def _messy(path: Path) -> Path:
    """Title and information above the header, a running 序号, per-channel columns with an
    unknown one, variant labels, merged and missing first-level cells, a blank row, a bad
    tick, an unknown first-level item and a merged footnote."""
    h1 = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体",
          "公开渠道和载体", None, None, None, "公开对象", None, "公开方式", None, "公开层级",
          None, "责任科室", "网址"]  # fmt: skip
    h2 = [None] * 7 + ["政府网站", "政务新媒体", "广播电视", "村村响", "面向全社会", "特定群众",
                       "主动公开", "依申请公开", "县（区）级", "乡镇级", None, None]  # fmt: skip
    common = ["", "及时", "县应急管理局"]
    rows = [
        ["XX县应急管理局救灾领域基层政务公开标准目录"],
        ["发布机关", "XX县应急管理局"],
        [],
        h1,
        h2,
        [1, "备灾管理", "应急预案", "预案全文", *common, "√", "√", None, "√", "√", None, "√",
         None, "√", "√", "减灾科", "http://x.gov.cn/1"],
        [2, None, "物资储备", "储备库", *common, "是", None, "✓", None, "√", None, "√", "？",
         "√", None, "减灾科", None],
        [],
        [3, "灾后救助", "灾情核定信息", "损失情况", *common, "√", None, None, None, "√", None,
         "√", None, "√", "√"],
        [4, None, "救助审定信息", "救助对象", *common, "√", None, None, None, "√", "√", "√",
         None, "√", "√"],
        [5, "安全监管", "检查计划", "计划", *common, "√", None, None, None, "√", None, "√",
         None, "√", "√"],
        ["注：渠道可根据实际调整。"],
    ]  # fmt: skip
    merges = ["A1:S1", "H4:K4", "L4:M4", "N4:O4", "P4:Q4", "B6:B8", "A12:S12"]
    merges += [f"{c}4:{c}5" for c in "ABCDEFGRS"]
    return make_xlsx(path, rows, merges)


def test_messy_workbook(tmp_path: Path) -> None:
    result = read_xlsx(_messy(tmp_path / "messy.xlsx"))
    catalogue = result.catalogue
    assert catalogue.domain is Domain.DISASTER_RELIEF  # from the title
    assert catalogue.title == "XX县应急管理局救灾领域基层政务公开标准目录"
    assert catalogue.publisher == "XX县应急管理局"
    assert catalogue.notes == ("注：渠道可根据实际调整。",)
    assert [item.id for item in catalogue] == [
        "disaster_preparedness.1",
        "disaster_preparedness.2",
        "post_disaster_relief.1",
        "post_disaster_relief.2",
    ]
    first, second, _, fourth = catalogue.items
    assert first.channels == (Channel.GOVERNMENT_WEBSITE, Channel.NEW_MEDIA, Channel.OTHER)
    assert first.other_channels == ("村村响",)  # an unknown channel is kept, never dropped
    assert first.audiences == (Audience.WHOLE_SOCIETY,)
    assert first.modes == (Mode.PROACTIVE,)
    assert first.levels == (Level.COUNTY, Level.TOWNSHIP)
    assert first.responsible_office == "减灾科"
    assert dict(first.local_fields) == {"序号": "1", "网址": "http://x.gov.cn/1"}
    assert second.channels == (Channel.GOVERNMENT_WEBSITE, Channel.RADIO_TV)  # 是 and ✓
    assert second.modes == (Mode.PROACTIVE,)  # the unreadable tick is not a tick
    assert fourth.audiences == (Audience.WHOLE_SOCIETY, Audience.SPECIFIC_GROUPS)
    assert _codes(result) == [
        ("Sheet1!A4", "tables.numbered-by-position"),
        ("Sheet1!K6", "tables.unknown-channel"),
        ("Sheet1!O7", "tables.bad-tick"),
        ("Sheet1!B11", "tables.unknown-first-level"),
    ]
    unplaced = result.report.findings[-1]
    assert unplaced.data["cells"]["二级事项"] == "检查计划"  # the row's cells are in the report
    assert result.report.findings[2].data["text"] == "？"
    assert not result.report.ok
    assert result.item_rows == (6, 7, 9, 10)  # the blank row 8 is skipped
    assert result.field_ref(3, "name") == "Sheet1!C10"


def test_official_header_with_box_text_and_a_merged_channel_cell(tmp_path: Path) -> None:
    """As in the source table: work-safety 政策文件 rows 2–4 share row 1's channel cell."""
    rows = [
        ["安全生产领域基层政务公开标准目录"],
        *OFFICIAL_HEADER,
        ["政策文件", 1, "法律法规", "与安全生产有关的法律、法规", "《条例》", "20个工作日",
         "应急管理部门", BOXES, "√", None, "√", None, "√", "√", "法规科"],
        ["政策文件", 2, "部门和地方规章", "规章", "《条例》", "20个工作日", "应急管理部门",
         None, "√", None, "√", None, "√", "√", None],
        [None, 3, "其他政策文件", "其他", "《条例》", "20个工作日", "应急管理部门",
         None, "√", None, "√", None, "√", None, None],
    ]  # fmt: skip
    path = make_xlsx(tmp_path / "ws.xlsx", rows, [*header_merges(2), "H4:H6"], title="安全生产")
    result = read_xlsx(path)
    assert len(result.report) == 0
    expected = (
        Channel.GOVERNMENT_WEBSITE,
        Channel.NEW_MEDIA,
        Channel.PUBLIC_READING_POINT,
    )
    assert [item.channels for item in result.catalogue] == [expected] * 3
    assert [item.number for item in result.catalogue] == [1, 2, 3]
    assert result.catalogue.items[2].levels == (Level.COUNTY,)
    assert result.catalogue.items[0].responsible_office == "法规科"


def test_text_columns_plain_channel_lists_and_group_headings(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "一级事项,序号,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道,公开对象,公开方式,公开层级\n"
        "一、政策文件,,,,,,,,,,\n"
        ",1,法律法规,法律,《条例》,20个工作日,县局,"
        '"政府网站、政务新媒体、入户/现场、社区/企事业单位、村公示栏（电子屏）",'
        "全社会、特定群众,主动公开,县（区）级、乡镇级\n"
        ",2,规章,规章,《条例》,20个工作日,县局,政府网站/其他（12345热线）,面向全社会,"
        "依申请,县级、省级\n",
        encoding="utf-8",
    )
    result = read_csv(path, domain="安全生产")
    first, second = result.catalogue.items
    assert first.channels == (
        Channel.GOVERNMENT_WEBSITE,
        Channel.NEW_MEDIA,
        Channel.DOOR_TO_DOOR,
        Channel.BULLETIN_BOARD,
    )
    assert first.audiences == (Audience.WHOLE_SOCIETY, Audience.SPECIFIC_GROUPS)
    assert first.levels == (Level.COUNTY, Level.TOWNSHIP)
    assert second.channels == (Channel.GOVERNMENT_WEBSITE, Channel.OTHER)
    assert second.other_channels == ("12345热线",)
    assert second.modes == (Mode.ON_REQUEST,)
    assert second.levels == (Level.COUNTY,)
    assert _codes(result) == [("K4", "tables.unknown-term"), ("A1", "tables.missing-title")]
    assert result.catalogue.title == "list"  # the file name


def test_box_variants_and_unknown_boxes(tmp_path: Path) -> None:
    path = tmp_path / "boxes.csv"
    path.write_text(
        "一级事项,二级事项序号,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道和载体,"
        "全社会,特定群体,主动,依申请,县级,乡级\n"
        "依法行政,1,行政处罚,处罚结果,《条例》,7个工作日,县局,"
        '"☑政府网站 ☐政府公报 ☑政务新媒体 ☐发布会 ☑村村响 ☐大喇叭",√,×,√,×,√,-\n'
        "依法行政,2,行政许可,许可结果,《条例》,7个工作日,县局,"
        '"渠道：√政府网站 ×政府公报 √其他（12345热线、微信群）",Y,N,是,否,1,0\n',
        encoding="gb18030",
    )
    result = read_csv(path)
    first, second = result.catalogue.items
    assert result.catalogue.domain is Domain.WORK_SAFETY  # 依法行政 is work safety only
    assert first.channels == (Channel.GOVERNMENT_WEBSITE, Channel.NEW_MEDIA, Channel.OTHER)
    assert first.other_channels == ("村村响",)
    assert (first.audiences, first.modes, first.levels) == (
        (Audience.WHOLE_SOCIETY,),
        (Mode.PROACTIVE,),
        (Level.COUNTY,),
    )
    assert second.channels == (Channel.GOVERNMENT_WEBSITE, Channel.OTHER)
    assert second.other_channels == ("12345热线", "微信群")
    assert (second.audiences, second.modes, second.levels) == (
        (Audience.WHOLE_SOCIETY,),
        (Mode.PROACTIVE,),
        (Level.COUNTY,),
    )
    found = [(f.path, f.code, f.severity.code) for f in result.report]
    assert found == [
        ("H2", "tables.unknown-channel", "warning"),
        ("H2", "tables.unknown-channel", "info"),  # 大喇叭, not ticked
        ("H3", "tables.unreadable-channels", "warning"),  # 渠道：
        ("A1", "tables.missing-title", "info"),
        ("A1", "tables.domain-inferred", "info"),
    ]


def test_duplicate_unlabelled_and_structured_local_columns(tmp_path: Path) -> None:
    rows = [
        ["救灾领域目录"],
        ["一级事项", "二级事项序号", "二级事项", "公开内容", "公开内容", "公开依据", "公开时限",
         "公开主体", "服务时限（工作日）", "依据文件（结构化）", "来源说明", None, "备注", "备注"],
        ["工作动态", "一", "救灾工作动态", "动态", "另一内容", "《条例》", "及时", "县局", "十",
         "not json", '[{"kind": "nonsense"}]', "未命名列的内容", "甲", "乙"],
        ["工作动态", 2, "救灾统计", "统计", None, "《条例》", "及时", "县局", 3, None,
         "据2023年修订", None, None, None],
    ]  # fmt: skip
    result = read_xlsx(make_xlsx(tmp_path / "local.xlsx", rows, title="Sheet 1"))
    first, second = result.catalogue.items
    assert first.number == 1  # numbered by position after the finding
    assert first.local_fields["公开内容（E列）"] == "另一内容"
    assert first.local_fields["L列"] == "未命名列的内容"
    assert (first.local_fields["备注"], first.local_fields["备注（N列）"]) == ("甲", "乙")
    assert first.basis.citations[0].title == "条例"  # read from the text instead
    assert first.provenance[0].kind is ProvenanceKind.NOTE
    assert first.provenance[0].note == '[{"kind": "nonsense"}]'  # kept as written
    assert first.time_limit.service_level_workdays is None
    assert second.time_limit.service_level_workdays == 3
    assert second.provenance[0].note == "据2023年修订"
    assert _codes(result) == [
        ("'Sheet 1'!E2", "tables.duplicate-column"),
        ("'Sheet 1'!N2", "tables.duplicate-column"),
        ("'Sheet 1'!B3", "tables.bad-number"),
        ("'Sheet 1'!I3", "tables.bad-value"),
        ("'Sheet 1'!J3", "tables.bad-value"),
        ("'Sheet 1'!K3", "tables.bad-value"),
        ("'Sheet 1'!L3", "tables.unlabelled-column"),
    ]


def test_domain_from_argument_sheet_and_information_sheet(tmp_path: Path) -> None:
    header = ["一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体"]
    row = ["政策文件", "法律法规", "法律", "《条例》", "及时", "县局"]
    path = make_xlsx(tmp_path / "d.xlsx", [header, row], title="救灾")
    assert read_xlsx(path).catalogue.domain is Domain.DISASTER_RELIEF  # the sheet name
    assert read_xlsx(path, domain="work_safety").catalogue.domain is Domain.WORK_SAFETY
    plain = make_xlsx(tmp_path / "p.xlsx", [header, row])
    with pytest.raises(InputError, match="domain"):  # 政策文件 and 法律法规 are in both
        read_xlsx(plain)
    info = [["项目", "Sheet1"], ["领域", "救灾生产"], ["层级", "乡镇级"], ["声明事项数", "很多"]]
    with_info = make_xlsx(tmp_path / "i.xlsx", [header, row], more_sheets=[("目录信息", info)])
    result = read_xlsx(with_info)
    assert result.catalogue.domain is Domain.DISASTER_RELIEF
    assert result.catalogue.level is Level.TOWNSHIP
    assert result.catalogue.declared_item_count is None
    assert _codes(result)[0] == ("目录信息!B4", "tables.bad-metadata")


def test_unusable_tables_are_input_errors(tmp_path: Path) -> None:
    no_header = make_xlsx(tmp_path / "n.xlsx", [["姓名", "电话"], ["张三", "123"]])
    with pytest.raises(InputError, match="no sheet holds a catalogue table"):
        read_xlsx(no_header)
    with pytest.raises(InputError, match="no sheet 'X'"):
        read_xlsx(no_header, sheet="X")
    csv_path = tmp_path / "n.csv"
    csv_path.write_text("姓名,电话\n张三,123\n", encoding="utf-8")
    with pytest.raises(InputError, match="no catalogue header"):
        read_csv(csv_path)


def test_every_catalogue_sheet_of_a_workbook(tmp_path: Path) -> None:
    header = ["一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体"]
    ws_rows = [header, ["依法行政", "行政处罚", "结果", "《条例》", "7日", "县局"]]
    dr_rows = [header, ["备灾管理", "应急预案", "预案", "《条例》", "及时", "县局"]]
    path = make_xlsx(
        tmp_path / "two.xlsx",
        ws_rows,
        title="安全生产",
        more_sheets=[("说明", [["本表说明"]]), ("救灾", dr_rows)],
    )
    results = read_workbook(path)
    assert [r.catalogue.domain for r in results] == [Domain.WORK_SAFETY, Domain.DISASTER_RELIEF]
    assert results[1].report.subject == "two.xlsx!救灾"


def test_utf16_tab_separated_text(tmp_path: Path) -> None:
    """What spreadsheet programs save as "Unicode text"."""
    path = tmp_path / "u.csv"
    lines = [
        "一级事项\t二级事项\t公开内容\t公开依据\t公开时限\t公开主体\t公开渠道和载体",
        "公共服务\t办事指南\t指南\t《条例》\t及时\t县局\t政府网站、政务服务中心",
    ]
    path.write_bytes("\r\n".join(lines).encode("utf-16"))
    item = read_csv(path).catalogue.items[0]
    assert item.channels == (Channel.GOVERNMENT_WEBSITE, Channel.SERVICE_CENTER)


_LABELS = [
    "一级事项",
    "二级事项",
    "序号",
    "公开事项",
    "公开内容",
    "公开依据",
    "公开时限",
    "公开主体",
    "公开渠道和载体",
    "公开对象",
    "全社会",
    "主动",
    "乡级",
    "政府网站",
    "其他",
    "村村响",
    "三级事项",
    "服务时限（工作日）",
    "依据文件（结构化）",
    "来源说明",
    "网址",
    "领域",
    "注",
]
_VALUES = [
    *_LABELS,
    *["政策文件", "备灾管理", "一、政策文件", "√", "?", "1", "2.5", "[1]", "【重建：公开对象】x"],
    *["■政府网站 □其他", "政府网站、入户/现场", '[{"kind": 1}]', "", None, 3, True],
]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    rows=st.lists(st.lists(st.sampled_from(_VALUES) | st.text(max_size=4), max_size=9), max_size=7),
    merged=st.lists(st.tuples(*[st.integers(0, 8)] * 4), max_size=3),
    sheet=st.sampled_from([None, "救灾", "Sheet 1"]),
)
def test_any_grid_reads_or_is_an_input_error(
    rows: list[list[object]], merged: list[tuple[int, int, int, int]], sheet: str | None
) -> None:
    """Whatever the cells, the reader gives a result or an InputError, never a crash."""
    ranges = tuple((a, b, max(a, c), max(b, d)) for a, b, c, d in merged)
    grid = Grid(rows=tuple(tuple(r) for r in rows), sheet=sheet, merged=ranges)
    try:
        result = read_grid(grid, domain="work_safety")
    except InputError:
        return
    assert all(f.path for f in result.report)
