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
"outcome": …}, …}]}`` — or a bare list of requests.  A request object may also use the
table's Chinese headers as keys.

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

import csv
import datetime as dt
import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .._dates import DateRefusal, read_date_text
from .._errors import GovdiscloseError, InputError, short_repr
from .._files import bom_encoding, decode_text, describe_content, parse_json, read_bytes
from ..deadlines import ReceiptEvent, RequestChannel, receipt_date
from ..findings import Finding, Report
from ..tables._safety import Limits, check_xlsx
from ._codes import make_finding
from ._ledger import Consultation, FeeNotice, Ledger, Reply, Request, Review
from ._terms import (
    ApplicantCategory,
    ConsultedParty,
    FeeBasis,
    Outcome,
    ReviewKind,
    ReviewResult,
    fold_label,
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

#: Field → accepted headers (besides the field name itself).  Consultation, fee, reply and
#: review headers name the fields of the nested objects (``reply.date`` …).
COLUMN_ALIASES: Mapping[str, tuple[str, ...]] = {
    "id": (
        "编号",
        "申请编号",
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
        "收到日期",
        "收到申请日期",
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
    "submitted": ("申请日期", "申请时间", "提交日期", "提交时间", "提出申请日期"),
    "signed_for": ("签收日期", "签收时间"),
    "confirmed": ("确认日期", "确认时间", "双方确认日期"),
    "channel": ("提交方式", "申请方式", "申请渠道", "提出方式", "收到方式", "申请途径"),
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

_LISTS = ("consultations", "reviews")
_DATE_FIELDS = frozenset(
    {
        "received",
        "submitted",
        "signed_for",
        "confirmed",
        "supplement_requested",
        "supplement_received",
        "extended_on",
        "consultations.sent",
        "consultations.answered",
        "fee.sent",
        "fee.paid",
        "fee.lapsed",
        "reply.date",
        "reviews.filed",
        "reviews.decided",
    }
)
_TERMS: Mapping[str, Any] = {
    "applicant_category": ApplicantCategory,
    "consultations.party": ConsultedParty,
    "fee.basis": FeeBasis,
    "reply.outcome": Outcome,
    "reviews.kind": ReviewKind,
    "reviews.result": ReviewResult,
}
_COUNTS = frozenset({"fee.amount", "fee.pages"})
_TEXTS = frozenset({"id", "applicant", "subject", "note"})
_REQUIRED_COLUMNS = ("id", "applicant_category")
_COLUMN_NAMES = {"id": "编号", "applicant_category": "申请人类别"}

# Channel spellings of real statistics forms (定西市政府信息公开情况统计报表, see the tests).
_CHANNEL_EXTRA = {
    "当面申请": RequestChannel.IN_PERSON,
    "现场申请": RequestChannel.IN_PERSON,
    "传真申请": RequestChannel.FAX,
    "网上申请": RequestChannel.ONLINE,
    "网络申请": RequestChannel.ONLINE,
    "电子邮件": RequestChannel.ONLINE,
    "电子邮件申请": RequestChannel.ONLINE,
    "邮箱": RequestChannel.ONLINE,
    "邮寄申请": RequestChannel.POST,
}
_AMBIGUOUS_CHANNELS = frozenset({"信函", "信函申请", "书面申请", "信件"})
_CHANNEL_FOLDED = {fold_label(k): v for k, v in _CHANNEL_EXTRA.items()}
_AMBIGUOUS_FOLDED = frozenset(fold_label(a) for a in _AMBIGUOUS_CHANNELS)

_PARENTHESES = re.compile(r"[（(][^）)]*[）)]")
_TRAILING_NUMBER = re.compile(r"^(?P<head>.*?\D)(?P<n>[1-9])$")
_TIME_OF_DAY = re.compile(r"\d{1,2}:\d{2}")


def _alias_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for field, aliases in COLUMN_ALIASES.items():
        for name in (field, field.replace(".", "_"), *aliases):
            table.setdefault(fold_label(name), field)
    return table


_ALIASES = _alias_table()


def _header_field(label: str) -> tuple[str, int] | None:
    """The field a header names, and the index of the consultation or review it is for."""
    text = unicodedata.normalize("NFKC", label).strip()
    if not text:
        return None
    for candidate in (text, _PARENTHESES.sub("", text)):
        index = 0
        match = _TRAILING_NUMBER.match(candidate)
        key = fold_label(candidate)
        field = _ALIASES.get(key)
        if field is None and match is not None:
            field = _ALIASES.get(fold_label(match.group("head")))
            if field is not None and field.split(".")[0] in _LISTS:
                index = int(match.group("n")) - 1
            else:
                field = None
        if field is not None:
            return field, index
    return None


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
        return not any(f.severity.code == "error" for f in self.report.findings)


# -- values -----------------------------------------------------------------------------------


class _Bad(Exception):
    """A value that cannot be used: (Chinese, English) reason."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        raise _Bad("应为文本", f"expected text, got {value}")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float, str)):
        return str(value).strip()
    raise _Bad("应为文本", f"expected text, got {short_repr(value)}")


def _date(value: object) -> tuple[dt.date, str | None]:
    """A date and, when one was written, its time of day ``HH:MM``."""
    if isinstance(value, dt.datetime):
        has_time = value.time() != dt.time()
        return value.date(), value.strftime("%H:%M") if has_time else None
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
    return _date_text(value)


@functools.lru_cache(maxsize=4096)
def _date_text(value: str) -> tuple[dt.date, str | None]:
    """A written date (a ledger repeats the same few hundred days: remembered)."""
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


def _count(value: object) -> int:
    if isinstance(value, bool):
        raise _Bad("应为非负整数", f"expected a whole number, got {value}")
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
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
        if text in _YES:
            return 20
        if text in _NO:
            return 0
        text = text.removesuffix("个工作日").removesuffix("工作日").removesuffix("天")
        value = text
    days = _count(value)
    if days > 20:
        raise _Bad(
            "延长答复期限最长20个工作日（第三十三条第二款）",
            f"an extension is at most 20 working days (第三十三条第二款), got {days}",
        )
    return days


def _channel(value: object) -> RequestChannel:
    return _channel_text(_text(value))


@functools.lru_cache(maxsize=256)
def _channel_text(text: str) -> RequestChannel:
    folded = fold_label(text)
    if folded in _AMBIGUOUS_FOLDED:
        raise _Bad(
            f"“{text}”未说明是邮寄（以签收之日为准）还是平常信函（以确认之日为准），第三十一条",
            f"{text!r} does not say whether the letter was signed for (post) or an ordinary "
            f"letter (confirmed with the applicant), 第三十一条; write 邮寄 or 平常信函",
        )
    extra = _CHANNEL_FOLDED.get(folded)
    if extra is not None:
        return extra
    member = RequestChannel.parse(text, default=None)
    if member is None:
        raise _Bad(
            f"未知的提交方式“{text}”",
            f"unknown channel {short_repr(text)}; use 当面提交, 邮寄, 平常信函, 网上申请 or 传真",
        )
    return member


@functools.lru_cache(maxsize=1024)
def _read_term(kind: Any, text: str) -> Any:
    return kind.read(text)


def _term(kind: Any, value: object) -> Any:
    text = _text(value)
    try:
        return _read_term(kind, text)
    except GovdiscloseError:
        allowed = "、".join(m.label if len(m.label) < 16 else m.code for m in kind)
        raise _Bad(
            f"未知的{kind.__concept__}“{text}”",
            f"unknown {kind.__concept__} {short_repr(text)}; allowed: {allowed}",
        ) from None


@functools.lru_cache(maxsize=65536, typed=True)
def _cached_value(field: str, value: object) -> Any:
    return _value(field, value)


def _any_value(field: str, value: object) -> Any:
    """:func:`_value`, remembered for the texts, dates and numbers a ledger repeats (the
    values it gives are immutable); ``_Bad`` is raised each time."""
    try:
        return _cached_value(field, value)
    except TypeError:  # unhashable: a list or an object where a value belongs
        return _value(field, value)


def _value(field: str, value: object) -> Any:
    if field in _DATE_FIELDS:
        return _date(value)
    if field == "channel":
        return _channel(value)
    if field in _TERMS:
        return _term(_TERMS[field], value)
    if field in _COUNTS:
        return _count(value)
    if field == "extension_days":
        return _extension(value)
    if field == "received_time":
        text = unicodedata.normalize("NFKC", _text(value))
        if isinstance(value, dt.time):
            return value.strftime("%H:%M")
        if not _TIME_OF_DAY.fullmatch(text):
            raise _Bad("时刻格式应为 HH:MM", f"a time of day is HH:MM, got {short_repr(value)}")
        hours, minutes = (int(p) for p in text.split(":"))
        if hours > 23 or minutes > 59:
            raise _Bad("时刻不存在", f"{text} is not a time of day")
        return f"{hours:02d}:{minutes:02d}"
    return _text(value)


@functools.lru_cache(maxsize=256)
def _field_of(key: str) -> str:
    """The field of a raw key: ``consultations[1].sent`` → ``consultations.sent``."""
    return re.sub(r"\[\d+\]", "", key)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# -- building requests -----------------------------------------------------------------------

#: One request's raw values: key (``received``, ``consultations[1].sent`` …) → (value, where).
Raw = dict[str, tuple[object, str]]


def _key(field: str, index: int) -> str:
    head, _, rest = field.partition(".")
    return f"{head}[{index}].{rest}" if head in _LISTS else field


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
                values[key] = _any_value(_field_of(key), value)
            except _Bad as exc:
                unusable.add(key)
                self.bad(
                    "requests.bad-cell",
                    where_of.get(key, row_where),
                    exc.zh,
                    exc.en,
                    field=key,
                    value=_shown(value),
                )
        failed = bool(unusable)
        request_id = values.get("id")
        if not request_id and "id" not in unusable:
            failed = True
            self.bad(
                "requests.missing-value",
                where_of.get("id", row_where),
                "没有申请编号",
                "no request id",
                field="id",
            )
        if "applicant_category" not in values and "applicant_category" not in unusable:
            failed = True
            self.bad(
                "requests.missing-value",
                where_of.get("applicant_category", row_where),
                "没有申请人类别（表三的列：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）",
                "no applicant category (table 三's columns)",
                field="applicant_category",
            )
        received = self._receipt(values, where_of, row_where, unusable)
        if received is None:
            failed = True
        if failed:
            return
        assert isinstance(request_id, str) and received is not None
        if request_id in self._ids:
            self.bad(
                "requests.duplicate-id",
                where_of.get("id", row_where),
                f"编号“{request_id}”已在 {self._ids[request_id]} 使用",
                f"id {request_id!r} is already used at {self._ids[request_id]}",
                id=request_id,
            )
            return
        request = _make_request(request_id, received, values)
        if isinstance(request, list):
            for path, zh, en in request:
                self.bad(
                    "requests.bad-order",
                    _where(path, where_of, row_where),
                    f"申请 {request_id}：{zh}",
                    f"request {request_id}: {en}",
                    id=request_id,
                    field=path,
                )
            return
        self._ids[request_id] = where_of.get("id", row_where)
        self.requests.append(request)
        self.locations.append(where_of)

    def _receipt(
        self,
        values: dict[str, Any],
        where_of: Mapping[str, str],
        row_where: str,
        unusable: set[str],
    ) -> tuple[dt.date, str | None] | None:
        given = values.get("received")
        channel = values.get("channel")
        events: dict[ReceiptEvent | str, dt.date] = {
            ReceiptEvent.parse(name): values[name][0]
            for name in ("submitted", "signed_for", "confirmed")
            if name in values
        }
        computed: dt.date | None = None
        if channel is not None:
            try:
                computed = receipt_date(channel, events)
            except InputError:
                computed = None
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


def _shown(value: object) -> object:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _where(path: str, where_of: Mapping[str, str], row_where: str) -> str:
    if path in where_of:
        return where_of[path]
    head = path.split(".")[0]
    return where_of.get(head, row_where)


def _make_request(
    request_id: str, received: tuple[dt.date, str | None], values: Mapping[str, Any]
) -> Request | list[tuple[str, str, str]]:
    def day(key: str) -> dt.date | None:
        got = values.get(key)
        return None if got is None else got[0]

    def listed(name: str) -> dict[int, dict[str, Any]]:
        items: dict[int, dict[str, Any]] = {}
        for key, value in values.items():
            if key.startswith(name) and key[len(name) : len(name) + 1] == "[":
                index, _, field = key[len(name) + 1 :].partition("].")
                items.setdefault(int(index), {})[field] = (
                    value[0] if isinstance(value, tuple) else value
                )
        return dict(sorted(items.items()))

    problems: list[tuple[str, str, str]] = []
    consultations = []
    for index, item in listed("consultations").items():
        if "sent" not in item:
            problems.append(
                (
                    f"consultations[{index}].sent",
                    "有征求意见信息但无发出日期",
                    "a consultation without the day it was sent",
                )
            )
            continue
        consultations.append(Consultation(**item))
    reviews = []
    for index, item in listed("reviews").items():
        if "kind" not in item:
            problems.append(
                (
                    f"reviews[{index}].kind",
                    "有复议诉讼信息但未说明是行政复议还是行政诉讼",
                    "a review or lawsuit without its kind",
                )
            )
            continue
        reviews.append(Review(**item))
    fee_values = {k.split(".")[1]: (v[0] if isinstance(v, tuple) else v)
                  for k, v in values.items() if k.startswith("fee.")}  # fmt: skip
    fee = None
    if fee_values:
        if "sent" not in fee_values or "basis" not in fee_values:
            problems.append(
                (
                    "fee.sent" if "sent" not in fee_values else "fee.basis",
                    "收费信息缺少收费通知日期或收费方式（按件/按量）",
                    "a fee without the notice date or the basis (按件/按量)",
                )
            )
        else:
            fee = FeeNotice(**fee_values)
    reply = None
    if "reply.date" in values or "reply.outcome" in values:
        if "reply.date" not in values or "reply.outcome" not in values:
            missing = "reply.date" if "reply.date" not in values else "reply.outcome"
            problems.append(
                (
                    missing,
                    "答复须同时有日期和办理结果（表三的一行）",
                    "a reply needs both its date and its outcome (a row of table 三)",
                )
            )
        else:
            reply = Reply(values["reply.date"][0], values["reply.outcome"])
    if problems:
        return problems
    fields: dict[str, Any] = {
        "id": request_id,
        "received": received[0],
        "applicant_category": values["applicant_category"],
        "subject": values.get("subject", ""),
        "applicant": values.get("applicant"),
        "channel": values.get("channel"),
        "received_time": values.get("received_time") or received[1],
        "submitted": day("submitted"),
        "signed_for": day("signed_for"),
        "confirmed": day("confirmed"),
        "supplement_requested": day("supplement_requested"),
        "supplement_received": day("supplement_received"),
        "extension_days": values.get("extension_days", 0),
        "extended_on": day("extended_on"),
        "consultations": consultations,
        "fee": fee,
        "reply": reply,
        "reviews": reviews,
        "note": values.get("note", ""),
    }
    try:
        return Request(**fields)
    except GovdiscloseError as exc:
        errors = getattr(exc, "errors", ())
        if errors:
            return [((e.path or "$")[2:], str(e.message), str(e.message)) for e in errors]
        return [(getattr(exc, "path", None) or "", str(exc), str(exc))]


# -- tables -----------------------------------------------------------------------------------


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _ref(sheet: str | None, row: int, column: int) -> str:
    cell = f"{_column_letter(column)}{row + 1}"
    return f"{sheet}!{cell}" if sheet else cell


_HEADER_SEARCH_ROWS = 20


def _find_header(rows: Sequence[Sequence[object]]) -> int | None:
    best, best_row = 0, None
    for index, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        fields = {
            found[0]
            for cell in row
            if isinstance(cell, str) and (found := _header_field(cell)) is not None
        }
        fields |= {
            _FALLBACK[fold_label(c)]
            for c in row
            if isinstance(c, str) and fold_label(c) in _FALLBACK
        }
        score = len(fields)
        if score > best and ("id" in fields or "received" in fields) and score >= 2:
            best, best_row = score, index
    return best_row


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
    columns: dict[int, str] = {}
    taken: dict[str, int] = {}
    fallbacks: dict[int, str] = {}
    for column, label in enumerate(grid[header_row]):
        text = label.strip() if isinstance(label, str) else "" if label is None else str(label)
        if not text:
            continue
        where = _ref(sheet, header_row, column)
        if fold_label(text) in _FALLBACK:
            fallbacks[column] = _FALLBACK[fold_label(text)]
            continue
        found = _header_field(text)
        if found is None:
            builder.bad(
                "requests.unknown-column",
                where,
                f"列名“{text}”",
                f"header {text!r}",
                header=text,
            )
            continue
        key = _key(*found)
        if key in taken:
            builder.bad(
                "requests.duplicate-column",
                where,
                f"“{text}”与 {_ref(sheet, header_row, taken[key])} 列重复",
                f"{text!r} repeats column {_ref(sheet, header_row, taken[key])}",
                field=key,
            )
            continue
        taken[key] = column
        columns[column] = key
    for column, field in fallbacks.items():
        if field not in taken:
            taken[field] = column
            columns[column] = field
    for field in _REQUIRED_COLUMNS:
        if field not in taken:
            builder.bad(
                "requests.missing-column",
                _ref(sheet, header_row, 0),
                f"缺少“{_COLUMN_NAMES[field]}”列",
                f"no {field} column",
                field=field,
            )
    if not any(f in taken for f in ("received", "submitted", "signed_for", "confirmed")):
        builder.bad(
            "requests.missing-column",
            _ref(sheet, header_row, 0),
            "缺少“收到日期”列（或提交方式及相应日期列）",
            "no received column (nor the channel's dates)",
            field="received",
        )
    if any(f.code == "requests.missing-column" for f in builder.findings):
        return LedgerReading(Ledger((), body=body), Report(tuple(builder.findings)), ())
    letters = {key: _column_letter(column) for column, key in columns.items()}
    prefix = f"{sheet}!" if sheet else ""
    width = max(columns, default=0) + 1
    for row_index in range(header_row + 1, len(grid)):
        cells = grid[row_index]
        if len(cells) < width:
            cells = [*cells, *([None] * (width - len(cells)))]
        raw = {key: cells[column] for column, key in columns.items() if not _blank(cells[column])}
        if not raw and all(_blank(c) for c in cells):
            continue
        builder.add(raw, _RowCells(prefix, row_index + 1, letters))
    return _finish(builder, body, _ref(sheet, header_row, 0))


class _RowCells(Mapping[str, str]):
    """The cell of each field in one row (``台账!D7``), made when asked for; ``""`` is the
    row's first cell."""

    __slots__ = ("_letters", "_prefix", "_row")

    def __init__(self, prefix: str, row: int, letters: Mapping[str, str]) -> None:
        self._prefix, self._row, self._letters = prefix, row, letters

    def __getitem__(self, key: str) -> str:
        if key == "":
            return f"{self._prefix}A{self._row}"
        return f"{self._prefix}{self._letters[key]}{self._row}"

    def __iter__(self) -> Iterator[str]:
        yield ""
        yield from self._letters

    def __len__(self) -> int:
        return len(self._letters) + 1


def _finish(builder: _Builder, body: str | None, where: str = "$") -> LedgerReading:
    if not builder.requests and not any(f.severity.code == "error" for f in builder.findings):
        builder.findings.append(make_finding("requests.empty", where))
    return LedgerReading(
        Ledger(tuple(builder.requests), body=body),
        Report(tuple(builder.findings)),
        tuple(builder.locations),
    )


def _read_csv(path: Path, limits: Limits) -> list[list[str]]:
    data = read_bytes(path, limit=limits.max_file_bytes)
    name = str(path)
    if bom_encoding(data) is None:
        what = describe_content(data)
        if what not in ("a text file", "an empty file"):
            raise InputError(f"{name}: not a CSV text file but {what} (不是CSV文本文件)")
    text = decode_text(data, source=name)
    if "\x00" in text:
        raise InputError(f"{name}: contains NUL characters; not a CSV text file (不是CSV文本文件)")
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for row in reader:
            if len(rows) >= limits.max_rows:
                raise InputError(f"{name}: more than {limits.max_rows} rows (行数过多)")
            if len(row) > limits.max_columns:
                raise InputError(
                    f"{name}: line {reader.line_num} has {len(row)} fields, more than "
                    f"{limits.max_columns} (列数过多)"
                )
            rows.append(row)
    except csv.Error as exc:
        raise InputError(
            f"{name}: line {reader.line_num}: not valid CSV: {exc} (CSV格式错误)"
        ) from None
    return rows


def _xlsx_sheets(path: Path, limits: Limits) -> Iterator[tuple[str, list[tuple[object, ...]]]]:
    from ..tables._safety import open_workbook, quiet

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
        data = parse_json(
            decode_text(read_bytes(path, limit=limits.max_file_bytes), source=str(path)),
            source=str(path),
        )
        return read_ledger_data(data)
    if suffix in (".csv", ".tsv", ".txt"):
        try:
            return read_ledger_rows(_read_csv(path, limits), sheet=path.name)
        except InputError as exc:
            if str(exc).startswith(str(path)):
                raise
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

_NESTED = {"fee": "fee", "reply": "reply"}


def _json_fields(obj: Mapping[str, Any], where: str, builder: _Builder, prefix: str = "") -> Raw:
    raw: Raw = {}
    for key, value in obj.items():
        here = f"{where}[{key!r}]" if not str(key).isidentifier() else f"{where}.{key}"
        if not prefix and key in _LISTS:
            if not isinstance(value, list):
                raw[f"{key}[0]._list"] = (value, here)
                continue
            for index, item in enumerate(value):
                if not isinstance(item, Mapping):
                    raw[f"{key}[{index}]._item"] = (item, f"{here}[{index}]")
                    continue
                for sub, (sub_value, sub_where) in _json_fields(
                    item, f"{here}[{index}]", builder, prefix=key
                ).items():
                    raw[f"{key}[{index}].{sub.split('.', 1)[1]}"] = (sub_value, sub_where)
            continue
        if not prefix and key in _NESTED:
            if value is None:
                continue
            if not isinstance(value, Mapping):
                raw[f"{key}._object"] = (value, here)
                continue
            raw.update(_json_fields(value, here, builder, prefix=key))
            continue
        if prefix:
            field = f"{prefix}.{key}" if isinstance(key, str) else None
            if field is None or (field not in COLUMN_ALIASES):
                builder.bad(
                    "requests.unknown-key", here, f"键“{key}”", f"key {key!r}", key=str(key)
                )
                continue
            raw[field] = (value, here)
            continue
        found = _header_field(key) if isinstance(key, str) else None
        if found is None and isinstance(key, str) and fold_label(key) in _FALLBACK:
            found = (_FALLBACK[fold_label(key)], 0)
        if found is None:
            builder.bad("requests.unknown-key", here, f"键“{key}”", f"key {key!r}", key=str(key))
            continue
        raw[_key(*found)] = (value, here)
    return raw


def read_ledger_data(data: object) -> LedgerReading:
    """Read a ledger from parsed JSON: ``{"body", "requests": [...]}`` or a list of requests."""
    builder = _Builder()
    body = None
    items: object = data
    base = "$"
    if isinstance(data, Mapping):
        for key in data:
            if key not in ("requests", "body", "$schema"):
                builder.bad(
                    "requests.unknown-key", f"$.{key}", f"键“{key}”", f"key {key!r}", key=str(key)
                )
        body_value = data.get("body")
        if body_value is not None and not isinstance(body_value, str):
            raise InputError(f"$.body: expected text, got {short_repr(body_value)} (应为文本)")
        body = body_value
        if "requests" not in data:
            raise InputError("$: a ledger object needs a 'requests' list (缺少 requests 列表)")
        items, base = data["requests"], "$.requests"
    if not isinstance(items, list):
        raise InputError(
            f"{base}: expected a list of requests, got {short_repr(items)} (应为申请列表)"
        )
    for index, item in enumerate(items):
        where = f"{base}[{index}]"
        if not isinstance(item, Mapping):
            builder.bad(
                "requests.bad-cell",
                where,
                "应为对象",
                f"expected an object, got {short_repr(item)}",
            )
            continue
        raw = _json_fields(item, where, builder)
        structural = [k for k in raw if k.endswith(("._list", "._item", "._object"))]
        for key in structural:
            value, at = raw.pop(key)
            builder.bad(
                "requests.bad-cell",
                at,
                "结构不对（应为列表或对象）",
                f"wrong shape: {short_repr(value)} (expected a list or an object)",
            )
        if structural:
            continue
        where_of = {"": where, **{key: at for key, (_, at) in raw.items()}}
        builder.add({k: v for k, (v, _) in raw.items() if not _blank(v)}, where_of)
    return _finish(builder, body)


def ledger_to_json(ledger: Ledger) -> dict[str, Any]:
    """The canonical JSON of a ledger (schema ``requests-ledger``): codes, ISO dates; empty
    and default fields left out, except ``requests``."""
    from .._converter import converter

    if not isinstance(ledger, Ledger):
        raise InputError(f"expected a Ledger, got {short_repr(ledger)} (应为台账 Ledger)")
    data: dict[str, Any] = converter.unstructure(ledger)
    data.setdefault("requests", [])  # an empty ledger still says it has no requests
    return data


# -- writing rows -----------------------------------------------------------------------------

#: The header :func:`ledger_to_rows` writes for each field (one of its accepted spellings).
_WRITTEN_HEADERS: Mapping[str, str] = {
    "id": "申请编号",
    "received": "收到申请日期",
    "received_time": "收到时刻",
    "channel": "提交方式",
    "submitted": "提交日期",
    "signed_for": "签收日期",
    "confirmed": "确认日期",
    "applicant_category": "申请人类别",
    "applicant": "申请人",
    "subject": "申请内容",
    "supplement_requested": "告知补正日期",
    "supplement_received": "收到补正日期",
    "extension_days": "延期天数",
    "extended_on": "延期日期",
    "consultations.party": "征求意见对象",
    "consultations.sent": "征求意见日期",
    "consultations.answered": "意见答复日期",
    "fee.basis": "收费方式",
    "fee.sent": "收费通知日期",
    "fee.amount": "收费金额",
    "fee.pages": "页数",
    "fee.paid": "缴费日期",
    "fee.lapsed": "逾期未缴费日期",
    "reply.date": "答复日期",
    "reply.outcome": "办理结果",
    "reviews.kind": "复议诉讼",
    "reviews.result": "复议诉讼结果",
    "reviews.filed": "复议诉讼日期",
    "reviews.decided": "审结日期",
    "note": "备注",
}


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Outcome):
        return value.printed
    if isinstance(value, (ApplicantCategory, ConsultedParty, FeeBasis, ReviewKind, ReviewResult)):
        return value.label
    if isinstance(value, RequestChannel):
        return value.label
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


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
    if not isinstance(ledger, Ledger):
        raise InputError(f"expected a Ledger, got {short_repr(ledger)} (应为台账 Ledger)")
    consultations = max((len(r.consultations) for r in ledger.requests), default=0)
    reviews = max((len(r.reviews) for r in ledger.requests), default=0)
    keys: list[str] = []
    for field in _WRITTEN_HEADERS:
        head = field.split(".")[0]
        if head == "consultations":
            keys += [_key(field, i) for i in range(consultations)]
        elif head == "reviews":
            keys += [_key(field, i) for i in range(reviews)]
        else:
            keys.append(field)
    keys = sorted(keys, key=lambda k: _order(k))

    def header(key: str) -> str:
        field = _field_of(key)
        index = int(key.split("[")[1].split("]")[0]) if "[" in key else 0
        return _WRITTEN_HEADERS[field] + (str(index + 1) if index else "")

    rows = [[header(key) for key in keys]]
    for request in ledger.requests:
        values = _flat(request)
        rows.append([_cell(values.get(key)) for key in keys])
    return rows


def _order(key: str) -> tuple[int, int, int]:
    field = _field_of(key)
    index = int(key.split("[")[1].split("]")[0]) if "[" in key else 0
    fields = list(_WRITTEN_HEADERS)
    head = field.split(".")[0]
    group = fields.index(next(f for f in fields if f.split(".")[0] == head))
    return group, index, fields.index(field)


def _flat(request: Request) -> dict[str, object]:
    values: dict[str, object] = {
        "id": request.id,
        "received": request.received,
        "received_time": request.received_time,
        "channel": request.channel,
        "submitted": request.submitted,
        "signed_for": request.signed_for,
        "confirmed": request.confirmed,
        "applicant_category": request.applicant_category,
        "applicant": request.applicant,
        "subject": request.subject or None,
        "supplement_requested": request.supplement_requested,
        "supplement_received": request.supplement_received,
        "extension_days": request.extension_days or None,
        "extended_on": request.extended_on,
        "note": request.note or None,
    }
    for i, item in enumerate(request.consultations):
        values[f"consultations[{i}].party"] = item.party
        values[f"consultations[{i}].sent"] = item.sent
        values[f"consultations[{i}].answered"] = item.answered
    for i, review in enumerate(request.reviews):
        values[f"reviews[{i}].kind"] = review.kind
        values[f"reviews[{i}].result"] = review.result
        values[f"reviews[{i}].filed"] = review.filed
        values[f"reviews[{i}].decided"] = review.decided
    if request.fee is not None:
        for name in ("basis", "sent", "amount", "pages", "paid", "lapsed"):
            values[f"fee.{name}"] = getattr(request.fee, name)
    if request.reply is not None:
        values["reply.date"] = request.reply.date
        values["reply.outcome"] = request.reply.outcome
    return values


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
    from openpyxl.utils import get_column_letter

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
            if value == "":
                continue
            cell = set_cell(ws, r, c, value, f"{sheet}!{get_column_letter(c)}{r}")
            cell.number_format = "@"
    for c, head in enumerate(rows[0], start=1):
        ws.column_dimensions[get_column_letter(c)].width = max(10, 2 * len(head) + 2)
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
