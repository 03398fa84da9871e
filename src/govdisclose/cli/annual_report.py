"""``govdisclose annual-report``: check a yearly report, or build one in the national format.

Commands::

    govdisclose annual-report check FILE [--level township|county|city|province]
                                         [--previous FILE] [--format text|json] [--output FILE]
    govdisclose annual-report build [--requests LEDGER [--sheet NAME] [--previous FILE]]
                                    [--input FILE] [--body NAME] [--year YEAR] [--level LEVEL]
                                    [--to json|xlsx|html] [--output FILE]

``check`` reads a report — JSON keyed by the labels as printed, or XLSX in the national layout
— and lists every finding (:func:`govdisclose.annual_report.check_report`); ``--previous`` is
the same body's report of the year before (carry-over).  ``build`` writes the report in the
national layout with every cell and text section it lacks left blank for the office; ``--input``
is a hand-filled report (JSON or XLSX, any part of it), and ``--body``, ``--year``, ``--level``
fill in or replace who reports for which year.  With ``--requests LEDGER`` (and ``--year``)
tables 三 and 四 and the fees of section 六 come from the requests ledger
(:func:`govdisclose.annual_report.build_report`); ``--previous`` is last year's report, whose
四、结转下年度继续办理 must be this year's 二、上年结转 — a mismatch is listed on standard error
and gives exit code 1 (the report is still written).  Table 二 is not derived from document
records (they do not say which documents are 行政规范性文件 or when one was repealed): it comes
from ``--input``.  The file's format is ``--to``, or the suffix of
``--output`` (``.xlsx``, ``.html``, ``.json``), else JSON; XLSX goes to standard output as bytes
unless ``--output`` names a file.  No output may be one of the inputs.

Exit codes: ``check`` 0 no errors (warnings and infos allowed), 1 errors found; ``build`` 0,
1 when the carry-over from ``--previous`` does not match; both 2 for unusable input (a missing
or broken file, a ledger with rows that could not be loaded, an input that cannot be built
from).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._errors import InputError
from .._files import dump_json
from . import EXIT_FINDINGS, EXIT_OK, command_group
from .common import (
    add_format_option,
    add_limit_option,
    add_output_option,
    file_format,
    findings_text,
    limits_from,
    output_path,
    write_output,
    write_result,
    year_number,
)

if TYPE_CHECKING:
    from ..tables import Limits

_LEVELS = ("township", "county", "city", "province")

_EPILOG = """\
示例 / examples:
  govdisclose annual-report check 2025.json --level county
  govdisclose annual-report check 2025.xlsx --previous 2024.xlsx
  govdisclose annual-report build --input 手填部分.json -o 2025.xlsx
  govdisclose annual-report build --body 某某镇人民政府 --year 2025 --to html
  govdisclose annual-report build --year 2025 --requests 台账.xlsx \\
      --input 手填部分.json --previous 2024.json -o 2025.xlsx
