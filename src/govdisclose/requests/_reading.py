"""Requests ledgers as offices keep them: XLSX or CSV with Chinese headers, or JSON.

A table has one row per request and the events as columns.  The header row is found among
the first rows; headers are read in full- or half-width punctuation, with or without
parenthesised explanations, and in the variants offices use (:data:`COLUMN_ALIASES`):

=================================  ====================================================
field                              headers (some of the accepted variants)
=================================  ====================================================
``id``                             编号, 申请编号, 受理号, 登记号, 流水号 (序号 when none)
``received`` (第三十一条)           收到日期, 收到申请日期, 受理日期, 登记日期
``submitted`` / ``signed_for`` /   申请日期, 提交日期 / 签收日期 / 确认日期
``confirmed``
``channel``                        提交方式, 申请方式, 申请渠道
``applicant_category``             申请人类别, 申请人类型, 申请人情况
``applicant`` / ``subject``        申请人, 申请人姓名 / 申请内容, 所需信息的内容描述
``supplement_requested`` /         告知补正日期, 补正告知日期 / 收到补正日期, 补正日期
``supplement_received``
``extension_days`` / ``extended_on``  延期天数, 延长工作日, 是否延期 (是 = 20) / 延期日期
consultation (第三十二条)           征求意见对象, 征求意见日期, 意见答复日期 (a digit after
                                   the header numbers further consultations: 征求意见日期2)
fee (国办函〔2020〕109号)           收费方式, 收费通知日期, 收费金额, 页数, 缴费日期, 逾期未缴费日期
reply                              答复日期, 办结日期 / 办理结果, 答复结果, 处理结果
review or lawsuit (table 四)       复议诉讼, 复议诉讼结果, 复议诉讼日期, 审结日期
``note``                           备注
=================================  ====================================================

Values: dates in the library's date grammar (``2025-03-04``, ``2025/3/4``,
``2025年3月4日``, ``20250304``, or a date cell; a time of day after the received date is
kept as ``received_time``); categories, channels and outcomes as codes, labels or the labels
printed in table 三 (``（三）不予公开 1.属于国家秘密``).  When the receipt date is not given,
it is the day 第三十一条 names for the channel (提交 / 签收 / 确认); a receipt date that
differs from that day is a warning.

JSON is the canonical form (schema ``requests-ledger``): ``{"body": …, "requests": [{"id":
…, "received": "2025-03-04", "applicant_category": "natural_person", "reply": {"date": …,
"outcome": …}, …}]}`` — or a bare list of requests.  Its structure is checked against that
schema (:mod:`govdisclose.schemas._problems`); its values are read as a table's cells are, so
a request object may also use the table's Chinese headers as keys, and labels and the
table's date forms as values.

Nothing is silently dropped or changed: every unusable cell or value is a located finding
(``台账!D7``, ``$.requests[3].reply.outcome``) in Chinese and English, and the request it
belongs to is left out of the ledger (finding ``requests.bad-cell``, ``requests.missing-value``,
``requests.bad-order``, ``requests.duplicate-id``); unknown columns and keys are warnings.
Files that cannot be read at all (missing, not a spreadsheet, broken JSON, too large, no
ledger header) raise :class:`~govdisclose._errors.InputError`.

>>> from govdisclose.requests import read_ledger_rows
>>> reading = read_ledger_rows([
...     ["申请编号", "收到申请日期", "申请人类型", "答复日期", "办理结果"],
...     ["2025-001", "2025年3月4日", "自然人", "2025/3/20", "（一）予以公开"],
...     ["2025-002", "2025-03-05", "个体户", "", ""],
... ], sheet="台账")
>>> [r.id for r in reading.ledger.requests]
['2025-001']
>>> print(reading.report.findings[0].path, reading.report.findings[0].code)
台账!C3 requests.bad-cell
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import itertools
import re
import typing
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .._dates import DateRefusal, read_date_text
from .._errors import DataError, GovdiscloseError, InputError, short_repr
from .._files import read_json_file
from .._vocabulary import Term
from ..deadlines import ReceiptEvent, RequestChannel
from ..deadlines._requests import RECEIPT_RULE
from ..findings import Finding, Report
from ..schemas._problems import SchemaProblem, checked_schema, schema_problems
from ..tables._layout import column_letter
from ..tables._safety import Limits, check_xlsx, open_workbook, quiet
from ._codes import make_finding
from ._ledger import Consultation, FeeNotice, Ledger, Reply, Request, Review, check_ledger
from ._schema import LEDGER_TEXTS, ledger_schema
from ._terms import (
    Outcome,
    fold_label,
    folded_members,
)

__all__ = [
    "COLUMN_ALIASES",
    "LEDGER_LIMITS",
    "LEDGER_SHEET",
    "LedgerReading",
    "ledger_to_json",
    "ledger_to_rows",
    "ledger_to_xlsx",
    "read_ledger",
    "read_ledger_data",
    "read_ledger_rows",
]

#: Limits for ledger files: larger than a catalogue's (a busy office's years of requests).
LEDGER_LIMITS = Limits(
    max_file_bytes=128 * 1024 * 1024,
    max_unpacked_bytes=1024 * 1024 * 1024,
    max_rows=1_000_000,
    max_columns=200,
    max_cells=20_000_000,
)

#: Field → accepted headers (besides the field name itself), the first one the header
#: :func:`ledger_to_rows` writes, in the order it writes the columns.  Consultation, fee,
#: reply and review headers name the fields of the nested objects (``reply.date`` …).
COLUMN_ALIASES: Mapping[str, tuple[str, ...]] = {
    "id": (
        "申请编号",
        "编号",
        "受理号",
        "受理编号",
        "登记号",
        "登记编号",
        "流水号",
        "申请号",
        "案号",
        "办件编号",
    ),
    "received": (
        "收到申请日期",
        "收到日期",
        "收到申请时间",
        "收到时间",
        "收到申请之日",
        "受理日期",
        "受理时间",
        "登记日期",
        "登记时间",
        "收件日期",
        "接收日期",
    ),
    "received_time": ("收到时刻", "受理时刻"),
    "channel": ("提交方式", "申请方式", "申请渠道", "提出方式", "收到方式", "申请途径"),
    "submitted": ("提交日期", "申请日期", "申请时间", "提交时间", "提出申请日期"),
    "signed_for": ("签收日期", "签收时间"),
    "confirmed": ("确认日期", "确认时间", "双方确认日期"),
    "applicant_category": (
        "申请人类别",
        "申请人类型",
        "申请人情况",
        "申请人性质",
        "申请主体类型",
        "申请主体",
    ),
    "applicant": ("申请人", "申请人姓名", "申请人名称", "申请人姓名或名称", "姓名名称"),
    "subject": (
        "申请内容",
        "申请公开内容",
        "申请公开的内容",
        "所需信息",
        "所需信息的内容描述",
        "申请事项",
        "申请公开的政府信息",
        "所需信息的名称",
    ),
    "supplement_requested": (
        "告知补正日期",
        "补正告知日期",
        "要求补正日期",
        "补正通知日期",
        "通知补正日期",
    ),
    "supplement_received": ("收到补正日期", "补正日期", "补正收到日期", "补正后收到日期"),
    "extension_days": (
        "延期天数",
        "延长天数",
        "延长工作日",
        "延期工作日",
        "延长期限",
        "是否延期",
        "延期",
    ),
    "extended_on": ("延期日期", "延期告知日期", "延期通知日期", "延长答复期限日期"),
    "consultations.party": ("征求意见对象", "征求意见类型"),
    "consultations.sent": (
        "征求意见日期",
        "征求意见发出日期",
        "征求第三方意见日期",
        "征求意见时间",
    ),
    "consultations.answered": (
        "意见答复日期",
        "征求意见答复日期",
        "收到意见日期",
        "第三方答复日期",
        "收到答复意见日期",
    ),
    "fee.basis": ("收费方式", "计费方式", "收费标准"),
    "fee.sent": ("收费通知日期", "发出收费通知日期", "收费通知时间"),
    "fee.amount": ("收费金额", "信息处理费", "收费金额元", "应缴金额"),
    "fee.pages": ("页数", "提供页数", "信息页数"),
    "fee.paid": ("缴费日期", "缴纳日期", "缴费时间"),
    "fee.lapsed": ("逾期未缴费日期", "缴费期限届满日期", "缴费逾期日期"),
    "reply.date": ("答复日期", "答复时间", "办结日期", "办结时间", "回复日期", "告知日期"),
    "reply.outcome": (
        "办理结果",
        "答复结果",
        "处理结果",
        "答复类型",
        "办理结果类型",
        "答复情况",
        "结果",
    ),
    "reviews.kind": ("复议诉讼", "复议或诉讼", "复议诉讼类型", "救济途径", "行政复议行政诉讼"),
    "reviews.result": ("复议诉讼结果", "复议结果", "诉讼结果"),
    "reviews.filed": ("复议诉讼日期", "提起日期", "复议诉讼提起日期", "申请复议起诉日期"),
    "reviews.decided": ("审结日期", "复议诉讼审结日期"),
    "note": ("备注", "说明"),
}
#: Headers used only when no other column gives the field (序号 is often just a row number).
_FALLBACK = {"序号": "id"}

#: The nested objects of a request: (class, Chinese and English name); two are lists.
_PARTS: Mapping[str, tuple[Any, str, str]] = {
    "consultations": (Consultation, "征求意见", "a consultation"),
    "fee": (FeeNotice, "收费", "a fee notice"),
    "reply": (Reply, "答复", "a reply"),
    "reviews": (Review, "复议诉讼", "a review or lawsuit"),
}
_LISTS = ("consultations", "reviews")

#: Channels that do not say whether the letter was signed for (第三十一条), folded.
_AMBIGUOUS_FOLDED = frozenset(map(fold_label, ("信函", "信函申请", "书面申请", "信件")))

_PARENTHESES = re.compile(r"[（(][^）)]*[）)]")
_TRAILING_NUMBER = re.compile(r"^(?P<head>.*?\D)(?P<n>[1-9])$")
_TIME_OF_DAY = re.compile(r"\d{1,2}:\d{2}")


def _alias_table() -> dict[str, str]:
    """Folded header → field (the first field giving a folded header wins)."""
    table: dict[str, str] = {}
    for field, aliases in COLUMN_ALIASES.items():
        for name in (field, field.replace(".", "_"), *aliases):
            table.setdefault(fold_label(name), field)
    return table


_ALIASES = _alias_table()


def _header_field(label: str) -> tuple[str, int] | None:
    """The field a header (or a request object's key) names, and the index of the
    consultation or review it is for."""
    text = unicodedata.normalize("NFKC", label).strip()
    if not text:
        return None
    if fallback := _FALLBACK.get(fold_label(text)):
        return fallback, 0
    for candidate in (text, _PARENTHESES.sub("", text)):
        field = _ALIASES.get(fold_label(candidate))
        if field is not None:
            return field, 0
        match = _TRAILING_NUMBER.match(candidate)
        if match is not None:
            field = _ALIASES.get(fold_label(match.group("head")))
            if field is not None and field.split(".")[0] in _LISTS:
                return field, int(match.group("n")) - 1
    return None


def _key(field: str, index: int) -> str:
    """The key of a field in a request's raw values: ``consultations[1].sent``."""
    head, _, rest = field.partition(".")
    return f"{head}[{index}].{rest}" if head in _LISTS else field


@functools.lru_cache(maxsize=256)
def _field_of(key: str) -> str:
    """The field of a raw key: ``consultations[1].sent`` → ``consultations.sent``."""
    return re.sub(r"\[\d+\]", "", key)


@attrs.frozen
class LedgerReading:
    """A ledger read from a file: the usable requests, the findings, and where each came from.

    ``locations[i]`` maps the fields of ``ledger.requests[i]`` (``received``, ``reply.date``,
    ``consultations[0].sent`` …) to their cell or JSON path, and ``""`` to the request's row
    or object; :func:`~govdisclose.requests.ledger_status` uses it to locate its findings.
    """

    ledger: Ledger
    report: Report
    locations: tuple[Mapping[str, str], ...] = ()

    @property
    def ok(self) -> bool:
        """Whether no finding is an error (every request of the file was loaded)."""
        return self.report.ok


# -- values -----------------------------------------------------------------------------------


class _Bad(Exception):
    """A value that cannot be used: (Chinese, English) reason."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float, str)) and not isinstance(value, bool):
        return str(value).strip()
    raise _Bad("应为文本", f"expected text, got {short_repr(value)}")


def _date(value: object) -> tuple[dt.date, str | None]:
    """A date and, when one was written, its time of day ``HH:MM``."""
    if isinstance(value, dt.datetime):
        return value.date(), value.strftime("%H:%M") if value.time() != dt.time() else None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise _Bad(
            "日期不能写成数字（可能是Excel日期序号），请设为日期格式",
            f"a number is not a date ({short_repr(value)}; an Excel day number?); "
            f"format the cell as a date",
        )
    if not isinstance(value, str):
        raise _Bad("应为日期", f"expected a date, got {short_repr(value)}")
    read = read_date_text(value)
    if isinstance(read, DateRefusal):
        why_zh, why_en = read.reason or ("日期格式应为 2025-03-04、2025/3/4 或 2025年3月4日", "")
        raise _Bad(
            why_zh,
            why_en
            or f"not a date: {short_repr(value)}; write 2025-03-04, 2025/3/4 or 2025年3月4日",
        )
    if isinstance(read, dt.datetime):
        return read.date(), read.strftime("%H:%M")
    return read, None


def _day(value: object) -> dt.date:
    return _date(value)[0]


def _time(value: object) -> str:
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    text = unicodedata.normalize("NFKC", _text(value))
    if not _TIME_OF_DAY.fullmatch(text):
        raise _Bad("时刻格式应为 HH:MM", f"a time of day is HH:MM, got {short_repr(value)}")
    hours, minutes = (int(p) for p in text.split(":"))
    if hours > 23 or minutes > 59:
        raise _Bad("时刻不存在", f"{text} is not a time of day")
    return f"{hours:02d}:{minutes:02d}"


def _count(value: object) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().removesuffix("元").removesuffix("页")
        if text.isascii() and text.isdigit():
            return int(text)
    raise _Bad("应为非负整数", f"expected a whole number ≥ 0, got {short_repr(value)}")


_YES = frozenset({"是", "√", "✓", "✔", "yes", "true", "y", "延期", "已延期"})
_NO = frozenset({"否", "×", "无", "no", "false", "n", "未延期", "不延期"})


def _extension(value: object) -> int:
    if isinstance(value, bool):
        return 20 if value else 0
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().lower()
        if text in _YES or text in _NO:
            return 20 if text in _YES else 0
        value = text.removesuffix("个工作日").removesuffix("工作日").removesuffix("天")
    days = _count(value)
    if days > 20:
        raise _Bad(
            "延长答复期限最长20个工作日（第三十三条第二款）",
            f"an extension is at most 20 working days (第三十三条第二款), got {days}",
        )
    return days


def _channel(value: object) -> RequestChannel:
    text = _text(value)
    folded = fold_label(text)
    if folded in _AMBIGUOUS_FOLDED:
        raise _Bad(
            f"“{text}”未说明是邮寄（以签收之日为准）还是平常信函（以确认之日为准），第三十一条",
            f"{text!r} does not say whether the letter was signed for (post) or an ordinary "
            f"letter (confirmed with the applicant), 第三十一条; write 邮寄 or 平常信函",
        )
    member: RequestChannel | None = folded_members(RequestChannel).get(folded)
    if member is None:
        raise _Bad(
            f"未知的提交方式“{text}”",
            f"unknown channel {short_repr(text)}; use 当面提交, 邮寄, 平常信函, 网上申请 or 传真",
        )
    return member


def _term(kind: Any) -> Callable[[object], Any]:
    def read(value: object) -> Any:
        text = _text(value)
        try:
            return kind.read(text)
        except GovdiscloseError:
            allowed = "、".join(m.label if len(m.label) < 16 else m.code for m in kind)
            raise _Bad(
                f"未知的{kind.__concept__}“{text}”",
                f"unknown {kind.__concept__} {short_repr(text)}; allowed: {allowed}",
            ) from None

    return read


def _readers() -> dict[str, Callable[[object], Any]]:
    """How each field's value is read, from the model's types (text when not named): dates
    as days, counts as whole numbers, vocabularies by their labels."""
    readers: dict[str, Callable[[object], Any]] = {}
    for prefix, kind in (("", Request), *((f"{n}.", c) for n, (c, _, _) in _PARTS.items())):
        for name, hint in typing.get_type_hints(kind).items():
            if hint in (dt.date, dt.date | None):
                readers[prefix + name] = _day
            elif hint == int | None:
                readers[prefix + name] = _count
            elif isinstance(hint, type) and issubclass(hint, Term):
                readers[prefix + name] = _term(hint)
    readers.update(received=_date, received_time=_time, channel=_channel, extension_days=_extension)
    return readers


_READERS = _readers()


@functools.lru_cache(maxsize=65536, typed=True)
def _cached_value(field: str, value: object) -> Any:
    return _READERS.get(field, _text)(value)


def _value(field: str, value: object) -> Any:
    """A field's value read, remembered for the texts, dates and numbers a ledger repeats (the
    values read are immutable); ``_Bad`` is raised each time."""
    try:
        return _cached_value(field, value)
    except TypeError:  # unhashable: a list or an object where a value belongs
        return _READERS.get(field, _text)(value)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _shown(value: object) -> object:
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)


# -- building requests -----------------------------------------------------------------------


class _Builder:
    """Turns raw values into requests, collecting findings; remembers ids seen."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.requests: list[Request] = []
        self.locations: list[Mapping[str, str]] = []
        self._ids: dict[str, str] = {}

    def bad(self, code: str, where: str, zh: str, en: str, **data: object) -> None:
        self.findings.append(make_finding(code, where, zh=zh, en=en, **data))

    def add(self, raw: Mapping[str, object], where_of: Mapping[str, str]) -> None:
        """Build one request from its non-blank raw values; ``where_of`` locates each key
        and, under ``""``, the request's row or object."""
        row_where = where_of[""]
        values: dict[str, Any] = {}
        unusable: set[str] = set()
        for key, value in raw.items():
            try:
                values[key] = _value(_field_of(key), value)
            except _Bad as exc:
                unusable.add(key)
                where = where_of.get(key, row_where)
                self.bad("requests.bad-cell", where, exc.zh, exc.en, field=key, value=_shown(value))
        missing = [
            (field, zh, en)
            for field, zh, en in (
                ("id", "没有申请编号", "no request id"),
                (
                    "applicant_category",
                    "没有申请人类别（表三的列：自然人、商业企业、科研机构、社会公益组织、"
                    "法律服务机构、其他）",
                    "no applicant category (table 三's columns)",
                ),
            )
            if not values.get(field) and field not in unusable
        ]
        for field, zh, en in missing:
            self.bad("requests.missing-value", where_of.get(field, row_where), zh, en, field=field)
        received = self._receipt(values, where_of, row_where, unusable)
        if unusable or missing or received is None:
            return
        request_id = values["id"]
        where_id = where_of.get("id", row_where)
        if request_id in self._ids:
            self.bad(
                "requests.duplicate-id",
                where_id,
                f"编号“{request_id}”已在 {self._ids[request_id]} 使用",
                f"id {request_id!r} is already used at {self._ids[request_id]}",
                id=request_id,
            )
            return
        request = _make_request(request_id, received, values)
        if isinstance(request, list):
            for path, zh, en in request:
                where = where_of.get(path) or where_of.get(path.split(".")[0], row_where)
                self.bad(
                    "requests.bad-order",
                    where,
                    f"申请 {request_id}：{zh}",
                    f"request {request_id}: {en}",
                    id=request_id,
                    field=path,
                )
            return
        self._ids[request_id] = where_id
        self.requests.append(request)
        self.locations.append(where_of)

    def _receipt(
        self,
        values: Mapping[str, Any],
        where_of: Mapping[str, str],
        row_where: str,
        unusable: set[str],
    ) -> tuple[dt.date, str | None] | None:
        """The receipt day (and time) written, or the one 第三十一条 gives for the channel."""
        given, channel = values.get("received"), values.get("channel")
        computed = None if channel is None else values.get(RECEIPT_RULE[channel][0].code)
        if given is not None:
            if channel is not None and computed is not None and computed != given[0]:
                self.bad(
                    "requests.receipt-mismatch",
                    where_of.get("received", row_where),
                    f"收到日期 {given[0]}，按{channel.label}应为 {computed}",
                    f"received {given[0]}, but {channel.code.replace('_', ' ')} gives {computed}",
                    received=given[0].isoformat(),
                    expected=computed.isoformat(),
                )
            return given  # type: ignore[no-any-return]
        if computed is not None:
            return computed, None
        if unusable & {"received", "channel", "submitted", "signed_for", "confirmed"}:
            return None  # a cell was there but unusable: already a finding
        self.bad(
            "requests.missing-value",
            where_of.get("received", row_where),
            "没有收到申请日期：填写收到日期，或提交方式及相应日期（第三十一条）",
            "no receipt date: give the received date, or the channel and its day (第三十一条)",
            field="received",
        )
        return None


