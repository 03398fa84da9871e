"""``govdisclose catalogue``: show, export, import and derive catalogues.

A catalogue is named by its domain (``work-safety``, ``救灾`` …: the bundled standard) or
given as a file: JSON, or a table in the official layout (``.xlsx``, ``.csv``).  Tables are
read with :mod:`govdisclose.tables`; what cannot be read in them becomes findings.

``catalogue import TABLE`` writes the catalogue read from a table as JSON and lists the
findings on standard error.  Exit code 0: read without errors; 1: there are error findings
(cells that could not be read — the catalogue of everything else is still written); 2: the
file is unusable (not a spreadsheet, too large, no catalogue header, unknown domain).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .._errors import InputError
from .._files import dump_json
from .._model import Catalogue, CatalogueItem
from .._standard import standard
from .._texttable import render_table
from .._vocabulary import Domain
from . import command_group
from .common import (
    LEVEL_CHOICES,
    add_format_option,
    add_limit_option,
    add_output_option,
    escape_controls,
    escape_json,
    file_format,
    limits_from,
    output_path,
    write_output,
    write_result,
)

if TYPE_CHECKING:
    from ..findings import Report


def _export_json(catalogue: Catalogue) -> str:
    """The catalogue as JSON, control characters in its strings as ``\\u`` escapes."""
    from .._converter import dumps

    return escape_json(dumps(catalogue)) + "\n"


def _table_exporter(form: str) -> Callable[..., str | bytes]:
    """``govdisclose.tables.to_<form>``, imported (with openpyxl) when first called."""

    def export(catalogue: Catalogue, **options: str) -> str | bytes:
        from .. import tables

        result: str | bytes = getattr(tables, f"to_{form}")(catalogue, **options)
        return result

    return export


#: ``--to`` name -> function turning a catalogue into the bytes or text to write.
EXPORTERS: dict[str, Callable[..., str | bytes]] = {
    "json": _export_json,
    **{form: _table_exporter(form) for form in ("xlsx", "csv", "html")},
}
#: Suffix of ``--output`` -> the format written (``""``: the default).
_SUFFIXES = {**{form: form for form in EXPORTERS}, "htm": "html", "jsonl": "json", "": "json"}

#: Formats whose output is not text: they are written to a file (``--output``) only.
BINARY_FORMATS = frozenset({"xlsx"})


def load_listed(name: str, args: argparse.Namespace) -> tuple[Catalogue, int]:
    """A standard catalogue by domain (``work-safety``, ``救灾`` …) or a catalogue file (JSON,
    or a table read with the ``--limit`` settings); and 1 if reading it found an error, else 0.

    The findings of a table import (``.xlsx``, ``.csv``) are listed on standard error
    (:func:`list_table_findings`); unusable input raises
    :class:`~govdisclose._errors.InputError`.
    """
    from .._catalogue_files import read_catalogue

    domain = Domain.parse(name, default=None)
    if domain is not None and not Path(name).is_file():
        return standard(domain), 0
    if not Path(name).exists():
        raise InputError(
            f"{name!r} is neither a standard catalogue (work-safety, disaster-relief) nor a file "
            f"(既不是标准目录名称也不是文件)"
        )
    result = read_catalogue(name, limits=limits_from(args))
    return result.catalogue, list_table_findings(result.report)


def _join(terms: tuple[object, ...]) -> str:
    return "、".join(str(t) for t in terms)


def _row(item: CatalogueItem) -> list[str]:
    marks = "*" if item.provenance else ""
    return [
        item.first_level.label,
        f"{item.number}{marks}",
        item.name,
        item.time_limit.text,
        _join(item.channels),
        _join(item.audiences),
        _join(item.modes),
        _join(item.levels),
    ]


def render_catalogue(catalogue: Catalogue, *, full: bool = False) -> str:
    """A catalogue as a readable text table (with ``full``: every element, item by item)."""
    lines = [catalogue.title]
    meta = [
        catalogue.issuing_document,
        catalogue.publisher,
        catalogue.level and str(catalogue.level),
    ]
    meta_text = " · ".join(m for m in meta if m)
    if meta_text:
        lines.append(meta_text)
    lines.append(
        f"{len(catalogue)} 项二级事项 / second-level items"
        + (
            f"（文件声明 {catalogue.declared_item_count} 项 / declared)"
            if catalogue.declared_item_count not in (None, len(catalogue))
            else ""
        )
    )
    lines.append("")
    if full:
        for item in catalogue.items:
            lines += [
                f"【{item.first_level.label} {item.number}】{item.name}  ({item.id})",
                f"  公开内容: {item.content}",
                f"  公开依据: {item.basis.text}",
                f"  公开时限: {item.time_limit.text}",
                f"  公开主体: {item.subject}",
                f"  公开渠道: {_join(item.channels)}",
                f"  公开对象: {_join(item.audiences)}   公开方式: {_join(item.modes)}"
                f"   公开层级: {_join(item.levels)}",
            ]
            for note in item.provenance:
                lines.append(f"  * {note.kind.value}: {note.note}")
            lines.append("")
    else:
        header = ["一级事项", "序号", "二级事项", "公开时限", "公开渠道", "对象", "方式", "层级"]
        rows = [_row(item) for item in catalogue.items]
        # merged cells, as in the table
        for previous, row in zip(catalogue.items, rows[1:], strict=False):
            if row[0] == previous.first_level.label:
                row[0] = ""
        lines.append(render_table(header, rows, max_widths=[8, 4, 16, 20, 26, 8, 6, 10]))
        if any(item.provenance for item in catalogue.items):
            lines += ["", "* 有来源说明（--full 查看）/ has provenance notes (see --full)"]
    lines += [note if note.startswith("注") else f"注：{note}" for note in catalogue.notes]
    return "\n".join(lines).rstrip() + "\n"


def list_table_findings(report: Report, *, as_json: bool = False) -> int:
    """List a table import's findings on standard error; exit code 1 if any is an error.

    What could be read is still shown or exported, but a script must not take a table with
    unreadable cells for a clean one.
    """
    if as_json:
        from .._converter import unstructure

        sys.stderr.write(escape_json(dump_json(unstructure(report))))
    elif len(report):
        sys.stderr.write(escape_controls(report.to_text()) + "\n")
    return 1 if report.has_errors else 0


def _show(args: argparse.Namespace) -> int:
    catalogue, code = load_listed(args.name, args)
    write_result(args, catalogue, lambda: render_catalogue(catalogue, full=args.full))
    return code


def _export(args: argparse.Namespace) -> int:
    output = output_path(args, args.name)
    form = file_format(args)
    if args.encoding is not None and form != "csv":
        raise InputError("--encoding is for CSV output only (--to csv) (仅适用于CSV)")
    if form in BINARY_FORMATS and output is None:
        raise InputError(f"--to {form} is binary: give --output FILE (需指定输出文件)")
    catalogue, code = load_listed(args.name, args)
    if args.level:
        from .._localize import derive

        catalogue = derive(catalogue, args.level)
    options = {"encoding": args.encoding} if args.encoding else {}
    write_output(EXPORTERS[form](catalogue, **options), output)
    return code


def _import(args: argparse.Namespace) -> int:
    from ..tables import read_csv, read_xlsx

    path = Path(args.file)
    output = output_path(args, path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        result = read_xlsx(path, domain=args.domain, sheet=args.sheet, limits=limits_from(args))
    elif suffix == ".csv":
        if args.sheet is not None:
            raise InputError("--sheet is for .xlsx files only (仅适用于xlsx文件)")
        result = read_csv(path, domain=args.domain, limits=limits_from(args))
    else:
        raise InputError(f"{path}: import reads .xlsx or .csv tables (仅支持xlsx、csv表格)")
    write_output(_export_json(result.catalogue), output)
    list_table_findings(result.report, as_json=args.findings_format == "json")
    return 1 if result.report.has_errors else 0


def _derive(args: argparse.Namespace) -> int:
    from .._localize import derive

    output = output_path(args, args.name)
    catalogue, code = load_listed(args.name, args)
    catalogue = derive(catalogue, args.level, publisher=args.publisher, renumber=args.renumber)
    write_result(args, catalogue, lambda: render_catalogue(catalogue), output)
    return code


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``catalogue`` command group."""
    actions = command_group(
        sub,
        "catalogue",
        title="子命令 / subcommands",
        metavar="ACTION",
        description=(
            "查看、导出、导入标准目录或本地目录。"
            "Show, export and import the standard or a local catalogue."
        ),
    )
    name_help = "work-safety（安全生产）、disaster-relief（救灾），或目录文件 / or a catalogue file"

    show = actions.add_parser(
        "show",
        help="以表格显示目录 / print a catalogue as a readable table",
        description="以表格显示目录。Print a catalogue as a readable table.",
    )
    show.add_argument("name", metavar="NAME", help=name_help)
    show.add_argument("--full", action="store_true", help="逐项显示全部要素 / every element")
    add_format_option(show)
    add_limit_option(show)
    show.set_defaults(handler=_show)

    export = actions.add_parser(
        "export",
        help="导出目录 / export a catalogue",
        description="导出目录（JSON、XLSX、CSV、HTML；格式按 --to 或输出文件后缀）。Export a "
        "catalogue as JSON, XLSX, CSV or HTML (the format: --to, or the suffix of --output).",
    )
    export.add_argument("name", metavar="NAME", help=name_help)
    export.add_argument(
        "--level",
        choices=LEVEL_CHOICES,
        help="只导出该层级适用的事项 / only items for this level",
    )
    export.add_argument(
        "--encoding",
        choices=["utf-8-sig", "utf-8", "gb18030"],
        help="CSV编码（默认带BOM的UTF-8）/ encoding of CSV output (default utf-8-sig)",
    )
    add_output_option(export, _SUFFIXES)
    add_limit_option(export)
    export.set_defaults(handler=_export)

    imp = actions.add_parser(
        "import",
        help="读取XLSX或CSV目录表 / read a catalogue table (.xlsx, .csv)",
        description=(
            "读取按390号表格式制作的目录表（XLSX、CSV），输出JSON；无法识别的单元格作为问题列出"
            "（标准错误输出）。退出码：0 无错误；1 有错误问题（仍输出可读内容）；2 文件不可用。"
            " Read a catalogue table and write it as JSON; cells that cannot be read are listed "
            "as findings on standard error.  Exit 0: no errors; 1: error findings (what could "
            "be read is still written); 2: unusable file."
        ),
    )
    imp.add_argument("file", metavar="FILE", help="目录表文件 / table file (.xlsx, .csv)")
    imp.add_argument("--domain", help="领域（安全生产、救灾）/ domain, when the file does not say")
    imp.add_argument("--sheet", help="工作表名称（xlsx）/ the sheet to read (xlsx)")
    imp.add_argument(
        "--findings-format",
        choices=["text", "json"],
        default="text",
        help="问题列表（标准错误输出）的格式 / format of the findings on standard error "
        "(text, json; default text)",
    )
    add_limit_option(imp)
    imp.set_defaults(handler=_import)
    add_output_option(imp)
    derive = actions.add_parser(
        "derive",
        help="由标准目录生成县级或乡级目录 / derive a county or township catalogue",
        description=(
            "由标准目录生成本级目录（保留适用于该层级的事项），供细化补充。"
            "Derive the catalogue for one level from the standard, to localise it."
        ),
    )
    derive.add_argument("name", metavar="NAME", help=name_help)
    derive.add_argument("--level", required=True, choices=LEVEL_CHOICES, help="层级 / level")
    derive.add_argument("--publisher", help="发布机关，如 XX县应急管理局 / publishing body")
    derive.add_argument(
        "--renumber",
        action="store_true",
        help="各一级事项下从1连续编号（注明标准目录中的序号）/ number items 1..n within each "
        "first-level item (noting the standard's number)",
    )
    add_format_option(derive, "json", "text")
    add_output_option(derive)
    add_limit_option(derive)
    derive.set_defaults(handler=_derive)
