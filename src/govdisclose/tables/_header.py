"""Find the header of a catalogue table and tell what each column holds.

Local tables put a title and notes above the header, use one or two header rows, merge
header cells or repeat them, and add their own columns.  :func:`locate_header` finds the
header row by its labels (at least three of 公开内容, 公开依据, 公开时限 …), decides whether
the row below it is a second header row, and resolves every column to a
:class:`ResolvedColumn`:

>>> from govdisclose.tables._header import Grid, locate_header
>>> grid = Grid(rows=(
...     ("XX县安全生产领域政务公开目录",),
...     ("一级事项", "序号", "二级事项", "公开内容", "公开渠道", "政务新媒体", "县（区）级",
...      "网址"),
...     ("政策文件", 1, "法律法规", "……", "政府网站", "√", "√", "http://…"),
... ))
>>> header = locate_header(grid)
>>> header.row, header.data_start
(1, 2)
>>> [(c.meaning.key if c.meaning else c.header) for c in header.columns]
['first_level', 'number', 'name', 'content', 'channels', 'channel', 'tick', '网址']
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from .._errors import InputError
from .._model import TimeLimit
from .._vocabulary import Channel, normalize_text
from ..findings import Finding
from ._cells import cell_text, parse_channels, parse_tick
from ._codes import COLUMN_FROM_CELLS, DUPLICATE_COLUMN
from ._layout import (
    FIELD_LABELS,
    HeaderMeaning,
    cell_ref,
    classify_header,
    column_letter,
    cut_off_label,
)

#: The header must be within this many rows from the top.
HEADER_SEARCH_ROWS = 50
_CORE = {"first_level", "name", "content", "basis", "time_limit", "subject", "channels"}
_CORE |= {"audiences", "modes", "levels"}


@attrs.frozen
class Grid:
    """A sheet's cells: ``rows`` of values (``None`` for empty) and merged ranges.

    ``merged`` holds 0-based inclusive ``(first_row, first_column, last_row, last_column)``;
    only the first cell of a merged range has a value in ``rows``.
    """

    rows: tuple[tuple[Any, ...], ...]
    sheet: str | None = None
    merged: tuple[tuple[int, int, int, int], ...] = ()


@attrs.frozen
class ResolvedColumn:
    """A column of the table: its 0-based ``index``, header text and meaning.

    ``meaning`` is ``None`` for a local column, whose cells go to ``local_fields[header]``;
    an unknown channel under 公开渠道和载体 has key ``channel`` and no channel.
    """

    index: int
    header: str
    meaning: HeaderMeaning | None


@attrs.frozen
class Header:
    """Where the header is (``row``), where the data starts, the columns, and the cells with
    merged ranges filled in (header cells fully, data cells down single columns)."""

    row: int
    data_start: int
    columns: tuple[ResolvedColumn, ...]
    cells: tuple[tuple[Any, ...], ...]
    findings: tuple[Finding, ...] = ()

    def column(self, key: str) -> ResolvedColumn | None:
        """The first column with meaning ``key``."""
        return next((c for c in self.columns if c.meaning and c.meaning.key == key), None)


def _score(row: Sequence[Any]) -> int:
    keys = set()
    for value in row:
        meaning = classify_header(cell_text(value))
        if meaning is not None and meaning.key in _CORE:
            keys.add(meaning.key)
    return len(keys)


def _fill(
    rows: list[list[Any]],
    merged: Sequence[tuple[int, int, int, int]],
    header_rows: range,
) -> None:
    for r1, c1, r2, c2 in merged:
        in_header = r1 in header_rows
        if not in_header and (c1 != c2 or r1 < header_rows.start):
            continue  # data rows: only vertical merges (a merged footnote stays one cell)
        value = rows[r1][c1] if r1 < len(rows) and c1 < len(rows[r1]) else None
        for r in range(r1, min(r2, len(rows) - 1) + 1):
            for c in range(c1, min(c2, len(rows[r]) - 1) + 1):
                rows[r][c] = value


def _is_sub_header(upper: Sequence[Any], lower: Sequence[Any]) -> bool:
    """Whether ``lower`` is a second header row: mostly labels, with 一级事项/二级事项 or
    labels under a group that spans columns (公开对象 over 全社会, 特定群体)."""
    meanings = [classify_header(cell_text(v)) for v in lower]
    filled = [m for v, m in zip(lower, meanings, strict=True) if cell_text(v)]
    if sum(m is not None for m in filled) * 2 < len(filled):
        return False  # a data row (a header has few cells that are no label)
    if any(m is not None and m.key in ("first_level", "name", "number") for m in meanings):
        return True
    for c in range(len(lower) - 1):
        pair = meanings[c], meanings[c + 1]
        if all(m is not None and m.key in ("tick", "channel") for m in pair):
            left, right = cell_text(upper[c]), cell_text(upper[c + 1])
            if not right or right == left:
                return True
    return False


def locate_header(grid: Grid) -> Header:
    """Find the header and resolve the columns; :class:`InputError` when there is none."""
    width = max((len(r) for r in grid.rows), default=0)  # the longest row
    rows = [list(r) + [None] * (width - len(r)) for r in grid.rows]
    found = next((i for i, r in enumerate(rows[:HEADER_SEARCH_ROWS]) if _score(r) >= 3), None)
    if found is None:
        where = f" on sheet {grid.sheet!r}" if grid.sheet else ""
        raise InputError(
            f"no catalogue header found{where}: expected a row with column labels such as "
            f"一级事项, 二级事项, 公开内容, 公开依据, 公开时限 within the first "
            f"{HEADER_SEARCH_ROWS} rows (未找到目录表头)"
        )
    two_rows = found + 1 < len(rows) and _is_sub_header(rows[found], rows[found + 1])
    filled = [list(r) for r in rows]
    _fill(filled, grid.merged, range(found, found + (2 if two_rows else 1)))
    upper = [cell_text(v) for v in filled[found]]
    lower = [cell_text(v) for v in filled[found + 1]] if two_rows else [""] * width
    data = rows[found + (2 if two_rows else 1) :]
    columns, findings = _resolve(upper, lower, grid.sheet, found, data)
    return Header(
        row=found,
        data_start=found + (2 if two_rows else 1),
        columns=columns,
        cells=tuple(tuple(r) for r in filled),
        findings=findings,
    )


def _meaning(upper: str, lower: str) -> tuple[str, HeaderMeaning | None]:
    """The header text and meaning of a column from its upper and lower header cells."""
    low = classify_header(lower) if lower else None
    up = classify_header(upper) if upper else None
    if low is not None and low.key != "group":
        return lower, low
    if lower and low is None and upper and upper != lower:
        joined = classify_header(upper + lower)  # a label broken over both rows: 公开内容/(要素)
        if joined is not None and joined.key != "group":
            return upper + lower, joined
    if lower and low is None:
        if up is not None and up.key == "channels":
            return lower, HeaderMeaning("channel")  # a channel box the vocabulary lacks
        return (lower if upper in ("", lower) else f"{upper}-{lower}"), None
    label = lower or upper
    meaning = low or up
    if meaning is not None and meaning.key == "group":
        folded = normalize_text(label)
        meaning = HeaderMeaning("number" if folded == "序号" else "name")
    return label, meaning


def column_texts(rows: Sequence[Sequence[Any]], index: int) -> list[str]:
    """The texts of column ``index`` in ``rows`` (its blank cells left out)."""
    return [t for t in (cell_text(r[index]) for r in rows if index < len(r)) if t]


def _numbers(data: Sequence[Sequence[Any]], index: int) -> bool:
    """Whether the column's cells are mostly item numbers (1, 2, （3）)."""
    texts = column_texts(data[:200], index)
    numbers = sum(bool(re.fullmatch(r"[（(]?\d{1,4}[)）.、．]?", t)) for t in texts)
    return bool(texts) and numbers * 2 >= len(texts)