def _make_request(
    request_id: str, received: tuple[dt.date, str | None], values: Mapping[str, Any]
) -> Request | list[tuple[str, str, str]]:
    """The request of the values read, or what contradicts: (field path, Chinese, English)."""
    fields: dict[str, Any] = {}
    parts: dict[str, dict[str, Any]] = {}
    for key, value in values.items():
        head, dot, rest = key.partition(".")
        if dot:
            parts.setdefault(head, {})[rest] = value
        else:
            fields[key] = value
    fields.update(id=request_id, received=received[0])
    fields["received_time"] = values.get("received_time") or received[1]
    problems: list[tuple[str, str, str]] = []
    try:
        # By part, then by index: consultations[2] before consultations[10].
        for head in sorted(parts, key=lambda h: (h.partition("[")[0], len(h), h)):
            name = head.partition("[")[0]
            kind, zh, en = _PARTS[name]
            item = parts[head]
            missing = [(f, date) for f, date in _required(kind) if f not in item]
            if missing:
                columns = [COLUMN_ALIASES[f"{name}.{field}"][0] for field, _ in missing]
                zh_why = f"有{zh}信息但缺少“{'”“'.join(columns)}”"
                en_why = f"{en} without " + " or ".join(
                    f"{'the date ' if date else ''}{column} "
                    f"({LEDGER_TEXTS[f'{kind.__name__}.{field}'][1].rpartition(' / ')[2]})"
                    for column, (field, date) in zip(columns, missing, strict=True)
                )
                problems.append((f"{head}.{missing[0][0]}", zh_why, en_why))
            elif name in _LISTS:
                fields.setdefault(name, []).append(kind(**item))
            else:
                fields[name] = kind(**item)
        return problems or Request(**fields)
    except DataError as exc:  # the values were read: only their dates can contradict
        return [((e.path or "$")[2:], str(e.message), str(e.message)) for e in exc.errors]


