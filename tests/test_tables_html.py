"""The HTML table: self-contained, accessible, print-friendly, everything escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import attrs
import pytest

from govdisclose import Catalogue, Channel, standard, standards
from govdisclose._vocabulary import TEMPLATE_CHANNELS
from govdisclose.tables import to_html


class _Page(HTMLParser):
    """Collects elements (tag, attributes, nesting) and the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None], tuple[str, ...]]] = []
        self.stack: list[str] = []
        self.text: list[str] = []
        self.style = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs), tuple(self.stack)))
        if tag not in ("meta", "br", "col"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "style":
            self.style += data
        else:
            self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a, _ in self.elements if t == tag]


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    assert parser.stack == [], "unclosed elements"
    return parser


@pytest.mark.parametrize("catalogue", standards(), ids=lambda c: c.domain.code)
def test_structure_and_content(catalogue: Catalogue) -> None:
    page = to_html(catalogue)
    parsed = _parse(page)
    assert parsed.all("html") == [{"lang": "zh-CN"}]
    assert {"charset": "utf-8"} in parsed.all("meta")
    for tag in ("script", "link", "img", "iframe", "object"):
        assert parsed.all(tag) == []
    assert "http" not in page and "url(" not in parsed.style
    assert "@media print" in parsed.style and "table-header-group" in parsed.style
    assert "break-inside: avoid" in parsed.style
    # caption and the two header rows
    text = "".join(parsed.text)
    assert len(parsed.all("caption")) == 1 and catalogue.title in text
    header_rows = [e for e in parsed.elements if e[0] == "tr" and "thead" in e[2]]
    assert len(header_rows) == 2
    ths = [(a, s) for t, a, s in parsed.elements if t == "th" and "thead" in s]
    assert all(a.get("scope") in ("col", "colgroup") for a, _ in ths)
    assert {"scope": "colgroup", "colspan": "3"} in [a for a, _ in ths]
    assert [a.get("colspan") for a, _ in ths if a.get("scope") == "colgroup"] == [
        "3",
        "2",
        "2",
        "2",
    ]
    # one tbody per run of a first-level item, its header cell spanning the run
    assert len(parsed.all("tbody")) == len(catalogue.first_levels)
    group_cells = [a for a in parsed.all("th") if a.get("scope") == "rowgroup"]
    assert [int(a["rowspan"] or 0) for a in group_cells] == [
        len(catalogue.by_first_level(f)) for f in catalogue.first_levels
    ]
    assert len([a for a in parsed.all("th") if a.get("scope") == "row"]) == len(catalogue)
    # every item's texts, every box and tick
    for item in catalogue:
        for value in (item.name, item.content, item.basis.text, item.time_limit.text):
            for line in value.split("\n"):
                assert line in text
    boxes = len(catalogue) * len(TEMPLATE_CHANNELS)
    assert text.count("■") + text.count("□") == boxes
    assert text.count("■") == sum(len(item.channels) for item in catalogue)
    ticks = sum(len(i.audiences) + len(i.modes) + len(i.levels) for i in catalogue)
    assert text.count("√") == ticks
    assert text.count("：是") == ticks + text.count("■")  # spelled out for screen readers
    for note in catalogue.notes:
        assert note in text


def test_everything_is_escaped() -> None:
    ws = standard("work_safety")
    evil = '<script>alert("x")</script> & <b onclick="1">'
    item = attrs.evolve(
        ws.items[0],
        name=evil,
        content=evil,
        local_fields={"<i>备注</i>": evil},
        channels=(Channel.LIBRARY,),
    )
    page = to_html(attrs.evolve(ws, title=evil, notes=(evil,), items=(item,)))
    assert "<script" not in page and "<b " not in page and "<i>" not in page
    parsed = _parse(page)
    assert parsed.all("script") == [] and parsed.all("b") == []
    text = "".join(parsed.text)
    assert text.count(evil) >= 5  # title, caption, name, content, local field, note
    assert "<i>备注</i>" in text
    assert "■图书馆" in text  # a channel outside the template gets its own box


def test_township_catalogue_lists_only_its_items() -> None:
    from govdisclose._localize import derive

    township = derive(standard("work_safety"), "township")
    parsed = _parse(to_html(township))
    rows = [a for a in parsed.all("th") if a.get("scope") == "row"]
    assert len(rows) == len(township) < len(standard("work_safety"))
    assert "（乡级）" in "".join(parsed.text)
