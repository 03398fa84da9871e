"""The scan before publishing (先审查、后公开): identity-card, mobile and bank card numbers.

Relief lists (因灾过渡期生活救助, 居民住房恢复重建救助) are published for public review with
names, losses and amounts — but resident identity-card numbers, personal phone numbers and bank
account numbers must not be published; they are de-identified (去标识化) first.  This module
finds them in plain text and masks them, keeping names and everything else.

What is found (each a :class:`PersonalDataMatch`):

* ``id_card`` 居民身份证号码 — 18 characters (17 digits and a check digit ``0-9``/``X``) whose
  ISO 7064 check digit is right (computed with python-stdnum's ``stdnum.cn.ric``) and whose
  birth date is a real date from 1900 to today; or 15 digits (first-generation cards) whose
  ``19YYMMDD`` birth date is real.  The area code is not checked against stdnum's table,
  which lags behind newly created counties: a missed ID is worse than an extra warning.
* ``suspect_id_card`` 疑似身份证号码 — 18 characters that look like an ID (area code
  starting 1–8, real birth date) but whose check digit is wrong: often a typing error in a
  real ID, so it is reported as a **warning** and masked all the same.
* ``mobile`` 手机号码 — 11 digits ``1[3-9]…``, contiguous or grouped 3-4-4 with spaces or
  hyphens (``138 1234 5678``, ``138-1234-5678``), optionally after ``+86``/``0086``/``86``/
  ``(+86)``.
* ``bank_card`` 银行卡号 — 16 to 19 digits passing the Luhn check (``stdnum.luhn``),
  contiguous or in groups of four (``6222 0212 3456 7890 123``; of a longer run of groups,
  such as a card followed by an amount in the same style, only the first four groups).
  An 18-digit number that is a valid ID, or a valid 统一社会信用代码, is not a bank card.

Not personal data, and not reported: digits inside a longer run of digits (a match needs a
non-digit on both sides), landlines and hotlines (``0371-12345678``, ``(0371)61234567``,
``12345``, ``400-123-4567``), document numbers (``豫应急办〔2020〕62号``), dates, amounts
(a number after ``¥``/``￥``, before ``元``/``万``/``亿``, or with a decimal point).
Full-width digits (``１３８…``) are read like ASCII digits.  Names, addresses and other
personal information are **not** detected: a clean scan does not prove a text is safe.

Masking keeps the separators where they are and replaces digits with ``*``: an ID keeps its
first 4 and last 4 characters (``4101**********1234``), a mobile the first 3 and last 4 of its
11 digits (``138****5678``, a ``+86`` prefix is kept), a bank card its first 4 and last 4.

>>> from govdisclose._privacy import scan_text, mask_text
>>> text = "张三 身份证410105199003071272 电话138-1234-5678 投诉电话0371-12345678"
>>> for m in scan_text(text).matches:
...     print(m.kind.code, m.start, m.end, m.masked)
id_card 6 24 4101**********1272
mobile 27 40 138-****-5678
>>> mask_text(text)
'张三 身份证4101**********1272 电话138-****-5678 投诉电话0371-12345678'

Each match is also a finding (codes ``personal-data.id-card``, ``personal-data.mobile``,
``personal-data.bank-card`` — errors — and ``personal-data.suspect-id-card`` — a warning), whose
path is the span ``$.text[start:end]`` (character offsets, end exclusive) and whose ``data``
holds ``kind``, ``start``, ``end``, ``line``, ``column`` (both from 1, counted in characters,
lines split at ``\\n``) and the ``masked`` value — never the number itself:

>>> finding = scan_text(text).report().findings[0]
>>> finding.code, finding.path, finding.severity.code
('personal-data.id-card', '$.text[6:24]', 'error')
>>> dict(finding.data)
{'kind': 'id_card', 'start': 6, 'end': 24, 'line': 1, 'column': 7, 'masked': '4101**********1272'}

More information:

* 《三元区安全生产监督管理局2018年政务公开工作方案》 item 22: personal information in published
  government information is de-identified (去标识化);
* 应急厅函〔2019〕390号 五(三): the body that makes or keeps information reviews it before it
  is published and answers for the result (保密审查: 谁公开、谁审查、谁负责);
* 《2024年上海市应急管理局政务公开工作要点》 (十六): review first, publish after (先审查、后公开);
* GB 11643-1999 (公民身份号码).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from pathlib import Path

import attrs
from stdnum import luhn
from stdnum.cn import ric, uscc
from stdnum.exceptions import ValidationError

from ._errors import InputError
from ._files import read_text_file
from ._vocabulary import Term
from .findings import Finding, FindingCode, Report, Severity

__all__ = [
    "PersonalDataKind",
    "PersonalDataMatch",
    "PersonalDataScan",
    "mask",
    "mask_text",
    "scan_file",
    "scan_text",
]


class PersonalDataKind(Term):
    """What kind of personal number a match is."""

    __concept__ = "个人信息类型"

    ID_CARD = ("id_card", "居民身份证号码", "身份证号码", "身份证")
    SUSPECT_ID_CARD = ("suspect_id_card", "疑似身份证号码")
    MOBILE = ("mobile", "手机号码", "手机号", "手机")
    BANK_CARD = ("bank_card", "银行卡号", "银行账号", "银行卡")


_HINT = "去标识化后再公开（只保留前后几位）/ de-identify before publishing (keep a few digits only)"

#: The finding codes of this area (see :mod:`govdisclose.findings`).
CODES = (
    FindingCode(
        "personal-data.id-card",
        Severity.ERROR,
        "居民身份证号码",
        "resident identity card number",
        "An 18-digit ID number with a correct check digit, or a 15-digit one with a real birth "
        "date. Must not be published: de-identify it (去标识化, 2018年县级工作方案第22项).",
    ),
    FindingCode(
        "personal-data.suspect-id-card",
        Severity.WARNING,
        "疑似身份证号码（校验码不符）",
        "looks like an ID card number with a wrong check digit",
        "18 characters with an area code and a real birth date but a wrong check digit: often "
        "a mistyped ID number, still personal data.",
    ),
    FindingCode(
        "personal-data.mobile",
        Severity.ERROR,
        "手机号码",
        "mobile phone number",
        "An 11-digit mainland mobile number (1[3-9]…), possibly grouped or with +86. Must not "
        "be published; publish the office's complaint number instead.",
    ),
    FindingCode(
        "personal-data.bank-card",
        Severity.ERROR,
        "银行卡号",
        "bank card number",
        "16 to 19 digits passing the Luhn check, possibly grouped in fours. Must not be published.",
    ),
)
_CODES = dict(zip(PersonalDataKind, CODES, strict=True))

# Full-width digits, X, plus, brackets and hyphens/spaces read as ASCII, one character each,
# so that offsets in the folded text are offsets in the original.
_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "Ｘ": "X",
        "ｘ": "x",
        "＋": "+",
        "（": "(",
        "）": ")",
        "－": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u3000": " ",
        "\u00a0": " ",
    }
)
_RUN = re.compile(r"(?<![0-9])(?:[0-9]{17}[Xx](?![0-9A-Za-z])|[0-9]{15,19}(?![0-9]))")
# Groups of four digits joined by one kind of separator, as long as they go on; the
# quantifiers cannot backtrack far because every group boundary is a separator.
_GROUPED = re.compile(r"(?<![0-9])[0-9]{4}([ -])[0-9]{4}(?:\1[0-9]{4})*(?:\1[0-9]{1,3})?(?![0-9])")
_MOBILE = re.compile(
    r"(?<![0-9+])(?:(?:\+|00)86[ -]?|86[ -]?|\(\+?86\) ?)?"
    r"1[3-9][0-9](?:[0-9]{8}|([ -])[0-9]{4}\1[0-9]{4})(?![0-9])"
)
_AMOUNT_AFTER = re.compile(r"\s?[元万亿]|\.[0-9]")
_DIGITS = frozenset("0123456789Xx")
_KEEP = {  # (first, last) characters left visible
    PersonalDataKind.ID_CARD: (4, 4),
    PersonalDataKind.SUSPECT_ID_CARD: (4, 4),
    PersonalDataKind.MOBILE: (3, 4),
    PersonalDataKind.BANK_CARD: (4, 4),
}


@attrs.frozen
class PersonalDataMatch:
    """One number found: its kind, span in the original text, the text and its masked form.

    ``text`` (the unmasked number) is left out of ``repr`` so that logs do not leak it.
    """

    kind: PersonalDataKind
    start: int
    end: int
    text: str = attrs.field(repr=False)
    masked: str
    line: int
    column: int

    @property
    def path(self) -> str:
        """The span as a finding path: ``$.text[start:end]``."""
        return f"$.text[{self.start}:{self.end}]"

    def finding(self) -> Finding:
        """This match as a finding (no unmasked digits in it)."""
        where_zh = f"第{self.line}行第{self.column}列"
        where_en = f"line {self.line}, column {self.column}"
        if self.kind is PersonalDataKind.SUSPECT_ID_CARD:
            message_zh = f"{where_zh}：{self.masked} 疑似身份证号码（校验码不符），请核对，不得公开"
            message_en = (
                f"{where_en}: {self.masked} looks like an ID card number with a wrong check "
                f"digit; check it, and do not publish it"
            )
        else:
            message_zh = f"{where_zh}：{self.kind.label} {self.masked}，不得公开"
            message_en = (
                f"{where_en}: {_CODES[self.kind].title_en} {self.masked} must not be published"
            )
        return _CODES[self.kind].finding(
            self.path,
            message_zh=message_zh,
            message_en=message_en,
            hint=_HINT,
            kind=self.kind.code,
            start=self.start,
            end=self.end,
            line=self.line,
            column=self.column,
            masked=self.masked,
        )


@attrs.frozen
class PersonalDataScan:
    """What :func:`scan_text` found, in text order; ``subject`` names the text (a file)."""

    matches: tuple[PersonalDataMatch, ...]
    subject: str | None = None

    @property
    def found(self) -> bool:
        """Whether anything was found (warnings included)."""
        return bool(self.matches)

    def of_kind(self, kind: PersonalDataKind | str) -> tuple[PersonalDataMatch, ...]:
        """The matches of one kind."""
        wanted = PersonalDataKind.parse(kind)
        return tuple(m for m in self.matches if m.kind is wanted)

    def report(self) -> Report:
        """One finding per match, in text order."""
        return Report(tuple(m.finding() for m in self.matches), self.subject)


def _require_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray)):
        raise InputError(
            "expected text (str), got bytes: decode it first or use scan_file() "
            "(应为文本而非字节串)"
        )
    raise InputError(f"expected text (str), got {type(text).__name__} (应为文本)")


def _birth_date_ok(digits: str) -> bool:
    try:
        born = ric.get_birth_date(digits)
    except ValidationError:  # an impossible date
        return False
    return born.year >= 1900 and born <= datetime.date.today()


def _classify_run(folded: str) -> PersonalDataKind | None:
    n = len(folded)
    number = folded.upper()
    if n == 18 and number[0] in "12345678" and _birth_date_ok(number):
        if ric.calc_check_digit(number) == number[-1]:
            return PersonalDataKind.ID_CARD
        if number.isdigit() and luhn.is_valid(number) and not uscc.is_valid(number):
            return PersonalDataKind.BANK_CARD
        return PersonalDataKind.SUSPECT_ID_CARD
    if n == 15 and number[0] in "12345678":
        return PersonalDataKind.ID_CARD if _birth_date_ok(f"{number[:6]}19{number[6:]}") else None
    if 16 <= n <= 19 and number.isdigit() and luhn.is_valid(number):
        if n == 18 and uscc.is_valid(number):
            return None
        return PersonalDataKind.BANK_CARD
    return None


def _is_amount(folded: str, start: int, end: int) -> bool:
    before = folded[max(0, start - 2) : start]
    if before.endswith(("¥", "￥")) or (
        len(before) == 2 and before[1] == "." and before[0].isdigit()
    ):
        return True
    return _AMOUNT_AFTER.match(folded, end) is not None


def _candidates(folded: str) -> Iterator[tuple[int, int, PersonalDataKind]]:
    for m in _RUN.finditer(folded):
        kind = _classify_run(m.group())
        if kind is not None:
            yield m.start(), m.end(), kind
    for m in _GROUPED.finditer(folded):
        groups = m.group().split(m.group(1), 5)  # at most six parts: enough to decide
        if len(groups) < 4 or len(groups[3]) != 4:
            continue
        if len(groups) > 5 or (len(groups) == 5 and len(groups[4]) == 4):
            # Longer than a card: only a card followed by another number in the same
            # style (an amount column) is considered, i.e. the first four groups.
            groups = groups[:4]
        if luhn.is_valid("".join(groups)):
            yield m.start(), m.start() + len(m.group(1).join(groups)), PersonalDataKind.BANK_CARD
    for m in _MOBILE.finditer(folded):
        yield m.start(), m.end(), PersonalDataKind.MOBILE


def _mask_span(value: str, folded: str, kind: PersonalDataKind) -> str:
    positions = [i for i, ch in enumerate(folded) if ch in _DIGITS]
    if kind is PersonalDataKind.MOBILE:
        positions = positions[-11:]  # the national number; a +86 prefix stays readable
    first, last = _KEEP[kind]
    hidden = set(positions[first : len(positions) - last])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(value))


def scan_text(text: str, *, subject: str | None = None) -> PersonalDataScan:
    """Find identity-card, mobile and bank card numbers in ``text`` (see the module docs).

    Runs in time linear in the length of the text.  Raises
    :class:`~govdisclose._errors.InputError` when ``text`` is not a ``str``.
    """
    text = _require_text(text)
    folded = text.translate(_FOLD)
    found = sorted(
        (c for c in _candidates(folded) if not _is_amount(folded, c[0], c[1])),
        key=lambda c: (c[0], -c[1]),
    )
    matches: list[PersonalDataMatch] = []
    line, line_start, pos, taken_until = 1, 0, 0, 0
    for start, end, kind in found:
        if start < taken_until:  # overlaps a longer or earlier match
            continue
        taken_until = end
        newlines = text.count("\n", pos, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", pos, start) + 1
        pos = start
        value = text[start:end]
        matches.append(
            PersonalDataMatch(
                kind=kind,
                start=start,
                end=end,
                text=value,
                masked=_mask_span(value, folded[start:end], kind),
                line=line,
                column=start - line_start + 1,
            )
        )
    return PersonalDataScan(tuple(matches), subject)


def mask_text(text: str) -> str:
    """``text`` with every number :func:`scan_text` finds masked, suspect IDs included;
    everything else (names, amounts, separators) is unchanged."""
    scan = scan_text(text)
    parts: list[str] = []
    pos = 0
    for m in scan.matches:
        parts.append(text[pos : m.start])
        parts.append(m.masked)
        pos = m.end
    parts.append(text[pos:])
    return "".join(parts)


_DIGIT_COUNTS = {
    PersonalDataKind.ID_CARD: (15, 18),
    PersonalDataKind.SUSPECT_ID_CARD: (18, 18),
    PersonalDataKind.MOBILE: (11, 15),
    PersonalDataKind.BANK_CARD: (16, 19),
}


def mask(value: str, kind: PersonalDataKind | str) -> str:
    """Mask one number of the given kind as :func:`mask_text` would; non-digits are kept.

    The value is not validated beyond its number of digits, which must suit the kind
    (otherwise :class:`~govdisclose._errors.InputError`).

    >>> mask("13812345678", "mobile"), mask("6222 0212 3456 7890", "bank_card")
    ('138****5678', '6222 **** **** 7890')
    >>> mask("41010519900307123X", "身份证")
    '4101**********123X'
    """
    value = _require_text(value)
    wanted = PersonalDataKind.parse(kind)
    folded = value.translate(_FOLD)
    digits = sum(1 for ch in folded if ch in _DIGITS)
    low, high = _DIGIT_COUNTS[wanted]
    if not low <= digits <= high:
        raise InputError(
            f"{value!r} has {digits} digits; a {wanted.code} has {low} to {high} "
            f"({wanted.label}位数不符)"
        )
    return _mask_span(value, folded, wanted)


def scan_file(path: str | Path) -> PersonalDataScan:
    """Scan a plain-text file (.txt, .md, .csv, .html read as text).

    The file is decoded with :func:`govdisclose._files.read_text_file` (UTF-8 with or
    without BOM, UTF-16 with BOM, or GB18030); offsets are in characters of the decoded text,
    without the byte-order mark.  The scan's subject is the path.
    """
    text = read_text_file(path)
    return scan_text(text, subject=str(path))
