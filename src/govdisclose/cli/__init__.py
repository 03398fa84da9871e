"""The ``govdisclose`` command line: one sub-module per command group.

Exit codes (documented in the CLI reference): 0 success / nothing found; 1 the check found
something (error findings, late or overdue records, personal data); 2 unusable input or a
usage error; 130 interrupted.  Errors are one line on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

from ..__about__ import __version__
from .._errors import GovdiscloseError

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

#: Command-group modules under ``govdisclose.cli``; each has ``register(subparsers)``.
COMMAND_MODULES = (
    "catalogue",
    "scan",
    "calendar",
    "deadline",
    "schema",
    "validate",
    "audit",
    "annual_report",
    "requests",
)

DESCRIPTION = """\
政务公开标准目录工具：安全生产和救灾领域基层政务公开标准目录（应急厅函〔2019〕390号）。
Tools for the basic-level disclosure standard for work safety and disaster relief (390号).

退出码 / exit codes: 0 成功 success; 1 发现问题 findings; 2 输入不可用 unusable input.
"""


class _Parser(argparse.ArgumentParser):
    """An argument parser with bilingual help whose usage errors exit with code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数 / arguments"
        self._optionals.title = "选项 / options"
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help="显示帮助并退出 / show this help and exit",
            )

    def error(self, message: str) -> None:  # type: ignore[override]
        """A usage error: one line on standard error, exit code 2."""
        self.exit(
            EXIT_USAGE,
            f"{self.prog}: error: {message} (参数错误；用法见 / usage: {self.prog} -h)\n",
        )


def build_parser() -> argparse.ArgumentParser:
    """Build the full argument parser with every command group registered."""
    parser = _Parser(
        prog="govdisclose",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"govdisclose {__version__}",
        help="显示版本 / show the version and exit",
    )
    sub = parser.add_subparsers(
        title="命令 / commands", dest="command", metavar="COMMAND", parser_class=_Parser
    )
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        code: int = handler(args)
        sys.stdout.flush()
    except GovdiscloseError as exc:
        print(f"govdisclose: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:  # standard output could not be written (a full disk …)
        _silence_stdout()
        print(f"govdisclose: error: cannot write output: {exc} (无法写出结果)", file=sys.stderr)
        return EXIT_USAGE
    return code


def _silence_stdout() -> None:
    """Point standard output at /dev/null so that Python's exit flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests capture it)
        pass