@functools.cache
def _required(kind: Any) -> tuple[tuple[str, bool], ...]:
    """The fields of ``kind`` without a default, each with whether it is a date."""
    hints = typing.get_type_hints(kind)
    return tuple(
        (f.name, hints[f.name] is dt.date) for f in attrs.fields(kind) if f.default is attrs.NOTHING
    )


def _finish(builder: _Builder, body: str | None, where: str = "$") -> LedgerReading:
    if not builder.requests and not any(f.severity.code == "error" for f in builder.findings):
        builder.findings.append(make_finding("requests.empty", where))
    return LedgerReading(
        Ledger(tuple(builder.requests), body=body),
        Report(tuple(builder.findings)),
        tuple(builder.locations),
    )


# -- tables -----------------------------------------------------------------------------------

_HEADER_SEARCH_ROWS = 20
#: The columns a table needs: field, the fields any of which gives it, Chinese, English.
_NEEDED = (
    ("id", {"id"}, "缺少“申请编号”列", "no id column"),
    (
        "applicant_category",
        {"applicant_category"},
        "缺少“申请人类别”列",
        "no applicant_category column",
    ),
    (
        "received",
        {"received", *(e.code for e in ReceiptEvent)},
        "缺少“收到日期”列（或提交方式及相应日期列）",
        "no received column (nor the channel's dates)",
    ),
)


