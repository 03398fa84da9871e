"""``govdisclose schema``: print or export the JSON Schemas of the exchanged documents."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .._errors import InputError
from . import COMMANDS, EXIT_FINDINGS, EXIT_OK

_EPILOG = """\
示例 / examples:
  govdisclose schema                 列出全部模式 / list them
  govdisclose schema catalogue-item  打印一个模式 / print one
  govdisclose schema --output DIR    写出全部模式 / write them all into DIR
  govdisclose schema --check DIR     检查是否最新 / exit 1 if DIR is stale
"""


def _run(args: argparse.Namespace) -> int:
    from .._files import dump_json
    from ..schemas import SCHEMA_NAMES, schema, stale_schemas, write_schemas

    if args.check is not None:
        if not Path(args.check).is_dir():
            raise InputError(f"{args.check}: not a directory of exported schemas (不是目录)")
        stale = stale_schemas(args.check)
        if stale:
            print(
                f"{args.check}: out of date (模式导出已过期): {', '.join(stale)}; refresh with "
                f"`govdisclose schema --output {args.check}`",
                file=sys.stderr,
            )
            return EXIT_FINDINGS
        print(f"{args.check}: {len(SCHEMA_NAMES)} schemas up to date (模式导出为最新)")
        return EXIT_OK
    if args.output is not None:
        names = (args.name,) if args.name else SCHEMA_NAMES
        for path in write_schemas(args.output, names):
            print(path)
        return EXIT_OK
    if args.name:
        sys.stdout.write(dump_json(schema(args.name)))
        return EXIT_OK
    for name in SCHEMA_NAMES:
        print(f"{name:<18} {schema(name)['title']}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``schema`` command."""
    from ..schemas import SCHEMA_NAMES

    parser = sub.add_parser(
        "schema",
        help=COMMANDS["schema"],
        description=(
            "打印或导出交换数据的 JSON Schema（Draft 2020-12，词表取值带中文标签）。"
            "Print or export the JSON Schemas (Draft 2020-12) of the documents govdisclose "
            "exchanges; vocabulary values carry their Chinese labels."
        ),
        epilog=_EPILOG,
    )
    parser.add_argument(
        "name",
        metavar="NAME",
        nargs="?",
        choices=SCHEMA_NAMES,
        help=f"模式名称 / schema name: {', '.join(SCHEMA_NAMES)} (omit: list them, or all)",
    )
    target = parser.add_mutually_exclusive_group()
    target.add_argument(
        "--output",
        "-o",
        metavar="DIR",
        type=Path,
        help="写入目录，文件名为 NAME.schema.json / write NAME.schema.json files into DIR",
    )
    target.add_argument(
        "--check",
        metavar="DIR",
        type=Path,
        help="检查 DIR 中的导出是否最新（过期时退出码1）/ exit 1 if DIR's export is stale",
    )
    parser.set_defaults(handler=_run)
