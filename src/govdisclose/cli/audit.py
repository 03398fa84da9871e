"""``govdisclose audit``: was each record of a publication log published on time?

Command::

    govdisclose audit LOG [--as-of DATE] [--format text|json] [--catalogue FILE]...
                          [--calendar FILE]... [--provisional] [--input-format csv|jsonl]
                          [--encoding ENC] [--max-listed N] [--records FILE]
                          [--output FILE]

``LOG`` is a CSV (header row) or JSON Lines file in UTF-8 (with or without byte-order mark),
UTF-16 with its byte-order mark, or GB18030 — told from the file unless ``--encoding`` names
it; ``-`` reads standard input.  The log is streamed: its size is not limited.
``--catalogue`` gives a local catalogue that replaces the standard one of its domain.
``--records FILE`` writes every record's result as JSON Lines (one object per record, in log
order).

Dates in the log: ``2024-10-08`` (or ``2024-10-8``), ``2024/10/8``, ``2024.10.8``,
``2024年10月8日``, ``20241008`` (full-width digits too), or a date-time: a time of day after
``T`` or a blank, with or without a UTC offset (``2024-10-08T09:30``, ``2024-10-08 09:30:15``,
``2024-10-07T20:00Z``, ``2024-10-08T09:30+08:00``) — the date in China Standard Time when it
has an offset, the written date otherwise; see :mod:`govdisclose.audit._log_record`.
``--as-of`` takes the same spellings as every date option
(:func:`~govdisclose.cli.common.parse_date_option`), and ``today`` (the default).
No output (``--output``, ``--records``) may be one of the inputs, nor both the same file;
each is written whole or not at all.

Exit codes: 0 nothing late or overdue and every record usable; 1 some record is late or
overdue, or cannot be used (an ``audit.bad-record`` error); 2 unusable input (missing file,
undecodable, no recognisable header, a log of the other format than ``--input-format`` says, a
log with records none of which can be used — the message gives the first one's problem —,
a bad option).
"""

from __future__ import annotations

import argparse
import contextlib
import json
from pathlib import Path
from typing import Any

from .._dates import DATE_FORMATS
from .._errors import InputError
from . import COMMANDS, EXIT_FINDINGS, EXIT_OK
from .common import (
    add_as_of_option,
    add_calendar_options,
    add_format_option,
    add_limit_option,
    add_output_option,
    calendar_from_args,
    output_path,
    parse_date_option,
    whole_number,
    write_result,
)


def _run(args: argparse.Namespace) -> int:
    from .._converter import unstructure
    from .._files import atomic_writer
    from ..audit import audit_file
    from .catalogue import load_listed

    as_of = parse_date_option(args.as_of, "--as-of")
    inputs = [args.log, *args.catalogue, *args.calendar]
    output = output_path(args, *inputs, also=("--records", args.records))
    # what could not be read is said, not dropped
    catalogues = [load_listed(name, args)[0] for name in args.catalogue]
    calendar = calendar_from_args(args)
    with contextlib.ExitStack() as stack:
        on_record: Any = None
        if args.records is not None:
            out = stack.enter_context(atomic_writer(args.records))

            def on_record(result: Any) -> None:
                out.write(json.dumps(unstructure(result), ensure_ascii=False).encode() + b"\n")

        result = audit_file(
            args.log,
            as_of=as_of,
            catalogues=catalogues,
            calendar=calendar,
            on_record=on_record,
            max_listed=args.max_listed,
            format=args.input_format,
            encoding=args.encoding,
        )
    if result.nothing_usable:
        raise InputError(
            f"{result.subject}: no record could be read (没有一条记录可以使用), the first: "
            f"{result.first_problem}; check the log's format and encoding "
            f"(--input-format, --encoding)"
        )
    write_result(args, result, result.to_text, output)
    return EXIT_OK if result.ok else EXIT_FINDINGS


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``audit`` command."""
    parser = sub.add_parser(
        "audit",
        help=COMMANDS["audit"],
        description=(
            "逐条判断公开记录是否按时公开（按时、逾期、超期未公开、待公开、无法判定）。"
            "Audit a publication log: on time, late, overdue, pending or not assessable. "
            f"日期 / dates: {DATE_FORMATS}, or a date-time (2024-10-08T09:30; with an offset, "
            "the date in China Standard Time). 编码 encodings: UTF-8, UTF-16 (BOM), GB18030. "
            "退出码 exit codes: 0 无逾期且记录均可用 nothing late, every record usable; "
            "1 有逾期、超期或无法使用的记录 late, overdue or unusable records; "
            "2 输入不可用（含没有一条记录可用）unusable input, or no record usable."
        ),
    )
    parser.add_argument(
        "log", metavar="LOG", help="公开记录文件（CSV 或 JSON Lines；- 为标准输入）/ the log file"
    )
    add_as_of_option(parser, "审计基准日（默认北京时间今天）/ the date the audit is as of")
    add_format_option(parser)
    parser.add_argument(
        "--catalogue",
        metavar="FILE",
        action="append",
        default=[],
        help="本地目录文件，替换同领域的标准目录（可重复）/ a local catalogue replacing the "
        "standard one of its domain (repeatable)",
    )
    add_calendar_options(parser)
    parser.add_argument(
        "--input-format",
        choices=["csv", "jsonl"],
        help="记录文件格式（默认按内容判断）/ the log's format (default: told from the content)",
    )
    parser.add_argument(
        "--encoding",
        choices=["utf-8", "utf-8-sig", "gb18030", "utf-16"],
        help="记录文件编码（默认按内容判断）/ the log's encoding (default: told from the content)",
    )
    parser.add_argument(
        "--max-listed",
        type=whole_number(0),
        default=1000,
        metavar="N",
        help="每类问题最多列出的条数，计数仍完整（默认1000）/ findings listed per code "
        "(default 1000; counts stay complete)",
    )
    parser.add_argument(
        "--records",
        type=Path,
        metavar="FILE",
        help="逐条结果写入该文件（JSON Lines）/ write every record's result to FILE as JSON Lines",
    )
    add_output_option(parser)
    add_limit_option(parser)
    parser.set_defaults(handler=_run)
