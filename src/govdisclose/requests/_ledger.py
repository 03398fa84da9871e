"""The requests ledger (依申请公开台账): one :class:`Request` per application, with its events.

A request has an id, the day it counts as received (第三十一条; see
:func:`~govdisclose.deadlines.receipt_date`) and how it came, the applicant's category (a
column of the annual report's table 三), what was asked, and what happened to it, each
with its date: a supplement requested and received (第三十条), an extension (第三十三条),
consultations of a third party or another agency (第三十二条, 第三十四条), a fee notice
sent, paid or lapsed (国办函〔2020〕109号), the reply with exactly one outcome (a result row
of table 三), and any administrative review or lawsuit with its result (table 四).

Construction checks what the dates say about each other (a reply before receipt, a
consultation answered before it was sent …) and raises :class:`~govdisclose._errors.DataError`
listing every problem; the file readers report the same problems as located findings instead.

>>> import datetime as dt
>>> from govdisclose.requests import Reply, Request
>>> r = Request(id="2025-001", received=dt.date(2025, 3, 3), applicant_category="自然人",
...             reply=Reply(dt.date(2025, 3, 20), "予以公开"))
>>> r.applicant_category.code, r.reply.outcome.code
('natural_person', 'disclosed')
>>> Request(id="2025-002", received=dt.date(2025, 3, 3), applicant_category="natural_person",
...         reply=Reply(dt.date(2025, 3, 1), "disclosed"))
Traceback (most recent call last):
...
govdisclose.DataError: request '2025-002' is inconsistent (申请记录前后矛盾)
  - $.reply.date: the reply 2025-03-01 is before receipt 2025-03-03 ...

More information:

* 《中华人民共和国政府信息公开条例》(国务院令第711号) 第二十九条至第四十五条
* 国办函〔2020〕109号《政府信息公开信息处理费管理办法》
* 国办公开办函〔2021〕30号 (tables 三 and 四 of the annual report)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

import attrs

from .._dates import check_count, check_date
from .._errors import DataError, InputError, short_repr
from ..deadlines import RequestChannel
from ..deadlines._requests import check_extension
from ._terms import ApplicantCategory, ConsultedParty, FeeBasis, Outcome, ReviewKind, ReviewResult

__all__ = [
    "Consultation",
    "FeeNotice",
    "Ledger",
    "Reply",
    "Request",
    "Review",
    "check_ledger",
    "request_problems",
]

_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


def _date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_date(value, attribute.name)


_optional_date = attrs.validators.optional(_date)


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InputError(f"expected text, got {short_repr(value)} (应为文本)", path=attribute.name)


_optional_text = attrs.validators.optional(_text)


def _count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_count(value, attribute.name)


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InputError(f"expected a list, got {short_repr(value)} (应为列表)")
    return tuple(value)


def _of(kind: type) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                raise InputError(
                    f"expected {kind.__name__}, got {short_repr(item)} (类型错误)",
                    path=f"{attribute.name}[{index}]",
                )

    return check


def _party(value: object) -> ConsultedParty:
    return ConsultedParty.read(value, path="party")


def _basis(value: object) -> FeeBasis:
    return FeeBasis.read(value, path="basis")


def _outcome(value: object) -> Outcome:
    return Outcome.read(value, path="outcome")


def _review_kind(value: object) -> ReviewKind:
    return ReviewKind.read(value, path="kind")


def _review_result(value: object) -> ReviewResult:
    return ReviewResult.read(value, path="result")


def _category(value: object) -> ApplicantCategory:
    return ApplicantCategory.read(value, path="applicant_category")


@attrs.frozen
class Consultation:
    """A consultation (征求意见): of a third party (第三十二条) or another agency (第三十四条).

    ``answered`` is the day the answer arrived; ``None`` while none has.  The time from the
    day after ``sent`` through ``answered`` (or the consulted party's 15 working days) is
    not counted in the reply period (第三十三条第三款).
    """

    sent: dt.date = attrs.field(validator=_date)
    party: ConsultedParty = attrs.field(default=ConsultedParty.THIRD_PARTY, converter=_party)
    answered: dt.date | None = attrs.field(default=None, validator=_optional_date)


@attrs.frozen
class FeeNotice:
    """A notice of an information-processing fee (收费通知, 国办函〔2020〕109号).

    ``basis`` is 按件 or 按量 (one per request); ``pages`` the pages provided (按量);
    ``amount`` the fee in 元 the notice asked for; ``paid`` the day it was paid, ``lapsed``
    the day the payment period ended unpaid (the request is then no longer processed:
    outcome ``other.fee_unpaid``).
    """

    sent: dt.date = attrs.field(validator=_date)
    basis: FeeBasis = attrs.field(converter=_basis)
    amount: int | None = attrs.field(default=None, validator=_count)
    pages: int | None = attrs.field(default=None, validator=_count)
    paid: dt.date | None = attrs.field(default=None, validator=_optional_date)
    lapsed: dt.date | None = attrs.field(default=None, validator=_optional_date)


@attrs.frozen
class Reply:
    """The reply (答复) to a request: its date and its one outcome (a result row of table 三)."""

    date: dt.date = attrs.field(validator=_date)
    outcome: Outcome = attrs.field(converter=_outcome)


@attrs.frozen
class Review:
    """An administrative review or lawsuit about a request (table 四), with its result."""

    kind: ReviewKind = attrs.field(converter=_review_kind)
    result: ReviewResult = attrs.field(default=ReviewResult.PENDING, converter=_review_result)
    filed: dt.date | None = attrs.field(default=None, validator=_optional_date)
    decided: dt.date | None = attrs.field(default=None, validator=_optional_date)


def _extension(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_extension(value, attribute.name)


def _time(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not _TIME.fullmatch(value)):
        raise InputError(
            f"a time of day is HH:MM, got {short_repr(value)} (时刻格式应为 HH:MM)",
            path=attribute.name,
        )


def _channel(value: object) -> RequestChannel | None:
    return None if value is None else RequestChannel.parse(value, path="channel")


@attrs.frozen
class Request:
    """One request for disclosure (政府信息公开申请) and what happened to it.

    ``received`` is the day the request counts as received (第三十一条); ``submitted``,
    ``signed_for`` and ``confirmed`` are the days the channel's rule looks at, when known.
    ``received_time`` (``HH:MM``) is kept as the office wrote it; periods count whole days.
    ``applicant`` names or identifies the applicant (for the per-month count of 按件 fees);
    ``extension_days`` is an approved extension (0–20 working days) decided on
    ``extended_on``.  A request without ``reply`` is open.
    """

    id: str = attrs.field(validator=_text)
    received: dt.date = attrs.field(validator=_date)
    applicant_category: ApplicantCategory = attrs.field(converter=_category)
    subject: str = attrs.field(default="", validator=_text)
    applicant: str | None = attrs.field(default=None, validator=_optional_text)
    channel: RequestChannel | None = attrs.field(default=None, converter=_channel)
    received_time: str | None = attrs.field(default=None, validator=_time)
    submitted: dt.date | None = attrs.field(default=None, validator=_optional_date)
    signed_for: dt.date | None = attrs.field(default=None, validator=_optional_date)
    confirmed: dt.date | None = attrs.field(default=None, validator=_optional_date)
    supplement_requested: dt.date | None = attrs.field(default=None, validator=_optional_date)
    supplement_received: dt.date | None = attrs.field(default=None, validator=_optional_date)
    extension_days: int = attrs.field(default=0, validator=_extension)
    extended_on: dt.date | None = attrs.field(default=None, validator=_optional_date)
    consultations: tuple[Consultation, ...] = attrs.field(
        default=(), converter=_tuple, validator=_of(Consultation)
    )
    fee: FeeNotice | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(FeeNotice))
    )
    reply: Reply | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Reply))
    )
    reviews: tuple[Review, ...] = attrs.field(default=(), converter=_tuple, validator=_of(Review))
    note: str = attrs.field(default="", validator=_text)

    def __attrs_post_init__(self) -> None:
        problems = request_problems(self)
        if problems:
            raise DataError(
                f"request {self.id!r} is inconsistent (申请记录前后矛盾)",
                errors=[InputError(f"{en} ({zh})", path=f"$.{path}") for path, zh, en in problems],
            )

    @property
    def is_open(self) -> bool:
        """Whether the request has no reply yet."""
        return self.reply is None

    def open_on(self, day: dt.date) -> bool:
        """Whether the request was received on or before ``day`` and not answered by then."""
        return self.received <= day and (self.reply is None or self.reply.date > day)


#: The dates of a request as its problems name them: field → (Chinese, English).
_DATE_NAMES: dict[str, tuple[str, str]] = {
    "received": ("收到申请", "receipt"),
    "supplement_requested": ("要求补正", "the supplement request"),
    "supplement_received": ("收到补正", "the supplement"),
    "extended_on": ("延期", "the extension"),
    "consultations.sent": ("征求意见", "the consultation"),
    "consultations.answered": ("答复意见", "the answer"),
    "fee.sent": ("收费通知", "the fee notice"),
    "fee.paid": ("缴费", "the payment"),
    "fee.lapsed": ("逾期", "the lapse"),
    "reply.date": ("答复", "the reply"),
    "reviews.filed": ("复议诉讼", "the review or lawsuit"),
    "reviews.decided": ("审结", "the decision"),
}


def request_problems(request: Request) -> list[tuple[str, str, str]]:
    """What the dates of ``request`` say that cannot be: (field path, Chinese, English).

    The field paths (``reply.date``, ``consultations[0].answered`` …) are the JSON paths of
    the ledger's canonical form without ``$.``.
    """
    received, fee, reply = request.received, request.fee, request.reply
    # (path of the later date, the later date, the earlier date's field, the earlier date)
    order: list[tuple[str, dt.date | None, str, dt.date | None]] = [
        ("supplement_requested", request.supplement_requested, "received", received),
        ("supplement_received", request.supplement_received, "supplement_requested",
         request.supplement_requested),
        ("extended_on", request.extended_on, "received", received),
    ]  # fmt: skip
    for i, item in enumerate(request.consultations):
        order.append((f"consultations[{i}].sent", item.sent, "received", received))
        order.append(
            (f"consultations[{i}].answered", item.answered, "consultations.sent", item.sent)
        )
    if fee is not None:
        order.append(("fee.sent", fee.sent, "received", received))
        order += [(f"fee.{n}", getattr(fee, n), "fee.sent", fee.sent) for n in ("paid", "lapsed")]
    if reply is not None:
        order.append(("reply.date", reply.date, "received", received))
    anchor = ("received", received) if reply is None else ("reply.date", reply.date)
    for i, review in enumerate(request.reviews):
        order.append((f"reviews[{i}].filed", review.filed, *anchor))
        order.append((f"reviews[{i}].decided", review.decided, "reviews.filed", review.filed))
    out = []
    for path, later, name, earlier in order:
        if later is not None and earlier is not None and later < earlier:
            what_zh, what_en = _DATE_NAMES[re.sub(r"\[\d+\]", "", path)]
            ref_zh, ref_en = _DATE_NAMES[name]
            out.append(
                (
                    path,
                    f"{what_zh} {later} 早于{ref_zh}之日 {earlier}",
                    f"{what_en} {later} is before {ref_en} {earlier}",
                )
            )
    pending = [i for i, r in enumerate(request.reviews) if r.result is ReviewResult.PENDING]
    contradictions = [
        (
            request.supplement_received is not None and request.supplement_requested is None,
            "supplement_received",
            "有收到补正日期而无要求补正日期",
            "a supplement was received but none was requested",
        ),
        (
            request.extended_on is not None and request.extension_days == 0,
            "extension_days",
            "有延期日期而无延长天数",
            "an extension date without days",
        ),
        (
            fee is not None and fee.paid is not None and fee.lapsed is not None,
            "fee.lapsed",
            "既已缴费又逾期未缴",
            "the fee is both paid and lapsed",
        ),
        (
            reply is not None
            and reply.outcome is Outcome.OTHER_NO_SUPPLEMENT
            and request.supplement_requested is None,
            "reply.outcome",
            "结果为逾期不补正，但没有要求补正的记录",
            "outcome other.no_supplement but no supplement was requested",
        ),
        (
            reply is not None
            and reply.outcome is Outcome.OTHER_FEE_UNPAID
            and (fee is None or fee.paid is not None),
            "reply.outcome",
            "结果为逾期未缴费，但没有未缴费的收费通知",
            "outcome other.fee_unpaid but no unpaid fee notice",
        ),
        *(
            (
                request.reviews[i].decided is not None,
                f"reviews[{i}].result",
                "有审结日期但结果为尚未审结",
                "a decision date but the result is pending",
            )
            for i in pending
        ),
    ]
    return out + [(path, zh, en) for wrong, path, zh, en in contradictions if wrong]


def _requests(value: Iterable[Request]) -> tuple[Request, ...]:
    items = _tuple(value)
    seen: set[str] = set()
    for index, item in enumerate(items):
        if not isinstance(item, Request):
            raise InputError(
                f"expected a Request, got {short_repr(item)} (应为申请记录)",
                path=f"requests[{index}]",
            )
        if item.id in seen:
            raise InputError(
                f"duplicate request id {item.id!r} (申请编号重复)", path=f"requests[{index}].id"
            )
        seen.add(item.id)
    return items


@attrs.frozen
class Ledger:
    """A requests ledger: the body that keeps it and its requests (ids unique)."""

    requests: tuple[Request, ...] = attrs.field(default=(), converter=_requests)
    body: str | None = attrs.field(default=None, validator=_optional_text)

    def __len__(self) -> int:
        return len(self.requests)


def check_ledger(value: object) -> Ledger:
    """``value`` when it is a :class:`Ledger`; an InputError otherwise (public entry points)."""
    if not isinstance(value, Ledger):
        raise InputError(
            f"expected a Ledger, got {short_repr(value)} (应为台账 Ledger)", path="ledger"
        )
    return value
