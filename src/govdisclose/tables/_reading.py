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
>>> result.field_ref(0, "basis")  # where a finding about $.items[0].basis is shown
'救灾!D3'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs

from .._model import Catalogue, CatalogueItem
from .._vocabulary import Audience, Domain, FirstLevel, Level, Mode, normalize_text
from ..findings import Finding, Report
from . import _codes as codes
from ._cells import cell_text
from ._header import Grid, Header, ResolvedColumn, column_texts, locate_header
from ._layout import FIELD_LABELS, HeaderMeaning, cell_ref, column_letter, metadata_key
from ._metadata import CatalogueInfo, read_info_pairs, resolve_domain
from ._rows import RowReader, parse_first_level


@attrs.frozen
class ImportResult:
    """What an import gives: the catalogue read and the findings about the table.

    ``item_rows`` holds, for each item, the 1-based row of the table it was read from, and
    ``sheet`` the sheet's name (``None`` for CSV), so that findings about the catalogue
    (``$.items[3].basis``) can be shown at their row: :meth:`field_ref`.
    """

    catalogue: Catalogue
    report: Report
    item_rows: tuple[int, ...] = ()
    sheet: str | None = None
    #: For each item field, the 0-based column it was read from.
    columns: tuple[tuple[str, int], ...] = ()

    def field_ref(self, index: int, field: str | None = None) -> str:
        """The cell item ``index``'s ``field`` was read from (its row's first cell for a field
        the table has no column for)."""
        column = dict(self.columns).get(field or "", dict(self.columns).get("first_level", 0))
        return cell_ref(self.sheet, self.item_rows[index] - 1, column)

    def locate(self, report: Report) -> Report:
        """``report`` with each finding about an item (``$.items[3].basis``) or a cell of an
        item's row naming the cell and the item: ``救灾!D7（依法行政 2）``, also in its data
        (``cell``, ``item``).  The JSON path is kept."""
        rows = {row: index for index, row in enumerate(self.item_rows)}
        located = []
        for finding in report.findings:
            match = _ITEM_PATH.match(finding.path)
            index: int | None = None
            cell = None
            if match and int(match.group("index")) < len(self.item_rows):
                index = int(match.group("index"))
                cell = self.field_ref(index, match.group("field"))
            else:
                at = _CELL_PATH.fullmatch(finding.path)
                sheet = (at.group("sheet") or "").strip("'").replace("''", "'") if at else ""
                if at and sheet == (self.sheet or "") and int(at.group("row")) in rows:
                    index = rows[int(at.group("row"))]
            if index is None:
                located.append(finding)
                continue
            item = self.catalogue.items[index]
            label = f"{item.first_level.label} {item.number}"  # as people say it: 依法行政 2
            where = f"{cell}（{label}）" if cell else label
            located.append(
                attrs.evolve(
                    finding,
                    message_zh=f"{where}：{finding.message_zh}",
                    message_en=f"{cell or finding.path} ({label}): {finding.message_en}",
                    data={**finding.data, "cell": cell or finding.path, "item": label},
                )
            )
        return Report(tuple(located), report.subject)


_ITEM_PATH = re.compile(r"\$\.items\[(?P<index>\d+)\](?:\.(?P<field>\w+))?")
_CELL_PATH = re.compile(r"(?:(?P<sheet>[^!]+)!)?[A-Z]{1,3}(?P<row>\d+)")


