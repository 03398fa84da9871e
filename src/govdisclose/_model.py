"""Typed catalogue model: items with the eight required elements, catalogues, legal bases.

国办发〔2019〕54号 requires every disclosure catalogue to give, for each item, its **name,
content, basis, time limit, subject, mode, channels and audience** (名称、内容、依据、时限、主体、
方式、渠道、公开对象).  :class:`CatalogueItem` holds those eight plus the first-level item, its
number, the levels it applies to, the fields a county adds when it localises the standard
(责任科室, 三级事项, other columns) and provenance notes that say where a value came from.

All classes are frozen and slotted attrs classes; build changed copies with :func:`attrs.evolve`.

>>> from govdisclose._model import LegalBasis, TimeLimit
>>> basis = LegalBasis.parse("《中华人民共和国政府信息公开条例》(国务院令第711号）")
>>> basis.citations[0].title, basis.citations[0].number
('中华人民共和国政府信息公开条例', '国务院令第711号')
>>> TimeLimit("信息形成或变更之日起20个工作日内").text
'信息形成或变更之日起20个工作日内'
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

from ._errors import InputError, NotFoundError, short_repr
from ._vocabulary import Audience, Channel, Domain, FirstLevel, Level, Mode, Term


def _to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


_T = TypeVar("_T", bound=Term)


def parse_terms(cls: type[_T], field: str, values: Any) -> tuple[_T, ...]:
    """A tuple of vocabulary terms from members, codes, labels or variants."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InputError(
            f"expected a list of {cls.__concept__}, got {short_repr(values)} (应为列表)",
            path=field,
        )
    return tuple(cls.parse(v, path=f"{field}[{i}]") for i, v in enumerate(values))


def _first_level(value: Any) -> FirstLevel:
    return FirstLevel.parse(value, path="first_level")


def _channels(values: Iterable[Any]) -> tuple[Channel, ...]:
    return parse_terms(Channel, "channels", values)


def _audiences(values: Iterable[Any]) -> tuple[Audience, ...]:
    return parse_terms(Audience, "audiences", values)


def _modes(values: Iterable[Any]) -> tuple[Mode, ...]:
    return parse_terms(Mode, "modes", values)


def _levels(values: Iterable[Any]) -> tuple[Level, ...]:
    return parse_terms(Level, "levels", values)


def _domain(value: Any) -> Domain:
    return Domain.parse(value, path="domain")


def _optional_level(value: Any) -> Level | None:
    return None if value is None else Level.parse(value, path="level")


def _at_least(minimum: int) -> Any:
    """A validator for whole numbers (not bools) of at least ``minimum``; ``None`` passes."""

    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and attribute.default is None:
            return
        if type(value) is not int or value < minimum:
            raise InputError(
                f"expected a whole number of at least {minimum}, got {short_repr(value)} "
                f"(应为不小于{minimum}的整数)",
                path=attribute.name,
            )

    return check


class FrozenDict(dict[str, Any]):
    """A read-only dict: hashable by identity, and it pickles and deep-copies as a dict."""

    def _read_only(self, *args: object, **kwargs: object) -> Any:
        """Refused: the mapping is read-only (a :class:`TypeError`)."""
        raise TypeError("read-only mapping (只读)")

    __setitem__ = __delitem__ = __ior__ = _read_only
    clear = pop = popitem = setdefault = update = _read_only

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (dict(self),))

    def __copy__(self) -> FrozenDict:
        return self


def _frozen_mapping(value: Mapping[str, str] | None) -> Mapping[str, str]:
    return FrozenDict(value or {})


@attrs.frozen
class Citation:
    """One document cited as a basis: its title (without 《》), document number, issuer.

    ``number`` is the document number where the text gives one (``国务院令第711号``,
    ``国办发〔2017〕94号``); ``issuer`` is an issuing body written before the title
    (``中央办公厅、国务院办公厅``) or ``None``.
    """

    title: str
    number: str | None = None
    issuer: str | None = None


# A title in 《》 optionally preceded by an issuer and followed by a parenthesised note.
_CITATION = re.compile(
    r"(?P<issuer>[^《》,，()（）]*?)"
    r"(?:印发)?《(?P<title>[^》]+)》"
    r"(?:的通知)?"
    r"\s*(?:[(（](?P<paren>[^()（）]*)[)）])?"
)
# A document number as written: 国务院令第711号 (国令…, 國務院令…號), 中办发〔2016〕8号 with the
# year in 〔〕 or in the ﹝﹞ [] () 【】 that local tables type instead.
_DOC_NUMBER = re.compile(
    r"((?:国务院|國務院|国|國)令第\s*\d+\s*[号號]"
    r"|[\u4e00-\u9fff]+[〔﹝\[［(（【]\s*\d{4}\s*[〕﹞\]］)）】]\s*\d+\s*[号號])"
)


