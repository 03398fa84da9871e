"""The bundled standard catalogues against the published tables, item by item."""

from __future__ import annotations

import re

import pytest

from govdisclose import Domain, FirstLevel, ProvenanceKind, standard, standards
from govdisclose._model import LegalBasis
from source_tables import TICK_COLUMNS, read_table

TICK_FIELD = {
    "全社会": ("audiences", "whole_society"),
    "特定群体": ("audiences", "specific_groups"),
    "主动": ("modes", "proactive"),
    "依申请": ("modes", "on_request"),
    "县级": ("levels", "county"),
    "乡级": ("levels", "township"),
}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pairs(domain: str):  # type: ignore[no-untyped-def]
    catalogue = standard(domain)
    rows = read_table(domain)
    assert len(rows) == len(catalogue.items)
    return list(zip(catalogue.items, rows, strict=True))


def test_counts() -> None:
    ws, dr = standards()
    assert (ws.domain, len(ws), ws.declared_item_count) == (Domain.WORK_SAFETY, 28, 28)
    assert (dr.domain, len(dr), dr.declared_item_count) == (Domain.DISASTER_RELIEF, 19, 20)
    assert [fl.code for fl in ws.first_levels] == [
        "policy_documents",
        "law_based_administration",
        "administrative_management",
        "public_services",
        "key_area_disclosure",
    ]
    assert [fl.code for fl in dr.first_levels] == [
        "policy_documents",
        "disaster_preparedness",
        "post_disaster_relief",
        "funds_and_materials",
        "work_updates",
    ]
    assert [len(ws.by_first_level(fl)) for fl in ws.first_levels] == [8, 3, 6, 5, 6]
    assert [len(dr.by_first_level(fl)) for fl in dr.first_levels] == [8, 3, 5, 2, 1]


def test_declared_count_discrepancy_is_visible() -> None:
    dr = standard("disaster_relief")
    assert any("20" in note and "19" in note for note in dr.notes)


@pytest.mark.parametrize("domain", ["work_safety", "disaster_relief"])
def test_every_item_has_the_eight_elements(domain: str) -> None:
    for item in standard(domain):
        for text in (item.name, item.content, item.basis.text, item.time_limit.text, item.subject):
            assert text.strip(), item.id
        assert item.modes and item.channels and item.audiences and item.levels, item.id
        assert item.basis.citations, item.id


@pytest.mark.parametrize("domain", ["work_safety", "disaster_relief"])
def test_texts_match_the_source(domain: str) -> None:
    for item, row in pairs(domain):
        assert item.number == row.number
        assert item.name == row.name
        assert squash(item.content) == squash(row.content)
        assert item.basis.text == row.basis
        assert item.time_limit.text == row.time_limit
        assert item.subject == row.subject
        assert FirstLevel.parse(row.first_level) is item.first_level


@pytest.mark.parametrize("domain", ["work_safety", "disaster_relief"])
def test_channels_and_ticks_match_the_source(domain: str) -> None:
    catalogue = standard(domain)
    for item, row in pairs(domain):
        kinds = {note.kind for note in item.provenance}
        if row.channel_text:
            assert [c.label for c in item.channels] == row.channels
        else:  # merged with the first row of its group
            assert ProvenanceKind.MERGED_CELL in kinds
            first = catalogue.by_first_level(item.first_level)[0]
            assert item.channels == first.channels
        if "audiences" in item.reconstructed_fields:
            continue
        for column in TICK_COLUMNS:
            field, code = TICK_FIELD[column]
            assert (code in [t.code for t in getattr(item, field)]) == row.ticks[column], (
                item.id,
                column,
            )


def test_errata_carry_provenance() -> None:
    ws, dr = standards()
    merged = [item.id for item in ws if item.provenance]
    assert merged == ["policy_documents.2", "policy_documents.3", "policy_documents.4"]
    for name in ("灾情核定信息", "救助审定信息"):
        item = dr.item(name)
        assert item.reconstructed_fields == {"audiences", "modes", "levels"}
        assert [a.code for a in item.audiences] == ["whole_society"]
        assert [m.code for m in item.modes] == ["proactive"]
        assert [lv.code for lv in item.levels] == ["county", "township"]
    typo = dr.item("应急管理部门审批")
    assert typo.first_level is FirstLevel.POST_DISASTER_RELIEF
    assert typo.content == "救助款物通知及划拨情况"
    assert typo.provenance[0].kind is ProvenanceKind.AS_PUBLISHED
    assert "灾害救助" in typo.provenance[0].note


@pytest.mark.parametrize("domain", ["work_safety", "disaster_relief"])
def test_citations_are_the_reading_of_the_text(domain: str) -> None:
    for item in standard(domain):
        assert LegalBasis.parse(item.basis.text) == item.basis
        assert item.basis.citations[0 if item.basis.text.startswith("《中华") else 1].title == (
            "中华人民共和国政府信息公开条例"
        )


def test_structured_citation_numbers() -> None:
    ws = standard("work_safety")
    numbers = {c.number for item in ws for c in item.basis.citations if c.number}
    assert numbers == {
        "国务院令第711号",
        "国发〔2014〕45号",
        "国办发〔2017〕94号",
        "国办发〔2014〕46号",
    }
    issuers = {c.issuer for item in ws for c in item.basis.citations if c.issuer}
    assert issuers == {"中央办公厅、国务院办公厅", "中办国办", "中办、国办"}


def test_item_lookup() -> None:
    ws = standard("安全生产")
    assert ws.item("年度报告").time_limit.text == "每年1月31日前"
    assert ws.item("public_services.5").name == "年度报告"
    with pytest.raises(LookupError, match="no item"):
        ws.item("不存在")


def test_standard_is_cached_and_frozen() -> None:
    assert standard("work_safety") is standard("work-safety")
    import attrs

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        standard("work_safety").items[0].name = "x"  # type: ignore[misc]


def test_catalogues_and_items_pickle_and_deep_copy() -> None:
    """Catalogues travel to worker processes and are copied whole."""
    import copy
    import pickle

    import attrs

    from govdisclose._localize import derive

    local = derive(standard("work_safety"), "county", publisher="某县应急管理局")
    item = attrs.evolve(local.items[0], local_fields={"网址": "https://example.gov.cn/x"})
    local = local.with_items([item, *local.items[1:]])
    for value in (local, item):
        assert pickle.loads(pickle.dumps(value)) == value
        assert copy.deepcopy(value) == value
    copied = copy.deepcopy(item)
    assert copied.local_fields == {"网址": "https://example.gov.cn/x"}
    with pytest.raises(TypeError):
        copied.local_fields["网址"] = "x"  # type: ignore[index]


def test_str_of_a_catalogue_is_short_readable_text() -> None:
    from govdisclose._localize import derive

    text = str(derive(standard("work_safety"), "county", publisher="某县应急管理局"))
    lines = text.splitlines()
    assert len(text) < 500 and len(lines) == 6
    assert "县级 county" in lines[0] and "某县应急管理局" in lines[0] and "28 items" in lines[0]
    assert lines[1] == "  政策文件 policy_documents: 8"
