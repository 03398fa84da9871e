"""The official column layout of the 390 catalogue tables, shared by XLSX, CSV and HTML.

The published tables (应急厅函〔2019〕390号, both attachments) have two header rows::

    公开事项                | 公开内容 | 公开依据 | 公开时限 | 公开主体 | 公开渠道和载体 | …
    一级事项 | 二级事项     |          |          |          |          |                | …

    … | 公开对象        | 公开方式      | 公开层级
    … | 全社会 | 特定群体 | 主动 | 依申请 | 县级 | 乡级

二级事项 spans two columns, its number (序号) and its name.  :data:`OFFICIAL_COLUMNS` lists the
14 columns in that order; :func:`columns_for` adds the **local columns** a catalogue uses
(三级事项, 责任科室, 精准推送对象, 其他渠道说明, 服务时限, each ``local_fields`` header, and
来源说明 for provenance notes) after them — only those some item uses.

>>> from govdisclose import standard
>>> from govdisclose.tables._layout import classify_header, column_letter, columns_for
>>> [c.header for c in columns_for(standard("work_safety"))][:8]  # doctest: +NORMALIZE_WHITESPACE
['一级事项', '二级事项序号', '二级事项', '公开内容', '公开依据', '公开时限', '公开主体',
 '公开渠道和载体']
>>> [c.header for c in columns_for(standard("救灾"))][-2:]
['乡级', '来源说明']
>>> column_letter(7), column_letter(26)
('H', 'AA')

:func:`classify_header` tells what a header cell of a local table means; it accepts the
official labels and the variants of DOMAIN §2:

>>> classify_header("公开内容").key, classify_header("县（区）级").term
('content', <Level.COUNTY: 'county'>)
>>> classify_header("政务新媒体").channel
<Channel.NEW_MEDIA: 'new_media'>
>>> classify_header("网址") is None
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from .._errors import DataError
from .._model import Catalogue, CatalogueItem, Citation, LegalBasis
from .._vocabulary import (
    TEMPLATE_CHANNELS,
    Audience,
    Channel,
    Level,
    Mode,
    Term,
    normalize_text,
)

TickTerm = Audience | Mode | Level

#: The six tick columns, in table order.
TICK_TERMS: tuple[TickTerm, ...] = (
    Audience.WHOLE_SOCIETY,
    Audience.SPECIFIC_GROUPS,
    Mode.PROACTIVE,
    Mode.ON_REQUEST,
    Level.COUNTY,
    Level.TOWNSHIP,
)

_TICK_GROUPS = {Audience: "公开对象", Mode: "公开方式", Level: "公开层级"}


@attrs.frozen
class Column:
    """One column: what it holds (``key``), its header cells and its width in characters.

    ``header`` is the lower header cell and the flattened (CSV) header; ``group`` the upper
    header cell (the same text for a column whose header spans both rows).  Tick columns carry
    their ``term``; a local-field column's ``header`` is the field's name.
    """

    key: str
    header: str
    group: str
    width: float = 14
    term: TickTerm | None = None

    @property
    def spans_both_rows(self) -> bool:
        """Whether the header cell is merged over both header rows."""
        return self.group == self.header


#: The 14 columns of the official tables, in table order (二级事项 is two: 序号 and name).
OFFICIAL_COLUMNS: tuple[Column, ...] = (
    Column("first_level", "一级事项", "公开事项", 10),
    Column("number", "二级事项序号", "公开事项", 5),
    Column("name", "二级事项", "公开事项", 14),
    Column("content", "公开内容", "公开内容", 30),
    Column("basis", "公开依据", "公开依据", 28),
    Column("time_limit", "公开时限", "公开时限", 16),
    Column("subject", "公开主体", "公开主体", 12),
    Column("channels", "公开渠道和载体", "公开渠道和载体", 30),
    *(Column("tick", t.label, _TICK_GROUPS[type(t)], 6, t) for t in TICK_TERMS),
)

#: Local columns by key, in the order they follow the official ones (local fields go before
#: ``provenance``).
LOCAL_COLUMNS: dict[str, Column] = {
    key: Column(key, header, header, width)
    for key, header, width in (
        ("third_level_items", "三级事项", 20),
        ("responsible_office", "责任科室", 12),
        ("push_targets", "精准推送对象", 16),
        ("other_channels", "其他渠道说明", 16),
        ("service_level", "服务时限（工作日）", 10),
        ("citations", "依据文件（结构化）", 30),
        ("provenance", "来源说明", 36),
    )
}

#: Catalogue fields written above the header (CSV) or on the 目录信息 sheet (XLSX), by label.
METADATA_KEYS: dict[str, str] = {
    "title": "目录名称",
    "domain": "领域",
    "issuing_document": "发布文件",
    "declared_item_count": "声明事项数",
    "level": "层级",
    "publisher": "发布机关",
    "source": "数据来源",
    "notes": "注",
}

_METADATA_ALIASES = {
    **{normalize_text(label): key for key, label in METADATA_KEYS.items()},
    **{normalize_text(a): "title" for a in ("标题", "目录标题")},
    **{normalize_text(a): "publisher" for a in ("发布单位", "编制单位", "填报单位")},
    **{normalize_text(a): "level" for a in ("目录层级", "适用层级")},
    **{normalize_text(a): "notes" for a in ("备注说明", "附注")},
}

_ALIASES: dict[str, tuple[str, ...]] = {
    "first_level": ("一级事项", "一级公开事项", "一级目录", "一级事项名称", "事项类别"),
    "number": ("二级事项序号", "二级序号", "事项序号", "编号"),
    "name": ("二级事项", "二级公开事项", "二级事项名称", "事项名称", "公开事项名称"),
    "content": ("公开内容", "公开内容（要素）", "内容", "公开内容（要素）及要求", "公开内容及要求"),
    "basis": ("公开依据", "依据"),
    "time_limit": ("公开时限", "时限"),
    "subject": ("公开主体", "主体"),
    "channels": ("公开渠道和载体", "公开渠道", "公开载体", "公开渠道及载体", "渠道和载体"),
    "audiences": ("公开对象",),
    "modes": ("公开方式",),
    "levels": ("公开层级",),
    "third_level_items": ("三级事项", "三级公开事项"),
    "responsible_office": ("责任科室", "责任股室", "责任处室", "承办科室", "责任部门"),
    "push_targets": ("精准推送对象", "推送对象"),
    "other_channels": ("其他渠道说明", "其他渠道"),
    "service_level": ("服务时限（工作日）", "服务时限"),
    "citations": ("依据文件（结构化）", "依据文件"),
    "provenance": ("来源说明",),
    # Labels that only group other columns; read as the group of the cells below them.
    "group": ("公开事项", "序号"),
}
_HEADER_KEYS = {
    normalize_text(alias): key for key, aliases in _ALIASES.items() for alias in aliases
}

#: Chinese labels of the item fields (used in 来源说明 and messages): their first header label.
FIELD_LABELS: dict[str, str] = {
    **{k: v[0] for k, v in _ALIASES.items() if k not in ("service_level", "citations", "group")},
    "local_fields": "其他本地栏目",
}


@attrs.frozen
class HeaderMeaning:
    """What a header cell means: a field ``key``, a tick ``term`` or a per-channel column."""

    key: str
    term: TickTerm | None = None
    channel: Channel | None = None


#: Header labels of tick columns that the vocabulary does not read as terms (level names of
#: other places: 市级 where a city district has no county above it, 嘎查 the village of Inner
#: Mongolia; 特定 for 特定群体).
_TICK_HEADERS: dict[str, TickTerm] = {
    **{normalize_text(a): Level.COUNTY for a in ("区县级", "区级", "市级", "县(市、区)级")},
    **{
        normalize_text(a): Level.TOWNSHIP
        for a in ("镇(街)级", "镇街(园区)级", "镇(街道)级", "嘎查(社区)级", "乡(镇)村级", "村级")
    },
    normalize_text("特定"): Audience.SPECIFIC_GROUPS,
}
# A bracketed note in a header (特定群体（请写明）, 公开渠道和载体（"■"表示必选项…）,
# 一级事项（编码）).
_HEADER_NOTE = re.compile(r"\((?:[^()]*(?:请|表示|必选|可选|勾选|打√|填写|注|编码)[^()]*)\)")


def _fold_header(label: str) -> str:
    # Headers are written with stray stars, colons or enumerations ("1.公开内容", "公开内容："),
    # and with notes in brackets.
    text = normalize_text(label).strip("*:：")
    text = _HEADER_NOTE.sub("", text)
    return re.sub(r"^(?:\d+[.、]|[一二三四五六七八九十]+、)", "", text)


def classify_header(label: str) -> HeaderMeaning | None:
    """The meaning of a header cell, or ``None`` for a column the layout does not know.

    Group labels (公开事项, 序号) classify as ``group``; the reader decides from their
    position what they hold.
    """
    folded = _fold_header(label)
    if not folded:
        return None
    key = _HEADER_KEYS.get(folded)
    if key is not None:
        return HeaderMeaning(key)
    for kind in (Audience, Mode, Level):
        term = kind.parse(folded, default=None)
        if term is not None:
            return HeaderMeaning("tick", term=term)
    if folded in _TICK_HEADERS:
        return HeaderMeaning("tick", term=_TICK_HEADERS[folded])
    channel = Channel.parse(folded, default=None)
    if channel is not None:
        return HeaderMeaning("channel", channel=channel)
    return None


def cut_off_label(label: str) -> bool:
    """Whether ``label`` is the start of a column's label, the rest cut off (公开 of 公开时限)."""
    folded = _fold_header(label)
    return len(folded) >= 2 and any(a.startswith(folded) and a != folded for a in _HEADER_KEYS)