@attrs.frozen
class LegalBasis:
    """公开依据: the published text and the citations read from it.

    ``text`` is exactly what the catalogue publishes; ``citations`` is its structured reading.
    """

    text: str
    citations: tuple[Citation, ...] = attrs.field(default=(), converter=_to_tuple)

    @classmethod
    def parse(cls, text: str) -> LegalBasis:
        """Read the citations (《title》 with issuer and document number) out of ``text``."""
        if not isinstance(text, str):
            raise InputError(
                f"a legal basis must be text, got {type(text).__name__} (依据应为文本)"
            )
        return cls(text=text, citations=tuple(_iter_citations(text)))


def _iter_citations(text: str) -> Iterator[Citation]:
    for match in _CITATION.finditer(text):
        issuer = match.group("issuer").strip(" ,，、;；)）")
        if issuer.endswith("印发"):
            issuer = issuer[: -len("印发")]
        paren = match.group("paren") or ""
        number_match = _DOC_NUMBER.search(paren)
        number = re.sub(r"\s+", "", number_match.group(1)) if number_match else None
        yield Citation(
            title=match.group("title").strip(),
            number=number,
            issuer=issuer or None,
        )


#: The longest service level a :class:`TimeLimit` takes, in working days.
MAX_SERVICE_LEVEL_WORKDAYS = 366


def check_service_level(value: object, *, where: str = "service_level_workdays") -> int:
    """``value`` if it is a service level: a whole number of working days, 1 to 366.

    The one check of a service level, used by :class:`TimeLimit` and by the deadline
    calculators' ``service_level_workdays=``.  A bool, text, a float or a number out of range is
    an :class:`~govdisclose._errors.InputError` (also a :class:`ValueError`) whose ``path`` is
    ``where``.

    >>> check_service_level(5)
    5
    >>> check_service_level(0, where="$.items[3].time_limit.service_level_workdays")
    Traceback (most recent call last):
    ...
    govdisclose.InputError: $.items[3]...: a service level is ... 1 to 366, got 0 ...
    """
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not 1 <= value <= MAX_SERVICE_LEVEL_WORKDAYS
    ):
        raise InputError(
            f"a service level is a whole number of working days 1 to "
            f"{MAX_SERVICE_LEVEL_WORKDAYS}, got {short_repr(value)} "
            f"(服务承诺时限须为1至{MAX_SERVICE_LEVEL_WORKDAYS}之间的整数个工作日)",
            path=where,
        )
    return value


def _valid_service_level(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_service_level(value, where=attribute.name)


@attrs.frozen
class TimeLimit:
    """公开时限: the published text, and a service level a bureau may set for "promptly" rules.

    ``service_level_workdays`` is the number of working days a bureau commits to for a rule
    that has no legal number (按进展情况及时公开 …); ``None`` until the bureau sets one, else a
    whole number 1 to 366 (:func:`check_service_level`; anything else is an
    :class:`~govdisclose._errors.InputError`).  The parsed rule is :attr:`rule` (see
    :mod:`govdisclose.timelimits`).

    >>> TimeLimit("按进展情况及时公开", service_level_workdays=5).service_level_workdays
    5
    >>> TimeLimit("按进展情况及时公开", service_level_workdays=True)
    Traceback (most recent call last):
    ...
    govdisclose.InputError: service_level_workdays: a service level is ... got True ...
    """

    text: str
    service_level_workdays: int | None = attrs.field(default=None, validator=_valid_service_level)

    @property
    def rule(self) -> Any:
        """The typed rule read from :attr:`text` (an ``unrecognised`` rule if unknown)."""
        from .timelimits import parse_time_limit

        return parse_time_limit(self.text)


class ProvenanceKind(enum.Enum):
    """Why a provenance note was attached to a value."""

    #: A value the source could not give reliably and that was reconstructed.
    RECONSTRUCTED = "reconstructed"
    #: A value kept as published although it is a typo or otherwise doubtful.
    AS_PUBLISHED = "as_published"
    #: A value the source gives only through a merged table cell shared with another row.
    MERGED_CELL = "merged_cell"
    #: A value added or changed by a local catalogue.
    LOCAL = "local"
    #: Any other remark on where a value comes from.
    NOTE = "note"


@attrs.frozen
class Provenance:
    """A note on where some of an item's values come from, for users to see."""

    kind: ProvenanceKind
    note: str
    #: The item fields the note is about (``audiences``, ``first_level`` …); empty for all.
    fields: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)