"""


def _run_check(args: argparse.Namespace) -> int:
    from ..annual_report import check_report, read_report

    output = output_path(args, args.file, args.previous)
    limits = limits_from(args)
    read = read_report(args.file, limits=limits)
    previous = None if args.previous is None else read_report(args.previous, limits=limits)
    report = check_report(read, level=args.level, previous=previous)
    write_result(args, report, lambda: report.to_text() + "\n", output)
    return EXIT_OK if report.ok else EXIT_FINDINGS


def hand_filled(path: Path | None, limits: Limits) -> Any:
    """The hand-filled report ``--input`` names (an empty report without it).

    Anything the reader could not use (an unknown label, text in a number cell …) is an
    :class:`~govdisclose._errors.InputError`: a report is not built from a part of the input.
    """
    from ..annual_report import AnnualReport, read_report

    if path is None:
        return AnnualReport()
    read = read_report(path, limits=limits)
    problems = [f for f in read.findings if f.severity.code == "error"]
    if problems:
        listed = "; ".join(f"{f.path}: {f.message_en}" for f in problems[:5])
        more = f" and {len(problems) - 5} more" if len(problems) > 5 else ""
        raise InputError(f"{path}: cannot build from this input (输入有误): {listed}{more}")
    return read.report


def write_report(report: Any, output_format: str, output: Path | None) -> None:
    """Write a report as ``json``, ``xlsx`` or ``html`` to ``output`` or standard output."""
    from .. import annual_report

    if output_format == "json":
        write_output(dump_json(annual_report.to_document(report)), output)
    else:
        write_output(getattr(annual_report, f"to_{output_format}")(report), output)


_CARRY_OVER_CODES = frozenset(
    {"annual-report.carry-over", "annual-report.previous-report", "annual-report.in-force"}
)


def _from_ledger(args: argparse.Namespace, hand: Any) -> tuple[Any, int]:
    from ..annual_report import build_report, check_report, read_report
    from ..requests import LEDGER_LIMITS, read_ledger

    if args.year is None:
        raise InputError("--requests needs --year (台账生成报告需要指定年度)", path="--year")
    reading = read_ledger(args.requests, sheet=args.sheet, limits=limits_from(args, LEDGER_LIMITS))
    if not reading.ok:
        sys.stderr.write(findings_text(reading.report))
        raise InputError(
            f"{args.requests}: some requests could not be loaded; a report is not built from a "
            f"part of the ledger (台账有无法读取的申请，未生成报告)"
        )
    report = build_report(
        reading.ledger, args.year, hand_filled=hand, body=args.body, level=args.level
    )
    if args.previous is None:
        return report, EXIT_OK
    checked = check_report(report, previous=read_report(args.previous, limits=limits_from(args)))
    found = checked.filter(code=_CARRY_OVER_CODES)
    for finding in found:
        sys.stderr.write(finding.to_text().rstrip("\n") + "\n")
    return report, EXIT_FINDINGS if found.has_errors else EXIT_OK


def _run_build(args: argparse.Namespace) -> int:
    import attrs

    from ..annual_report import AnnualReport, BodyLevel

    output = output_path(args, args.input, args.requests, args.previous)
    report = hand_filled(args.input, limits_from(args))
    if args.requests is not None:
        built, code = _from_ledger(args, report)
        write_report(built, file_format(args), output)
        return code
    if args.previous is not None or args.sheet is not None:
        raise InputError(
            "--previous and --sheet go with --requests (须与 --requests 一起使用)",
            path="--requests",
        )
    given = AnnualReport(
        body=args.body,
        year=args.year,
        level=None if args.level is None else BodyLevel.parse(args.level),
    )
    report = attrs.evolve(
        report,
        body=given.body or report.body,
        year=given.year if given.year is not None else report.year,
        level=given.level or report.level,
    )
    write_report(report.completed(), file_format(args), output)
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``annual-report`` command group."""
    commands = command_group(
        sub,
        "annual-report",
        description=(
            "按国办公开办函〔2021〕30号格式检查或生成政府信息公开工作年度报告。"
            "Check or build the yearly report on government information disclosure in the "
            "national format of 国办公开办函〔2021〕30号."
        ),
        epilog=_EPILOG,
    )
    check = commands.add_parser(
        "check",
        help="检查年度报告的勾稽关系和格式 / check a report's relations and layout",
        description=(
            "检查年度报告：表三行列合计与勾稽关系、表四总计、非负整数、行列名称与格式（识别2019年"
            "试行格式）、空白单元格、跨年度结转（--previous）、规章与机关层级。"
            "Check a yearly report: table 三's totals and balance, table 四's totals, whole "
            "numbers, labels and layout (the 2019 trial layout is recognised), blank cells, "
            "carry-over from last year (--previous), 规章 and the body's level. "
            "退出码 exit codes: 0 无错误 no errors; 1 有错误 errors; 2 输入不可用 unusable input."
        ),
    )
    check.add_argument(
        "file",
        metavar="FILE",
        type=Path,
        help="年度报告（JSON 或 XLSX）/ the report (JSON or XLSX)",
    )
    check.add_argument(
        "--level",
        choices=_LEVELS,
        help="报告机关的层级（规章检查）/ the body's level (for the 规章 check)",
    )
    check.add_argument(
        "--previous",
        metavar="FILE",
        type=Path,
        help="同一机关上一年度的报告（检查结转）/ the same body's report of the year before",
    )
    add_format_option(check)
    add_output_option(check)
    add_limit_option(check)
    check.set_defaults(handler=_run_check)
    build = commands.add_parser(
        "build",
        help="生成国家格式的年度报告 / build a report in the national layout",
        description=(
            "生成国家格式的年度报告（JSON、XLSX 或 HTML），未填写的单元格和正文部分留空待填。"
            "Build a report in the national layout (JSON, XLSX or HTML); cells and text "
            "sections not given are left blank for the office."
        ),
    )
    build.add_argument(
        "--input",
        metavar="FILE",
        type=Path,
        help="手工填写的部分（JSON 或 XLSX）/ the hand-filled parts (JSON or XLSX)",
    )
    build.add_argument(
        "--requests",
        metavar="LEDGER",
        type=Path,
        help="依申请公开台账（.xlsx .csv .json），生成表三、表四和信息处理费 / the requests "
        "ledger: tables 三 and 四 and the fees of section 六",
    )
    build.add_argument("--sheet", metavar="NAME", help="台账工作表名 / the ledger's sheet")
    build.add_argument(
        "--previous",
        metavar="FILE",
        type=Path,
        help="上一年度的报告（核对结转）/ last year's report (carry-over check)",
    )
    build.add_argument("--body", metavar="NAME", help="报告机关 / the reporting body")
    build.add_argument(
        "--year",
        metavar="YEAR",
        type=year_number(1990, 2200),
        help="报告年度 / the year reported on",
    )
    build.add_argument("--level", choices=_LEVELS, help="机关层级 / the body's level")
    add_output_option(build, {"xlsx": "xlsx", "html": "html", "htm": "html", "": "json"})
    add_limit_option(build)
    build.set_defaults(handler=_run_build)
