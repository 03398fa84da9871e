"""Read the text dump of the two 390 standard tables (tests/data/source) into plain rows.

This reader is independent of the package: the tests use it to check the bundled catalogues
against the published tables, cell by cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SOURCE = Path(__file__).parent / "data" / "source" / "yjtf-2019-390-tables.txt"

TITLES = {
    "work_safety": "安全生产领域基层政务公开标准目录",
    "disaster_relief": "救灾领域基层政务公开标准目录",
}
TICK_COLUMNS = ("全社会", "特定群体", "主动", "依申请", "县级", "乡级")
BOX = re.compile(r"([■□])\s*([^■□]+)")


@dataclass
class SourceRow:
    first_level: str
    number: int
    name: str
    content: str
    basis: str
    time_limit: str
    subject: str
    channel_text: str
    ticks: dict[str, bool] = field(default_factory=dict)

    @property
    def channels(self) -> list[str]:
        """Labels of the ticked (■) channel boxes, in table order."""
        return [label.strip() for mark, label in BOX.findall(self.channel_text) if mark == "■"]


def _lines() -> list[str]:
    text = SOURCE.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if not line.startswith("#")]


def read_table(domain: str) -> list[SourceRow]:
    """The rows of one table as published (no errata applied)."""
    lines = _lines()
    start = lines.index(TITLES[domain])
    # The header ends with the 乡级 column.
    p = lines.index("乡级", start) + 1
    end = len(lines)
    if domain == "work_safety":
        end = lines.index(TITLES["disaster_relief"])
    rows: list[SourceRow] = []
    group = ""

    def skip_empty() -> None:
        nonlocal p
        while p < end and not lines[p]:
            p += 1

    while True:
        skip_empty()
        if p >= end or lines[p].startswith(("附件", "注：")):
            break
        if not lines[p].isdigit():
            group = lines[p]
            p += 1
            skip_empty()
        number = int(lines[p])
        name, content = lines[p + 1], lines[p + 2]
        p += 3
        skip_empty()  # the shifted rows of 灾后救助 have empty cells here
        basis, time_limit, subject = lines[p], lines[p + 1], lines[p + 2]
        p += 3
        channel_lines = []
        while p < end and lines[p][:1] in ("■", "□"):
            channel_lines.append(lines[p])
            p += 1
        if not channel_lines:
            p += 1  # an empty (merged) channel cell
        ticks: list[bool] = []
        while len(ticks) < len(TICK_COLUMNS) and p < end and lines[p] in ("√", ""):
            ticks.append(lines[p] == "√")
            p += 1
        ticks += [False] * (len(TICK_COLUMNS) - len(ticks))
        rows.append(
            SourceRow(
                first_level=group,
                number=number,
                name=name,
                content=content,
                basis=basis,
                time_limit=time_limit,
                subject=subject,
                channel_text=" ".join(channel_lines),
                ticks=dict(zip(TICK_COLUMNS, ticks, strict=True)),
            )
        )
    return rows
