"""A catalogue as an accessible, print-friendly HTML table for a government website.

:func:`to_html` gives one self-contained UTF-8 page (inline CSS, no scripts, no external
resources) with the table in the official layout: a ``<caption>``, the two header rows with
``colspan``/``rowspan`` and ``scope``, one ``<tbody>`` per run of a first-level item (its cell
spans the run), the channel boxes as ■/□ text with 是/否 for screen readers, and √ ticks with
their meaning spelled out.  Every text is escaped.

>>> from govdisclose import standard
>>> page = to_html(standard("work_safety"))
>>> page.startswith('<!DOCTYPE html>\\n<html lang="zh-CN">')
True
>>> '<th scope="colgroup" colspan="2">公开对象</th>' in page
True
>>> "<script" in page or "http" in page
False
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from .._model import Catalogue, CatalogueItem
from .._vocabulary import TEMPLATE_CHANNELS, Channel
from ._cells import _KIND_LABELS, row_values
from ._layout import (
    FIELD_LABELS,
    Column,
    columns_for,
    extra_channels,
    first_level_runs,
    header_groups,
)

_CSS = """
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; margin: 1.5em; color: #000; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; }
caption { font-size: 16pt; font-weight: bold; padding: .5em 0; }
caption .meta { display: block; font-size: 10.5pt; font-weight: normal; }
th, td { border: 1px solid #000; padding: .3em .4em; vertical-align: middle; }
thead th { background: #e7e6e6; text-align: center; }
tbody th { font-weight: normal; text-align: left; }
tbody th[scope="rowgroup"] { text-align: center; font-weight: bold; }
td.num, td.tick { text-align: center; white-space: nowrap; }
ul { list-style: none; margin: 0; padding: 0; }
ul.channels { display: grid; grid-template-columns: repeat(2, max-content); gap: 0 1em; }
ul.channels li.wide { grid-column: 1 / -1; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
      clip-path: inset(50%); white-space: nowrap; }
.notes { margin-top: 1em; font-size: 10pt; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body { margin: 0; }
  thead { display: table-header-group; }
  tr, th, td { break-inside: avoid; page-break-inside: avoid; }
  thead th { background: none; }
}
""".strip()


def _e(text: str) -> str:
    """Escape text and keep its line breaks."""
    return html.escape(text).replace("\n", "<br>")


def _header(columns: Sequence[Column]) -> str:
    """The ``<colgroup>`` elements (what ``scope="colgroup"`` names) and the two header rows."""
    groups = header_groups(columns)
    top: list[str] = []
    low: list[str] = []
    for group in groups:
        first = columns[group.start]
        if first.spans_both_rows:
            top.append(f'<th scope="col" rowspan="2">{_e(first.header)}</th>')
            continue
        top.append(f'<th scope="colgroup" colspan="{len(group)}">{_e(first.group)}</th>')
        for c in group:
            if columns[c].key == "number":
                low.append('<th scope="col" colspan="2">二级事项</th>')
            elif columns[c].key != "name" or (c > group.start and columns[c - 1].key != "number"):
                low.append(f'<th scope="col">{_e(columns[c].header)}</th>')
    return (
        "".join(f'<colgroup span="{len(group)}"></colgroup>' for group in groups)
        + f"\n<thead>\n<tr>{''.join(top)}</tr>\n<tr>{''.join(low)}</tr>\n</thead>"
    )


def _channels(item: CatalogueItem, extras: Sequence[Channel]) -> str:
    boxes = [*TEMPLATE_CHANNELS, *extras]
    boxes += [c for c in item.channels if c not in boxes]
    out = []
    for channel in boxes:
        used = channel in item.channels
        mark = "■" if used else "□"
        state = "是" if used else "否"
        wide = ' class="wide"' if channel is Channel.BULLETIN_BOARD else ""
        out.append(
            f'<li{wide}><span aria-hidden="true">{mark}</span>{_e(channel.label)}'
            f'<span class="vh">：{state}</span></li>'
        )
    return f'<ul class="channels">{"".join(out)}</ul>'


def _list(values: Sequence[str]) -> str:
    if not values:
        return ""
    return "<ul>" + "".join(f"<li>{_e(v)}</li>" for v in values) + "</ul>"


def _provenance(item: CatalogueItem) -> str:
    notes = []
    for note in item.provenance:
        fields = "、".join(FIELD_LABELS.get(f, f) for f in note.fields)
        head = _KIND_LABELS[note.kind] + (f"（{fields}）" if fields else "")
        notes.append(f"{head}：{note.note}")
    return _list(notes)


def _cell(item: CatalogueItem, column: Column, extras: Sequence[Channel]) -> str:
    key = column.key
    if key == "tick":
        assert column.term is not None
        ticked = column.term in (*item.audiences, *item.modes, *item.levels)
        meaning = f"{column.group}{column.header}：{'是' if ticked else '否'}"
        mark = '<span aria-hidden="true">√</span>' if ticked else ""
        return f'<td class="tick">{mark}<span class="vh">{_e(meaning)}</span></td>'
    if key == "number":
        return f'<td class="num">{item.number}</td>'
    if key == "name":
        return f'<th scope="row">{_e(item.name)}</th>'
    if key in ("third_level_items", "push_targets", "other_channels"):
        return f"<td>{_list(getattr(item, key))}</td>"
    if key == "channels":
        return f"<td>{_channels(item, extras)}</td>"
    if key == "provenance":
        return f"<td>{_provenance(item)}</td>"
    return f"<td>{_e(str(row_values(item, [column], extras)[0]))}</td>"


def to_html(catalogue: Catalogue) -> str:
    """The catalogue as a complete HTML page (a ``str``; write it as UTF-8)."""
    # The structured citations are for programs, not for readers of the website.
    columns = [c for c in columns_for(catalogue) if c.key != "citations"]
    extras = extra_channels(catalogue)
    meta = " · ".join(
        x
        for x in (
            catalogue.publisher,
            catalogue.level and catalogue.level.label,
            catalogue.issuing_document,
        )
        if x
    )
    caption = _e(catalogue.title) + (f'<span class="meta">{_e(meta)}</span>' if meta else "")
    bodies = []
    for run in first_level_runs(catalogue.items):
        rows = []
        for i, item in enumerate(run):
            cells = [
                _cell(item, column, extras) for column in columns if column.key != "first_level"
            ]
            if i == 0:
                group = (
                    f'<th scope="rowgroup" rowspan="{len(run)}">{_e(item.first_level.label)}</th>'
                )
                cells.insert(0, group)
            rows.append(f"<tr>{''.join(cells)}</tr>")
        bodies.append("<tbody>\n" + "\n".join(rows) + "\n</tbody>")
    notes = "".join(f"<p>{_e(note)}</p>" for note in catalogue.notes)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(catalogue.title)}</title>",
        f"<style>\n{_CSS}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        '<table class="catalogue">',
        f"<caption>{caption}</caption>",
        _header(columns),
        *bodies,
        "</table>",
        f'<footer class="notes">{notes}</footer>' if notes else "",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"
