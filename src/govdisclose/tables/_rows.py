"""Read the item rows of a catalogue table, cell by cell, collecting findings.

:class:`RowReader` turns one row into a :class:`~govdisclose._model.CatalogueItem` given the
resolved columns (:mod:`govdisclose.tables._header`): channel boxes or lists, per-channel
columns, tick columns, 公开对象/方式/层级 text columns, the structured local columns and any
other local column.  Every cell it cannot read is a finding at the cell's reference.

>>> parse_first_level("一、政策文件").code, parse_first_level("（三）灾害救助").code
('policy_documents', 'post_disaster_relief')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

from .._errors import GovdiscloseError
from .._model import (
    CatalogueItem,
    LegalBasis,
    Provenance,
    ProvenanceKind,
    TimeLimit,
    check_service_level,
)
from .._vocabulary import Audience, Channel, FirstLevel, Level, Mode, Term, normalize_text
from ..findings import Finding, Severity
from . import _codes as codes
from ._cells import (
    cell_text,
    parse_channels,
    parse_citations,
    parse_provenance,
    parse_tick,
    split_lines,
)
from ._header import Header, ResolvedColumn
from ._layout import FIELD_LABELS, cell_ref, column_letter, in_table_order, parsed_citations

#: The local field that keeps web addresses written in a channel cell.
ADDRESS_FIELD = "网址"

_ENUMERATION = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])"
)
#: Column keys read cell by cell here (the others are read by :meth:`RowReader.text`).
_READ_KEYS = frozenset(
    {"channels", "channel", "tick", "audiences", "modes", "levels"}
    | {"service_level", "citations", "provenance"}
)
_TERM_SPLIT = re.compile(r"[、，,;；/／\s]+")
#: A classification code after an item's name (政策法规115001000, 法规标准 115001001).
_CODE = re.compile(r"(?P<name>.*?)\s*(?P<code>\d{6,})")


@functools.lru_cache(maxsize=1024)
def parse_first_level(text: str) -> FirstLevel | None:
    """A first-level cell (``政策文件``, ``一、政策文件``, ``政策法规115001000``) as a term,
    or ``None``."""
    coded = _CODE.fullmatch(text)
    text = coded.group("name") if coded else text
    return FirstLevel.parse(_ENUMERATION.sub("", text), default=None)


class RowReader:
    """Reads the item rows of one table with its resolved header, adding to ``findings``."""

    def __init__(self, header: Header, sheet: str | None, findings: list[Finding]) -> None:
        self.header = header
        self.sheet = sheet
        self.findings = findings
        self.unlabelled_reported: set[int] = set()
        self._by_key: dict[str, int] = {}
        for column in header.columns:
            if column.meaning is not None:
                self._by_key.setdefault(column.meaning.key, column.index)

    def ref(self, row: int, column: int) -> str:
        return cell_ref(self.sheet, row, column)

    def at(self, row: int, key: str) -> str:
        """The cell of ``row`` in the first column with meaning ``key`` (else column A)."""
        return self.ref(row, self._by_key.get(key, 0))

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def text(self, cells: Sequence[Any], key: str) -> str:
        index = self._by_key.get(key)
        return cell_text(cells[index]) if index is not None else ""

    def item(
        self, row: int, cells: Sequence[Any], first_level: FirstLevel, number: int
    ) -> CatalogueItem:
        channels: list[Channel] = []
        others: list[str] = []
        ticked: list[Term] = []
        local: dict[str, str] = {}
        citations = None
        service_level = None
        provenance: tuple[Provenance, ...] = ()
        for column in self.header.columns:
            text = cell_text(cells[column.index])
            if not text and not isinstance(cells[column.index], bool):
                continue
            key = column.meaning.key if column.meaning else None
            if key not in _READ_KEYS:
                if key is None and text:
                    local[self._local_name(row, column)] = text
                continue
            where = self.ref(row, column.index)
            if key == "channels":
                channels += self._channel_text(where, text, others, local)
            elif key == "channel":
                channels += self._channel_column(where, column, cells[column.index], others)
            elif key == "tick":
                ticked += self._tick(where, column, cells[column.index])
            elif key in ("audiences", "modes", "levels"):
                ticked += self._terms(where, key, text)
            elif key == "service_level":
                service_level = self._service_level(where, text)
            elif key == "citations":
                citations = self._citations(where, text)
            elif key == "provenance":
                provenance = self._provenance(where, text)
        name = self.text(cells, "name")
        for key in ("first_level", "name"):  # columns headed 一级事项（编码）: the codes apart
            at = self._by_key.get(key)
            header = self.header.columns[at].header if at is not None else ""
            coded = (
                _CODE.fullmatch(self.text(cells, key)) if "编码" in normalize_text(header) else None
            )
            if coded:
                local[f"{FIELD_LABELS[key]}编码"] = coded.group("code")
                name = coded.group("name") if key == "name" else name
        listed = split_lines(self.text(cells, "other_channels"))
        basis = self.text(cells, "basis")
        citations = parsed_citations(basis) if citations is None else citations
        office = self.text(cells, "responsible_office")
        return CatalogueItem(
            first_level=first_level,
            number=number,
            name=name,
            content=self.text(cells, "content"),
            basis=LegalBasis(basis, citations),
            time_limit=TimeLimit(self.text(cells, "time_limit"), service_level),
            subject=self.text(cells, "subject"),
            channels=in_table_order(channels),
            audiences=in_table_order(t for t in ticked if isinstance(t, Audience)),
            modes=in_table_order(t for t in ticked if isinstance(t, Mode)),
            levels=in_table_order(t for t in ticked if isinstance(t, Level)),
            push_targets=split_lines(self.text(cells, "push_targets")),
            other_channels=(*listed, *(n for n in dict.fromkeys(others) if n not in listed)),
            responsible_office=office or None,
            third_level_items=split_lines(self.text(cells, "third_level_items")),
            local_fields=local,
            provenance=provenance,
        )

    def _channel_text(
        self, where: str, text: str, others: list[str], local: dict[str, str]
    ) -> list[Channel]:
        reading = parse_channels(text)
        others += reading.other_names
        if reading.addresses:
            known = split_lines(local.get(ADDRESS_FIELD, ""))
            local[ADDRESS_FIELD] = "\n".join(dict.fromkeys((*known, *reading.addresses)))
        used = list(reading.channels)
        for name in reading.unknown:
            used.append(Channel.OTHER)
            others.append(name)
            self.add(_unknown_channel(where, name, ticked=True))
        for name in reading.unknown_unticked:
            self.add(_unknown_channel(where, name, ticked=False))
        for garbled in reading.garbled:
            self.add(
                codes.UNREADABLE_CHANNELS.finding(
                    where,
                    message_zh=f"公开渠道栏中“{garbled}”不是渠道方框",
                    message_en=f"{garbled!r} in the channel cell is not a channel box",
                    text=garbled,
                )
            )
        return used

    def _channel_column(
        self, where: str, column: ResolvedColumn, value: Any, others: list[str]
    ) -> list[Channel]:
        tick = parse_tick(value)
        channel = column.meaning.channel if column.meaning else None
        if tick is None and channel is Channel.OTHER:  # 其他 column naming the channel
            others += split_lines(cell_text(value).replace("、", "\n"))
            return [Channel.OTHER]
        if tick is None:
            self.add(_bad_tick(where, column.header, value))
            return []
        if not tick:
            return []
        if channel is None:
            others.append(column.header)
            self.add(_unknown_channel(where, column.header, ticked=True))
            return [Channel.OTHER]
        return [channel]

    def _tick(self, where: str, column: ResolvedColumn, value: Any) -> list[Term]:
        term = column.meaning.term if column.meaning else None
        assert term is not None
        tick = parse_tick(value)
        if tick is None and type(term).parse(cell_text(value), default=None) is term:
            tick = True  # the column's own label written in the cell (主动公开 under 主动)
        if tick is None:
            self.add(_bad_tick(where, column.header, value))
        return [term] if tick else []

    def _terms(self, where: str, key: str, text: str) -> list[Term]:
        kind: type[Term] = {"audiences": Audience, "modes": Mode, "levels": Level}[key]
        found: list[Term] = []
        for part in _TERM_SPLIT.split(text):
            if not part:
                continue
            term = kind.parse(part, default=None)
            if term is None:
                self.add(
                    codes.UNKNOWN_TERM.finding(
                        where,
                        message_zh=f"无法识别的{kind.__concept__}“{part}”",
                        message_en=f"unknown {key[:-1]} {part!r}",
                        text=text,
                    )
                )
            else:
                found.append(term)
        return found

    def _bad_value(self, where: str, text: str, what: str, reason: str) -> None:
        self.add(
            codes.BAD_VALUE.finding(
                where,
                message_zh=f"{what}无法识别：{text[:40]}",
                message_en=f"cannot read {what}: {reason}",
                text=text,
            )
        )

    def _service_level(self, where: str, text: str) -> int | None:
        # The cell is read as a whole number here; the model's check says which ones are levels.
        if re.fullmatch(r"\d{1,12}", text):
            try:
                return check_service_level(int(text), where=where)
            except GovdiscloseError as exc:
                reason = exc.message
        else:
            reason = "not a whole number of working days (应为整数个工作日)"
        self._bad_value(where, text, "服务时限（工作日）", reason)
        return None

    def _citations(self, where: str, text: str) -> Any:
        try:
            return parse_citations(text)
        except GovdiscloseError as exc:
            self._bad_value(where, text, "依据文件（结构化）", str(exc))
            return None

    def _provenance(self, where: str, text: str) -> tuple[Provenance, ...]:
        try:
            return parse_provenance(text)
        except GovdiscloseError as exc:
            self._bad_value(where, text, "来源说明", f"{exc}; kept as one note")
            return (Provenance(ProvenanceKind.NOTE, text),)

    def _local_name(self, row: int, column: ResolvedColumn) -> str:
        if column.header:
            return column.header
        name = f"{column_letter(column.index)}列"
        if column.index not in self.unlabelled_reported:
            self.unlabelled_reported.add(column.index)
            self.add(
                codes.UNLABELLED_COLUMN.finding(
                    self.ref(row, column.index),
                    message_zh=f"无表头的{name}有内容，作为本地栏目“{name}”保留",
                    message_en=f"column {column_letter(column.index)} has no header; kept as "
                    f"local field {name!r}",
                )
            )
        return name


def _unknown_channel(where: str, name: str, *, ticked: bool) -> Finding:
    return codes.UNKNOWN_CHANNEL.finding(
        where,
        severity=None if ticked else Severity.INFO,
        message_zh=f"未知的公开渠道“{name}”，按“其他”保留在其他渠道说明中"
        if ticked
        else f"未勾选的未知渠道“{name}”",
        message_en=f"unknown channel {name!r} "
        + ("kept as 其他 (other) in other_channels" if ticked else "(not ticked)"),
        name=name,
    )


def _bad_tick(where: str, header: str, value: Any) -> Finding:
    text = cell_text(value)
    return codes.BAD_TICK.finding(
        where,
        message_zh=f"“{header}”栏的“{text}”不是勾选符号，按未勾选处理",
        message_en=f"{text!r} in column {header!r} is not a tick; read as not ticked",
        hint="用 √ 表示勾选，留空表示不勾选 / use √ for a tick, leave blank otherwise",
        text=text,
    )