@attrs.frozen(kw_only=True)
class CatalogueItem:
    """One second-level item (二级事项) of a disclosure catalogue.

    The eight required elements are :attr:`name`, :attr:`content`, :attr:`basis`,
    :attr:`time_limit`, :attr:`subject`, :attr:`modes`, :attr:`channels` and
    :attr:`audiences`.
    """

    first_level: FirstLevel = attrs.field(converter=_first_level)
    number: int = attrs.field(validator=_at_least(1))
    name: str
    content: str
    basis: LegalBasis
    time_limit: TimeLimit
    subject: str
    channels: tuple[Channel, ...] = attrs.field(converter=_channels)
    audiences: tuple[Audience, ...] = attrs.field(converter=_audiences)
    modes: tuple[Mode, ...] = attrs.field(converter=_modes)
    levels: tuple[Level, ...] = attrs.field(converter=_levels)
    #: Who a 精准推送 (precise push) goes to: industry or population tags.
    push_targets: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)
    #: What 其他 (other channel) stands for, e.g. ``12345热线``.
    other_channels: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)
    #: 责任科室: the office responsible, named by a local catalogue.
    responsible_office: str | None = None
    #: 三级事项: third-level items a local catalogue adds under this item.
    third_level_items: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)
    #: Other local columns (网址, 备注 …) by their published header.
    local_fields: Mapping[str, str] = attrs.field(
        factory=dict, converter=_frozen_mapping, hash=False
    )
    provenance: tuple[Provenance, ...] = attrs.field(default=(), converter=_to_tuple)

    @property
    def id(self) -> str:
        """The item's identifier within its catalogue, ``<first-level code>.<number>``."""
        return f"{self.first_level.code}.{self.number}"

    @property
    def reconstructed_fields(self) -> frozenset[str]:
        """Fields whose values were reconstructed rather than read from the source."""
        return frozenset(
            field
            for note in self.provenance
            if note.kind is ProvenanceKind.RECONSTRUCTED
            for field in note.fields
        )


@attrs.frozen(kw_only=True)
class Catalogue:
    """A disclosure catalogue: the standard for a domain, or a local one derived from it."""

    #: Where the data was transcribed from (the data file's header).
    source: str | None = None
    domain: Domain = attrs.field(converter=_domain)
    title: str
    #: The document that issued the catalogue, e.g. ``应急厅函〔2019〕390号``.
    issuing_document: str | None = None
    #: The number of second-level items the issuing document declares, where it says so.
    declared_item_count: int | None = attrs.field(default=None, validator=_at_least(0))
    #: For a local catalogue: the level it is for (``None`` for the standard).
    level: Level | None = attrs.field(default=None, converter=_optional_level)
    #: For a local catalogue: the body that publishes it, e.g. ``XX县应急管理局``.
    publisher: str | None = None
    #: Notes about the whole catalogue (footnotes of the table, known discrepancies).
    notes: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)
    items: tuple[CatalogueItem, ...] = attrs.field(converter=_to_tuple)

    def __iter__(self) -> Iterator[CatalogueItem]:
        return iter(self.items)

    def __str__(self) -> str:
        """A few lines: title, domain, level and publisher, items per first-level item.

        >>> from govdisclose import standard
        >>> print(standard("disaster_relief"))  # doctest: +NORMALIZE_WHITESPACE
        救灾领域基层政务公开标准目录: 救灾 disaster_relief, 19 items, 应急厅函〔2019〕390号
          政策文件 policy_documents: 8
          备灾管理 disaster_preparedness: 3
          灾后救助 post_disaster_relief: 5
          款物管理 funds_and_materials: 2
          工作动态 work_updates: 1
        """
        about = [f"{self.domain.label} {self.domain.code}", f"{len(self.items)} items"]
        if self.level is not None:
            about.insert(1, f"{self.level.label} {self.level.code}")
        about.extend(text for text in (self.publisher, self.issuing_document) if text)
        lines = [f"{self.title}: {', '.join(about)}"]
        lines.extend(
            f"  {first.label} {first.code}: {len(self.by_first_level(first))}"
            for first in self.first_levels
        )
        return "\n".join(lines)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def first_levels(self) -> tuple[FirstLevel, ...]:
        """The first-level items in the order they first appear."""
        return tuple(dict.fromkeys(item.first_level for item in self.items))

    def by_first_level(self, first_level: FirstLevel | str) -> tuple[CatalogueItem, ...]:
        """The items under one first-level item (code, label or member)."""
        wanted = FirstLevel.parse(first_level)
        return tuple(item for item in self.items if item.first_level is wanted)

    def item(self, key: str) -> CatalogueItem:
        """Find an item by its id (``policy_documents.1``) or its Chinese name.

        A name shared by several items (法律法规 appears once per domain, but a local catalogue
        may repeat one) is an error that lists their ids.
        """
        matches = [it for it in self.items if key in (it.id, it.name)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise NotFoundError(f"no item {key!r} in {self.title} (目录中没有该事项)", key=key)
        ids = ", ".join(it.id for it in matches)
        raise NotFoundError(f"{key!r} names several items: {ids} (事项名称不唯一)", key=key)

    def with_items(self, items: Iterable[CatalogueItem]) -> Catalogue:
        """A copy with other items."""
        return attrs.evolve(self, items=tuple(items))