def _boxes(data: Sequence[Sequence[Any]], index: int) -> bool:
    """Whether the column's cells read as channel cells (boxes or known channel names)."""
    return any(parse_channels(t).channels for t in column_texts(data[:200], index))


def _reads_as(key: str, text: str) -> bool:
    if key == "time_limit":
        return bool(TimeLimit(text).rule.kind != "unrecognised")
    return bool(parse_channels(text).channels)


def _from_cells(
    column: ResolvedColumn, data: Sequence[Sequence[Any]], used: set[str]
) -> ResolvedColumn | None:
    """The column as its cells show it, where they tell more than its header: a header cut off
    (公开 over the time limits), or a channel's name over text that is no tick (政府网站 over
    the site's address)."""
    meaning = column.meaning
    texts = column_texts(data[:200], column.index)
    if meaning is not None and meaning.key == "channel" and meaning.channel is not Channel.OTHER:
        if not texts or any(parse_tick(t) is not None for t in texts):
            return None
        what = "网址" if any("http" in t for t in texts) else "说明"
        return ResolvedColumn(column.index, f"{column.header}（{what}）", None)
    if meaning is None and texts and cut_off_label(column.header):
        for key in ("time_limit", "channels"):
            if key not in used and sum(_reads_as(key, t) for t in texts) * 2 >= len(texts):
                return ResolvedColumn(column.index, FIELD_LABELS[key], HeaderMeaning(key))
    return None