def read_grid(
    grid: Grid,
    *,
    domain: Domain | str | None = None,
    info: CatalogueInfo | None = None,
    default_title: str | None = None,
    subject: str | None = None,
    level: Level | str | None = None,
) -> ImportResult:
    """Read one table.  ``info`` holds catalogue fields from elsewhere (the 目录信息 sheet);
    ``default_title`` is used when the table has no title row; ``level`` is given to every
    item of a table without a 公开层级 column.

    Raises :class:`~govdisclose._errors.InputError` when the table has no catalogue header or
    its domain cannot be told (pass ``domain``).
    """
    header = locate_header(grid)
    findings = list(header.findings)
    info, notes = _above_header(header, grid.sheet, info or CatalogueInfo(), findings)
    # Blank rows (also blank rows inside a merged first-level cell) are skipped.
    rows = [
        (row, list(header.cells[row]), grid.rows[row])
        for row in range(header.data_start, len(header.cells))
        if _filled(grid.rows[row])
    ]
    header_ref = cell_ref(grid.sheet, header.row, 0)
    header, info, named_in_content = _adapt_layout(header, rows, info, header_ref, findings)
    reader = RowReader(header, grid.sheet, findings)
    if header.column("number") is None and not named_in_content:
        reader.add(codes.NUMBERED_BY_POSITION.finding(header_ref))
    rows = _merge_continuations(rows, header, reader)
    items: list[CatalogueItem] = []
    item_rows: list[int] = []
    group: FirstLevel | str | None = None
    position = 0
    first_level_column = header.column("first_level")
    previous: list[Any] | None = None
    labels = [  # each column's header texts, white space removed
        {
            "".join(cell_text(header.cells[r][c]).split())
            for r in range(header.row, header.data_start)
        }
        - {""}
        for c in range(len(header.columns))
    ]
    key = (first_level_column or header.column("name") or header.columns[0]).index
    repeated = False
    for k, (row, cells, raw) in enumerate(rows):
        texts = [cell_text(v) for v in cells]
        # a header printed again (page break, next table), its lower rows after its first
        repeated = _repeats_header(texts, labels, key, lower=repeated)
        if repeated:
            reader.add(codes.REPEATED_HEADER.finding(reader.ref(row, 0), row=row + 1))
            continue
        if _filled(raw) == [0]:  # a group heading (一、政策文件) or a footnote
            heading = parse_first_level(texts[0])
            following = rows[k + 1][2] if k + 1 < len(rows) else None
            if heading is not None and _continues_group(following, first_level_column):
                group, position, previous = heading, 0, None
            else:
                notes.append(texts[0])
            continue
        label = texts[first_level_column.index] if first_level_column else ""
        if label:
            parsed = parse_first_level(label)
            if parsed is not group:
                position, previous = 0, None
            group = parsed if parsed is not None else label
        if not isinstance(group, FirstLevel):
            _report_unplaced(reader, row, cells, group)
            continue
        if previous is not None and not label and not grid.merged:
            _carry_down(reader, row, header, cells, previous)  # a merged group continues
        previous = cells
        position += 1
        number = _number(reader, row, cells, position)
        item = reader.item(row, cells, group, number)
        if named_in_content:
            item = _name_from_content(reader, row, item)
        items.append(item)
        item_rows.append(row)
    title = info.title or _title_from_sheet(grid.sheet, default_title, reader)
    chosen, inferred = resolve_domain(domain, info, grid.sheet, title, items)
    if inferred:
        reader.add(codes.DOMAIN_INFERRED.finding(header_ref, domain=chosen.code))
    _check_domains(reader, item_rows, items, chosen)
    if level is not None and not any(_field_of(c) == "levels" for c in header.columns):
        implied = Level.parse(level)
        items = [attrs.evolve(item, levels=(implied,)) for item in items]
        reader.add(
            codes.LEVEL_IMPLIED.finding(
                header_ref,
                message_zh=f"表格无公开层级栏，各事项按指定的{implied.label}",
                message_en=f"no 公开层级 column: every item taken as {implied.code} (given)",
                level=implied.code,
            )
        )
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
        Report(tuple(findings), subject),
        item_rows=tuple(row + 1 for row in item_rows),
        sheet=grid.sheet,
        columns=_field_columns(header),
    )


Row = tuple[int, list[Any], tuple[Any, ...]]

#: Columns whose blank cell, in a CSV export, is the rest of a vertically merged cell (and the
#: tick columns of 公开对象, 公开方式, 公开层级, each group when all its cells are blank).
_CARRIED = ("name", "basis", "time_limit", "subject", "channels", "responsible_office")
#: Columns that make a row an item of its own.
_ITEM_KEYS = ("first_level", "number", "name", "tick", "channel", "audiences", "modes", "levels")
_NAMED_CONTENT = re.compile(
    r"\s*(?P<number>\d{1,3})\s*[.、．]\s*(?P<name>[^:：,，。;；\s]{1,20})[:：]\s*"
)
_NUMBERED_CONTENT = re.compile(r"\s*(?P<number>\d{1,3})\s*[.、．]\s*")


def _standard_names() -> set[str]:
    from .._standard import standard

    return {normalize_text(i.name) for d in Domain for i in standard(d).items}


