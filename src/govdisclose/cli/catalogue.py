"""``govdisclose catalogue``: show and export catalogues (the standard ones or a file)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from ..errors import GovdiscloseError, InputError
from ..model import Catalogue, CatalogueItem
from ..standard import standard
from ..texttable import render_table
from ..vocabulary import Domain
from .common import add_format_option, add_output_option, read_bytes, write_text

__all__ = ["EXPORTERS", "IMPORTERS", "load_catalogue", "register", "render_catalogue"]

#: ``--format`` name -> function turning a catalogue into the bytes or text to write.
EXPORTERS: dict[str, Callable[[Catalogue], str | bytes]] = {}


def _export_json(catalogue: Catalogue) -> str:
    from ..converter import dumps

    return dumps(catalogue) + "\n"


EXPORTERS["json"] = _export_json


def _read_json(path: Path) -> Catalogue:
    from ..converter import loads

    return loads(read_bytes(path), Catalogue)


#: File suffix -> function reading a catalogue file.
IMPORTERS: dict[str, Callable[[Path], Catalogue]] = {".json": _read_json}


def load_catalogue(name: str) -> Catalogue:
    """A standard catalogue by domain (``work-safety``, ``救灾`` …) or a catalogue file."""
    domain = Domain.try_parse(name)
    if domain is not None and not Path(name).is_file():
        return standard(domain)
    path = Path(name)
    if not path.exists():
        raise InputError(
            f"{name!r} is neither a standard catalogue (work-safety, disaster-relief) nor a file "
            f"(既不是标准目录名称也不是文件)"
        )
    reader = IMPORTERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(
            f"{name}: unsupported file type {path.suffix!r}; use one of "
            f"{', '.join(sorted(IMPORTERS))} (不支持的文件类型)"
        )
    return reader(path)


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
        for previous, row in zip(catalogue.items, rows[1:]):  # merged cells, as in the table
            if row[0] == previous.first_level.label:
                row[0] = ""
        lines.append(render_table(header, rows, max_widths=[8, 4, 16, 20, 26, 8, 6, 10]))
        if any(item.provenance for item in catalogue.items):
            lines += ["", "* 有来源说明（--full 查看）/ has provenance notes (see --full)"]
    lines += [f"注：{note}" for note in catalogue.notes]
    return "\n".join(lines).rstrip() + "\n"


def _show(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(args.name)
    if args.format == "json":
        write_text(EXPORTERS["json"](catalogue), None)  # type: ignore[arg-type]
    else:
        write_text(render_catalogue(catalogue, full=args.full), None)
    return 0


def _export(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(args.name)
    if args.level:
        from ..localize import derive

        catalogue = derive(catalogue, args.level)
    exporter = EXPORTERS.get(args.format)
    if exporter is None:  # pragma: no cover - argparse restricts choices
        raise GovdiscloseError(f"unknown format {args.format!r}")
    out = exporter(catalogue)
    if isinstance(out, bytes):
        if args.output is None:
            raise InputError(
                f"--format {args.format} is binary: give --output FILE (需指定输出文件)"
            )
        try:
            args.output.write_bytes(out)
        except OSError as exc:
            raise InputError(f"cannot write {args.output}: {exc.strerror} (无法写入文件)") from None
    else:
        write_text(out, args.output)
    return 0


def _derive(args: argparse.Namespace) -> int:
    from ..localize import derive

    catalogue = derive(load_catalogue(args.name), args.level, publisher=args.publisher)
    exporter = EXPORTERS["json"] if args.format == "json" else None
    text = exporter(catalogue) if exporter else render_catalogue(catalogue)
    write_text(text if isinstance(text, str) else text.decode(), args.output)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``catalogue`` command group."""
    group = sub.add_parser(
        "catalogue",
        help="标准目录：查看、导出 / show and export catalogues",
        description="查看、导出标准目录或本地目录。Show and export the standard or a local catalogue.",
    )
    actions = group.add_subparsers(title="子命令 / subcommands", metavar="ACTION")
    name_help = "work-safety（安全生产）、disaster-relief（救灾），或目录文件 / or a catalogue file"

    show = actions.add_parser(
        "show",
        help="以表格显示目录 / print a catalogue as a readable table",
        description="以表格显示目录。Print a catalogue as a readable table.",
    )
    show.add_argument("name", metavar="NAME", help=name_help)
    show.add_argument("--full", action="store_true", help="逐项显示全部要素 / every element")
    add_format_option(show)
    show.set_defaults(handler=_show)

    export = actions.add_parser(
        "export",
        help="导出目录 / export a catalogue",
        description="导出目录（JSON、XLSX、CSV、HTML）。Export a catalogue.",
    )
    export.add_argument("name", metavar="NAME", help=name_help)
    export.add_argument(
        "--format",
        choices=sorted(EXPORTERS),
        default="json",
        help="导出格式 / output format (default json)",
    )
    export.add_argument(
        "--level",
        choices=["county", "township"],
        help="只导出该层级适用的事项 / only items for this level",
    )
    add_output_option(export)
    export.set_defaults(handler=_export)
    derive = actions.add_parser(
        "derive",
        help="由标准目录生成县级或乡级目录 / derive a county or township catalogue",
        description=(
            "由标准目录生成本级目录（保留适用于该层级的事项），供细化补充。"
            "Derive the catalogue for one level from the standard, to localise it."
        ),
    )
    derive.add_argument("name", metavar="NAME", help=name_help)
    derive.add_argument("--level", required=True, choices=["county", "township"],
                        help="层级 / level")
    derive.add_argument("--publisher", help="发布机关，如 XX县应急管理局 / publishing body")
    add_format_option(derive, "json", "text")
    add_output_option(derive)
    derive.set_defaults(handler=_derive)
    group.set_defaults(handler=lambda args: (group.print_help(), 2)[1])
