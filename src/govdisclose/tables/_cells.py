"""Cell texts of the catalogue tables: channel boxes, ticks, lists, provenance, citations.

Each value has a writer and a tolerant reader.  **Channel boxes** are written as in the
published tables, ■ for a used channel and □ for an unused one, two boxes a line:

>>> from govdisclose._vocabulary import Channel
>>> print(render_channels([Channel.GOVERNMENT_WEBSITE, Channel.NEW_MEDIA]))
■政府网站  □政府公报
■两微一端  □发布会
□广播电视  □纸质媒体
□公开查阅点 □政务服务中心
□便民服务站 □入户/现场
□社区/企事业单位、村公示栏（电子屏）
□精准推送  □其他

They are read back from boxes (■/□, ☑/☐, √/×) or from a plain list of the used channels;
a name that is no channel is reported, never dropped:

>>> reading = parse_channels("☑政府网站 ☐政府公报 ☑政务新媒体 ☑其他（12345热线）")
>>> [c.code for c in reading.channels], reading.other_names
(['government_website', 'new_media', 'other'], ('12345热线',))
>>> parse_channels("政府网站、入户/现场、村村响").unknown
('村村响',)
>>> [c.code for c in parse_channels("政府門戶網站 信息公示欄 政務服務中心").channels]
['government_website', 'service_center', 'bulletin_board']
>>> reading = parse_channels("巴塘县政府网站http://www.batang.gov.cn/")
>>> reading.channels, reading.addresses
((<Channel.GOVERNMENT_WEBSITE: 'government_website'>,), ('http://www.batang.gov.cn/',))

Boxes typed with look-alike characters are boxes too — 口 (U+53E3) ▢ ☐ £ empty, ▄ █ ☑ R ticked
(R and £ are Wingdings boxes whose font was lost) — and a name without a box in a cell of
boxes is reported, never read as used:

>>> reading = parse_channels("▄政府网站;口政府公报;口政务新媒体:国家档案馆;口其他。")
>>> [c.code for c in reading.channels], reading.garbled
(['government_website'], ('国家档案馆',))
>>> [c.code for c in parse_channels("■社區/企事業單位、村公示欄(電子屏").channels]
['bulletin_board']
>>> parse_channels("政府網站 ??政府公報").garbled  # boxes lost as question marks
('政府網站 ??政府公報',)
>>> parse_tick("√"), parse_tick(""), parse_tick("是"), parse_tick("?")
(True, False, True, None)

Provenance notes are written readably and read back exactly:

>>> from govdisclose._model import Provenance, ProvenanceKind
>>> note = Provenance(ProvenanceKind.RECONSTRUCTED, "按其他版本重建", ["modes"])
>>> text = render_provenance([note])
>>> text
'【重建：公开方式】按其他版本重建'
>>> parse_provenance(text)[0].fields
('modes',)
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from .._errors import GovdiscloseError
from .._model import CatalogueItem, Citation, LegalBasis, Provenance, ProvenanceKind
from .._vocabulary import TEMPLATE_CHANNELS, Channel, normalize_text
from ._layout import FIELD_LABELS, Column, citations_differ, in_table_order

TICKED_MARKS = "■☑√✓✔●"
UNTICKED_MARKS = "□☐×✗✘○"
_MARKS = TICKED_MARKS + UNTICKED_MARKS
_BOX = re.compile(rf"([{_MARKS}])([^{_MARKS}\n]*)")
#: Look-alike box characters and the box each stands for.  口 (a CJK character), R and £
#: (Wingdings boxes shown in another font) count only where a box stands: at the start of
#: the cell or after a separator, before a name.
_LOOKALIKES = {"▄": "■", "█": "■", "▇": "■", "R": "■", "口": "□", "▢": "□", "£": "□"}
_LOOKALIKE = re.compile(r"(?:^|(?<=[\s;；,，:：、。]))([▄█▇R口▢£])(?=[ \t]*[\u4e00-\u9fff])")
#: Question marks where boxes stood (a box character lost in a conversion: "政府網站 ??政府公報").
_LOST_BOX = re.compile(r"[?？\ufffd]+(?=[ \t]*[\u4e00-\u9fff])")
# Separators between boxes in a cell of boxes; a label never contains them.
_BOX_SEPARATORS = re.compile(r"[;；。](?![^（(]*[)）])")

_TICKED = {"√", "✓", "✔", "☑", "■", "●", "是", "有", "v", "y", "yes", "true", "1", "1.0"}
_TICKED |= {"▄", "█", "r"}  # R: a Wingdings 2 box, lower-cased by normalize_text
_UNTICKED = {"", "×", "✗", "✘", "□", "☐", "○", "否", "无", "n", "no", "false", "0", "0.0"}
_UNTICKED |= {"-", "—", "－", "/", "／", "口", "▢", "£"}
#: Labels of the revised channel list (2019 template revision) and common local wordings.
_TABLE_CHANNEL_LABELS = {
    "发布会/听证会": Channel.PRESS_CONFERENCE,
    "社区/企事业单位/村公示栏(电子屏)": Channel.BULLETIN_BOARD,
    "社区/企事业单位/村公示栏": Channel.BULLETIN_BOARD,
    "行政服务中心": Channel.SERVICE_CENTER,
    "信息公示栏": Channel.BULLETIN_BOARD,
    "公示栏": Channel.BULLETIN_BOARD,
    "政务公开专区": Channel.PUBLIC_READING_POINT,  # Anhui's name for the reading point
}
_URL = re.compile(r"https?://[\x21-\x7e]+")
_WEBSITE = re.compile(r"[\u4e00-\u9fff]{1,8}(?:人民)?政府(?:门户)?网站")

# Template rows: pairs of boxes, the long bulletin-board box alone (as in the source tables).
_BOX_LINES = tuple(
    TEMPLATE_CHANNELS[a:b] for a, b in itertools.pairwise((0, 2, 4, 6, 8, 10, 11, 13))
)


def cell_text(value: Any) -> str:
    """A cell's value as text, surrounding white space removed (numbers without ``.0``)."""
    if type(value) is str:  # the common case first: this runs for every cell of a table
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def render_channels(channels: Sequence[Channel], extra: Sequence[Channel] = ()) -> str:
    """The ■/□ boxes of the 13 template channels, then the ``extra`` boxes, two a line.

    ``extra`` are channels outside the template (图书馆, 国家档案馆) the whole table shows; a
    channel in ``channels`` outside the template is always shown.
    """
    return _render_channels(tuple(channels), tuple(extra))


