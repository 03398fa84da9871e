"""Cell texts and header labels: channel boxes, ticks, lists, provenance, citations."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclose import Channel, Citation, LegalBasis, Provenance, ProvenanceKind
from govdisclose._vocabulary import TEMPLATE_CHANNELS, Audience, Level, Mode
from govdisclose.tables._cells import (
    join_lines,
    parse_channels,
    parse_citations,
    parse_provenance,
    parse_tick,
    render_channels,
    render_citations,
    render_provenance,
    split_lines,
)
from govdisclose.tables._layout import (
    cell_ref,
    citations_differ,
    classify_header,
    is_reserved_header,
)
from strategies import provenances, short_texts, texts


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(list(Channel)), unique=True))
def test_channel_boxes_round_trip(channels: list[Channel]) -> None:
    text = render_channels(channels)
    reading = parse_channels(text)
    assert set(reading.channels) == set(channels)
    assert reading.unknown == reading.garbled == reading.unknown_unticked == ()
    assert text.count("■") == len(channels)
    assert text.count("□") == len(TEMPLATE_CHANNELS) - len(set(channels) & set(TEMPLATE_CHANNELS))


def test_channel_boxes_two_a_line_as_in_the_source() -> None:
    lines = render_channels([], extra=[Channel.LIBRARY]).split("\n")
    assert lines == [
        "□政府网站  □政府公报",
        "□两微一端  □发布会",
        "□广播电视  □纸质媒体",
        "□公开查阅点 □政务服务中心",
        "□便民服务站 □入户/现场",
        "□社区/企事业单位、村公示栏（电子屏）",
        "□精准推送  □其他",
        "□图书馆",
    ]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("■政府网站   □政府公报\n■两微一端   □发布会", ["government_website", "new_media"]),
        ("☑政府网站☐政府公报☑提供政务服务的场所", ["government_website", "service_center"]),
        ("√政务新媒体 ×发布会 √入户/现场", ["new_media", "door_to_door"]),
        ("政府网站，两微一端(政务微博、微信、客户端);入户/现场", ["government_website",
                                                             "new_media", "door_to_door"]),
        ("社区/企事业单位、村公示栏（电子屏）/ 精准推送", ["bulletin_board", "precise_push"]),
        ("政府网站\n图书馆\n档案馆", ["government_website", "library", "national_archives"]),
        ("", []),
    ],
)  # fmt: skip
def test_channel_cells_as_counties_write_them(text: str, codes: list[str]) -> None:
    reading = parse_channels(text)
    assert [c.code for c in reading.channels] == codes
    assert reading.unknown == reading.garbled == ()


def test_other_with_names_unknown_and_garbled() -> None:
    reading = parse_channels("见下：■其他：12345热线、微信群 ■大喇叭 □村村响 ■")
    assert reading.channels == (Channel.OTHER,)
    assert reading.other_names == ("12345热线", "微信群")
    assert reading.unknown == ("大喇叭",)
    assert reading.unknown_unticked == ("村村响",)
    assert reading.garbled == ("见下：", "■")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("√", True), ("✓", True), ("✔", True), ("☑", True), ("■", True), ("是", True),
        ("V", True), (1, True), (1.0, True), (True, True), (" √ ", True),
        ("", False), (None, False), ("×", False), ("否", False), ("-", False), ("□", False),
        (0, False), (False, False),
        ("？", None), ("x", None), ("主动", None), (2, None),
    ],
)  # fmt: skip
def test_ticks(value: object, expected: bool | None) -> None:
    assert parse_tick(value) is expected


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(max_size=6), max_size=4))
def test_lists_in_one_cell_round_trip(values: list[str]) -> None:
    assert split_lines(join_lines(values)) == tuple(values)


def test_lists_typed_by_people() -> None:
    assert split_lines(" 安全生产法 \n\n 消防法") == ("安全生产法", "消防法")
    assert split_lines("[试行] 办法") == ("[试行] 办法",)  # not JSON: one line
    assert join_lines(["a", "b"]) == "a\nb"
    assert join_lines(["a\nb"]) == '["a\\nb"]'


@settings(max_examples=50, deadline=None)
@given(st.lists(provenances, max_size=3))
def test_provenance_round_trip(notes: list[Provenance]) -> None:
    assert parse_provenance(render_provenance(notes)) == tuple(notes)


def test_provenance_falls_back_to_json_when_needed() -> None:
    tricky = [Provenance(ProvenanceKind.NOTE, "第一行\n【不是新的说明】")]
    assert render_provenance(tricky).startswith("[")
    assert parse_provenance(render_provenance(tricky)) == tuple(tricky)
    unknown = [Provenance(ProvenanceKind.LOCAL, "x", ["not_a_field"])]
    assert parse_provenance(render_provenance(unknown)) == tuple(unknown)
    readable = [Provenance(ProvenanceKind.AS_PUBLISHED, "照录", ["first_level", "name"])]
    assert render_provenance(readable) == "【照录原文：一级事项、二级事项】照录"


def test_provenance_written_by_people() -> None:
    (note,) = parse_provenance("据2023年修订")
    assert (note.kind, note.note) == (ProvenanceKind.NOTE, "据2023年修订")
    first, second = parse_provenance("【reconstructed：公开对象】重建\n【本地】县局补充")
    assert first.kind is ProvenanceKind.RECONSTRUCTED and first.fields == ("audiences",)
    assert second.kind is ProvenanceKind.LOCAL and second.fields == ()


@given(st.lists(st.builds(Citation, texts, st.none() | short_texts, st.none() | short_texts),
                max_size=2), texts)  # fmt: skip
@settings(max_examples=30, deadline=None)
def test_citations_round_trip(citations: list[Citation], text: str) -> None:
    basis = LegalBasis(text, citations)
    cell = render_citations(basis)
    if citations_differ(basis):
        assert parse_citations(cell) == tuple(citations)
    else:
        assert cell == ""


def test_citations_read_from_text_are_not_repeated() -> None:
    basis = LegalBasis.parse("《中华人民共和国政府信息公开条例》(国务院令第711号）")
    assert render_citations(basis) == ""


@pytest.mark.parametrize(
    ("label", "key", "term"),
    [
        ("公开内容", "content", None),
        ("公开内容：", "content", None),
        ("*公开时限", "time_limit", None),
        ("3.公开主体", "subject", None),
        ("公开渠道及载体", "channels", None),
        ("责任股室", "responsible_office", None),
        ("面向全社会", "tick", Audience.WHOLE_SOCIETY),
        ("特定群众", "tick", Audience.SPECIFIC_GROUPS),
        ("主动公开", "tick", Mode.PROACTIVE),
        ("县（区）级", "tick", Level.COUNTY),
        ("乡镇（街道）级", "tick", Level.TOWNSHIP),
        ("政务新媒体", "channel", None),
        ("公开对象", "audiences", None),
    ],
)
def test_header_variants(label: str, key: str, term: object) -> None:
    meaning = classify_header(label)
    assert meaning is not None and meaning.key == key and meaning.term == term
    assert is_reserved_header(label)


def test_local_headers_and_cell_references() -> None:
    assert classify_header("网址") is None and not is_reserved_header("网址")
    assert is_reserved_header("目录名称")
    assert cell_ref("救灾", 11, 7) == "救灾!H12"
    assert cell_ref("Sheet 1", 0, 27) == "'Sheet 1'!AB1"
    assert cell_ref("It's", 0, 0) == "'It''s'!A1"
    assert cell_ref(None, 2, 0) == "A3"