def _header_cells(row: Sequence[object]) -> list[tuple[int, str, tuple[str, int] | None, bool]]:
    """Each header cell: (column, text, field and index or ``None``, whether a fallback)."""
    cells = []
    for column, label in enumerate(row):
        text = label.strip() if isinstance(label, str) else "" if label is None else str(label)
        if text:
            cells.append((column, text, _header_field(text), fold_label(text) in _FALLBACK))
    return cells


def _find_header(rows: Sequence[Sequence[object]]) -> int | None:
    best, best_row = 0, None
    for index, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        fields = {found[0] for _, _, found, _ in _header_cells(row) if found is not None}
        score = len(fields)
        if score > best and ("id" in fields or "received" in fields) and score >= 2:
            best, best_row = score, index
    return best_row


def _ref(sheet: str | None, row: int, column: int) -> str:
    cell = f"{column_letter(column)}{row + 1}"
    return f"{sheet}!{cell}" if sheet else cell


def read_ledger_rows(
    rows: Iterable[Sequence[object]], *, sheet: str | None = None, body: str | None = None
) -> LedgerReading:
    """Read a ledger from table rows (cell values: text, numbers, dates, ``None``).

    ``sheet`` names the table in the findings' cell references (``台账!C3``).  Raises
    :class:`~govdisclose._errors.InputError` when no row is a ledger header.
    """
    grid = [list(row) for row in rows]
    header_row = _find_header(grid)
    if header_row is None:
        raise InputError(
            f"{sheet or 'table'}: no ledger header found in the first {_HEADER_SEARCH_ROWS} "
            f"rows (a row with 编号 or 收到日期 and other ledger columns) (未找到台账表头)"
        )
    builder = _Builder()
    taken: dict[str, int] = {}  # field key → its column
    # Fallback headers last: they give a field only when no other column does.
    header = sorted(_header_cells(grid[header_row]), key=lambda cell: cell[3])
    for column, text, found, fallback in header:
        where = _ref(sheet, header_row, column)
        key = None if found is None else _key(*found)
        if key is None:
            builder.bad(
                "requests.unknown-column", where, f"列名“{text}”", f"header {text!r}", header=text
            )
        elif key in taken and not fallback:
            first = _ref(sheet, header_row, taken[key])
            builder.bad(
                "requests.duplicate-column",
                where,
                f"“{text}”与 {first} 列重复",
                f"{text!r} repeats column {first}",
                field=key,
            )
        elif key not in taken:
            taken[key] = column
    corner = _ref(sheet, header_row, 0)
    for field, given, zh, en in _NEEDED:
        if not taken.keys() & given:
            builder.bad("requests.missing-column", corner, zh, en, field=field)
    if any(f.code == "requests.missing-column" for f in builder.findings):
        return LedgerReading(Ledger((), body=body), Report(tuple(builder.findings)), ())
    letters = {key: column_letter(column) for key, column in taken.items()}
    prefix = f"{sheet}!" if sheet else ""
    width = max(taken.values(), default=0) + 1
    for row_index in range(header_row + 1, len(grid)):
        cells = grid[row_index]
        if len(cells) < width:
            cells = [*cells, *([None] * (width - len(cells)))]
        raw = {
            key: value
            for key, column in taken.items()
            if (value := cells[column]) is not None and (type(value) is not str or value.strip())
        }  # the cells that are not blank (inline: this runs for every cell of the table)
        if raw or not all(_blank(c) for c in cells):
            builder.add(raw, _RowCells(prefix, row_index + 1, letters))
    return _finish(builder, body, corner)


