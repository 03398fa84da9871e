"""Localising the standard (细化补充完善标准目录): derive a county or township catalogue.

A county emergency-management bureau starts from the standard catalogue, keeps the items that
apply at its level, then adds items, third-level items and responsible offices of its own.

>>> from govdisclose import standard
>>> from govdisclose._localize import derive
>>> township = derive(standard("work_safety"), "township", publisher="某镇人民政府")
>>> township.level, len(township), township.title
(<Level.TOWNSHIP: 'township'>, 14, '安全生产领域基层政务公开标准目录（乡级）')
>>> [item.number for item in township.by_first_level("政策文件")]
[1, 2, 3, 5, 7, 8]
>>> renumbered = derive(standard("work_safety"), "township", renumber=True)
>>> [item.number for item in renumbered.by_first_level("政策文件")]
[1, 2, 3, 4, 5, 6]

:func:`match_items` pairs a local catalogue's items with the standard's, the way
:func:`govdisclose.checks.compare_with_standard` does:

1. by first-level item and name, tolerant of white space, full-width forms, punctuation and
   the conjunctions 及/和/与 (:func:`name_key`);
2. then by id (``policy_documents.3``) when the contents agree or one name contains the other
   (a renamed item);
3. then by a shortened name under the same first-level item, when only one standard item fits
   (重大政策解读 for 重大政策解读及回应; the comparison shows the match);
4. then by name under another first-level item (a moved item).

>>> from govdisclose._localize import match_items, name_key
>>> local = derive(standard("work_safety"), "county").items
>>> matching = match_items(local[:2], standard("work_safety"))
>>> [(m.local_index, m.standard.id, m.how) for m in matching.matches]
[(0, 'policy_documents.1', 'name'), (1, 'policy_documents.2', 'name')]
>>> name_key(" 权力清单和责任清单 ") == name_key("权力清单及责任清单")
True

:func:`match_names` pairs what is left of items that could not be read whole (a first-level
item, or ``None``, and a raw name) with the standard items still free:

>>> match_names([(None, "部门和地方规章"), (None, "新增事项")], standard("work_safety"), range(5))
{0: 1}
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Literal, TypeVar

import attrs

from ._model import Catalogue, CatalogueItem, Provenance, ProvenanceKind
from ._vocabulary import FirstLevel, Level, normalize_text

_T = TypeVar("_T")
_NOISE = re.compile(r"[\s、，,.。;；:：()（）《》“”\"'‘’\-—/／\[\]【】·]|及|和|与")


def name_key(name: object) -> str:
    """The form of an item name (or content) used to match items; ``""`` for non-text."""
    if not isinstance(name, str):
        return ""
    return _NOISE.sub("", normalize_text(name))


def renumbered(items: Iterable[CatalogueItem]) -> tuple[CatalogueItem, ...]:
    """The items numbered 1..n within each first-level item, in their order.

    An item whose number changes gets a ``local`` provenance note naming its number in the
    standard, so it can still be traced back.
    """
    counters: dict[FirstLevel, int] = {}
    out = []
    for item in items:
        number = counters.get(item.first_level, 0) + 1
        counters[item.first_level] = number
        if number != item.number:
            note = Provenance(
                ProvenanceKind.LOCAL,
                f"标准目录序号 {item.id}，本目录重新编号为 {number}。"
                f" Numbered {item.id} in the standard; renumbered {number} here.",
                ("number",),
            )
            item = attrs.evolve(item, number=number, provenance=(*item.provenance, note))
        out.append(item)
    return tuple(out)


def derive(
    standard: Catalogue,
    level: Level | str,
    *,
    publisher: str | None = None,
    renumber: bool = False,
) -> Catalogue:
    """The catalogue for one level: the standard's items that apply at that level.

    The result keeps the standard's items unchanged (same numbers, so they can be traced back);
    its ``level`` and ``publisher`` are set and the declared item count dropped.  With
    ``renumber`` the items are numbered 1..n within each first-level item, as a published
    catalogue is, and each renumbered item notes its number in the standard.
    """
    wanted = Level.parse(level)
    items = tuple(item for item in standard.items if wanted in item.levels)
    if renumber:
        items = renumbered(items)
    title = standard.title
    if standard.level is not None and title.endswith(f"（{standard.level.label}）"):
        title = title[: -len(f"（{standard.level.label}）")]  # derived before: one level mark
    return attrs.evolve(
        standard,
        title=f"{title}（{wanted.label}）",
        level=wanted,
        declared_item_count=None,  # the count the notice declares is the standard's
        publisher=publisher if publisher is not None else standard.publisher,
        items=items,
    )


MatchKind = Literal["name", "id", "moved"]


@attrs.frozen
class ItemMatch:
    """A local item paired with the standard item it localises.

    ``how``: ``name`` (same first-level item and name key), ``id`` (same id, renamed) or
    ``moved`` (same name key under another first-level item).
    """

    local_index: int
    local: CatalogueItem
    standard_index: int
    standard: CatalogueItem
    how: MatchKind


@attrs.frozen
class ItemMatching:
    """The result of :func:`match_items`: the pairs and what is left on either side."""

    matches: tuple[ItemMatch, ...]
    #: Indexes of local items that match no standard item (added locally).
    unmatched_local: tuple[int, ...]
    #: Indexes of standard items no local item matches.
    unmatched_standard: tuple[int, ...]


def _items(source: Catalogue | Sequence[CatalogueItem]) -> tuple[CatalogueItem, ...]:
    return tuple(source.items if isinstance(source, Catalogue) else source)


def _related(local: CatalogueItem, standard: CatalogueItem) -> bool:
    content_a, content_b = name_key(local.content), name_key(standard.content)
    name_a, name_b = name_key(local.name), name_key(standard.name)
    return bool(
        (content_a and content_a == content_b)
        or (name_a and name_b and (name_a in name_b or name_b in name_a))
    )


def _shortened(local: str, standard: str) -> bool:
    """Whether one name is the other with words left out (重大政策解读 / 重大政策解读及回应,
    部门和地方政府规章 / 部门和地方规章): at least four characters, in order."""
    a, b = sorted((name_key(local), name_key(standard)), key=len)
    if len(a) < 4 or a == b:
        return False
    rest = iter(b)
    return all(ch in rest for ch in a)


def _pair_unique(
    free_local: dict[int, _T],
    free_standard: dict[int, CatalogueItem],
    candidates: Callable[[_T], Iterable[int]],
) -> list[tuple[int, _T, int, CatalogueItem]]:
    """Pair each free local entry, in order, with its candidate standard item when exactly one
    of them is still free; the pairs are taken out of both."""
    pairs = []
    for li, item in list(free_local.items()):
        found = [si for si in candidates(item) if si in free_standard]
        if len(found) == 1:
            pairs.append((li, free_local.pop(li), found[0], free_standard.pop(found[0])))
    return pairs


def match_items(
    local: Catalogue | Sequence[CatalogueItem],
    standard: Catalogue | Sequence[CatalogueItem],
) -> ItemMatching:
    """Pair local items with standard items (see the module documentation for the rules)."""
    mine, theirs = _items(local), _items(standard)
    free_local = dict(enumerate(mine))
    free_standard = dict(enumerate(theirs))
    matches: list[ItemMatch] = []

    def match(how: MatchKind, candidates: Callable[[CatalogueItem], Iterable[int]]) -> None:
        for li, item, si, std in _pair_unique(free_local, free_standard, candidates):
            matches.append(ItemMatch(li, item, si, std, how))

    by_key: dict[tuple[FirstLevel, str], list[int]] = {}  # the first item of each name
    by_name: dict[str, list[int]] = {}
    for si, item in enumerate(theirs):
        by_key.setdefault((item.first_level, name_key(item.name)), [si])
        if name_key(item.name):
            by_name.setdefault(name_key(item.name), []).append(si)
    match("name", lambda item: by_key.get((item.first_level, name_key(item.name)), ()))
    by_id = {item.id: [si] for si, item in free_standard.items()}
    match("id", lambda item: [si for si in by_id.get(item.id, ()) if _related(item, theirs[si])])
    match(  # a shortened name: 重大政策解读 (…及回应)
        "name",
        lambda item: [
            si
            for si, std in free_standard.items()
            if std.first_level is item.first_level and _shortened(item.name, std.name)
        ],
    )
    match("moved", lambda item: by_name.get(name_key(item.name), ()))
    matches.sort(key=lambda m: m.local_index)
    return ItemMatching(tuple(matches), tuple(sorted(free_local)), tuple(sorted(free_standard)))


def match_names(
    names: Sequence[tuple[FirstLevel | None, str]],
    standard: Catalogue | Sequence[CatalogueItem],
    free: Iterable[int],
) -> dict[int, int]:
    """Pair the names of items that could not be read whole with the ``free`` standard items
    (by index): by name under the same first-level item (any, when it is ``None``), then by a
    shortened name under it — each when exactly one free standard item fits."""
    theirs = _items(standard)
    free_names = {i: pair for i, pair in enumerate(names) if name_key(pair[1])}
    free_standard = {si: theirs[si] for si in sorted(free)}

    def same(pair: tuple[FirstLevel | None, str]) -> list[int]:
        first, key = pair[0], name_key(pair[1])
        return [
            si
            for si, std in free_standard.items()
            if first in (None, std.first_level) and key == name_key(std.name)
        ]

    def shortened(pair: tuple[FirstLevel | None, str]) -> list[int]:
        return [
            si
            for si, std in free_standard.items()
            if std.first_level is pair[0] and _shortened(pair[1], std.name)
        ]

    found = _pair_unique(free_names, free_standard, same)
    found += _pair_unique(free_names, free_standard, shortened)
    return {li: si for li, _, si, _ in found}
