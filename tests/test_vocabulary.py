"""Vocabulary parsing: codes, labels, the variants of DOMAIN.md §2, and rejections."""

from __future__ import annotations

import pytest

from govdisclose import (
    Audience,
    Channel,
    DisclosureAttribute,
    Domain,
    FirstLevel,
    GovdiscloseError,
    Level,
    Mode,
    VocabularyError,
)
from govdisclose._vocabulary import TEMPLATE_CHANNELS

VARIANTS = [
    (Domain, "救灾生产", "disaster_relief"),
    (Domain, "安全生产", "work_safety"),
    (Domain, "work-safety", "work_safety"),
    (Audience, "面向全社会", "whole_society"),
    (Audience, "特定群众", "specific_groups"),
    (Mode, "主动公开", "proactive"),
    (Mode, "依申请公开", "on_request"),
    (Level, "区级", "county"),
    (Level, "县（区）级", "county"),
    (Level, "县(区)级", "county"),
    (Level, "乡、村级", "township"),
    (Level, "镇级", "township"),
    (Level, "乡镇级", "township"),
    (Level, "镇街级", "township"),
    (DisclosureAttribute, "此件公开发布", "proactive"),
    (DisclosureAttribute, "此件依申请公开", "on_request"),
    (DisclosureAttribute, "此件不公开", "not_disclosed"),
    (Channel, "政务新媒体", "new_media"),
    (Channel, "提供政务服务的场所", "service_center"),
    (Channel, "社区/企事业单位、村公示栏（电子屏）", "bulletin_board"),
    (Channel, "图书馆", "library"),
    (Channel, " 政府网站 ", "government_website"),
    (FirstLevel, "灾害救助", "post_disaster_relief"),
]


@pytest.mark.parametrize(("term", "text", "code"), VARIANTS)
def test_variants(term: type, text: str, code: str) -> None:
    assert term.parse(text).code == code  # type: ignore[attr-defined]


def test_every_member_parses_from_code_and_label() -> None:
    for term in (Domain, FirstLevel, Channel, Audience, Mode, Level, DisclosureAttribute):
        for member in term:  # type: ignore[attr-defined]
            assert term.parse(member.code) is member
            assert term.parse(member.label) is member
            assert term.parse(member) is member


def test_template_channels_in_table_order() -> None:
    assert [c.label for c in TEMPLATE_CHANNELS] == [
        "政府网站",
        "政府公报",
        "两微一端",
        "发布会",
        "广播电视",
        "纸质媒体",
        "公开查阅点",
        "政务服务中心",
        "便民服务站",
        "入户/现场",
        "社区/企事业单位、村公示栏（电子屏）",
        "精准推送",
        "其他",
    ]
    assert Channel.GOVERNMENT_WEBSITE.in_template and not Channel.LIBRARY.in_template


@pytest.mark.parametrize("value", ["省级", "", None, 3, ["county"], "county; township"])
def test_rejections_name_the_value_and_the_allowed(value: object) -> None:
    with pytest.raises(VocabularyError) as info:
        Level.parse(value, path="$.items[0].levels[0]")
    err = info.value
    assert isinstance(err, GovdiscloseError) and isinstance(err, ValueError)
    assert err.path == "$.items[0].levels[0]"
    assert err.value == value and "county (县级)" in str(err) and "公开层级" in str(err)


def test_parse_with_a_default_does_not_raise() -> None:
    assert Mode.parse("依申请", default=None) is Mode.ON_REQUEST
    assert Mode.parse("sometimes", default=None) is None


def test_disclosure_markings() -> None:
    assert [a.marking for a in DisclosureAttribute] == [
        "此件公开发布",
        "此件依申请公开",
        "此件不公开",
    ]


def test_first_level_domains() -> None:
    assert FirstLevel.POLICY_DOCUMENTS.domains == (Domain.WORK_SAFETY, Domain.DISASTER_RELIEF)
    assert FirstLevel.WORK_UPDATES.domains == (Domain.DISASTER_RELIEF,)


@pytest.mark.parametrize("name", ["label", "variants", "_label", "code", "colour"])
def test_terms_are_read_only(name: str) -> None:
    """A term is a constant: changing one label would change every later export."""
    term = Channel.parse("政府网站")
    with pytest.raises(AttributeError):
        setattr(term, name, "本局网站")
    with pytest.raises(AttributeError):
        delattr(term, name)
    assert Channel.GOVERNMENT_WEBSITE.label == "政府网站"
    assert Channel.parse("门户网站") is Channel.GOVERNMENT_WEBSITE
