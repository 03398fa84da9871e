"""Catalogues as CSV: one flattened header row, one row per item; tolerant CSV import.

The file starts with the catalogue information as ``label,value`` rows (目录名称, 领域,
发布文件 …, one 注 row per note), then an empty row, the header
(一级事项, 二级事项序号, 二级事项, 公开内容, …, 全社会, 特定群体, 主动, 依申请, 县级, 乡级,
then the local columns used) and the items; channels are the ■/□ text of the published
tables.  UTF-8 with a byte-order mark (what spreadsheet programs expect) by default, GB18030
on request:

>>> from govdisclose import standard
>>> text = to_csv(standard("work_safety")).decode("utf-8-sig")
>>> print(text.splitlines()[0])
目录名称,安全生产领域基层政务公开标准目录
>>> header = next(line for line in text.splitlines() if line.startswith("一级事项"))
>>> header.split(",")[:4]
['一级事项', '二级事项序号', '二级事项', '公开内容']
>>> header.split(",")[8:14]
['全社会', '特定群体', '主动', '依申请', '县级', '乡级']

A text starting with ``=``, ``+``, ``-``, ``@`` or ``'`` is written with a leading ``'`` so that
a spreadsheet shows it as text instead of running it as a formula; :func:`read_csv` removes
one leading ``'`` from every cell.  The reader decodes like every text file of the library
(:mod:`govdisclose._files`: UTF-8 with or without BOM, UTF-16 with BOM, GB18030), detects
commas or tabs, and accepts one channel column per channel as well.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from .._errors import DataError, InputError
from .._files import bom_encoding, decode_text, describe_content
from .._model import Catalogue
from ._cells import row_values
from ._header import Grid
from ._layout import columns_for, extra_channels
from ._metadata import info_pairs
from ._reading import ImportResult, read_grid
from ._safety import DEFAULT_LIMITS, Limits, read_file

#: Encodings :func:`to_csv` writes.
ENCODINGS = ("utf-8-sig", "utf-8", "gb18030")
#: Lines one record (a row with line breaks inside quoted cells) may span.
MAX_RECORD_LINES = 200
_FORMULA_START = ("=", "+", "-", "@", "'", "\t", "\r")


def _guard(value: str | int) -> str | int:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(catalogue: Catalogue, *, encoding: str = "utf-8-sig", metadata: bool = True) -> bytes:
    """The catalogue as CSV bytes.  ``metadata=False`` leaves out the rows above the header
    (the file then holds only the table; title and domain must be given when reading it)."""
    if encoding.lower() not in ENCODINGS:
        raise InputError(
            f"unsupported CSV encoding {encoding!r}; use one of "
            f"{', '.join(ENCODINGS)} (不支持的编码)"
        )
    columns = columns_for(catalogue)
    extras = extra_channels(catalogue)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if metadata:
        writer.writerows([label, _guard(value)] for label, value in info_pairs(catalogue))
        writer.writerow([])
    writer.writerow([_guard(column.header) for column in columns])
    for item in catalogue.items:
        writer.writerow([_guard(v) for v in row_values(item, columns, extras)])
    try:
        return out.getvalue().encode(encoding.lower())
    except UnicodeEncodeError as exc:  # pragma: no cover - all three encode all of Unicode
        raise DataError(
            f"cannot encode {exc.object[exc.start : exc.end]!r} as {encoding}"
        ) from None


def _decode(data: bytes, name: str) -> str:
    """The text of a CSV file, decoded like every text file (:func:`decode_text`); a file
    without byte-order mark whose start is not text is named for what it looks like."""
    if bom_encoding(data) is None:
        what = describe_content(data)
        if what not in ("a text file", "an empty file"):
            raise InputError(f"{name}: not a CSV text file but {what} (不是CSV文本文件)")
    return decode_text(data, source=name)


def _unguard(value: str) -> str:
    return value[1:] if value.startswith("'") else value


def csv_rows(path: Path, limits: Limits = DEFAULT_LIMITS) -> list[tuple[str, ...]]:
    """The rows of a CSV file as written (commas or tabs, decoded like every text file).

    Unusable files (too large, not text, broken quoting, too many rows or columns, a cell
    longer than a spreadsheet cell) raise :class:`~govdisclose._errors.InputError`.
    """
    text = _decode(read_file(path, limits), str(path))
    if "\x00" in text:
        raise InputError(f"{path}: contains NUL characters; not a CSV text file (不是CSV文本文件)")
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    rows: list[tuple[str, ...]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1  # the line the record being read starts on (where an open quote began)
    try:
        for row in reader:
            if len(rows) >= limits.max_rows:
                raise limits.exceeded(str(path), "max_rows", "too many rows", "行数过多", " rows")
            if len(row) > limits.max_columns:
                what = f"line {start} has {len(row)} fields"
                raise limits.exceeded(str(path), "max_columns", what, "列数过多")
            if any(len(field) > limits.max_cell_chars for field in row):
                raise InputError(
                    f"{path}: line {start} has a field longer than "
                    f'{limits.max_cell_chars} characters; is a quote (") there left open? '
                    f"(字段过长)"
                )
            if reader.line_num - start >= MAX_RECORD_LINES:
                raise InputError(
                    f"{path}: line {start}: a quoted field runs to line {reader.line_num}; is a "
                    f'quote (") there left open? (a record may span {MAX_RECORD_LINES} lines) '
                    f"(引号疑似未闭合)"
                )
            rows.append(tuple(row))
            start = reader.line_num + 1
    except csv.Error as exc:
        if "unexpected end of data" in str(exc) or reader.line_num > start:
            raise InputError(
                f'{path}: line {start}: a quote (") opened in the record starting on this line '
                f"is never closed; it swallows the rest of the file (引号未闭合)"
            ) from None
        raise InputError(f"{path}: line {start}: not valid CSV: {exc} (CSV格式错误)") from None
    return rows


def read_csv(
    path: str | Path, *, domain: Any = None, level: Any = None, limits: Limits = DEFAULT_LIMITS
) -> ImportResult:
    """Read a catalogue from a CSV file (see the module text for what is accepted).

    Unusable files (too large, not text, no catalogue header, broken quoting, too many rows
    or columns, a cell longer than a spreadsheet cell) raise
    :class:`~govdisclose._errors.InputError`.
    """
    path = Path(path)
    rows = tuple(tuple(_unguard(field) for field in row) for row in csv_rows(path, limits))
    return read_grid(
        Grid(rows=rows),
        domain=domain,
        level=level,
        default_title=path.stem,
        subject=path.name,
    )
