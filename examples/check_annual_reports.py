"""A city office checks the yearly reports its counties published: one line per report.

Every ``*.json`` and ``*.xlsx`` file in DIR is a report transcribed from a published page
(JSON keyed by the printed labels, or a workbook in the national layout).  With ``--previous
DIR`` the same bodies' reports of the year before are matched by body name and checked for
carry-over.  The summary is a Markdown table (standard output) with the errors and warnings
of each report and the codes found; ``--details`` adds every error and warning with its
place.  Exit 0 when no report has an error, 1 otherwise, 2 when a file cannot be read.

    python examples/check_annual_reports.py examples/data/annual-reports/2025 \\
        --previous examples/data/annual-reports/2024 --details
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from govdisclose import GovdiscloseError, check_report, read_report


def _reports(directory: Path) -> list[tuple[Path, Any]]:
    """Each report file of ``directory`` with what :func:`govdisclose.read_report` read."""
    files = sorted(p for p in directory.iterdir() if p.suffix.lower() in (".json", ".xlsx"))
    return [(path, read_report(path)) for path in files]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--previous", type=Path, help="last year's reports, matched by body")
    parser.add_argument("--details", action="store_true", help="list every error and warning")
    args = parser.parse_args(argv)
    try:
        reports = _reports(args.directory)
        previous = {
            read.report.body: read for _, read in (_reports(args.previous) if args.previous else [])
        }
    except (GovdiscloseError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("| 报告 report | 机关 body | 年度 year | 错误 errors | 警告 warnings | 问题代码 codes |")
    print("|---|---|---|---|---|---|")
    details = []
    failed = False
    for path, read in reports:
        last = previous.get(read.report.body)
        result = check_report(read, previous=last)
        serious = result.filter(["error", "warning"])
        codes = ", ".join(code.removeprefix("annual-report.") for code in serious.codes)
        print(
            f"| {path.name} | {read.report.body or ''} | {read.report.year or ''} | "
            f"{result.count('error')} | {result.count('warning')} | {codes} |"
        )
        failed = failed or result.has_errors
        details += [f"- {path.name} {f.severity.code} {f.path}: {f.message_zh}" for f in serious]
    if args.details and details:
        print()
        print("\n".join(details))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
