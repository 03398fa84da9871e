"""Helpers for the table tests: hand-made workbooks and CSV files like counties make them."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any


def make_xlsx(
    path: Path,
    rows: Sequence[Sequence[Any]],
    merges: Iterable[str] = (),
    *,
    title: str = "Sheet1",
    more_sheets: Sequence[tuple[str, Sequence[Sequence[Any]]]] = (),
) -> Path:
    """Write ``rows`` (lists of cell values) to a one-sheet workbook with merged ranges."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(list(row))
    for ref in merges:
        ws.merge_cells(ref)
    for name, sheet_rows in more_sheets:
        other = wb.create_sheet(name)
        for row in sheet_rows:
            other.append(list(row))
    wb.save(path)
    return path


def rewrite_zip(source: bytes, changes: dict[str, bytes | None]) -> bytes:
    """A copy of a ZIP (XLSX) with members replaced, added, or removed (``None``)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source)) as old,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for info in old.infolist():
            if info.filename in changes:
                continue
            new.writestr(info, old.read(info.filename))
        for name, data in changes.items():
            if data is not None:
                new.writestr(name, data)
    return out.getvalue()


#: The two header rows of the official layout, with a local column, as a county types them.
OFFICIAL_HEADER = (
    ["公开事项", None, None, "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
     "公开对象", None, "公开方式", None, "公开层级", None, "责任科室"],
    ["一级事项", "二级事项", None, None, None, None, None, None,
     "全社会", "特定群体", "主动", "依申请", "县级", "乡级", None],
)  # fmt: skip
OFFICIAL_HEADER_MERGES = ("A{r}:C{r}", "B{s}:C{s}", "D{r}:D{s}", "E{r}:E{s}", "F{r}:F{s}",
                          "G{r}:G{s}", "H{r}:H{s}", "I{r}:J{r}", "K{r}:L{r}", "M{r}:N{r}",
                          "O{r}:O{s}")  # fmt: skip


def header_merges(row: int) -> list[str]:
    """The merged header ranges of :data:`OFFICIAL_HEADER` starting at 1-based ``row``."""
    return [m.format(r=row, s=row + 1) for m in OFFICIAL_HEADER_MERGES]


BOXES = (
    "■政府网站 □政府公报\n■两微一端 □发布会\n□广播电视 □纸质媒体\n■公开查阅点 □政务服务中心\n"
    "□便民服务站 □入户/现场\n□社区/企事业单位、村公示栏（电子屏）\n□精准推送 □其他"
)