def is_reserved_header(label: str) -> bool:
    """Whether ``label`` names a column of the layout, so it cannot be a local field's name."""
    folded = _fold_header(label)
    return classify_header(label) is not None or folded in _METADATA_ALIASES


def metadata_key(label: str) -> str | None:
    """The catalogue field a metadata label (目录名称, 领域 …) names, or ``None``."""
    return _METADATA_ALIASES.get(normalize_text(label).strip(":："))


def extra_channels(catalogue: Catalogue) -> tuple[Channel, ...]:
    """Channels outside the 13 template boxes that some item uses (图书馆, 国家档案馆)."""
    used = {c for item in catalogue.items for c in item.channels}
    return tuple(c for c in Channel if c not in TEMPLATE_CHANNELS and c in used)


def _local_field_names(catalogue: Catalogue) -> list[str]:
    names: dict[str, None] = {}
    for index, item in enumerate(catalogue.items):
        for name in item.local_fields:
            # 序号, the running number of an imported table, reads back as a local field
            reserved = is_reserved_header(name) and _fold_header(name) != "序号"
            if name not in names and (not name.strip() or reserved):
                raise DataError(
                    f"local field name {name!r} cannot be a column header: it is empty or names "
                    f"a column of the official layout (本地栏目名称与标准表头冲突)",
                    path=f"$.items[{index}].local_fields",
                )
            names[name] = None
    return list(names)


