"""The records a CMS keeps about a policy document (政策性文件), as frozen attrs classes.

应急厅函〔2019〕390号 四(一) asks, for every policy document: a disclosure attribute set when
it is drafted (公开属性: 主动公开 / 依申请公开 / 不予公开), the matching marking printed after the
date (「此件公开发布」「此件依申请公开」「此件不公开」), a review before issue and a stated legal
basis for a document not disclosed, publication on the government website within 20 working
days of issue for a proactive one, and a yearly review of the others; 四(二)6 asks that an
interpretation be published together with the document (三同步).  :class:`DocumentRecord`
holds what is needed to check that (:mod:`govdisclose.checks._documents`).

JSON uses the field names below, dates as ``YYYY-MM-DD``, the attribute and channels as codes
or Chinese labels (the marking text is accepted as an attribute too):

>>> record = read_document({
...     "id": "2024-17", "title": "关于做好汛期安全防范工作的通知",
...     "document_number": "某应急〔2024〕17号", "issued": "2024-05-06",
...     "attribute": "主动公开", "marking": "此件公开发布",
...     "published": "2024-05-10", "channels": ["政府网站"],
... })
>>> record.attribute, record.published, record.on_government_website
(<DisclosureAttribute.PROACTIVE: 'proactive'>, datetime.date(2024, 5, 10), True)
>>> read_document({"id": "1", "title": "x", "issued": "5月6日"})
Traceback (most recent call last):
...
govdisclose.DataError: cannot read DocumentRecord (无法读取数据)
  - $.issued: expected an ISO 8601 date (YYYY-MM-DD), got '5月6日' (应为日期)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from .._model import parse_terms
from .._vocabulary import Channel, DisclosureAttribute

_opt_str = attrs.validators.optional(attrs.validators.instance_of(str))
_opt_date = attrs.validators.optional(attrs.validators.instance_of(dt.date))


def _channels(value: Any) -> tuple[Channel, ...]:
    return parse_terms(Channel, "channels", value)


def _attribute(value: Any) -> DisclosureAttribute | None:
    return None if value is None else DisclosureAttribute.parse(value)


@attrs.frozen(kw_only=True)
class ReviewRecord:
    """A review of a document's disclosure attribute before it is issued (390号 四(一)2).

    ``reviewer`` is the office (or person) that reviewed — for a document proposed as not
    disclosed, the office responsible for government information disclosure, and first the
    secrecy office when state secrets are involved.
    """

    reviewer: str = attrs.field(validator=attrs.validators.instance_of(str))
    reviewed_on: dt.date = attrs.field(validator=attrs.validators.instance_of(dt.date))
    note: str | None = attrs.field(default=None, validator=_opt_str)


@attrs.frozen(kw_only=True)
class InterpretationRecord:
    """The interpretation (政策解读) of a document: when it was published and how it is linked.

    ``url`` is its address, ``id`` its identifier in the CMS; either links it to the document.
    """

    published: dt.date | None = attrs.field(default=None, validator=_opt_date)
    url: str | None = attrs.field(default=None, validator=_opt_str)
    id: str | None = attrs.field(default=None, validator=_opt_str)


@attrs.frozen(kw_only=True)
class DocumentRecord:
    """What a CMS records about one policy document.

    ``issued`` is the date the document was issued (印发; the 20 working days of 390号 四(一)5
    run from it — a CMS that only knows the 成文日期 gives that).  ``marking`` is the marking
    text found in the document (``None``: not recorded).  ``not_disclosed_basis`` is the legal
    basis stated for not disclosing it (四(一)3).  ``published`` / ``channels`` / ``url`` say
    where and when it was published; a ``url`` means the government website.
    """

    id: str = attrs.field(validator=attrs.validators.instance_of(str))
    title: str = attrs.field(validator=attrs.validators.instance_of(str))
    document_number: str | None = attrs.field(default=None, validator=_opt_str)
    issued: dt.date | None = attrs.field(default=None, validator=_opt_date)
    attribute: DisclosureAttribute | None = attrs.field(default=None, converter=_attribute)
    marking: str | None = attrs.field(default=None, validator=_opt_str)
    not_disclosed_basis: str | None = attrs.field(default=None, validator=_opt_str)
    review: ReviewRecord | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(ReviewRecord)),
    )
    published: dt.date | None = attrs.field(default=None, validator=_opt_date)
    channels: tuple[Channel, ...] = attrs.field(default=(), converter=_channels)
    url: str | None = attrs.field(default=None, validator=_opt_str)
    needs_interpretation: bool = attrs.field(
        default=False, validator=attrs.validators.instance_of(bool)
    )
    interpretation: InterpretationRecord | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(InterpretationRecord)),
    )
    last_self_review: dt.date | None = attrs.field(default=None, validator=_opt_date)

    @property
    def on_government_website(self) -> bool:
        """Whether the record says the document is on the government website."""
        return Channel.GOVERNMENT_WEBSITE in self.channels or bool(self.url and self.url.strip())


def read_document(data: object, *, path: str = "$") -> DocumentRecord:
    """Build a :class:`DocumentRecord` from JSON-ready data, or raise :class:`DataError`.

    The error lists every problem with its JSON path.
    """
    from .._converter import structure

    if isinstance(data, DocumentRecord):
        return data
    return structure(data, DocumentRecord, path=path)