class _RowCells(Mapping[str, str]):
    """The cell of each field in one row (``台账!D7``), made when asked for; ``""`` is the
    row's first cell."""

    __slots__ = ("_letters", "_prefix", "_row")

    def __init__(self, prefix: str, row: int, letters: Mapping[str, str]) -> None:
        self._prefix, self._row, self._letters = prefix, row, letters

    def __getitem__(self, key: str) -> str:
        return f"{self._prefix}{self._letters[key] if key else 'A'}{self._row}"

    def __iter__(self) -> Iterator[str]:
        yield ""
        yield from self._letters

    def __len__(self) -> int:
        return len(self._letters) + 1


def _xlsx_sheets(path: Path, limits: Limits) -> Iterator[tuple[str, list[tuple[object, ...]]]]:
    workbook = open_workbook(check_xlsx(path, limits), str(path), read_only=True)
    try:
        for ws in workbook.worksheets:
            with quiet():
                yield ws.title, [tuple(row) for row in ws.iter_rows(values_only=True)]
    finally:
        workbook.close()


def read_ledger(
    path: str | Path, *, sheet: str | None = None, limits: Limits = LEDGER_LIMITS
) -> LedgerReading:
    """Read a ledger file: ``.xlsx``, ``.csv`` (also tab-separated) or ``.json``.

    For a workbook, the named ``sheet`` or the first sheet with a ledger header.  Unusable
    files raise :class:`~govdisclose._errors.InputError` naming the file.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return read_ledger_data(read_json_file(path, limit=limits.max_file_bytes))
    if suffix in (".csv", ".tsv", ".txt"):
        from ..tables._csv import csv_rows

        table = csv_rows(path, limits)
        try:
            return read_ledger_rows(table, sheet=path.name)
        except InputError as exc:
            raise InputError(f"{path}: {exc}") from None
    if suffix == ".xlsx":
        problems = []
        for title, rows in _xlsx_sheets(path, limits):
            if sheet is not None and title != sheet:
                continue
            try:
                return read_ledger_rows(rows, sheet=title)
            except InputError as exc:
                problems.append(str(exc))
        if sheet is not None and not problems:
            raise InputError(f"{path}: no sheet {sheet!r} (没有该工作表)")
        raise InputError(
            f"{path}: no sheet holds a ledger ({'; '.join(problems) or 'no sheets'}) (未找到台账)"
        )
    raise InputError(
        f"{path}: a ledger is an .xlsx, .csv or .json file, not "
        f"{suffix or 'a file without suffix'} "
        f"(台账应为xlsx、csv或json文件)"
    )


# -- JSON -------------------------------------------------------------------------------------


#: What the document's top level holds, for the messages of a wrong shape.
_EXPECTED = {
    "$": ("a list of requests, or an object with one", "应为申请列表或台账对象"),
    "requests": ("a list of requests", "应为申请列表"),
    "body": ("text", "应为文本"),
}
_REQUEST = re.compile(r"\$\.requests\[(\d+)\]")


def _structure(data: object) -> dict[int, list[tuple[str, str, str]]]:
    """The document's problems against the ``requests-ledger`` schema that make a finding,
    by request index (``-1`` for the document): (path, code, what); a ``requests.bad-cell``
    marks a request or part of the wrong shape.  Raises :class:`InputError` when ``body`` is
    not text or ``requests`` not a list.

    Values are not judged here: the readers take more than the canonical form (Chinese
    headers as keys, labels, the date forms of tables) and judge each value themselves.
    """
    found: dict[int, list[tuple[str, str, str]]] = {}
    for path, problem in _problems(data):
        key = problem.field or ""
        request = _REQUEST.match(path)
        index = int(request.group(1)) if request else -1
        if problem.keyword == "additionalProperties":
            if not (request and request.end() == len(path) - len(key) - 1 and _header_field(key)):
                found.setdefault(index, []).append((path, "requests.unknown-key", key))
        elif problem.keyword == "type" and problem.expected in ("object", "array", "string"):
            if path in ("$", "$.requests", "$.body"):
                raise InputError(f"{path}: {problem.message}")
            if problem.expected != "string":
                found.setdefault(index, []).append((path, "requests.bad-cell", problem.message))
    return found


def _request_schema() -> dict[str, Any]:
    """The schema of one request of a ledger (a key of the schema cache)."""
    return {"$defs": ledger_schema()["$defs"], "$ref": "#/$defs/Request"}


#: Schema keywords that look only at a value's JSON type (``format`` is not asserted).
_TYPE_ONLY = frozenset({"type", "format", "title", "description", "examples"})

#: What of a text the request schema looks at, by key: ``0`` only that it is text, a number
#: its length up to that, a set the texts it takes (an enum), ``None`` the whole text.
_Rule = int | frozenset[str] | None


def _both(a: _Rule, b: _Rule) -> _Rule:
    """The rule of a text that must meet rules ``a`` and ``b``."""
    if a == 0 or b == 0:
        return b if a == 0 else a
    if isinstance(a, int) and isinstance(b, int):
        return max(a, b)
    return a & b if isinstance(a, frozenset) and isinstance(b, frozenset) else None


@functools.cache
def _shape_rules() -> dict[str, _Rule]:
    """Each key's rule (:data:`_Rule`), over every object of the request schema that has it;
    a key no object has is unknown, and its value is never looked at."""
    defs = checked_schema(_request_schema)["$defs"]

    def rule(node: Mapping[str, Any]) -> _Rule:
        if "$ref" in node:
            return rule(defs[node["$ref"].rpartition("/")[2]])
        found: _Rule = 0
        for word, value in node.items():
            if word == "anyOf":
                kept = [b for b in value if b != {"type": "null"}]  # a text is never null
                found = _both(found, rule(kept[0]) if len(kept) == 1 else None)
            elif word == "enum":
                texts = all(isinstance(v, str) for v in value)
                found = _both(found, frozenset(value) if texts else None)
            elif word in ("minLength", "maxLength"):
                found = _both(found, value + 1)
            elif word not in _TYPE_ONLY:
                return None
        return found

    rules: dict[str, _Rule] = {}
    for node in defs.values():
        assert node.get("additionalProperties", False) is False  # unknown keys' values unread
        for key, sub in node.get("properties", {}).items():
            rules[key] = _both(rules.get(key, 0), rule(sub))
    return rules


def _shape(value: object, rules: Mapping[str, _Rule], rule: _Rule = None) -> object:
    """What the request schema looks at in ``value`` (at a key of ``rule``): keys in their
    order, each value's type, a text as far as the rule says."""
    if isinstance(value, str) and rule is not None:
        if isinstance(rule, int):
            return min(len(value), rule)
        if value in rule:
            return True
    if isinstance(value, dict):
        return dict, tuple((k, _shape(v, rules, rules.get(k, 0))) for k, v in value.items())
    if isinstance(value, list):
        return list, tuple(_shape(item, rules, rule) for item in value)
    return (type(value), value)


