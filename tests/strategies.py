"""Hypothesis strategies for the catalogue model, shared by the test modules.

Texts are printable Chinese and ASCII without control characters and without surrounding
white space (as a table cell keeps them); multi-line texts join such lines with ``\n``.
Vocabulary tuples have no duplicates and come in random order (compare a table round trip
with ``govdisclose.tables.canonical_order``).  Local-field names are never the header of an
official column.  Keep examples small: the table tests write real workbooks.
"""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from govdisclose._model import (
    Catalogue,
    CatalogueItem,
    Citation,
    LegalBasis,
    Provenance,
    ProvenanceKind,
    TimeLimit,
)
from govdisclose._vocabulary import Audience, Channel, Domain, FirstLevel, Level, Mode
from govdisclose.tables._layout import is_reserved_header

# Printable Chinese and ASCII text without control characters or surrogates.
_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from("，。、：；（）《》〔〕■□√●"),
)
texts = st.text(_ALPHABET, min_size=1, max_size=20).filter(lambda s: s.strip() == s and s)
short_texts = st.text(_ALPHABET, min_size=1, max_size=8).filter(lambda s: s.strip() == s and s)
multiline_texts = st.lists(texts, min_size=1, max_size=3).map("\n".join)
#: Names of local columns: realistic ones and random ones, never an official header.
local_field_names = (
    st.sampled_from(["网址", "备注", "联系电话", "公开形式", "更新频率"]) | short_texts
).filter(lambda name: not is_reserved_header(name))
ITEM_FIELDS = tuple(f.name for f in attrs.fields(CatalogueItem) if f.name != "provenance")

TIME_LIMIT_TEXTS = (
    "信息形成或变更之日起20个工作日内",
    "按进展情况及时公开",
    "每年1月31日前",
    "提前一周发通知邀请",
    "成文3个工作日内",
)


def unique_tuples(values: type, min_size: int = 0) -> st.SearchStrategy[tuple]:  # type: ignore[type-arg]
    """Tuples of distinct members of an enum, in random order."""
    return st.lists(st.sampled_from(list(values)), min_size=min_size, unique=True).map(tuple)


citations = st.builds(
    Citation,
    title=texts,
    number=st.none() | short_texts,
    issuer=st.none() | short_texts,
)
legal_bases = st.builds(
    LegalBasis, text=texts, citations=st.lists(citations, max_size=2).map(tuple)
)
time_limits = st.builds(
    TimeLimit,
    text=st.sampled_from(TIME_LIMIT_TEXTS) | texts,
    service_level_workdays=st.none() | st.integers(1, 60),
)
provenances = st.builds(
    Provenance,
    kind=st.sampled_from(list(ProvenanceKind)),
    note=texts,
    fields=st.lists(st.sampled_from(ITEM_FIELDS), max_size=3, unique=True).map(tuple),
)


@st.composite
def catalogue_items(
    draw: st.DrawFn, first_level: FirstLevel | None = None, number: int = 1
) -> CatalogueItem:
    return CatalogueItem(
        first_level=first_level or draw(st.sampled_from(list(FirstLevel))),
        number=number,
        name=draw(texts),
        content=draw(texts | multiline_texts),
        basis=draw(legal_bases),
        time_limit=draw(time_limits),
        subject=draw(short_texts),
        channels=draw(unique_tuples(Channel, 1)),
        audiences=draw(unique_tuples(Audience, 1)),
        modes=draw(unique_tuples(Mode, 1)),
        levels=draw(unique_tuples(Level, 1)),
        push_targets=tuple(draw(st.lists(short_texts, max_size=2))),
        other_channels=tuple(draw(st.lists(short_texts, max_size=2))),
        responsible_office=draw(st.none() | short_texts),
        third_level_items=tuple(draw(st.lists(short_texts, max_size=2))),
        local_fields=draw(st.dictionaries(local_field_names, texts | multiline_texts, max_size=2)),
        provenance=tuple(draw(st.lists(provenances, max_size=1))),
    )


@st.composite
def catalogues(draw: st.DrawFn, max_items: int = 4) -> Catalogue:
    groups = draw(st.lists(st.sampled_from(list(FirstLevel)), min_size=1, max_size=3, unique=True))
    items = []
    for group in groups:
        for number in range(1, draw(st.integers(1, max(1, max_items // len(groups)))) + 1):
            items.append(draw(catalogue_items(first_level=group, number=number)))
    return Catalogue(
        domain=draw(st.sampled_from(list(Domain))),
        title=draw(texts),
        issuing_document=draw(st.none() | short_texts),
        declared_item_count=draw(st.none() | st.integers(0, 50)),
        level=draw(st.none() | st.sampled_from(list(Level))),
        publisher=draw(st.none() | short_texts),
        source=draw(st.none() | texts),
        notes=tuple(draw(st.lists(texts | multiline_texts, max_size=2))),
        items=tuple(items),
    )
