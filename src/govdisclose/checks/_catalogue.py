"""Validating a catalogue, standard or local: :func:`validate_catalogue`.

The checks, each reported as a finding with a registered code and a JSON path
(``$.items[3].channels[1]``), all at once:

* structure and vocabulary of raw JSON data (``catalogue.invalid-data``,
  ``catalogue.unknown-term``, ``catalogue.not-a-catalogue``);
* the eight elements of 国办发〔2019〕54号 present and not blank (``catalogue.missing-element``);
  at least one level (``catalogue.no-level``);
* numbering unique and 1..n within each first-level item (``catalogue.number-duplicate``,
  ``catalogue.number-gap``); the same item twice (``catalogue.duplicate-item``: same name in
  the same first-level item; ``catalogue.duplicate-content``: same name and content elsewhere);
* time limits the library can read (``catalogue.time-limit-unrecognised``);
* proactive items on the government website unless a reason is recorded
  (``catalogue.website-missing``; see :mod:`govdisclose.checks._items`), 精准推送 with its
  targets, 其他 with what it is;
* declared item count (``catalogue.item-count-mismatch``), reconstructed or doubtful values
  (``catalogue.reconstructed``, ``catalogue.as-published``: info, so users see them);
* with a level (or a local catalogue's own level): every item applies at it.

A catalogue whose ``level`` is ``None`` is a *standard* (template) catalogue: the channel
details it leaves to localities (whom 精准推送 goes to, what 其他 is) are info, not warnings.

>>> from govdisclose import standard
>>> report = validate_catalogue(standard("disaster_relief"))
>>> report.ok, report.codes
(True, ('catalogue.item-count-mismatch', 'catalogue.reconstructed', 'catalogue.as-published'))
>>> bad = {"title": "某县目录", "domain": "救灾", "items": [{"first_level": "政策文件"}]}
>>> [f.path for f in validate_catalogue(bad).findings][:3]
['$.items[0].number', '$.items[0].name', '$.items[0].content']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .._errors import GovdiscloseError
from .._model import Catalogue, CatalogueItem
from .._vocabulary import FirstLevel, Level, normalize_text
from ..findings import FindingCode, Report, ReportBuilder, Severity
from ._items import check_item
from ._prescan import clip, is_blank, read_catalogue

#: The finding codes of this area (see :mod:`govdisclose.findings`).
CODES = (
    EMPTY := FindingCode(
        "catalogue.empty",
        Severity.ERROR,
        "目录没有事项",
        "the catalogue has no items",
        "A catalogue must list at least one second-level item.",
    ),
    TITLE_MISSING := FindingCode(
        "catalogue.title-missing",
        Severity.WARNING,
        "目录无标题",
        "the catalogue has no title",
        "The catalogue's title is empty.",
    ),
    NUMBER_DUPLICATE := FindingCode(
        "catalogue.number-duplicate",
        Severity.ERROR,
        "序号重复",
        "number used twice",
        "Two items under the same first-level item have the same number, so their ids collide.",
    ),
    NUMBER_GAP := FindingCode(
        "catalogue.number-gap",
        Severity.WARNING,
        "序号不连续",
        "numbers not consecutive",
        "The items under a first-level item are not numbered 1..n.  A catalogue made with "
        "derive() keeps the standard's numbers on purpose; renumber it before publishing "
        "(derive(..., renumber=True)).",
    ),
    DUPLICATE_ITEM := FindingCode(
        "catalogue.duplicate-item",
        Severity.ERROR,
        "事项重复",
        "duplicate item",
        "Two items under the same first-level item have the same name.",
    ),
    DUPLICATE_CONTENT := FindingCode(
        "catalogue.duplicate-content",
        Severity.WARNING,
        "事项名称和内容重复",
        "same name and content twice",
        "Two items under different first-level items have the same name and content.",
    ),
    ITEM_COUNT_MISMATCH := FindingCode(
        "catalogue.item-count-mismatch",
        Severity.WARNING,
        "事项数与文件声明不符",
        "item count differs from the declared count",
        "The issuing document declares a number of second-level items that differs from the "
        "number listed (the disaster-relief notice says 20; every public copy lists 19).",
    ),
    LEVEL_MISMATCH := FindingCode(
        "catalogue.level-mismatch",
        Severity.WARNING,
        "目录层级与所查层级不同",
        "catalogue level differs from the level checked",
        "The catalogue says it is for one level and is checked against another.",
    ),
    FIRST_LEVEL_OTHER_DOMAIN := FindingCode(
        "catalogue.first-level-other-domain",
        Severity.WARNING,
        "一级事项不属于本领域",
        "first-level item of another domain",
        "An item's first-level item belongs to the other domain's standard catalogue.",
    ),
)


def _name_key(value: object) -> str | None:
    return normalize_text(value) if isinstance(value, str) and value.strip() else None


def _check_numbering(
    items: Sequence[tuple[int, CatalogueItem]], builder: ReportBuilder, *, complete: bool
) -> None:
    """Numbers unique and 1..n per first-level item (the 1..n part only when every item
    could be read: an unreadable item would look like a gap)."""
    groups: dict[FirstLevel, list[tuple[int, CatalogueItem]]] = defaultdict(list)
    for index, item in items:
        groups[item.first_level].append((index, item))
    for first_level, members in groups.items():
        seen: dict[int, int] = {}
        names: dict[str, int] = {}
        for index, item in members:
            number = item.number  # a whole number from 1 (the model checks it)
            path = f"$.items[{index}]"
            if number in seen:
                builder.add(
                    NUMBER_DUPLICATE,
                    f"{path}.number",
                    message_zh=f"{first_level.label}下序号{number}与 $.items[{seen[number]}] 重复",
                    message_en=f"number {number} under {first_level.code} is already used by "
                    f"$.items[{seen[number]}]",
                    hint="重新编号 / renumber the items",
                    first_level=first_level.code,
                    number=number,
                    other=f"$.items[{seen[number]}]",
                )
            else:
                seen[number] = index
            key = _name_key(item.name)
            if key is not None and key in names:
                builder.add(
                    DUPLICATE_ITEM,
                    f"{path}.name",
                    message_zh=f"{first_level.label}下事项“{clip(item.name)}”"
                    f"与 $.items[{names[key]}] 重复",
                    message_en=f"{first_level.code} lists {clip(item.name)!r} twice "
                    f"(also $.items[{names[key]}])",
                    hint="合并或删除重复事项 / merge or remove the duplicate",
                    other=f"$.items[{names[key]}]",
                )
            elif key is not None:
                names[key] = index
        expected = set(range(1, len(members) + 1))
        if complete and seen and set(seen) != expected:
            first = min(index for index, _ in members)
            builder.add(
                NUMBER_GAP,
                f"$.items[{first}].number",
                message_zh=f"{first_level.label}下序号为{sorted(seen)}，应为1至{len(members)}",
                message_en=f"numbers under {first_level.code} are {sorted(seen)}, "
                f"not 1..{len(members)}",
                hint="发布前按1..n重新编号 / renumber 1..n before publishing",
                first_level=first_level.code,
                numbers=sorted(seen),
            )


def _check_duplicate_content(
    items: Sequence[tuple[int, CatalogueItem]], builder: ReportBuilder
) -> None:
    seen: dict[tuple[str, str], tuple[int, object]] = {}
    for index, item in items:
        name = _name_key(item.name)
        content = _name_key(item.content)
        if name is None or content is None:
            continue
        previous = seen.get((name, content))
        if previous is not None and previous[1] != item.first_level:
            builder.add(
                DUPLICATE_CONTENT,
                f"$.items[{index}]",
                message_zh=f"事项“{clip(item.name)}”的名称和内容与 $.items[{previous[0]}] 相同",
                message_en=f"{clip(item.name)!r} has the same name and content as "
                f"$.items[{previous[0]}]",
                hint="合并重复事项 / merge the duplicates",
                other=f"$.items[{previous[0]}]",
            )
        elif previous is None:
            seen[(name, content)] = (index, item.first_level)


def _check_catalogue(
    catalogue: Catalogue, item_count: int, level: Level | None, builder: ReportBuilder
) -> Level | None:
    """Top-level checks; returns the level the items are checked against."""
    if is_blank(catalogue.title):
        builder.add(TITLE_MISSING, "$.title", hint="填写目录标题 / give the catalogue a title")
    declared = catalogue.declared_item_count
    if declared is not None and declared != item_count:
        builder.add(
            ITEM_COUNT_MISMATCH,
            "$.declared_item_count",
            message_zh=f"文件声明{declared}项二级事项，目录列出{item_count}项",
            message_en=f"the issuing document declares {declared} second-level items; "
            f"{item_count} are listed",
            hint="核对原表；缺少的事项可在本地目录中补充 / check the source table; a missing "
            "item can be added locally",
            declared=declared,
            listed=item_count,
        )
    own = catalogue.level
    if level is not None and own is not None and level is not own:
        builder.add(
            LEVEL_MISMATCH,
            "$.level",
            message_zh=f"目录为{own.label}目录，按{level.label}检查",
            message_en=f"a {own.code} catalogue checked as {level.code}",
            catalogue_level=own.code,
            level=level.code,
        )
    return level if level is not None else own


def validate_catalogue(
    catalogue: Catalogue | object,
    *,
    level: Level | str | None = None,
    subject: str | None = None,
) -> Report:
    """Check a catalogue (a :class:`Catalogue` or JSON-ready data); return every finding.

    ``level`` (``county``/``township``, any accepted variant) checks that every item applies
    at that level; without it a local catalogue's own ``level`` is used.  ``subject`` names
    the report (default: the catalogue's title).  Raw data never raises: structural problems
    are error findings.  Only a bad ``level`` argument raises
    :class:`~govdisclose._errors.VocabularyError`.

    **Standard or local.**  A catalogue whose own ``level`` is ``None`` is taken as a
    *standard* (template) catalogue, which leaves channel details to localities: an item that
    ticks 其他 without naming the channel (``catalogue.other-channel-unnamed``) or 精准推送
    without naming its targets (``catalogue.push-target-missing``) is an ``info`` finding.  In
    a local catalogue (``level`` set, as :func:`~govdisclose._localize.derive` sets it) the same
    findings are warnings: a county says what its channels are.  The ``level`` argument does
    not change this; only the catalogue's own level does.
    """
    wanted = Level.parse(level) if level is not None else None
    builder = ReportBuilder(subject=subject)
    read = read_catalogue(catalogue, builder)
    model, items, count = read.catalogue, read.items, read.item_count
    if builder.subject is None and model is not None and isinstance(model.title, str):
        builder.subject = model.title
    template = model is not None and model.level is None
    if model is not None:
        wanted = _check_catalogue(model, count, wanted, builder)
    if count == 0 and not any(f.path in ("$", "$.items") for f in builder.findings):
        builder.add(EMPTY, "$.items", hint="至少列出一个二级事项 / list at least one item")
    domain = None if model is None else model.domain
    for index, item in items:
        path = f"$.items[{index}]"
        check_item(item, path, builder, template=template, level=wanted)
        first_level = item.first_level
        if domain is not None and domain not in first_level.domains:
            builder.add(
                FIRST_LEVEL_OTHER_DOMAIN,
                f"{path}.first_level",
                message_zh=f"一级事项“{first_level.label}”不属于{domain.label}领域标准目录",
                message_en=f"{first_level.code} is not a first-level item of the "
                f"{domain.code} standard",
                first_level=first_level.code,
                domain=domain.code,
            )
    _check_numbering(items, builder, complete=len(items) == count)
    _check_duplicate_content(items, builder)
    return builder.build()


def is_valid_catalogue(catalogue: object, *, level: Level | str | None = None) -> bool:
    """Whether ``catalogue`` validates with no error findings (junk → False, not an error)."""
    try:
        return validate_catalogue(catalogue, level=level).ok
    except GovdiscloseError:  # a bad level argument
        return False