def _problems(data: object) -> Iterator[tuple[str, SchemaProblem]]:
    """:func:`schema_problems` of ``data`` against the ``requests-ledger`` schema, in its
    order, each with its path: the document, then each request against the request schema —
    once per shape (:func:`_shape`) when its problems do not name a value."""
    if not isinstance(data, dict) or not isinstance(requests := data.get("requests"), list):
        yield from ((p.path, p) for p in schema_problems(data, ledger_schema, expected=_EXPECTED))
        return
    top = schema_problems({**data, "requests": []}, ledger_schema, expected=_EXPECTED)
    yield from ((p.path, p) for p in top)
    known: dict[object, list[SchemaProblem]] = {}
    rules = _shape_rules()
    for index, request in enumerate(requests):
        try:
            shape = _shape(request, rules)
            problems = known.get(shape)
        except (TypeError, RecursionError):  # an unhashable Python value, a deep nesting
            shape = problems = None
        if problems is None:
            problems = schema_problems(request, _request_schema, "")
            if shape is not None and all(
                p.keyword == "additionalProperties" or p.missing for p in problems
            ):  # the same for every request of this shape
                known[shape] = problems
        yield from ((f"$.requests[{index}]{p.path}", p) for p in problems)


def _json_fields(obj: Mapping[Any, Any], where: str) -> dict[str, tuple[object, str]]:
    """The values of a request object: raw key → (value, path)."""
    raw: dict[str, tuple[object, str]] = {}
    for key, value in obj.items():
        here = f"{where}.{key}"
        if key in _PARTS:
            listed = key in _LISTS
            for index, item in enumerate(value if listed else [] if value is None else [value]):
                at = f"{here}[{index}]" if listed else here
                for name, sub in item.items():
                    if f"{key}.{name}" in COLUMN_ALIASES:
                        raw[_key(f"{key}.{name}", index)] = (sub, f"{at}.{name}")
        elif isinstance(key, str) and (found := _header_field(key)) is not None:
            raw[_key(*found)] = (value, here)
    return raw