def _adapt_layout(
    header: Header, rows: Sequence[Row], info: CatalogueInfo, where: str, findings: list[Finding]
) -> tuple[Header, CatalogueInfo, bool]:
    """Tables that put the standard's levels in other columns, told from their cells:
    the domain above the first-level items, or the item names in 三级事项."""
    first, name = header.column("first_level"), header.column("name")
    third = header.column("third_level_items")
    columns = list(header.columns)
    cells = [cells for _, cells, _ in rows]

    def texts(column: ResolvedColumn | None) -> list[str]:
        return column_texts(cells, column.index) if column else []

    domains = {Domain.parse(t, default=None) for t in set(texts(first))}
    groups = set(texts(name))
    if (
        first is not None
        and name is not None
        and len(domains) == 1
        and None not in domains
        and groups
        and all(parse_first_level(t) is not None for t in groups)
    ):
        found = domains.pop()
        columns[first.index] = attrs.evolve(first, meaning=HeaderMeaning("domain"))
        columns[name.index] = attrs.evolve(name, meaning=HeaderMeaning("first_level"))
        findings.append(
            codes.DOMAIN_LEVEL_ABOVE.finding(where, domain=found.code if found else None)
        )
        if info.domain is None:
            info = attrs.evolve(info, domain=found)
        return attrs.evolve(header, columns=tuple(columns)), info, True
    if third is not None and name is not None:
        names = _standard_names()
        in_third = sum(normalize_text(t) in names for t in texts(third))
        in_name = sum(normalize_text(t) in names for t in texts(name))
        if in_third > in_name:
            columns[third.index] = attrs.evolve(third, meaning=HeaderMeaning("name"))
            columns[name.index] = attrs.evolve(name, header=GROUPING_FIELD, meaning=None)
            findings.append(codes.NAMES_IN_THIRD_LEVEL.finding(where, grouping=GROUPING_FIELD))
            return attrs.evolve(header, columns=tuple(columns)), info, False
    return header, info, False


#: The local field that keeps a grouping 二级事项 when the names are in 三级事项.
GROUPING_FIELD = "二级事项（分组）"


def _merge_continuations(rows: list[Row], header: Header, reader: RowReader) -> list[Row]:
    """Rows that only carry overflow text, appended to the cell above (never an item)."""
    item_columns = {  # a running 序号 also makes a row an item
        c.index
        for c in header.columns
        if (c.meaning is not None and c.meaning.key in _ITEM_KEYS)
        or (c.meaning is None and normalize_text(c.header) == "序号")
    }
    if header.column("name") is None:
        return rows
    kept: list[Row] = []
    last_with_text: dict[int, int] = {}  # column → position in kept of the last text there
    for row, cells, raw in rows:
        filled = _filled(cells)
        if kept and filled and filled != [0] and not set(filled) & item_columns:
            targets = []
            for c in filled:
                at = last_with_text.get(c, len(kept) - 1)
                target_row, target_cells, _ = kept[at]
                above = cell_text(target_cells[c])
                target_cells[c] = f"{above}\n{cell_text(cells[c])}" if above else cells[c]
                targets.append(target_row)
            reader.add(
                codes.CONTINUATION_ROW.finding(
                    reader.ref(row, filled[0]),
                    message_zh=f"第{row + 1}行只有续写的文字，已并入第{min(targets) + 1}行",
                    message_en=f"row {row + 1} only continues row {min(targets) + 1}; merged "
                    f"into it",
                    row=row + 1,
                    into=min(targets) + 1,
                )
            )
            continue
        kept.append((row, cells, raw))
        for c in filled:  # a blank cell keeps the text above as the target (a merged cell)
            last_with_text[c] = len(kept) - 1
    return kept


def _carry_down(
    reader: RowReader, row: int, header: Header, cells: list[Any], previous: Sequence[Any]
) -> None:
    carried: list[str] = []
    for key in (*_CARRIED, "audiences", "modes", "levels", GROUPING_FIELD):
        indexes = [
            c.index for c in header.columns if key in (_field_of(c), c.meaning is None and c.header)
        ]
        blank = indexes and not any(cell_text(cells[i]) for i in indexes)
        if blank and any(cell_text(previous[i]) for i in indexes):
            for i in indexes:
                cells[i] = previous[i]
            carried.append(FIELD_LABELS.get(key, key))
    if carried:
        labels = "、".join(carried)
        reader.add(
            codes.CARRIED_DOWN.finding(
                reader.ref(row, 0),
                message_zh=f"第{row + 1}行空白的{labels}按合并单元格取上一事项的值",
                message_en=f"row {row + 1}: blank {labels} read as merged with the item above",
                fields=carried,
            )
        )


def _field_of(column: ResolvedColumn) -> str | None:
    """The item field a column fills (``audiences`` for the 全社会 tick column)."""
    meaning = column.meaning
    if meaning is None:
        return None
    if meaning.key == "tick" and meaning.term is not None:
        return {Audience: "audiences", Mode: "modes", Level: "levels"}[type(meaning.term)]
    return meaning.key


def _name_from_content(reader: RowReader, row: int, item: CatalogueItem) -> CatalogueItem:
    named = _NAMED_CONTENT.match(item.content)
    if named:
        return attrs.evolve(
            item,
            number=int(named.group("number")),
            name=named.group("name"),
            content=item.content[named.end() :],
        )
    numbered = _NUMBERED_CONTENT.match(item.content)
    reader.add(codes.NAME_NOT_IN_CONTENT.finding(reader.at(row, "content"), text=item.content[:60]))
    if numbered:
        return attrs.evolve(item, number=int(numbered.group("number")))
    return item


