"""Plain text for terminals, aware that a Chinese character takes two columns.

Widths come from the Unicode East Asian Width property (``unicodedata``): wide and full-width
characters take two columns, combining marks none.  :func:`render_table` lays out a table,
:func:`wrap` cuts a cell into lines, :func:`wrap_words` fills a paragraph (breaking at blanks
and between Chinese characters) — the command line's help is wrapped with it.

>>> print(render_table(["事项", "n"], [["法律法规", "1"], ["标准", "22"]]))
事项     | n
---------+---
法律法规 | 1
标准     | 22
>>> wrap_words("政务公开 disclosure of government information", 16)
['政务公开', 'disclosure of', 'government', 'information']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence


def _char_width(ch: str) -> int:
    if not ch.isprintable():
        return 1  # shown escaped
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide and full-width characters count two, combining
    marks none (control characters count one: they are shown escaped).

    >>> display_width("公开 ABC"), display_width("ＡＢ"), display_width("é")
    (8, 4, 1)
    """
    if text.isascii():
        return len(text)
    return sum(map(_char_width, text))


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


#: Pieces a line may break between: a blank run, a word of narrow characters, or one
#: wide character (Chinese text breaks between any two characters).
_PIECES = r"(?s)\s+|[\x21-\u10ff]+|."
#: Punctuation that must not start a line (it stays with the character before it).
_NO_BREAK = frozenset("，。、；：）」』》〉！？,.;:)]}/")


def wrap_words(text: str, width: int) -> list[str]:
    """Fill ``text`` into lines of at most ``width`` columns, breaking at blanks and between
    wide characters; a word longer than a line is cut."""
    lines: list[str] = []
    line: list[str] = []
    used = 0
    for piece in re.findall(_PIECES, text):
        if piece.isspace():
            if line:
                line.append(" ")
                used += 1
            continue
        w = display_width(piece)
        if used + w > width and line:
            carried: list[str] = []  # what goes down with a mark that cannot start a line
            while len(line) > 1 and line[-1] != " " and (carried or [piece])[0][0] in _NO_BREAK:
                carried.insert(0, line.pop())
            lines.append("".join(line).rstrip())
            line, used = carried, sum(display_width(c) for c in carried)
        while w > width:  # a word longer than a line: cut it
            head = wrap(piece, max(width - used, 1))[0]
            lines.append(("".join(line) + head).rstrip())
            line, used = [], 0
            piece = piece[len(head) :]
            w = display_width(piece)
        line.append(piece)
        used += w
    if line or not lines:
        lines.append("".join(line).rstrip())
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