@functools.lru_cache(maxsize=1024)
def _render_channels(channels: tuple[Channel, ...], extra: tuple[Channel, ...]) -> str:
    extras = [*extra, *(c for c in channels if c not in TEMPLATE_CHANNELS and c not in extra)]
    lines = [*_BOX_LINES, *(tuple(extras[i : i + 2]) for i in range(0, len(extras), 2))]
    out = []
    for line in lines:
        boxes = [("■" if c in channels else "□") + c.label for c in line]
        if len(boxes) == 2:
            out.append(boxes[0] + " " * max(1, 7 - len(boxes[0])) + boxes[1])
        else:
            out.append(boxes[0])
    return "\n".join(out)


@attrs.frozen
class ChannelReading:
    """What a channel cell says: the channels used (table order), what 其他 stands for, the
    names that are no channel (``unknown``: ticked; ``unknown_unticked``: in an empty box)
    and text that is no box at all (``garbled``)."""

    channels: tuple[Channel, ...] = ()
    other_names: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()
    unknown_unticked: tuple[str, ...] = ()
    garbled: tuple[str, ...] = ()
    #: Web addresses written in the cell (巴塘县政府网站http://…), kept apart from the names.
    addresses: tuple[str, ...] = ()


_OTHER_WITH_NAMES = re.compile(r"其他\s*[（(:：]\s*(?P<names>.*?)\s*[)）]?")
_SEPARATORS = re.compile(r"([、，,;；/／\n]+)")