def _field_columns(header: Header) -> tuple[tuple[str, int], ...]:
    """For each item field, the column it was read from (the first, for ticks)."""
    out: dict[str, int] = {}
    for column in header.columns:
        key = _field_of(column)
        if key is not None:
            out.setdefault("channels" if key == "channel" else key, column.index)
    return tuple(out.items())


def _filled(cells: Sequence[Any]) -> list[int]:
    return [
        i
        for i, v in enumerate(cells)
        if v is not None and (v.strip() if type(v) is str else cell_text(v) or v is False)
    ]


def _repeats_header(
    texts: Sequence[str], labels: Sequence[set[str]], key: int, *, lower: bool
) -> bool:
    """Whether a row below the header repeats it: at least two cells, and most of its cells,
    are the header's texts in their columns (white space aside: 公开 时限 for 公开时限), the
    ``key`` column (一级事项) among them — or blank in a ``lower`` row of a header repeated
    (全社会 特定群众 under 公开对象)."""
    text = "".join(texts[key].split())
    if text not in labels[key] and (text or not lower):
        return False
    filled = same = 0
    for text, label in zip(texts, labels, strict=False):
        if text:
            filled += 1
            same += len(text) < 20 and "".join(text.split()) in label
    return same >= 2 and same * 2 > filled


def _continues_group(cells: Sequence[Any] | None, first_level: ResolvedColumn | None) -> bool:
    """Whether ``cells`` is an item row without a first-level cell (after a group heading)."""
    if cells is None or len(_filled(cells)) < 2:
        return False
    return first_level is None or not cell_text(cells[first_level.index])


def _number(reader: RowReader, row: int, cells: Sequence[Any], position: int) -> int:
    column = reader.header.column("number")
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


def _report_unplaced(reader: RowReader, row: int, cells: Sequence[Any], group: str | None) -> None:
    data = {
        c.header or column_letter(c.index): cell_text(cells[c.index])
        for c in reader.header.columns
        if cell_text(cells[c.index])
    }
    name = reader.header.column("name")
    reader.add(
        codes.UNKNOWN_FIRST_LEVEL.finding(
            reader.at(row, "first_level"),
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
            name=cell_text(cells[name.index]) if name else "",
        )
    )


def _above_header(
    header: Header, sheet: str | None, info: CatalogueInfo, findings: list[Finding]
) -> tuple[CatalogueInfo, list[str]]:
    """The title, catalogue information (key, value rows) and other text above the header."""
    pairs: list[tuple[str, str, str]] = []
    title: str | None = None
    title_ref = ""
    notes: list[str] = []
    for row in range(header.row):
        texts = [t for t in (cell_text(v) for v in header.cells[row]) if t]
        if not texts:
            continue
        if len(texts) >= 2 and metadata_key(texts[0]):
            pairs.append((texts[0], "\n".join(texts[1:]), cell_ref(sheet, row, 1)))
        elif (
            len(texts) == 1
            and info.title is None
            and (title is None or _better_title(texts[0], title))
        ):
            if title is not None:  # 附件1 above the title: a note
                notes.append(title)
                findings.append(codes.EXTRA_TEXT.finding(title_ref, text=title))
            title, title_ref = texts[0], cell_ref(sheet, row, 0)
        else:
            notes.append("　".join(texts))
            findings.append(codes.EXTRA_TEXT.finding(cell_ref(sheet, row, 0), text=notes[-1]))
    found, problems = read_info_pairs(pairs)
    findings += problems
    merged = info.merge(found)
    if title is not None and merged.title is None:
        merged = attrs.evolve(merged, title=title)
    return merged, notes


def _better_title(text: str, title: str) -> bool:
    """A line naming a catalogue (…目录) is the title rather than a line above it (附件1)."""
    return "目录" in text and "目录" not in title


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
    reader: RowReader, rows: Sequence[int], items: Sequence[CatalogueItem], domain: Domain
) -> None:
    for row, item in zip(rows, items, strict=True):
        if domain not in item.first_level.domains:
            reader.add(
                codes.FIRST_LEVEL_DOMAIN.finding(
                    reader.at(row, "first_level"),
                    message_zh=f"一级事项“{item.first_level.label}”不属于{domain.label}领域标准目录",
                    message_en=f"{item.first_level.code} is not a first-level item of the "
                    f"{domain.code} standard",
                    item=item.id,
                )
            )
