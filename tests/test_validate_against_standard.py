"""compare_with_standard: derive a local catalogue from the standard, change it, check."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import pytest

from govdisclose import Finding, standard
from govdisclose._converter import unstructure
from govdisclose._localize import derive, match_items, name_key
from govdisclose._model import Catalogue, CatalogueItem, TimeLimit
from govdisclose._vocabulary import Audience, Channel, FirstLevel, Level, Mode
from govdisclose.checks import compare_with_standard, validate_catalogue
from govdisclose.checks._items import WEBSITE_EXEMPTION_FIELD


def township() -> Catalogue:
    return derive(standard("work_safety"), "township", publisher="某镇人民政府", renumber=True)


def replace(catalogue: Catalogue, index: int, **changes: Any) -> Catalogue:
    items = list(catalogue.items)
    items[index] = attrs.evolve(items[index], **changes)
    return catalogue.with_items(items)


def only(report: Any) -> list[tuple[str, str, str]]:
    return [(f.code, f.severity.code, f.path) for f in report.findings]


def test_derived_catalogues_match_the_standard_exactly() -> None:
    for domain in ("work_safety", "disaster_relief"):
        for level in ("county", "township"):
            for renumber in (False, True):
                local = derive(standard(domain), level, renumber=renumber)
                assert compare_with_standard(local).findings == (), (domain, level, renumber)


def test_the_standard_compared_with_itself_is_clean() -> None:
    assert compare_with_standard(standard("disaster_relief")).findings == ()


def test_missing_item_at_the_level_is_an_error() -> None:
    local = township()
    dropped = local.items[0]
    report = compare_with_standard(local.with_items(local.items[1:]))
    assert only(report) == [("localize.missing-item", "error", "$.items")]
    assert report.findings[0].data["standard_id"] == dropped.id
    assert dropped.name in report.findings[0].message_zh


def test_county_only_items_are_not_expected_in_a_township_catalogue() -> None:
    county_only = [i for i in standard("work_safety") if Level.TOWNSHIP not in i.levels]
    assert county_only
    # the township catalogue lacks them and that is fine
    assert compare_with_standard(township()).ok
    # the same items against the county level are missing
    report = compare_with_standard(township(), level="county")
    missing = {f.data["standard_id"] for f in report.filter(code="localize.missing-item")}
    assert missing == {i.id for i in county_only}


def test_without_a_level_every_standard_item_is_expected() -> None:
    local = attrs.evolve(township(), level=None)
    report = compare_with_standard(local)
    assert len(report.filter(code="localize.missing-item")) == 28 - len(township())


def test_matching_tolerates_whitespace_width_and_conjunctions() -> None:
    local = replace(township(), 1, name=" 部门和地方 规章 ")
    assert compare_with_standard(local).findings == ()
    local = replace(township(), 1, name="部门及地方规章")
    assert only(compare_with_standard(local)) == [
        ("localize.item-renamed", "info", "$.items[1].name")
    ]
    assert name_key("重大决策草案（征求意见稿）") == name_key("重大决策草案征求意见稿")


def test_renamed_item_is_matched_by_id_when_content_agrees() -> None:
    local = derive(standard("work_safety"), "township")  # standard numbers kept
    local = replace(local, 2, name="其他规范性文件")
    report = compare_with_standard(local)
    assert only(report) == [("localize.item-renamed", "warning", "$.items[2].name")]
    assert report.findings[0].data["matched_by"] == "id"


def test_unrelated_item_with_a_standard_id_is_not_taken_for_it() -> None:
    local = derive(standard("work_safety"), "township")
    local = replace(local, 2, name="安全生产月活动", content="活动安排")
    codes = compare_with_standard(local).codes
    assert set(codes) == {"localize.added-item", "localize.missing-item"}


def test_added_item_is_info() -> None:
    local = township()
    extra = attrs.evolve(local.items[-1], name="森林防火", content="防火期通告", number=99)
    report = compare_with_standard(local.with_items((*local.items, extra)))
    assert only(report) == [("localize.added-item", "info", f"$.items[{len(local)}]")]


def test_moved_item_is_a_warning() -> None:
    local = township()
    moved = attrs.evolve(local.items[0], first_level=FirstLevel.KEY_AREA_DISCLOSURE, number=9)
    report = compare_with_standard(local.with_items((moved, *local.items[1:])))
    assert only(report) == [("localize.first-level-changed", "warning", "$.items[0].first_level")]


def test_channels_adjusted_is_info() -> None:
    local = township()
    first = local.items[0]
    channels = (*first.channels[:-1], Channel.BULLETIN_BOARD)
    report = compare_with_standard(replace(local, 0, channels=channels))
    assert only(report) == [("localize.channels-adjusted", "info", "$.items[0].channels")]
    assert unstructure(report.findings[0])["data"]["added"] == ["bulletin_board"]
    assert unstructure(report.findings[0])["data"]["removed"] == [first.channels[-1].code]


def test_dropping_the_website_from_a_proactive_item() -> None:
    local = township()
    first = local.items[0]
    without = tuple(c for c in first.channels if c is not Channel.GOVERNMENT_WEBSITE)
    report = compare_with_standard(replace(local, 0, channels=without))
    assert only(report) == [("localize.website-dropped", "error", "$.items[0].channels")]
    assert report.findings[0].data["justified"] is False
    justified = replace(
        local, 0, channels=without, local_fields={WEBSITE_EXEMPTION_FIELD: "乡镇无独立网站"}
    )
    assert only(compare_with_standard(justified)) == [
        ("localize.website-dropped", "warning", "$.items[0].channels")
    ]
    # dropping it and adding another channel: both findings
    changed = replace(local, 0, channels=(*without, Channel.RADIO_TV))
    assert [f.code for f in compare_with_standard(changed)] == [
        "localize.website-dropped",
        "localize.channels-adjusted",
    ]


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("modes", (Mode.ON_REQUEST,), "localize.modes-changed"),
        ("audiences", (Audience.SPECIFIC_GROUPS,), "localize.audiences-changed"),
    ],
)
def test_modes_and_audiences_changed_are_warnings(field: str, value: Any, code: str) -> None:
    report = compare_with_standard(replace(township(), 3, **{field: value}))
    assert only(report) == [(code, "warning", f"$.items[3].{field}")]


def test_levels_changed_is_info() -> None:
    report = compare_with_standard(replace(township(), 0, levels=(Level.TOWNSHIP,)))
    assert only(report) == [("localize.levels-changed", "info", "$.items[0].levels")]


@pytest.mark.parametrize(
    ("text", "code", "severity"),
    [
        ("信息形成（变更）30个工作日内", "localize.time-limit-looser", "error"),
        ("信息形成（变更）5个工作日内", "localize.time-limit-stricter", "info"),
        ("成文3个工作日内", "localize.time-limit-stricter", "info"),
        ("按进展情况及时公开", "localize.time-limit-changed", "info"),
        ("信息形成或者变更之日起20个工作日内", None, None),
        ("信息形成或变更之日起 20 个工作日内", None, None),
    ],
)
def test_time_limits(text: str, code: str | None, severity: str | None) -> None:
    report = compare_with_standard(replace(township(), 0, time_limit=TimeLimit(text)))
    expected = [] if code is None else [(code, severity, "$.items[0].time_limit")]
    assert only(report) == expected


def test_domain_mismatch() -> None:
    report = compare_with_standard(township(), standard("disaster_relief"))
    assert only(report) == [("localize.domain-mismatch", "error", "$.domain")]


def test_raw_json_data_is_accepted() -> None:
    data = unstructure(township())
    data["items"][0]["modes"] = ["依申请"]
    assert compare_with_standard(data).codes == ("localize.modes-changed",)
    data["items"][1]["channels"] = ["网站X"]  # wrong data: not compared, and said so
    report = compare_with_standard(data)
    assert only(report) == [
        ("catalogue.unknown-term", "error", "$.items[1].channels[0]"),
        ("localize.comparison-skipped", "info", "$"),
    ]
    assert compare_with_standard(None).codes == (
        "catalogue.not-a-catalogue",
        "localize.comparison-skipped",
    )


def test_raw_data_lacking_elements_is_compared_as_far_as_it_reads() -> None:
    data = unstructure(township())
    del data["items"][0]["audiences"]  # 法律法规 cannot be read, but its name can
    report = compare_with_standard(data)
    assert only(report) == [
        ("catalogue.missing-element", "error", "$.items[0].audiences"),
        ("localize.comparison-skipped", "info", "$.items[0]"),
    ]
    assert report.findings[-1].data["standard_id"] == "policy_documents.1"
    assert "policy_documents.1" in report.findings[-1].message_en


@pytest.mark.parametrize(
    ("first_level", "name", "standard_id"),
    [
        ("政策文件", " 法律 法规 ", "policy_documents.1"),  # white space does not count
        ("政策文件", "法律法規", "policy_documents.1"),  # nor traditional characters
        ("政策文件", "重大政策解读", "policy_documents.6"),  # shortened (…及回应)
        ("依法行政", "法律法规", None),  # under another first-level item: not guessed
        ("政策文件", "新增事项", None),
        ("政策文件", None, None),  # no name
    ],
)
def test_an_unreadable_item_stands_for_the_standard_item_of_its_name(
    first_level: str, name: str | None, standard_id: str | None
) -> None:
    data = unstructure(derive(standard("work_safety"), "county"))
    wanted = next(i for i, item in enumerate(data["items"]) if item["name"] == "法律法规")
    big = next(i for i, item in enumerate(data["items"]) if item["name"] == "重大政策解读及回应")
    data["items"] = [item for i, item in enumerate(data["items"]) if i not in (wanted, big)]
    raw = {"first_level": first_level, "number": 9, "content": "…"}
    data["items"].append(raw if name is None else {**raw, "name": name})
    report = compare_with_standard(data)
    (skipped,) = [f for f in report.findings if f.code == "localize.comparison-skipped"]
    assert skipped.path == f"$.items[{len(data['items']) - 1}]"
    assert skipped.data["standard_id"] == standard_id
    missing = {f.data["standard_id"] for f in report.findings if f.code == "localize.missing-item"}
    assert missing == {"policy_documents.1", "policy_documents.6"} - {standard_id}


@pytest.mark.parametrize(
    ("name", "standard_id"),
    [
        ("法律法規", "policy_documents.1"),  # any first-level item: the row's is not known
        ("其他政策文件", None),  # present in the catalogue: not taken again
        ("机构基本信息", None),  # no standard item: the table's own finding says it all
        ("", None),
    ],
)
def test_a_refused_table_row_stands_for_the_standard_item_of_its_name(
    name: str, standard_id: str | None
) -> None:
    county = derive(standard("work_safety"), "county")
    local = county.with_items(county.items[1:])  # 法律法规 is a row the table reader refused
    refused = Finding(
        "tables.unknown-first-level",
        "error",
        "Sheet1!B4",
        "该行未导入",
        "row not imported",
        data={"name": name},
    )
    report = compare_with_standard(local, unread=[refused])
    missing = {f.data["standard_id"] for f in report.findings if f.code == "localize.missing-item"}
    assert missing == {"policy_documents.1"} - {standard_id}
    skipped = [f for f in report.findings if f.code == "localize.comparison-skipped"]
    if standard_id is None:
        assert skipped == []
    else:
        assert [(f.path, f.data["standard_id"]) for f in skipped] == [("Sheet1!B4", standard_id)]
        assert "row was not imported" in skipped[0].message_en
        assert "该行未导入" in skipped[0].message_zh


def test_real_catalogue_lacking_elements_gets_the_validation_findings_once() -> None:
    # dachuan.gov.cn's catalogue (rows 1-6; no 公开对象, 公开方式 or 公开层级 transcribed)
    path = Path(__file__).parent / "data" / "validate" / "dachuan_items_1_6.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    report = compare_with_standard(data)
    validation = validate_catalogue(data)
    assert report.findings[: len(validation)] == validation.findings
    rest = Counter(f.code for f in report.findings[len(validation) :])
    assert rest == {"localize.comparison-skipped": 6, "localize.missing-item": 22}
    # Each row's name tells the standard item it stands for, which is then not missing.
    skipped = [f.data["standard_id"] for f in report.findings if f.code.endswith("skipped")]
    assert skipped == [
        "policy_documents.1",
        "policy_documents.2",
        "policy_documents.4",
        "policy_documents.6",  # 重大政策解读 (…及回应)
        "law_based_administration.1",
        "law_based_administration.2",
    ]
    missing = {f.data["standard_id"] for f in report.findings if f.code.endswith("missing-item")}
    assert not missing & set(skipped)


def test_explicit_standard_and_level_arguments() -> None:
    relief = standard("disaster_relief")
    local = derive(relief, "county")
    assert compare_with_standard(local, relief, level="县级").findings == ()


def test_match_items_reports_leftovers() -> None:
    local = township()
    extra = attrs.evolve(local.items[0], name="新增", content="新增内容", number=50)
    matching = match_items((*local.items[1:], extra), standard("work_safety"))
    assert matching.unmatched_local == (len(local) - 1,)
    left = {standard("work_safety").items[i].id for i in matching.unmatched_standard}
    assert local.items[0].id in left
    assert all(isinstance(m.local, CatalogueItem) for m in matching.matches)