def _split_names(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"[、，,;；\n]+", text) if p.strip()]


def _read_label(label: str) -> tuple[Channel | None, list[str]]:
    """A box label as a channel (and names given for 其他); ``None`` when unknown."""
    label = label.strip().strip("、，,;；:：。").strip()
    folded = normalize_text(label)
    if folded.count("(") > folded.count(")"):
        folded += ")"  # a line wrap lost the closing parenthesis: 村公示栏(电子屏
    channel = Channel.parse(folded, default=None) or _TABLE_CHANNEL_LABELS.get(folded)
    if channel is None and _WEBSITE.fullmatch(folded):
        channel = Channel.GOVERNMENT_WEBSITE  # 区政府门户网站, 巴塘县政府网站
    if channel is not None:
        return channel, []
    match = _OTHER_WITH_NAMES.fullmatch(label)
    if match:
        return Channel.OTHER, _split_names(match.group("names"))
    return None, []


def _split_outside_parentheses(text: str) -> list[str]:
    """Split on separators, keeping them as tokens, but never inside （…）."""
    parts: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and _SEPARATORS.fullmatch(ch):
            parts += [text[start:i], ch]
            start = i + 1
    parts.append(text[start:])
    return parts


def _list_labels(text: str) -> list[str]:
    """Names in a plain list; labels containing a separator (入户/现场) are kept whole."""
    parts = _split_outside_parentheses(text)
    names = parts[0::2]
    labels: list[str] = []
    i = 0
    while i < len(names):
        for j in range(min(len(names), i + 5), i, -1):  # longest label first
            candidate = "".join(parts[2 * i : 2 * j - 1])
            if j == i + 1 or Channel.parse(candidate, default=None) is not None:
                labels.append(candidate)
                i = j
                break
    out: list[str] = []
    for label in labels:  # names separated by spaces: 政府网站 两微一端 公开查阅点
        words = label.split()
        known = len(words) > 1 and _read_label(label)[0] is None
        out += words if known and all(_read_label(w)[0] for w in words) else [label.strip()]
    return [label for label in out if label]


def _canonical_boxes(text: str) -> str:
    """``text`` with look-alike boxes as ■/□ — only when the cell then reads as boxes."""
    found = _LOOKALIKE.findall(text)
    if not found:
        return text
    boxes = len(found) + sum(text.count(m) for m in _MARKS)
    swapped = _LOOKALIKE.sub(lambda m: _LOOKALIKES[m.group(1)], text)
    if boxes >= 2 or any(_read_label(label)[0] is not None for _, label in _BOX.findall(swapped)):
        return swapped
    return text


def _box_label(label: str, garbled: list[str]) -> str:
    """The label of one box; names after a separator in it (国家档案馆 with no box) are
    text outside any box."""
    parts = [p.strip() for p in _BOX_SEPARATORS.split(label)]
    head, colon, tail = parts[0].partition(":") if ":" in parts[0] else parts[0].partition("：")
    channel = Channel.parse(head.strip(), default=None) if colon and tail.strip() else None
    if channel is not None and channel is not Channel.OTHER:  # 政务新媒体:国家档案馆
        parts[0:1] = [head.strip(), tail.strip()]
    garbled += [p for p in parts[1:] if p.strip("、，,")]
    return parts[0]


