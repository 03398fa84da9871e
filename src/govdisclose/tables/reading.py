"""Read a catalogue table (an XLSX sheet or a CSV file, as a :class:`Grid`) into a catalogue.

The reader is tolerant of what real local tables do and reports, as findings with cell
references, whatever it cannot read (see :mod:`govdisclose.tables.codes`):

>>> from govdisclose.tables.header import Grid
>>> grid = Grid(sheet="救灾", rows=(
...     ("XX县救灾领域基层政务公开目录",),
...     ("一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
...      "全社会", "主动", "乡镇级", "责任科室"),
...     ("备灾管理", "应急预案", "预案全文", "", "20个工作日", "县应急管理局",
...      "■政府网站 □政府公报 ■村村响", "√", "√", "？", "减灾科"),
... ))
>>> result = read_grid(grid)
>>> item = result.catalogue.items[0]
>>> result.catalogue.domain.code, item.id, item.responsible_office
('disaster_relief', 'disaster_preparedness.1', '减灾科')
>>> [c.code for c in item.channels], item.other_channels
(['government_website', 'other'], ('村村响',))
>>> for finding in result.report:
...     print(finding.path, finding.code)
救灾!A2 tables.numbered-by-position
救灾!G3 tables.unknown-channel
救灾!J3 tables.bad-tick
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs

from ..errors import GovdiscloseError
from ..findings import Finding, Report, Severity
from ..model import Catalogue, CatalogueItem, LegalBasis, Provenance, ProvenanceKind, TimeLimit
from ..vocabulary import Audience, Channel, Domain, FirstLevel, Level, Mode, Term
from . import codes
from .cells import (
    cell_text,
    parse_channels,
    parse_citations,
    parse_provenance,
    parse_tick,
    split_lines,
)
from .header import Grid, Header, ResolvedColumn, locate_header
from .layout import _enum_position, cell_ref, column_letter, metadata_key
from .metadata import CatalogueInfo, read_info_pairs, resolve_domain

__all__ = ["ImportResult", "read_grid"]


@attrs.frozen
class ImportResult:
    """What an import gives: the catalogue read and the findings about the table."""

    catalogue: Catalogue
    report: Report


_ENUMERATION = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])"
)
_TERM_SPLIT = re.compile(r"[、，,;；/／\s]+")


def parse_first_level(text: str) -> FirstLevel | None:
    """A first-level cell (``政策文件``, ``一、政策文件``) as a term, or ``None``."""
    return FirstLevel.try_parse(_ENUMERATION.sub("", text))


class _RowReader:
    """Reads the item rows of one table, collecting findings."""

    def __init__(self, header: Header, sheet: str | None) -> None:
        self.header = header
        self.sheet = sheet
        self.findings: list[Finding] = []
        self.unlabelled_reported: set[int] = set()

    def ref(self, row: int, column: int) -> str:
        return cell_ref(self.sheet, row, column)

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def text(self, cells: Sequence[Any], key: str) -> str:
        column = self.header.column(key)
        return cell_text(cells[column.index]) if column else ""

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
            where = self.ref(row, column.index)
            key = column.meaning.key if column.meaning else None
            if key == "channels":
                channels += self._channel_text(where, text, others)
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
            elif key is None:
                local[self._local_name(row, column)] = text
        listed = split_lines(self.text(cells, "other_channels"))
        basis_text = self.text(cells, "basis")
        basis = LegalBasis.parse(basis_text)
        if citations is not None:
            basis = LegalBasis(basis_text, citations)
        office = self.text(cells, "responsible_office")
        return CatalogueItem(
            first_level=first_level,
            number=number,
            name=self.text(cells, "name"),
            content=self.text(cells, "content"),
            basis=basis,
            time_limit=TimeLimit(self.text(cells, "time_limit"), service_level),
            subject=self.text(cells, "subject"),
            channels=_ordered(channels),
            audiences=_ordered(t for t in ticked if isinstance(t, Audience)),
            modes=_ordered(t for t in ticked if isinstance(t, Mode)),
            levels=_ordered(t for t in ticked if isinstance(t, Level)),
            push_targets=split_lines(self.text(cells, "push_targets")),
            other_channels=(*listed, *(n for n in dict.fromkeys(others) if n not in listed)),
            responsible_office=office or None,
            third_level_items=split_lines(self.text(cells, "third_level_items")),
            local_fields=local,
            provenance=provenance,
        )

    def _channel_text(self, where: str, text: str, others: list[str]) -> list[Channel]:
        reading = parse_channels(text)
        others += reading.other_names
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
        if tick is None and type(term).try_parse(cell_text(value)) is term:
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
            term = kind.try_parse(part)
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
        if re.fullmatch(r"\d{1,3}", text) and 0 < int(text) <= 366:
            return int(text)
        self._bad_value(where, text, "服务时限（工作日）", "not a number of working days 1..366")
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


def _ordered(terms: Any) -> tuple[Any, ...]:
    unique = list(dict.fromkeys(terms))
    return tuple(sorted(unique, key=_enum_position))


def _unknown_channel(where: str, name: str, *, ticked: bool) -> Finding:
    if ticked:
        return codes.UNKNOWN_CHANNEL.finding(
            where,
            message_zh=f"未知的公开渠道“{name}”，按“其他”保留在其他渠道说明中",
            message_en=f"unknown channel {name!r} kept as 其他 (other) in other_channels",
            name=name,
        )
    return codes.UNKNOWN_CHANNEL.finding(
        where,
        severity=Severity.INFO,
        message_zh=f"未勾选的未知渠道“{name}”",
        message_en=f"unknown channel {name!r} (not ticked)",
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


def read_grid(
    grid: Grid,
    *,
    domain: Domain | str | None = None,
    info: CatalogueInfo | None = None,
    default_title: str | None = None,
    subject: str | None = None,
) -> ImportResult:
    """Read one table.  ``info`` holds catalogue fields from elsewhere (the 目录信息 sheet);
    ``default_title`` is used when the table has no title row.

    Raises :class:`~govdisclose.errors.InputError` when the table has no catalogue header or
    its domain cannot be told (pass ``domain``).
    """
    header = locate_header(grid)
    reader = _RowReader(header, grid.sheet)
    reader.findings += header.findings
    info, notes = _above_header(header, grid.sheet, info or CatalogueInfo(), reader)
    if header.column("number") is None:
        reader.add(codes.NUMBERED_BY_POSITION.finding(cell_ref(grid.sheet, header.row, 0)))
    items: list[CatalogueItem] = []
    item_rows: list[int] = []
    group: FirstLevel | str | None = None
    position = 0
    first_level_column = header.column("first_level")
    rows = [(row, header.cells[row]) for row in range(header.data_start, len(header.cells))]
    rows = [(row, cells) for row, cells in rows if _filled(cells)]
    for k, (row, cells) in enumerate(rows):
        texts = [cell_text(v) for v in cells]
        if _filled(cells) == [0]:  # a group heading (一、政策文件) or a footnote
            heading = parse_first_level(texts[0])
            following = rows[k + 1][1] if k + 1 < len(rows) else None
            if heading is not None and _continues_group(following, first_level_column):
                group, position = heading, 0
            else:
                notes.append(texts[0])
            continue
        label = texts[first_level_column.index] if first_level_column else ""
        if label:
            parsed = parse_first_level(label)
            if parsed is not group:
                position = 0
            group = parsed if parsed is not None else label
        if not isinstance(group, FirstLevel):
            _report_unplaced(reader, row, header, cells, group)
            continue
        position += 1
        number = _number(reader, row, header, cells, position)
        items.append(reader.item(row, cells, group, number))
        item_rows.append(row)
    title = info.title or _title_from_sheet(grid.sheet, default_title, reader)
    chosen, inferred = resolve_domain(domain, info, grid.sheet, title, items)
    if inferred:
        reader.add(
            codes.DOMAIN_INFERRED.finding(cell_ref(grid.sheet, header.row, 0), domain=chosen.code)
        )
    _check_domains(reader, header, item_rows, items, chosen)
    catalogue = Catalogue(
        source=info.source,
        domain=chosen,
        title=title,
        issuing_document=info.issuing_document,
        declared_item_count=info.declared_item_count,
        level=info.level,
        publisher=info.publisher,
        notes=(*info.notes, *notes),
        items=items,
    )
    return ImportResult(catalogue, Report(tuple(reader.findings), subject))


def _filled(cells: Sequence[Any]) -> list[int]:
    return [i for i, v in enumerate(cells) if cell_text(v) or isinstance(v, bool)]


def _continues_group(cells: Sequence[Any] | None, first_level: ResolvedColumn | None) -> bool:
    """Whether ``cells`` is an item row without a first-level cell (after a group heading)."""
    if cells is None or len(_filled(cells)) < 2:
        return False
    return first_level is None or not cell_text(cells[first_level.index])


def _number(
    reader: _RowReader, row: int, header: Header, cells: Sequence[Any], position: int
) -> int:
    column = header.column("number")
    if column is None:
        return position
    value = cells[column.index]
    text = cell_text(value)
    match = re.fullmatch(r"[（(]?(\d{1,6})[)）.、．]?", text.translate(_FULLWIDTH_DIGITS))
    if match and not isinstance(value, bool):
        return int(match.group(1))
    reader.add(
        codes.BAD_NUMBER.finding(
            reader.ref(row, column.index),
            message_zh=f"二级事项序号“{text}”不是整数，按位置编为{position}",
            message_en=f"item number {text!r} is not a whole number; numbered {position}",
            text=text,
        )
    )
    return position


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _report_unplaced(
    reader: _RowReader, row: int, header: Header, cells: Sequence[Any], group: str | None
) -> None:
    column = header.column("first_level")
    data = {
        c.header or column_letter(c.index): cell_text(cells[c.index])
        for c in header.columns
        if cell_text(cells[c.index])
    }
    reader.add(
        codes.UNKNOWN_FIRST_LEVEL.finding(
            reader.ref(row, column.index if column else 0),
            message_zh=(
                f"一级事项“{group}”无法识别，该行未导入" if group else "该行没有一级事项，未导入"
            ),
            message_en=(
                f"first-level item {group!r} not recognised; row not imported"
                if group
                else "row has no first-level item; not imported"
            ),
            hint="一级事项应为标准目录中的一级事项，如 政策文件、备灾管理 / use a first-level "
            "item of the standard",
            cells=data,
        )
    )


def _above_header(
    header: Header, sheet: str | None, info: CatalogueInfo, reader: _RowReader
) -> tuple[CatalogueInfo, list[str]]:
    """The title, catalogue information (key, value rows) and other text above the header."""
    pairs: list[tuple[str, str, str]] = []
    title: str | None = None
    notes: list[str] = []
    for row in range(header.row):
        texts = [t for t in (cell_text(v) for v in header.cells[row]) if t]
        if not texts:
            continue
        if len(texts) >= 2 and metadata_key(texts[0]):
            pairs.append((texts[0], "\n".join(texts[1:]), cell_ref(sheet, row, 1)))
        elif len(texts) == 1 and title is None and info.title is None:
            title = texts[0]
        else:
            notes.append("　".join(texts))
            reader.add(codes.EXTRA_TEXT.finding(cell_ref(sheet, row, 0), text=notes[-1]))
    found, findings = read_info_pairs(pairs)
    reader.findings += findings
    merged = info.merge(found)
    if title is not None and merged.title is None:
        merged = attrs.evolve(merged, title=title)
    return merged, notes


def _title_from_sheet(sheet: str | None, default: str | None, reader: _RowReader) -> str:
    title = default or sheet or "目录"
    reader.add(
        codes.MISSING_TITLE.finding(
            cell_ref(sheet, 0, 0),
            message_zh=f"表格无标题，以“{title}”作为目录名称",
            message_en=f"no title row; {title!r} used as the title",
        )
    )
    return title


def _check_domains(
    reader: _RowReader,
    header: Header,
    rows: Sequence[int],
    items: Sequence[CatalogueItem],
    domain: Domain,
) -> None:
    column = header.column("first_level")
    for row, item in zip(rows, items, strict=True):
        if domain not in item.first_level.domains:
            reader.add(
                codes.FIRST_LEVEL_DOMAIN.finding(
                    reader.ref(row, column.index if column else 0),
                    message_zh=f"一级事项“{item.first_level.label}”不属于{domain.label}领域标准目录",
                    message_en=f"{item.first_level.code} is not a first-level item of the "
                    f"{domain.code} standard",
                    item=item.id,
                )
            )
