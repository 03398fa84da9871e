"""The ``govdisclose`` command line: one sub-module per command group.

Exit codes (documented in the CLI reference): 0 success / nothing found; 1 the check found
something (error findings, late or overdue records, personal data); 2 unusable input or a
usage error; 130 interrupted.  Errors are one line on standard error, never a traceback.

Only the command group being run is imported (``govdisclose --version`` imports none); the
one-line help of each group lives in :data:`COMMANDS`, so ``govdisclose -h`` needs none either.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from ..__about__ import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not loaded for --version
    from collections.abc import Sequence
    from typing import Any

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

#: The command groups -> the one line of help ``govdisclose -h`` shows for each; a group's
#: module under ``govdisclose.cli`` is its name with ``_`` for ``-`` (``register(subparsers)``).
COMMANDS = {
    "catalogue": "标准目录：查看、导出、导入、派生 / show, export, import, derive catalogues",
    "scan": "发布前检查身份证号、手机号、银行卡号 / scan a text for personal numbers",
    "calendar": "工作日历 / the working-day calendar",
    "deadline": "计算期限并说明过程 / compute an explained deadline",
    "schema": "导出 JSON Schema / print or export the JSON Schemas",
    "validate": "检查目录或政策文件记录是否合规 / check a catalogue or document records",
    "audit": "审计公开记录是否按时公开 / audit a publication log for timeliness",
    "requests": "依申请公开台账：期限、逾期、年度统计 / requests ledger: status and yearly counts",
    "annual-report": "政府信息公开工作年度报告：检查、生成 / the yearly disclosure report",
}

DESCRIPTION = """\
安全生产和救灾领域基层政务公开标准目录（应急厅函〔2019〕390号）工具。
Tools for the basic-level disclosure standard for work safety and disaster relief.

退出码 / exit codes: 0 成功 success; 1 发现问题 findings; 2 输入不可用 unusable input.
"""

#: Help is wrapped to this many terminal columns at most (a Chinese character takes two).
HELP_COLUMNS = 80


class HelpFormatter(argparse.HelpFormatter):
    """Help wrapped by terminal columns, a Chinese character counting two (East Asian Width),
    breaking between Chinese characters and at blanks; at most :data:`HELP_COLUMNS` wide.
    Line breaks written in a description or epilog are kept."""

    def __init__(self, prog: str, **kwargs: Any) -> None:
        if "width" not in kwargs:
            kwargs["width"] = min(_terminal_columns(), HELP_COLUMNS) - 2
        super().__init__(prog, **kwargs)

    def _split_lines(self, text: str, width: int) -> list[str]:
        from .._texttable import wrap_words

        return wrap_words(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        """Each line of ``text`` filled on its own (a line break in it is kept), continued
        lines indented like their first."""
        from .._texttable import display_width, wrap_words

        lines: list[str] = []
        for line in text.strip("\n").splitlines():
            if display_width(indent + line) <= width:  # as written (an example's columns)
                lines.append((indent + line).rstrip())
                continue
            lead = indent + line[: len(line) - len(line.lstrip())]
            lines += [lead + part for part in wrap_words(" ".join(line.split()), width - len(lead))]
        return "\n".join(lines)


def _terminal_columns() -> int:
    """``COLUMNS``, else the terminal's width, else 80 (as ``shutil.get_terminal_size``,
    without importing shutil and the compression modules it loads)."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return HELP_COLUMNS


class _Parser(argparse.ArgumentParser):
    """An argument parser with bilingual help whose usage errors exit with code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False
        kwargs.setdefault("formatter_class", HelpFormatter)
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
        from .common import escape_controls

        self.exit(
            EXIT_USAGE,
            f"{self.prog}: error: {escape_controls(message)} "
            f"(参数错误；用法见 / usage: {self.prog} -h)\n",
        )


def _command_of(argv: Sequence[str]) -> str | None:
    """The command group ``argv`` runs (the top level has no option taking a value)."""
    for arg in argv:
        if arg == "--":
            continue
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def build_parser(*commands: str) -> argparse.ArgumentParser:
    """The argument parser: with every command group, or fully only with those named in
    ``commands`` (with ``""`` among them the others carry their one line of help, for ``-h``
    and usage errors; without, they are left out); ``main`` builds the parser for the command
    being run."""
    parser = _Parser(prog="govdisclose", description=DESCRIPTION)
    parser.add_argument(
        "--version",
        action="version",
        version=f"govdisclose {__version__}",
        help="显示版本 / show the version and exit",
    )
    sub = parser.add_subparsers(
        title="命令 / commands", dest="command", metavar="COMMAND", parser_class=_Parser
    )
    for name, help_text in COMMANDS.items():
        if not commands or name in commands:
            importlib.import_module(f"{__name__}.{name.replace('-', '_')}").register(sub)
        elif "" in commands:
            sub.add_parser(name, help=help_text)
    return parser


def command_group(
    subparsers: argparse._SubParsersAction[Any],
    name: str,
    *,
    title: str = "命令 / commands",
    metavar: str = "COMMAND",
    **kwargs: Any,
) -> argparse._SubParsersAction[Any]:
    """Add the command group ``name`` (its one line of help from ``COMMANDS``) and return its
    subparsers; run without a command, the group prints its help to standard error and
    exits with code 2."""
    group: argparse.ArgumentParser = subparsers.add_parser(name, help=COMMANDS[name], **kwargs)

    def usage(_args: argparse.Namespace) -> int:
        group.print_help(sys.stderr)
        return EXIT_USAGE

    group.set_defaults(handler=usage)
    commands: argparse._SubParsersAction[Any] = group.add_subparsers(
        title=title, dest=f"{name}_command", metavar=metavar
    )
    return commands


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args_list = sys.argv[1:] if argv is None else list(argv)
    if sys.stderr is None:  # started with 2>&-: messages go nowhere, but nothing breaks
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:  # started with >&-: writing the output fails with one line
        sys.stdout = open(os.devnull)  # noqa: SIM115 - lives as long as the process
    command = _command_of(args_list)
    if command is None and args_list in (["--version"], ["-V"]):
        print(f"govdisclose {__version__}")
        return EXIT_OK
    parser = build_parser(command or "")  # none fully (each one line) for -h or a usage error
    args = parser.parse_args(args_list)  # help, version and usage errors: SystemExit
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        code: int = handler(args)
        sys.stdout.flush()
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:  # standard output could not be written (a full disk, closed …)
        return _cannot_write(exc)
    except Exception as exc:
        from .._errors import GovdiscloseError
        from .common import command_line_hint, escape_controls

        if isinstance(exc, GovdiscloseError) or _is_csv_error(exc):
            message = escape_controls(f"{exc}{command_line_hint(exc)}")
            print(f"govdisclose: error: {message}", file=sys.stderr)
            return EXIT_USAGE
        raise
    return code


def _is_csv_error(exc: Exception) -> bool:
    """A ``csv.Error`` (a field over the csv module's limit …) that no reader turned into an
    error of the library's own: still one line, not a traceback."""
    csv = sys.modules.get("csv")
    return csv is not None and isinstance(exc, csv.Error)


def _cannot_write(exc: OSError) -> int:
    _silence_stdout()
    reason = exc.strerror or "standard output is closed or not writable"
    print(f"govdisclose: error: cannot write output: {reason} (无法写出结果)", file=sys.stderr)
    return EXIT_USAGE


def _silence_stdout() -> None:
    """Point standard output at /dev/null so that Python's exit flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests capture it)
        pass
