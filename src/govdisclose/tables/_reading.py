"""Read a catalogue table (an XLSX sheet or a CSV file, as a :class:`Grid`) into a catalogue.

The reader is tolerant of what real local tables do and reports, as findings with cell
references, whatever it cannot read (see :mod:`govdisclose.tables._codes`):

>>> from govdisclose.tables._header import Grid
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
>>> result.item_ref(0, "D")  # where a finding about $.items[0].basis would be
'救灾!D3'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs

from .._model import Catalogue, CatalogueItem
from .._vocabulary import Domain, FirstLevel
from ..findings import Report
from . import _codes as codes
from ._cells import cell_text
from ._header import Grid, Header, ResolvedColumn, locate_header
from ._layout import cell_ref, column_letter, metadata_key
from ._metadata import CatalogueInfo, read_info_pairs, resolve_domain
from ._rows import RowReader, parse_first_level

__all__ = ["ImportResult", "read_grid"]


def _to_tuple(values: Sequence[int]) -> tuple[int, ...]:
    return tuple(values)


@attrs.frozen
class ImportResult:
    """What an import gives: the catalogue read and the findings about the table.

    ``item_rows`` holds, for each item, the 1-based row of the table it was read from, and
    ``sheet`` the sheet's name (``None`` for CSV), so that findings about the catalogue
    (``$.items[3].basis``) can be shown at their row: :meth:`item_ref`.
    """

    catalogue: Catalogue
    report: Report
    item_rows: tuple[int, ...] = attrs.field(default=(), converter=_to_tuple)
    sheet: str | None = None

    def item_ref(self, index: int, column: str = "A") -> str:
        """The cell reference of item ``index`` in ``column`` (``救灾!C7``)."""
        row = self.item_rows[index]
        return cell_ref(self.sheet, row - 1, _column_index(column))


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


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

    Raises :class:`~govdisclose._errors.InputError` when the table has no catalogue header or
    its domain cannot be told (pass ``domain``).
    """
    header = locate_header(grid)
    reader = RowReader(header, grid.sheet)
    reader.findings += header.findings
    info, notes = _above_header(header, grid.sheet, info or CatalogueInfo(), reader)
    if header.column("number") is None:
        reader.add(codes.NUMBERED_BY_POSITION.finding(cell_ref(grid.sheet, header.row, 0)))
    items: list[CatalogueItem] = []
    item_rows: list[int] = []
    group: FirstLevel | str | None = None
    position = 0
    first_level_column = header.column("first_level")
    # Blank rows (also blank rows inside a merged first-level cell) are skipped.
    rows = [
        (row, header.cells[row], grid.rows[row])
        for row in range(header.data_start, len(header.cells))
        if _filled(grid.rows[row])
    ]
    for k, (row, cells, raw) in enumerate(rows):
        texts = [cell_text(v) for v in cells]
        if _filled(raw) == [0]:  # a group heading (一、政策文件) or a footnote
            heading = parse_first_level(texts[0])
            following = rows[k + 1][2] if k + 1 < len(rows) else None
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
    return ImportResult(
        catalogue,
        Report(tuple(reader.findings), subject),
        item_rows=[row + 1 for row in item_rows],
        sheet=grid.sheet,
    )


def _filled(cells: Sequence[Any]) -> list[int]:
    return [i for i, v in enumerate(cells) if cell_text(v) or isinstance(v, bool)]


def _continues_group(cells: Sequence[Any] | None, first_level: ResolvedColumn | None) -> bool:
    """Whether ``cells`` is an item row without a first-level cell (after a group heading)."""
    if cells is None or len(_filled(cells)) < 2:
        return False
    return first_level is None or not cell_text(cells[first_level.index])


def _number(
    reader: RowReader, row: int, header: Header, cells: Sequence[Any], position: int
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
    reader: RowReader, row: int, header: Header, cells: Sequence[Any], group: str | None
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
    header: Header, sheet: str | None, info: CatalogueInfo, reader: RowReader
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


def _title_from_sheet(sheet: str | None, default: str | None, reader: RowReader) -> str:
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
    reader: RowReader,
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