def citations_differ(basis: LegalBasis) -> bool:
    """Whether the citations are not what :meth:`LegalBasis.parse` reads from the text (then
    the 依据文件（结构化） column keeps them)."""
    return basis.citations != parsed_citations(basis.text)


@functools.lru_cache(maxsize=1024)  # a table repeats the same few basis texts
def parsed_citations(text: str) -> tuple[Citation, ...]:
    """The citations :meth:`LegalBasis.parse` reads from a basis text."""
    return LegalBasis.parse(text).citations


def columns_for(catalogue: Catalogue) -> tuple[Column, ...]:
    """The columns to write for ``catalogue``: the official ones, then the local ones used.

    Raises :class:`~govdisclose._errors.DataError` for a local field whose name is empty or is
    the header of another column (it could not be read back).
    """
    items = catalogue.items
    used = {
        "third_level_items": any(i.third_level_items for i in items),
        "responsible_office": any(i.responsible_office is not None for i in items),
        "push_targets": any(i.push_targets for i in items),
        "other_channels": any(i.other_channels for i in items),
        "service_level": any(i.time_limit.service_level_workdays is not None for i in items),
        "citations": any(citations_differ(i.basis) for i in items),
    }
    columns = list(OFFICIAL_COLUMNS)
    columns += [LOCAL_COLUMNS[key] for key, wanted in used.items() if wanted]
    columns += [Column("local", name, name, 14) for name in _local_field_names(catalogue)]
    if any(item.provenance for item in items):
        columns.append(LOCAL_COLUMNS["provenance"])
    return tuple(columns)


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index (0 → ``A``)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