def read_ledger_data(data: object) -> LedgerReading:
    """Read a ledger from parsed JSON: ``{"body", "requests": [...]}`` or a list of requests.

    Its structure is checked against the ``requests-ledger`` schema, its values as a table's
    cells are; a document whose ``body`` is not text or whose ``requests`` is not a list
    raises :class:`~govdisclose._errors.InputError`.
    """
    bare = isinstance(data, list)
    document: Any = {"requests": data} if bare else data
    found = _structure(document)
    if "requests" not in document:
        raise InputError("$: a ledger object needs a 'requests' list (缺少 requests 列表)")
    builder = _Builder()

    def located(path: str) -> str:  # a bare list's requests are at $[3], not $.requests[3]
        return "$" + path.removeprefix("$.requests") if bare else path

    for index in (-1, *range(len(document["requests"]))):
        problems = found.get(index, [])
        for path, code, what in problems:
            if code == "requests.bad-cell":
                builder.bad(code, located(path), "结构不对", f"wrong shape: {what}")
            else:
                builder.bad(code, located(path), f"键“{what}”", f"key {what!r}", key=what)
        if index >= 0 and all(code != "requests.bad-cell" for _, code, _ in problems):
            raw = _json_fields(document["requests"][index], located(f"$.requests[{index}]"))
            where_of = {"": located(f"$.requests[{index}]")}
            where_of.update((key, at) for key, (_, at) in raw.items())
            builder.add({k: v for k, (v, _) in raw.items() if not _blank(v)}, where_of)
    return _finish(builder, document.get("body"))


