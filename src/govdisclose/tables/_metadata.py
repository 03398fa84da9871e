"""Catalogue information outside the item rows: title, domain, issuing document, level …

XLSX files keep it on a 目录信息 sheet (one column per catalogue sheet), CSV files in
``label,value`` rows above the header; both use the labels of
:data:`~govdisclose.tables._layout.METADATA_KEYS`.

>>> from govdisclose import standard
>>> from govdisclose.tables._metadata import info_pairs, read_info_pairs
>>> info_pairs(standard("救灾"))[:3]  # doctest: +NORMALIZE_WHITESPACE
[('目录名称', '救灾领域基层政务公开标准目录'), ('领域', '救灾'),
 ('发布文件', '应急厅函〔2019〕390号')]
>>> info, findings = read_info_pairs([("领域", "救灾生产", "B2"), ("声明事项数", "二十", "B3")])
>>> info.domain, [f.code for f in findings]
(<Domain.DISASTER_RELIEF: 'disaster_relief'>, ['tables.bad-metadata'])

The domain of an imported table comes from the caller, then the catalogue information, the
sheet name, the title, and last from the items (first-level items found in only one
standard, item names of the standard catalogues, the domain named in each item's 公开内容 —
与安全生产有关的…): :func:`resolve_domain`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs

from .._errors import InputError
from .._model import Catalogue, CatalogueItem
from .._vocabulary import Domain, Level, Term, normalize_text
from ..findings import Finding
from ._codes import BAD_METADATA
from ._layout import METADATA_KEYS, metadata_key


@attrs.frozen
class CatalogueInfo:
    """The catalogue fields a table carries besides its items (``None`` when not given)."""

    title: str | None = None
    domain: Domain | None = None
    issuing_document: str | None = None
    declared_item_count: int | None = None
    level: Level | None = None
    publisher: str | None = None
    source: str | None = None
    notes: tuple[str, ...] = ()

    def merge(self, other: CatalogueInfo) -> CatalogueInfo:
        """Values of ``other`` where it has them, else ours; notes of both."""
        values = {
            field.name: getattr(other, field.name)
            if getattr(other, field.name) is not None
            else getattr(self, field.name)
            for field in attrs.fields(CatalogueInfo)
            if field.name != "notes"
        }
        return CatalogueInfo(**values, notes=self.notes + other.notes)


def info_pairs(
    catalogue: Catalogue, *, title: bool = True, notes: bool = True
) -> list[tuple[str, str]]:
    """The catalogue's information as ``(label, value)`` rows, leaving out what is ``None``."""
    rows: list[tuple[str, str]] = []
    for key, label in METADATA_KEYS.items():  # in the order of the catalogue's fields
        value = getattr(catalogue, key)
        if key == "notes":
            rows += [(label, note) for note in value] if notes else []
        elif value is not None and (title or key != "title"):
            rows.append((label, value.label if isinstance(value, Term) else str(value)))
    return rows


#: How the values that are not plain text are read (``None``: unreadable), what they should be.
_READERS: dict[str, tuple[Callable[[str], object], str]] = {
    "domain": (lambda v: Domain.parse(v, default=None) or domain_in_text(v), "安全生产 or 救灾"),
    "level": (lambda v: Level.parse(v, default=None), "县级 or 乡级"),
    "declared_item_count": (
        lambda v: int(v) if re.fullmatch(r"\d{1,4}", v) else None,
        "a whole number",
    ),
}


def read_info_pairs(pairs: Sequence[tuple[str, str, str]]) -> tuple[CatalogueInfo, list[Finding]]:
    """Read ``(label, value, cell reference)`` rows; unknown labels and bad values are
    findings (unknown labels are kept as notes ``label：value``)."""
    values: dict[str, object] = {}
    notes: list[str] = []
    findings: list[Finding] = []
    for label, value, ref in pairs:
        key = metadata_key(label)
        if key is None or key == "notes":
            notes.append(value if key else f"{label}：{value}")
            continue
        read, expected = _READERS.get(key, (str, ""))
        parsed = read(value)
        if parsed is not None:
            values[key] = parsed
        else:
            findings.append(
                BAD_METADATA.finding(
                    ref,
                    message_zh=f"{label}“{value}”无法识别，未导入",
                    message_en=f"{label} {value!r} cannot be read ({expected}); left out",
                    label=label,
                    text=value,
                )
            )
    return CatalogueInfo(**values, notes=tuple(notes)), findings  # type: ignore[arg-type]


def domain_in_text(text: str | None) -> Domain | None:
    """The domain a title or sheet name names (安全生产 or 救灾, not both), else ``None``."""
    if not text:
        return None
    direct = Domain.parse(text, default=None)
    if direct is not None:
        return direct
    folded = normalize_text(text)
    found = [d for d in Domain if normalize_text(d.label) in folded]
    return found[0] if len(found) == 1 else None


def _infer(items: Sequence[CatalogueItem]) -> Domain | None:
    from .._standard import standard

    scores = dict.fromkeys(Domain, 0)
    for domain in Domain:
        names = {normalize_text(item.name) for item in standard(domain).items}
        for item in items:
            in_standard = normalize_text(item.name) in names
            scores[domain] += (item.first_level.domains == (domain,)) + in_standard
            # 与安全生产有关的法律、法规 / 与救灾有关的…: the content names its domain.
            scores[domain] += domain_in_text(item.content) is domain
    best = max(scores.values())
    winners = [d for d, s in scores.items() if s == best]
    return winners[0] if best and len(winners) == 1 else None


def resolve_domain(
    domain: Domain | str | None,
    info: CatalogueInfo,
    sheet: str | None,
    title: str | None,
    items: Sequence[CatalogueItem],
) -> tuple[Domain, bool]:
    """The domain and whether it was inferred from the items; :class:`InputError` if none."""
    if domain is not None:
        return Domain.parse(domain), False
    for found in (info.domain, domain_in_text(sheet), domain_in_text(title)):
        if found is not None:
            return found, False
    inferred = _infer(items)
    if inferred is None:
        raise InputError(
            "cannot tell whether the table is for 安全生产 (work_safety) or 救灾 "
            "(disaster_relief); name the domain (domain=... / --domain) "
            "(无法判断目录所属领域，请指定领域)"
        )
    return inferred, True
