"""Plain-text tables for terminals, aware that a Chinese character takes two columns.

>>> print(render_table(["事项", "n"], [["法律法规", "1"], ["标准", "22"]]))
事项     | n
---------+---
法律法规 | 1
标准     | 22
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["display_width", "render_table", "wrap"]


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """Cut ``text`` into lines of at most ``width`` columns, keeping its own line breaks."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line, used = "", 0
        for ch in paragraph:
            w = display_width(ch)
            if used + w > width and line:
                lines.append(line)
                line, used = "", 0
            line += ch
            used += w
        lines.append(line)
    return lines


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def render_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    max_widths: Sequence[int] | None = None,
) -> str:
    """Render rows under a header; cells wider than ``max_widths`` wrap onto more lines."""
    limits = list(max_widths) if max_widths else [10**6] * len(header)
    cells = [[wrap(str(c), limits[i]) for i, c in enumerate(row)] for row in rows]
    head = [wrap(h, limits[i]) for i, h in enumerate(header)]
    widths = [
        max(display_width(line) for row in [head, *cells] for line in row[i])
        for i in range(len(header))
    ]

    def lines_of(row: list[list[str]]) -> list[str]:
        height = max(len(c) for c in row)
        out = []
        for k in range(height):
            parts = [_pad(c[k] if k < len(c) else "", widths[i]) for i, c in enumerate(row)]
            out.append(" | ".join(parts).rstrip())
        return out

    rule = "-+-".join("-" * w for w in widths)
    body = [line for row in cells for line in lines_of(row)]
    return "\n".join([*lines_of(head), rule, *body])