def ledger_to_json(ledger: Ledger) -> dict[str, Any]:
    """The canonical JSON of a ledger (schema ``requests-ledger``): codes, ISO dates; empty
    and default fields left out, except ``requests``."""
    from .._converter import converter

    data: dict[str, Any] = converter.unstructure(check_ledger(ledger))
    data.setdefault("requests", [])  # an empty ledger still says it has no requests
    return data


# -- writing rows -----------------------------------------------------------------------------


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Outcome):
        return value.printed
    if isinstance(value, Term):
        return value.label
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _flat(request: Request) -> dict[str, object]:
    """The request's values by raw key (``reply.date``, ``consultations[1].sent`` …)."""
    values: dict[str, object] = {}
    for field in attrs.fields(Request):
        value = getattr(request, field.name)
        items = enumerate(value) if isinstance(value, tuple) else [(0, value)]
        for index, item in items:
            if attrs.has(type(item)):
                for name, sub in attrs.asdict(item, recurse=False).items():
                    values[_key(f"{field.name}.{name}", index)] = sub
            else:
                values[field.name] = item or None  # no extension, subject or note: blank
    return values


def ledger_to_rows(ledger: Ledger) -> list[list[str]]:
    """The ledger as a table: a header row of Chinese column names, then one row per request.

    Dates are ISO, categories, channels and results their Chinese labels, an outcome the row
    of table 三 as printed (``（三）不予公开 6.属于四类过程性信息``); a second consultation or
    review gets columns numbered 2, 3 … (``征求意见日期2``).  :func:`read_ledger_rows` reads the
    table back into the same ledger.

    >>> import datetime as dt
    >>> from govdisclose.requests import Ledger, Request, ledger_to_rows
    >>> rows = ledger_to_rows(Ledger([Request("1", dt.date(2025, 3, 3), "自然人")]))
    >>> rows[0][:3], rows[1][:3]
    (['申请编号', '收到申请日期', '收到时刻'], ['1', '2025-03-03', ''])
    """
    requests = check_ledger(ledger).requests
    counts = {name: max((len(getattr(r, name)) for r in requests), default=0) for name in _LISTS}
    keys: list[str] = []
    header: list[str] = []
    for head, group in itertools.groupby(COLUMN_ALIASES, key=lambda f: f.partition(".")[0]):
        fields = list(group)
        for index in range(counts.get(head, 1)):
            keys += [_key(field, index) for field in fields]
            header += [COLUMN_ALIASES[f][0] + (str(index + 1) if index else "") for f in fields]
    rows = [header]
    for request in requests:
        values = _flat(request)
        rows.append([_cell(values.get(key)) for key in keys])
    return rows


#: The sheet :func:`ledger_to_xlsx` writes.
LEDGER_SHEET = "依申请公开台账"


def ledger_to_xlsx(ledger: Ledger, *, sheet: str = LEDGER_SHEET) -> bytes:
    """The ledger as an XLSX workbook, for an office that keeps it in a spreadsheet.

    One sheet of the table :func:`ledger_to_rows` gives, every cell text (a text starting with
    ``=`` stays text, never a formula; ids such as ``2025-001`` are not turned into dates),
    the header row frozen.  :func:`read_ledger` reads it back into the same ledger.  A text a
    cell cannot hold (a control character, a carriage return, more than 32,767 characters)
    raises :class:`~govdisclose._errors.DataError` naming its cell.
    """
    import openpyxl

    from ..tables._xlsx import set_cell

    rows = ledger_to_rows(ledger)
    workbook = openpyxl.Workbook()
    ws = workbook.active
    assert ws is not None
    try:
        ws.title = sheet
    except ValueError as exc:
        raise InputError(f"not a usable sheet name: {sheet!r} ({exc}) (工作表名不可用)") from None
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            if value != "":
                cell = set_cell(ws, r, c, value, f"{sheet}!{column_letter(c - 1)}{r}")
                cell.number_format = "@"
    for c, head in enumerate(rows[0]):
        ws.column_dimensions[column_letter(c)].width = max(10, 2 * len(head) + 2)
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