@functools.lru_cache(maxsize=2048)
def parse_channels(text: str) -> ChannelReading:
    """Read a channel cell: boxes (■/□ …) when it has any, otherwise a list of used names.

    Results are cached: a table repeats the same few channel cells on many rows."""
    used: list[Channel] = []
    others: list[str] = []
    unknown: list[str] = []
    unknown_unticked: list[str] = []
    garbled: list[str] = []
    addresses = _URL.findall(text)
    text = _canonical_boxes(_URL.sub(" ", text))
    if any(mark in text for mark in _MARKS):
        first = min(text.index(m) for m in _MARKS if m in text)
        if text[:first].strip():
            garbled.append(text[:first].strip())
        boxes = []  # (ticked, label) of each box
        for mark, raw in _BOX.findall(text):
            label = _box_label(raw, garbled).strip()
            if label:
                boxes.append((mark in TICKED_MARKS, label))
            else:
                garbled.append(mark)
    elif _LOST_BOX.search(text):  # which boxes were ticked is lost: nothing is read as used
        garbled += [line.strip() for line in text.splitlines() if line.strip()]
        boxes = []
    else:
        boxes = [(True, label) for label in _list_labels(text)]
    for ticked, label in boxes:
        channel, names = _read_label(label)
        if channel is None:
            (unknown if ticked else unknown_unticked).append(label)
        elif ticked:
            used.append(channel)
            others += names
    return ChannelReading(
        channels=in_table_order(used),
        other_names=tuple(dict.fromkeys(others)),
        unknown=tuple(unknown),
        unknown_unticked=tuple(unknown_unticked),
        garbled=tuple(garbled),
        addresses=tuple(addresses),
    )


def parse_tick(value: Any) -> bool | None:
    """``True`` for a tick (√ ✓ ☑ ■ 是 …), ``False`` for an empty or crossed cell (× 否 -),
    ``None`` when the cell says something else."""
    if isinstance(value, bool):
        return value
    return _tick_text(cell_text(value))


@functools.lru_cache(maxsize=256)
def _tick_text(raw: str) -> bool | None:
    text = normalize_text(raw)
    if text in _TICKED:
        return True
    if text in _UNTICKED:
        return False
    return None


def join_lines(values: Sequence[str]) -> str:
    """Several short texts in one cell, one a line; as a JSON list when a line break, an
    empty text or a leading ``[`` would make that ambiguous."""
    if any(len(v.splitlines()) != 1 or v != v.strip() for v in values) or (
        values and values[0].startswith("[")
    ):
        return json.dumps(list(values), ensure_ascii=False)
    return "\n".join(values)


def _json_list(text: str) -> list[Any] | None:
    """The list a cell holds as JSON, or ``None`` when it holds no JSON list."""
    try:
        data = json.loads(text) if text.startswith("[") else None
    except ValueError:
        return None
    return data if isinstance(data, list) else None


def split_lines(text: str) -> tuple[str, ...]:
    """Read what :func:`join_lines` wrote, or a list typed by a person (one a line)."""
    data = _json_list(text)
    if data is not None and all(isinstance(v, str) for v in data):
        return tuple(data)
    return tuple(line.strip() for line in text.split("\n") if line.strip())


_KIND_LABELS = {
    ProvenanceKind.RECONSTRUCTED: "重建",
    ProvenanceKind.AS_PUBLISHED: "照录原文",
    ProvenanceKind.MERGED_CELL: "合并单元格",
    ProvenanceKind.LOCAL: "本地",
    ProvenanceKind.NOTE: "说明",
}
_KIND_BY_LABEL = {
    **{label: kind for kind, label in _KIND_LABELS.items()},
    **{kind.value: kind for kind in ProvenanceKind},
}
_FIELD_BY_LABEL = {label: field for field, label in FIELD_LABELS.items()}
_NOTE_HEAD = re.compile(
    r"【(?P<kind>[^】：:]+)(?:[：:](?P<fields>[^】]*))?】(?P<note>.*)", re.DOTALL
)


def _readable(notes: Sequence[Provenance]) -> bool:
    if notes and notes[-1].note != notes[-1].note.rstrip():
        return False  # a cell's trailing white space is not kept
    return all(
        "\n【" not in note.note and all(f in FIELD_LABELS for f in note.fields) for note in notes
    )


