"""Catalogues as the official tables: XLSX and CSV import and export, HTML for websites.

Counties keep, exchange and publish their catalogues as tables in the layout of the two
standard tables of 应急厅函〔2019〕390号 (see :mod:`govdisclose.tables._layout`).  This
package writes a :class:`~govdisclose._model.Catalogue` in that layout and reads such tables
back — also the messy ones counties make (title rows, merged or repeated cells, variant
labels, per-channel columns, extra local columns) — reporting every cell it cannot read as a
finding with its cell reference.

* :func:`to_xlsx`, :func:`to_csv`, :func:`to_html` — export;
* :func:`read_xlsx`, :func:`read_workbook`, :func:`read_csv` — import, giving an
  :class:`ImportResult` (``catalogue`` and ``report``);
  :func:`~govdisclose.read_catalogue` picks the reader by the file's suffix;
* :func:`canonical_order` — what a table gives back: a table has ticks, not an order, so
  channels, audiences, modes and levels come back in table order.

Local tables are read as counties publish them: look-alike boxes (口 ▢ ▄ █), a channel cell over
two columns, rows that only continue the row above, merged cells left blank by a CSV export,
the domain written above the first-level items, item names in 三级事项.  A table without a
公开层级 column takes the ``level`` the caller gives.  :meth:`ImportResult.locate` makes the
findings of a check name the cell and the item as people say it (``救灾!D7（依法行政 2）``).

A round trip keeps everything, including local fields and provenance notes:

>>> import pathlib, tempfile
>>> from govdisclose import standard
>>> from govdisclose.tables import read_csv, to_csv
>>> path = pathlib.Path(tempfile.mkdtemp()) / "ws.csv"
>>> _ = path.write_bytes(to_csv(standard("work_safety")))
>>> read_csv(path).catalogue == standard("work_safety")
True

Files from outside are untrusted: :mod:`govdisclose.tables._safety` checks sizes, types and
zip bombs first, and refuses unusable files with an :class:`~govdisclose._errors.InputError`.
openpyxl, which is slow to import, is imported only when a workbook is written or read.

More information: 应急厅函〔2019〕390号, attachments 1 and 2 (the two standard tables).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .._errors import InputError
from .._model import Catalogue
from ._csv import read_csv, to_csv
from ._html import to_html as catalogue_html
from ._layout import canonical_order
from ._reading import ImportResult, read_grid
from ._safety import DEFAULT_LIMITS, Limits
from ._xlsx import read_workbook, read_xlsx
from ._xlsx import to_xlsx as catalogue_xlsx

if TYPE_CHECKING:
    from ..annual_report import AnnualReport
    from ..requests import Ledger

__all__ = [
    "DEFAULT_LIMITS",
    "ImportResult",
    "Limits",
    "canonical_order",
    "read_csv",
    "read_grid",
    "read_workbook",
    "read_xlsx",
    "to_csv",
    "to_html",
    "to_xlsx",
]


def to_xlsx(data: Catalogue | Sequence[Catalogue] | AnnualReport | Ledger) -> bytes:
    """An XLSX workbook of catalogues (one sheet each, then 目录信息), of a yearly report in
    the national layout (sheets 年度报告 and 报告信息), or of a requests ledger (its Chinese
    columns, every cell text so that an id such as ``2025-001`` stays an id).

    What it writes reads back the same: :func:`~govdisclose.read_catalogue`,
    :func:`~govdisclose.read_report`, :func:`~govdisclose.read_ledger`.
    """
    if isinstance(data, (Catalogue, Sequence)):
        return catalogue_xlsx(data)
    from ..annual_report import AnnualReport
    from ..annual_report import to_xlsx as report_xlsx
    from ..requests import Ledger, ledger_to_xlsx

    if isinstance(data, AnnualReport):
        return report_xlsx(data)
    if isinstance(data, Ledger):
        return ledger_to_xlsx(data)
    raise InputError(
        f"to_xlsx writes catalogues, a yearly report or a requests ledger, not "
        f"{type(data).__name__} (无法写为工作簿)"
    )


def to_html(data: Catalogue | AnnualReport) -> str:
    """A complete, accessible HTML page (a ``str``; write it as UTF-8) of a catalogue, or of
    a yearly report in the national layout, a text section not written yet shown with its
    heading and a box marked （待填写）."""
    if isinstance(data, Catalogue):
        return catalogue_html(data)
    from ..annual_report import AnnualReport
    from ..annual_report import to_html as report_html

    if isinstance(data, AnnualReport):
        return report_html(data)
    raise InputError(
        f"to_html writes a catalogue or a yearly report, not {type(data).__name__} (无法写为网页)"
    )