_REF = re.compile(r"\$?([A-Z]{1,3})\$?(\d{1,7})")


def ref_position(ref: str) -> tuple[int, int] | None:
    """The 0-based ``(row, column)`` of a cell reference such as ``B12`` or ``$B$12``."""
    match = _REF.fullmatch(ref.strip())
    if match is None:
        return None
    column = 0
    for letter in match.group(1):
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(match.group(2)) - 1, column - 1


def cell_ref(sheet: str | None, row: int, column: int) -> str:
    """A cell reference such as ``救灾!H12`` from a 0-based row and column.

    Sheet names with spaces or punctuation are quoted as spreadsheets do: ``'My sheet'!A1``.
    """
    ref = f"{column_letter(column)}{row + 1}"
    if not sheet:
        return ref
    if re.fullmatch(r"[\w\u4e00-\u9fff]+", sheet):
        return f"{sheet}!{ref}"
    quoted = sheet.replace("'", "''")
    return f"'{quoted}'!{ref}"


def header_groups(columns: Sequence[Column]) -> list[range]:
    """The columns under each upper header cell: a column whose header spans both rows alone,
    else the run of columns of one group (公开对象 over 全社会 and 特定群体)."""
    groups: list[range] = []
    for c, column in enumerate(columns):
        first = columns[groups[-1].start] if groups else column
        alone = first.spans_both_rows or column.spans_both_rows
        if groups and not alone and column.group == first.group:
            groups[-1] = range(groups[-1].start, c + 1)
        else:
            groups.append(range(c, c + 1))
    return groups


def first_level_runs(items: Sequence[CatalogueItem]) -> list[list[CatalogueItem]]:
    """The runs of consecutive items under one first-level item (one merged cell each)."""
    runs: list[list[CatalogueItem]] = []
    for item in items:
        if runs and item.first_level is runs[-1][0].first_level:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def in_table_order(terms: Iterable[Term]) -> tuple[Any, ...]:
    """``terms`` without repeats, in their table order (the enum's order)."""
    return tuple(sorted(dict.fromkeys(terms), key=_term_position))


@functools.cache
def _term_position(term: Term) -> int:
    members: list[Term] = list(type(term))
    return members.index(term)


def canonical_order(catalogue: Catalogue) -> Catalogue:
    """``catalogue`` with each item's channels, audiences, modes and levels in table order.

    A table has boxes and ticks, not an order: what a table gives back is this form.  The
    bundled catalogues are already in it.
    """
    return catalogue.with_items(
        attrs.evolve(
            item,
            channels=in_table_order(item.channels),
            audiences=in_table_order(item.audiences),
            modes=in_table_order(item.modes),
            levels=in_table_order(item.levels),
        )
        for item in catalogue.items
    )