def render_provenance(notes: Sequence[Provenance]) -> str:
    """The notes for the 来源说明 column: ``【kind：fields】note`` one a line (JSON when a note
    itself has a line starting with 【, or names a field the table does not know)."""
    if not _readable(notes):
        from .._converter import unstructure

        return json.dumps([unstructure(n) for n in notes], ensure_ascii=False)
    lines = []
    for note in notes:
        fields = "、".join(FIELD_LABELS[f] for f in note.fields)
        head = _KIND_LABELS[note.kind] + (f"：{fields}" if fields else "")
        lines.append(f"【{head}】{note.note}")
    return "\n".join(lines)


def parse_provenance(text: str) -> tuple[Provenance, ...]:
    """Read a 来源说明 cell.  Text that is not in the written form becomes one ``note``.

    Raises :class:`~govdisclose._errors.GovdiscloseError` for a JSON list that is no list of
    provenance notes (the caller reports it and keeps the text as a note).
    """
    if not text:
        return ()
    data = _json_list(text)
    if data is not None:
        from .._converter import structure

        return structure(data, tuple[Provenance, ...], path="来源说明")
    notes: list[Provenance] = []
    for chunk in re.split(r"\n(?=【)", text):
        match = _NOTE_HEAD.fullmatch(chunk)
        kind = match and _KIND_BY_LABEL.get(match.group("kind").strip())
        if match is None or kind is None:
            notes.append(Provenance(ProvenanceKind.NOTE, chunk))
            continue
        fields = [f.strip() for f in re.split(r"[、,，]", match.group("fields") or "")]
        notes.append(
            Provenance(kind, match.group("note"), [_FIELD_BY_LABEL.get(f, f) for f in fields if f])
        )
    return tuple(notes)


def render_citations(basis: LegalBasis) -> str:
    """The citations as JSON when they differ from the text's reading, else empty."""
    if not citations_differ(basis):
        return ""
    return json.dumps(
        [{k: v for k, v in attrs.asdict(c).items() if v is not None} for c in basis.citations],
        ensure_ascii=False,
    )


def parse_citations(text: str) -> tuple[Citation, ...]:
    """Read :func:`render_citations`; raises :class:`GovdiscloseError` when it is not that."""
    from .._converter import structure

    try:
        data = json.loads(text)
    except ValueError:
        raise GovdiscloseError("not a JSON list of citations (不是结构化依据)") from None
    return structure(data, tuple[Citation, ...], path="依据文件")


def row_values(
    item: CatalogueItem, columns: Sequence[Column], extras: Sequence[Channel]
) -> list[str | int]:
    """The cells of one item row for ``columns`` (ticks as √, lists one a line)."""
    ticked = {*item.audiences, *item.modes, *item.levels}
    out: list[str | int] = []
    for column in columns:
        key = column.key
        value: str | int
        if key == "tick":
            value = "√" if column.term in ticked else ""
        elif key == "channels":
            value = render_channels(item.channels, extras)
        elif key == "local":
            value = item.local_fields.get(column.header, "")
        else:
            value = _ITEM_VALUES[key](item)
        out.append(value)
    return out


_ITEM_VALUES: dict[str, Callable[[CatalogueItem], str | int]] = {
    "first_level": lambda i: i.first_level.label,
    "number": lambda i: i.number,
    "name": lambda i: i.name,
    "content": lambda i: i.content,
    "basis": lambda i: i.basis.text,
    "time_limit": lambda i: i.time_limit.text,
    "subject": lambda i: i.subject,
    "third_level_items": lambda i: join_lines(i.third_level_items),
    "responsible_office": lambda i: i.responsible_office or "",
    "push_targets": lambda i: join_lines(i.push_targets),
    "other_channels": lambda i: join_lines(i.other_channels),
    "service_level": lambda i: (
        "" if i.time_limit.service_level_workdays is None else i.time_limit.service_level_workdays
    ),
    "citations": lambda i: render_citations(i.basis),
    "provenance": lambda i: render_provenance(i.provenance),
}