def _told_from_cells(
    columns: list[ResolvedColumn], data: Sequence[Sequence[Any]], where: Callable[[int], str]
) -> list[Finding]:
    used = {c.meaning.key for c in columns if c.meaning is not None}
    findings = []
    for column in list(columns):
        told = _from_cells(column, data, used)
        if told is None:
            continue
        columns[column.index] = told
        if told.meaning is None:
            message_zh = f"“{column.header}”栏不是勾选栏，作为本地栏目“{told.header}”保留"
            message_en = f"{column.header!r} holds no ticks; kept as local field {told.header!r}"
        else:
            used.add(told.meaning.key)
            label = FIELD_LABELS[told.meaning.key]
            message_zh = f"表头“{column.header}”不全，按单元格读作{label}"
            message_en = f"header {column.header!r} cut off; read as {label} from its cells"
        findings.append(
            COLUMN_FROM_CELLS.finding(
                where(column.index),
                message_zh=message_zh,
                message_en=message_en,
                text=column.header,
                read_as=told.meaning.key if told.meaning else told.header,
            )
        )
    return findings


def _resolve(
    upper: list[str],
    lower: list[str],
    sheet: str | None,
    row: int,
    data: Sequence[Sequence[Any]] = (),
) -> tuple[tuple[ResolvedColumn, ...], tuple[Finding, ...]]:
    for c in range(1, len(upper)):  # an unmerged group label covers the blanks after it
        if not upper[c] and lower[c]:
            upper[c] = upper[c - 1]
    columns: list[ResolvedColumn] = []
    for c, (up, low) in enumerate(zip(upper, lower, strict=True)):
        header, meaning = _meaning(up, low)
        columns.append(ResolvedColumn(c, header, meaning))
    # 二级事项 over two columns: the first holds the number.  A spreadsheet's CSV export of
    # the merged header keeps the label in the first column only, and a channel cell split
    # over two columns under one 公开渠道和载体 leaves the second header blank.
    for a, b in itertools.pairwise(list(columns)):
        a = columns[a.index]
        blank = b.meaning is None and not upper[b.index] and not lower[b.index]
        if a.meaning == HeaderMeaning("name") and blank and _numbers(data, a.index):
            columns[a.index] = attrs.evolve(a, meaning=HeaderMeaning("number"))
            columns[b.index] = attrs.evolve(b, header=a.header, meaning=HeaderMeaning("name"))
        elif a.meaning == HeaderMeaning("channels") and (
            (blank and _boxes(data, b.index)) or b.meaning == a.meaning
        ):
            columns[b.index] = attrs.evolve(b, header=a.header, meaning=a.meaning)
        elif a.meaning == b.meaning == HeaderMeaning("name"):
            columns[a.index] = attrs.evolve(a, meaning=HeaderMeaning("number"))
    findings = _told_from_cells(columns, data, lambda c: cell_ref(sheet, row, c))
    first_level = next(
        (c.index for c in columns if c.meaning == HeaderMeaning("first_level")), None
    )
    seen: set[str] = set()
    for column in list(columns):
        meaning = column.meaning
        if meaning is not None and meaning.key in ("tick", "channel"):
            continue  # several columns may tick the same term or channel
        previous = columns[column.index - 1] if column.index else None
        if meaning == HeaderMeaning("channels") and previous and previous.meaning == meaning:
            continue  # one channel cell over two columns
        before_group = first_level is None or column.index < first_level
        if (
            meaning == HeaderMeaning("number")
            and (before_group or "number" in seen)
            and normalize_text(column.header) == "序号"
        ):
            column = attrs.evolve(column, meaning=None)  # a running number: a local column
            columns[column.index] = column
            meaning = None
        if meaning is None and not column.header:
            continue  # no header: named after its letter when it has content
        key = meaning.key if meaning is not None else f"local:{column.header}"
        if key in seen:
            letter = column_letter(column.index)
            local = f"{column.header}（{letter}列）"
            columns[column.index] = ResolvedColumn(column.index, local, None)
            findings.append(
                DUPLICATE_COLUMN.finding(
                    cell_ref(sheet, row, column.index),
                    message_zh=f"重复的栏目“{column.header}”，作为本地栏目“{local}”保留",
                    message_en=f"second {column.header!r} column kept as local field {local!r}",
                    text=column.header,
                )
            )
        seen.add(key)
    return tuple(columns), tuple(findings)
