"""Real local catalogues as counties and townships publish them (tests/data/catalogues).

Each ``NAME.csv`` is a faithful transcription of the first rows of a published table, its
address and what was reconstructed in ``NAME.source``.  The tests pin what a person reads in
each (items, channels, ticks, time limits) and which findings must and must not appear.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govdisclose import InputError, read_catalogue
from govdisclose._vocabulary import Channel
from govdisclose.checks import compare_with_standard

DATA = Path(__file__).parent / "data" / "catalogues"
NAMES = sorted(p.stem for p in DATA.glob("*.csv"))
#: Findings that, on these tables, were always misreadings of valid data.
NEVER = {
    "tables.unknown-channel",
    "tables.unlabelled-column",
    "tables.duplicate-column",
    "tables.bad-number",
    "tables.bad-tick",
    "tables.unknown-first-level",
}


def _read(name: str):  # type: ignore[no-untyped-def]
    return read_catalogue(DATA / f"{name}.csv")


def test_every_source_has_its_address() -> None:
    assert len(NAMES) >= 10
    for name in NAMES:
        source = (DATA / f"{name}.source").read_text(encoding="utf-8").splitlines()[0]
        assert source.startswith("http"), name


@pytest.mark.parametrize("name", NAMES)
def test_no_misreading(name: str) -> None:
    result = _read(name)
    assert not {f.code for f in result.report.findings} & NEVER
    catalogue = result.catalogue
    assert catalogue.domain.code == ("work_safety" if "work_safety" in name else "disaster_relief")
    for item in catalogue.items:
        assert item.channels, item.id  # every row of these tables names its channels
        assert item.time_limit.rule.kind != "unrecognised", item.time_limit.text
        assert not item.name.isdigit()


EXPECTED_IDS = {
    "yunnan_xinping_work_safety": [
        "policy_documents.1",
        "policy_documents.2",
        "policy_documents.3",
    ],
    "sichuan_dachuan_work_safety": [
        *(f"policy_documents.{n}" for n in range(1, 5)),
        "law_based_administration.1",
    ],
    "hainan_wenchang_disaster_relief": [
        "policy_documents.1",
        "disaster_preparedness.1",
        "post_disaster_relief.1",
        "funds_and_materials.1",
    ],
    "guangdong_guzhen_disaster_relief": [f"policy_documents.{n}" for n in range(1, 6)],
    "jiangxi_fuliang_sanlong_disaster_relief": [f"policy_documents.{n}" for n in range(1, 4)],
    "sichuan_batang_disaster_relief": [f"policy_documents.{n}" for n in range(1, 5)],
    "fujian_fuzhou_work_safety": ["policy_documents.1"],
}


@pytest.mark.parametrize(("name", "ids"), EXPECTED_IDS.items())
def test_rows_read_as_items(name: str, ids: list[str]) -> None:
    assert [item.id for item in _read(name).catalogue.items] == ids


def test_channel_cell_over_two_columns_and_its_continuation_row() -> None:
    result = _read("yunnan_xinping_work_safety")
    items = result.catalogue.items
    expected = ["government_website", "new_media", "public_reading_point", "service_center"]
    assert [c.code for c in items[0].channels] == expected
    assert items[1].channels == items[2].channels == items[0].channels  # merged cell, blank in CSV
    assert [item.name for item in items] == ["法律法规", "部门和地方 规章", "其他政策文 件"]
    assert items[0].audiences and items[0].modes and len(items[0].levels) == 2
    codes = [(f.code, f.path) for f in result.report.findings]
    assert ("tables.continuation-row", "H6") in codes
    assert ("tables.carried-down", "A5") in codes


def test_look_alike_boxes_and_a_name_without_a_box() -> None:
    result = _read("shandong_zaozhuang_work_safety")
    for item in result.catalogue.items:
        assert item.channels == (Channel.GOVERNMENT_WEBSITE,)
        assert item.other_channels == ()
    unreadable = [f for f in result.report.findings if f.code == "tables.unreadable-channels"]
    assert [(f.path, f.data["text"]) for f in unreadable] == [
        ("J4", "国家档案馆"),
        ("J5", "国家档案馆"),
    ]


def test_domain_above_the_first_level_items() -> None:
    result = _read("hainan_wenchang_disaster_relief")
    items = result.catalogue.items
    assert [(i.name, i.content) for i in items[:2]] == [
        ("法律法规", "与救灾有关的法律、法规"),
        ("综合减灾示范社区", "综合减灾示范社区分布情况(其具体位置、创建时间、创建级别等)"),
    ]
    assert items[0].time_limit.rule.keep_long_term  # type: ignore[union-attr]
    codes = {(f.code, f.path) for f in result.report.findings}
    assert ("tables.domain-level-above", "A1") in codes
    # Two rows name no item in 公开内容: said, not guessed.
    assert {("tables.name-not-in-content", "C5"), ("tables.name-not-in-content", "C6")} <= codes
    assert items[2].name == "" and items[2].content.startswith("1.本行政区域内")


def test_item_names_in_third_level_under_a_grouping() -> None:
    result = _read("jiangxi_fuliang_sanlong_disaster_relief")
    items = result.catalogue.items
    assert [i.name for i in items] == ["法律法规", "部门和地方规章", "其他政策文件"]
    assert {i.local_fields["二级事项（分组）"] for i in items} == {"政策规范文件"}  # merged
    assert "tables.names-in-third-level" in result.report.codes


def test_third_level_documents_stay_third_level_items() -> None:
    item = _read("neimenggu_kangbashi_disaster_relief").catalogue.items[0]
    assert item.name == "法律法规" and item.content == "与救灾有关的法律、法规"
    assert item.third_level_items
    assert item.responsible_office == "综合减灾和应急管理组"


def test_continuation_row_is_no_phantom_item() -> None:
    items = _read("guangdong_guzhen_disaster_relief").catalogue.items
    assert items[-1].name == "重大政策解读及回应"
    assert items[-1].content == "有关重大政策的解读及回应\n相关热点问题的解读及回应"


def test_merged_cells_carried_down_and_web_address_kept() -> None:
    result = _read("sichuan_batang_disaster_relief")
    for item in result.catalogue.items:
        assert item.time_limit.rule.days == 20  # type: ignore[union-attr]
        assert item.responsible_office == "综合办、二综合股"
        assert item.local_fields["网址"] == "http://www.batang.gov.cn/"
    assert [f.code for f in result.report.findings].count("tables.carried-down") == 3


@pytest.mark.parametrize("name", ["xinjiang_xjbz_work_safety", "sichuan_batang_disaster_relief"])
def test_domain_told_from_content(name: str) -> None:
    assert "tables.domain-inferred" in _read(name).report.codes


def test_title_below_an_attachment_line() -> None:
    result = _read("fujian_fuzhou_work_safety")
    assert result.catalogue.title == "安全生产领域基层政务公开标准目录"
    assert result.catalogue.notes == ("附件1",)


@pytest.mark.parametrize(
    ("name", "local", "standard_id"),
    [
        ("sichuan_dachuan_work_safety", "重大政策解读", "policy_documents.6"),
        ("sichuan_shawan_work_safety", "重大政策解读", "policy_documents.6"),
        ("sichuan_batang_disaster_relief", "部门和地方政府规章", "policy_documents.2"),
    ],
)
def test_shortened_names_matched_to_the_standard(name: str, local: str, standard_id: str) -> None:
    report = compare_with_standard(_read(name).catalogue)
    renamed = [f for f in report.findings if f.code == "localize.item-renamed"]
    assert any(f.data["standard_id"] == standard_id and f.severity.code == "info" for f in renamed)
    added = [f for f in report.findings if f.code == "localize.added-item"]
    assert not added


def test_validate_names_the_cell_and_the_item(capsys: pytest.CaptureFixture[str]) -> None:
    from govdisclose.cli import main

    path = DATA / "sichuan_shawan_work_safety.csv"
    code = main(["validate", str(path), "--level", "county", "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert code == 1
    modes = next(f for f in findings if f["path"] == "$.items[4].modes")
    assert modes["data"]["cell"] == "K8" and modes["data"]["item"] == "依法行政 1"
    assert modes["message_zh"].startswith("K8（依法行政 1）：")
    assert not any(f["code"] == "catalogue.no-level" for f in findings)  # --level: implied
    assert any(f["code"] == "tables.level-implied" for f in findings)
    for finding in findings:
        if finding["path"].startswith("$.items["):
            assert "item" in finding["data"], finding


def test_validate_accepts_domain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from govdisclose.cli import main

    rows = (DATA / "sichuan_batang_disaster_relief.csv").read_text(encoding="utf-8-sig")
    plain = tmp_path / "目录.csv"
    plain.write_text(rows.replace("救灾", ""), encoding="utf-8")
    assert main(["validate", str(plain)]) == 2
    assert "--domain" in capsys.readouterr().err
    assert main(["validate", str(plain), "--domain", "disaster-relief"]) == 1


TRADITIONAL = sorted((DATA / "traditional").glob("*.csv"))


def test_every_copy_in_traditional_characters_has_its_address() -> None:
    assert len(TRADITIONAL) >= 7
    others = [*(DATA / "other_fields").glob("*.csv"), *(DATA / "own_lists").glob("*.csv")]
    assert len(others) >= 4
    for path in [*TRADITIONAL, *others]:
        source = path.with_suffix(".source").read_text(encoding="utf-8").splitlines()[0]
        assert source.startswith("http"), path.name


def _traditional(name: str):  # type: ignore[no-untyped-def]
    return read_catalogue(DATA / "traditional" / f"{name}.csv")


@pytest.mark.parametrize(
    ("name", "domain", "names"),
    [
        ("e5515c_work_safety", "work_safety", ["法律法規", "部門和地方規章", "其他政策文件"]),
        ("longling_disaster_relief", "disaster_relief", ["法律法規(guī)", "部門和地方規(guī)章"]),
        ("qingxi_disaster_relief", "disaster_relief", ["法律法規", "部門和地方規章"]),
        ("nanhai_disaster_relief", "disaster_relief", ["法律\n法規", "部門和地方規章"]),
        ("huilong_disaster_relief", "disaster_relief", ["法律法規", "部門和地方規章"]),
    ],
)
def test_copies_in_traditional_characters_read_as_written(
    name: str, domain: str, names: list[str]
) -> None:
    # Labels are matched in simplified characters; every value stays as the page has it.
    result = _traditional(name)
    items = result.catalogue.items
    assert result.catalogue.domain.code == domain
    assert [i.name for i in items[: len(names)]] == names
    assert [i.id for i in items[:2]] == ["policy_documents.1", "policy_documents.2"]
    assert all(i.time_limit.rule.kind == "workdays_after_event" for i in items[:2])
    assert not {f.code for f in result.report.findings} & (NEVER - {"tables.unknown-channel"})
    assert not [k for i in items for k in i.local_fields if k != "序號" and k != "網址"]


def test_traditional_ticks_levels_and_channels() -> None:
    items = _traditional("e5515c_work_safety").catalogue.items
    assert items[0].content == "與安全生產有關的法律、法規"
    assert items[0].subject == "應急管理部門"
    assert [c.code for c in items[0].channels] == [
        "government_website",
        "new_media",
        "public_reading_point",
        "service_center",
    ]
    assert items[1].channels == items[0].channels  # merged cell, blank in CSV
    for item in items:
        ticks = [[t.code for t in terms] for terms in (item.audiences, item.modes, item.levels)]
        assert ticks == [["whole_society"], ["proactive"], ["township"]]
    assert items[3].time_limit.rule.kind == "promptly"


def test_pinyin_inserted_in_labels_is_no_local_column() -> None:
    item = _traditional("longling_disaster_relief").catalogue.items[0]
    assert [lv.code for lv in item.levels] == ["township"]  # header 鎮(zhèn)級
    assert item.basis.text == "《中華人民共和國政府信息公開條例》(國務院令第711號)"


def test_website_in_plain_text_and_address_column() -> None:
    nanhai = _traditional("nanhai_disaster_relief").catalogue.items
    assert all([c.code for c in i.channels] == ["government_website"] for i in nanhai)
    assert nanhai[0].subject == "區應急管理局、各鎮(街道)"
    qingxi = _traditional("qingxi_disaster_relief").catalogue.items
    assert qingxi[0].local_fields["網址"].startswith("http://www.sangco.com.cn/qingxi/")
    assert [c.code for c in qingxi[2].channels] == ["government_website"]


def test_boxes_lost_as_question_marks_are_not_read_as_used() -> None:
    result = _traditional("huilong_disaster_relief")
    for item in result.catalogue.items:
        assert item.channels == () and item.other_channels == ()
    unreadable = [f for f in result.report.findings if f.code == "tables.unreadable-channels"]
    assert {f.path for f in unreadable} == {"H4", "H5"}
    assert unreadable[0].data["text"] == "政府網站 ??政府公報"


def test_traditional_catalogue_compared_with_the_standard() -> None:
    report = compare_with_standard(_traditional("e5515c_work_safety").catalogue)
    assert "localize.added-item" not in report.codes


def test_catalogue_of_another_field_is_not_taken_for_ours() -> None:
    path = DATA / "other_fields" / "dean_agricultural_funds.csv"
    with pytest.raises(InputError, match="--domain"):
        read_catalogue(path)
    # Told the domain anyway, no row becomes an item silently: each row is a finding.
    result = read_catalogue(path, domain="work_safety")
    assert result.catalogue.items == ()
    dropped = [f.path for f in result.report.findings if f.code == "tables.unknown-first-level"]
    assert dropped == ["A4", "A5"]


@pytest.mark.parametrize(
    ("table", "row", "number"),
    [
        (DATA / "xinjiang_xjbz_work_safety.csv", 4, "中办发﹝2016﹞8号"),
        (DATA / "jiangxi_fuliang_sanlong_disaster_relief.csv", 0, "国令第711号"),
        (DATA / "traditional" / "longling_disaster_relief.csv", 0, "國務院令第711號"),
    ],
)
def test_document_numbers_as_local_tables_type_them(table: Path, row: int, number: str) -> None:
    citations = read_catalogue(table).catalogue.items[row].basis.citations
    assert number in [c.number for c in citations]


def test_first_level_cut_off_by_the_page_is_reported_with_its_cells() -> None:
    # 長壽區: 政策文件 shows as 政策文 (the page cut the cell); the row is not guessed into the
    # catalogue but reported with every cell, so nothing is dropped silently.
    result = _traditional("changshou_disaster_relief")
    assert result.catalogue.items == ()
    (finding,) = [f for f in result.report.findings if f.code == "tables.unknown-first-level"]
    assert finding.path == "B4" and "政策文" in finding.message_en
    cells = finding.data["cells"]
    assert cells["公開渠道和載體"].startswith("■政府網(wǎng)站□政府公報")
    assert cells["公開時限"] == "信息形成或變更之日起20工作日內(nèi)"
    assert finding.data["name"] == "法律法規(guī)"  # its 二级事项, for comparing by name


def test_coded_layout_names_and_codes_apart() -> None:
    # 繁昌区 (安徽): 一级事项（编码） holds 政策法规115001000, 二级事项（编码） 法规标准 115001001.
    result = _traditional("fanchang_disaster_relief")
    items = result.catalogue.items
    assert [i.id for i in items] == [f"policy_documents.{n}" for n in (1, 2, 3)]
    assert [i.name for i in items] == ["法規(guī)標準", "政策文件", "政策解讀"]
    assert [i.local_fields["二级事项编码"] for i in items] == [
        "115001001",
        "115001002",
        "115001003",
    ]
    assert items[0].local_fields["一级事项编码"] == "115001000"
    assert items[0].local_fields["公開領域(編碼)"] == "救災115000000"
    for item in items:  # 公開查閱點/政務公開專區 is one channel, the reading point
        assert [c.code for c in item.channels] == [
            "government_website",
            "new_media",
            "public_reading_point",
            "service_center",
        ]
        assert item.other_channels == ()
        assert [t.code for t in (*item.audiences, *item.modes, *item.levels)] == [
            "whole_society",
            "proactive",
            "county",
        ]
    assert result.report.codes == ("tables.numbered-by-position",)


def test_column_headed_by_a_channel_holding_its_address() -> None:
    # 东城街道 (东莞): the last column is headed 政府網站 and holds the site's address.
    result = _traditional("dongcheng_disaster_relief")
    items = result.catalogue.items
    assert [i.name for i in items] == ["政策文件", "重大決策草案", "重大政策解讀及回應(yīng)"]
    field = "政府網(wǎng)站（网址）"
    assert all(
        i.local_fields[field].endswith("http://m.veladacinema.com/dongcheng/") for i in items
    )
    (told,) = [f for f in result.report.findings if f.code == "tables.column-from-cells"]
    assert (told.path, told.data["read_as"]) == ("M1", field)
    # Channels named without boxes, separated by spaces.
    assert [[c.code for c in i.channels] for i in items] == [
        ["government_website"],
        ["government_website", "new_media", "public_reading_point"],
        ["government_website", "new_media", "radio_tv", "print_media", "public_reading_point"],
    ]
    assert not {f.code for f in result.report.findings} & NEVER
    assert all(
        [t.code for t in (*i.audiences, *i.modes)] == ["whole_society", "proactive"] for i in items
    )


def test_same_wording_in_traditional_characters_is_no_rename() -> None:
    report = compare_with_standard(_traditional("dongcheng_disaster_relief").catalogue)
    renamed = {f.data["standard_id"] for f in report.findings if f.code == "localize.item-renamed"}
    assert renamed == {"policy_documents.3"}  # 政策文件 for 其他政策文件; not 重大決策草案


def _own(name: str, **kwargs: str):  # type: ignore[no-untyped-def]
    return read_catalogue(DATA / "own_lists" / f"{name}.csv", **kwargs)


def test_headers_cut_off_by_the_page_read_from_their_cells() -> None:
    # 青川县: both 公开时限 and 公开渠道和载体 show only as 公开.
    with pytest.raises(InputError, match="--domain"):
        _own("qingchuan_emergency_bureau")  # 机构信息, 政策法规: no domain to tell
    result = _own("qingchuan_emergency_bureau", domain="disaster_relief")
    told = [(f.path, f.data["read_as"]) for f in result.report.findings if f.code.endswith("cells")]
    assert told == [("G1", "time_limit"), ("I1", "channels")]
    assert "tables.duplicate-column" not in result.report.codes
    # 机构信息 is no first-level item of the standard: each row is reported with its cells.
    unplaced = [f for f in result.report.findings if f.code == "tables.unknown-first-level"]
    assert [f.path for f in unplaced] == ["C3", "C4", "C5"]
    assert [f.data["name"] for f in unplaced] == ["机构基本信息", "机构领导信息", "内部机构设置"]
    cells = unplaced[0].data["cells"]
    assert cells["公开时限"] == "信息形成(变更)5个工作日内"
    assert cells["公开渠道和载体"] == "政府门户网站 信息公示栏 政务服务中心 政务服务中心"
    # 政策法规 is the policy-documents group; 信息公示栏 a bulletin board.
    first, second = result.catalogue.items
    assert first.first_level.code == "policy_documents" and first.name == "政策 文件"
    assert [c.code for c in first.channels] == ["government_website", "service_center"]
    assert first.time_limit.rule.days == 5  # type: ignore[union-attr]
    # The page merges 二级事项 over this row; blank in CSV, it is carried down and said so.
    assert second.name == "政策 文件"
    assert second.content == "工作中形成的各类需主动公开的制度及相关解读"
    carried = [f for f in result.report.findings if f.code == "tables.carried-down"]
    assert [(f.path, list(f.data["fields"])) for f in carried] == [("A7", ["二级事项"])]


def test_a_bureaus_own_list_is_no_standard_catalogue() -> None:
    # 鄂尔多斯市应急管理局主动公开事项目录: 政务工作, 单位概况 — no row is the standard's.
    with pytest.raises(InputError, match="--domain"):
        _own("ordos_emergency_bureau")
    result = _own("ordos_emergency_bureau", domain="disaster_relief")
    assert result.catalogue.items == ()
    unplaced = [f for f in result.report.findings if f.code == "tables.unknown-first-level"]
    assert [f.path for f in unplaced] == ["A4", "A5", "A6"]
    assert unplaced[0].data["cells"]["责任科室"] == "办公室、新闻宣传科、各相关业务科室"
    assert unplaced[2].data["cells"]["二级事项"] == "内设机构"


def test_several_fields_on_one_page_with_their_headers_repeated() -> None:
    # 九龙街道 (通海县): 重大建设项目, 公共资源交易, 义务教育 — each table with its own header.
    path = DATA / "other_fields" / "tonghai_jiulong_fields.csv"
    with pytest.raises(InputError, match="--domain"):
        read_catalogue(path)
    result = read_catalogue(path, domain="work_safety")
    assert result.catalogue.items == ()
    by_code: dict[str, list[str]] = {}
    for finding in result.report.findings:
        by_code.setdefault(finding.code, []).append(finding.path)
    assert by_code["tables.repeated-header"] == ["A6", "A7", "A10", "A11"]
    assert by_code["tables.unknown-first-level"] == ["B4", "B8", "B12"]  # the rows, no header


def test_pilot_fields_page_of_a_township_is_not_taken_for_ours() -> None:
    # 復興鎮: 試點領域 page, first table 義務教育 — refused; told a domain, the row is reported.
    path = DATA / "other_fields" / "fuxing_pilot_fields.csv"
    with pytest.raises(InputError, match="--domain"):
        read_catalogue(path)
    result = read_catalogue(path, domain="disaster_relief")
    assert result.catalogue.items == ()
    assert result.catalogue.notes == (
        "(一)義務(wù)教育領(lǐng)域基層政務(wù)公開標(biāo)準(zhǔn)目錄",
    )
    (row,) = [f for f in result.report.findings if f.code == "tables.unknown-first-level"]
    assert row.path == "B5"
    assert row.data["cells"]["公開渠道和載體"].splitlines()[1] == "■便民服務(wù)中心"


READABLE = [
    p
    for p in sorted(DATA.rglob("*.csv"))
    if p.parent.name not in ("other_fields", "own_lists") and "changshou" not in p.stem
]


@pytest.mark.parametrize("path", READABLE, ids=lambda p: p.stem)
def test_imported_catalogue_exports_and_reads_back(path: Path, tmp_path: Path) -> None:
    # The running 序号 of a local table is a local field; export must not refuse it.
    from govdisclose.tables import read_csv, read_xlsx, to_csv, to_xlsx

    catalogue = read_catalogue(path).catalogue
    (tmp_path / "c.csv").write_bytes(to_csv(catalogue))
    (tmp_path / "c.xlsx").write_bytes(to_xlsx(catalogue))
    for back in (read_csv(tmp_path / "c.csv"), read_xlsx(tmp_path / "c.xlsx")):
        assert back.report.findings == ()
        assert back.catalogue.items == catalogue.items
