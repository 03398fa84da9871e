"""The scan before publishing (先审查、后公开): identity-card, mobile and bank card numbers.

Relief lists (因灾过渡期生活救助, 居民住房恢复重建救助) are published for public review with
names, losses and amounts — but resident identity-card numbers, personal phone numbers and bank
account numbers must not be published; they are de-identified (去标识化) first.  This module
finds them in plain text or HTML source and masks them, keeping names and everything else.

What is found (each a :class:`PersonalDataMatch`):

* ``id_card`` 居民身份证号码 — 18 characters (17 digits and a check digit ``0-9``/``X``) whose
  GB 11643 check digit (ISO 7064 MOD 11-2) is right, whose first digit is 1–8 and whose birth
  date is a real date from 1900 to today.  The area code is not checked against a table,
  which would lag behind newly created counties: a missed ID is worse than an extra warning.
  A check-digit-valid ID is reported even next to ``元``, ``万`` or ``¥``.
* ``foreign_resident_id`` 外国人永久居留身份证号码 — the 2023 card (issued from 1 December
  2023): 18 digits, first digit ``9``, a province code, the nationality code, the birth date in
  the same place as on a resident ID, and the same MOD 11-2 check digit.  One that is also a
  valid 统一社会信用代码 (the two can coincide) is reported as a ``suspect_id_card``.
* ``suspect_id_card`` 疑似身份证号码 — 18 characters that look like an ID (first digit 1–8,
  real birth date) but whose check digit is wrong: often a typing error in a real ID, so it is
  reported as a **warning** and masked all the same.
* ``old_id_card`` 疑似第一代身份证号码 — 15 digits (first-generation cards, ``YYMMDD`` birth
  date of the 1900s).  These have no check digit, and about 3 % of all 15-digit numbers fit, so
  they are a **warning**; after a word naming another kind of number (``订单号``, ``编号``,
  ``流水号``, ``文号``, ``单号`` …, within a few characters before) only **info**.
* ``mobile`` 手机号码 — 11 digits ``1[3-9]…``, contiguous or grouped 3-4-4, 4-3-4 or 3-8 with
  spaces, hyphens, dashes (``—``) or dots, or ``(138)12345678``; optionally after
  ``+86``/``0086``/``86``/``(+86)``.
* ``bank_card`` 银行卡号 — 16 to 19 digits starting with 3, 4, 5, 6 or 9 and passing the Luhn
  check, contiguous or in groups of four joined by one kind of separator (of a longer run of
  groups, such as a card followed by an amount in the same style, the card).  An 18-digit
  number that is a valid ID, or a valid 统一社会信用代码, is not a bank card.

Numbers are read the way a reader sees them: written in groups (``410105 19900307 1272``,
with spaces, dashes or a line break), or broken by HTML tags (``4101<span>05</span>…``; a
block tag such as ``<br>`` or ``</td>`` counts as a line break), ``&nbsp;`` and other
entities, zero-width spaces or soft hyphens.  Positions (``start``, ``end``, ``line``,
``column``) are always those of the original text, and masking replaces the original digits.
Between two digits of one number there may be at most 6 such pieces (a tag of at most 64
characters is one piece); a stretch of more than 511 digits joined this way is read in
overlapping parts, so that no number in it is missed.  There is no limit on the length of a
line or of the text.

Not personal data, and not reported: digits inside a longer run of digits, landlines and
hotlines (``0371-12345678``, ``(0371)61234567``, ``12345``, ``400-123-4567``), document
numbers (``豫应急办〔2020〕62号``), dates, amounts (a number after ``¥``/``￥``, before
``元``/``万``/``亿``, or with a decimal point — except a check-digit-valid ID).  Full-width
digits (``１３８…``) are read like ASCII digits.  Names, addresses and other personal
information are **not** detected: a clean scan does not prove a text is safe.

Masking keeps the separators where they are and replaces digits with ``*``: an ID keeps its
first 4 and last 4 characters (``4101**********1234``), a mobile the first 3 and last 4 of its
11 digits (``138****5678``, a ``+86`` prefix is kept), a bank card its first 4 and last 4.
A digit written as an entity (``&#49;``) is replaced by one ``*``.

>>> from govdisclose._privacy import scan_text, mask_text
>>> text = "张三 身份证410105199003071272 电话138-1234-5678 投诉电话0371-12345678"
>>> for m in scan_text(text).matches:
...     print(m.kind.code, m.start, m.end, m.masked)
id_card 6 24 4101**********1272
mobile 27 40 138-****-5678
>>> mask_text(text)
'张三 身份证4101**********1272 电话138-****-5678 投诉电话0371-12345678'
>>> [m.masked for m in scan_text("身份证：410105 19900307<br>1272").matches]
['4101** ********<br>1272']

Each match is also a finding (codes ``personal-data.id-card``, ``personal-data.mobile``,
``personal-data.bank-card``, ``personal-data.foreign-resident-id`` — errors —,
``personal-data.suspect-id-card`` — a warning — and ``personal-data.suspect-old-id-card`` — a
warning, or info after a word such as 订单号), whose path is the span ``$.text[start:end]``
(character offsets, end exclusive) and whose ``data`` holds ``kind``, ``start``, ``end``,
``line``, ``column`` (both from 1, counted in characters, lines split at ``\\n``), the
``masked`` value — never the number itself — and, when one lowered the severity, ``context``:

>>> finding = scan_text(text).report().findings[0]
>>> finding.code, finding.path, finding.severity.code
('personal-data.id-card', '$.text[6:24]', 'error')
>>> dict(finding.data)
{'kind': 'id_card', 'start': 6, 'end': 24, 'line': 1, 'column': 7, 'masked': '4101**********1272'}
>>> [(f.code, f.severity.code) for f in scan_text("订单号 110101900101123").report()]
[('personal-data.suspect-old-id-card', 'info')]

Texts of any size are scanned in pieces with the same result (:class:`PersonalDataScanner`,
:func:`iter_matches`, :func:`scan_file`); memory does not grow with the length of the text or
of its lines.

More information:

* 《三元区安全生产监督管理局2018年政务公开工作方案》 item 22: personal information in published
  government information is de-identified (去标识化);
* 应急厅函〔2019〕390号 五(三): the body that makes or keeps information reviews it before it
  is published and answers for the result (保密审查: 谁公开、谁审查、谁负责);
* 《2024年上海市应急管理局政务公开工作要点》 (十六): review first, publish after (先审查、后公开);
* GB 11643-1999 (公民身份号码);
* 国家移民管理局, 新版外国人永久居留身份证 (2023年12月1日启用): 18-digit number, first digit 9,
  last digit MOD 11-2 as on the 公民身份号码.
"""

from __future__ import annotations

import codecs
import collections
import datetime
import functools
import html
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import attrs

from ._errors import InputError
from ._files import detect_encoding, open_binary
from ._vocabulary import Term
from .findings import Finding, FindingCode, Report, Severity


class PersonalDataKind(Term):
    """What kind of personal number a match is."""

    __concept__ = "个人信息类型"

    ID_CARD = ("id_card", "居民身份证号码", "身份证号码", "身份证")
    FOREIGN_RESIDENT_ID = (
        "foreign_resident_id",
        "外国人永久居留身份证号码",
        "永居证号码",
        "永居证",
    )
    SUSPECT_ID_CARD = ("suspect_id_card", "疑似身份证号码")
    OLD_ID_CARD = ("old_id_card", "疑似第一代身份证号码", "15位身份证号码")
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
        "An 18-character ID number with a correct check digit. Must not be published: "
        "de-identify it (去标识化, 2018年县级工作方案第22项).",
    ),
    FindingCode(
        "personal-data.foreign-resident-id",
        Severity.ERROR,
        "外国人永久居留身份证号码",
        "foreign permanent resident ID card number",
        "An 18-digit number of the 2023 foreign permanent resident ID card (first digit 9, "
        "correct check digit). Must not be published.",
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
        "personal-data.suspect-old-id-card",
        Severity.WARNING,
        "疑似第一代（15位）身份证号码",
        "may be a first-generation (15-digit) ID card number",
        "15 digits with an area code and a real birth date: first-generation ID numbers have no "
        "check digit, so other numbers fit too. Info only after a word such as 订单号 or 编号.",
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
_CODES = {kind.code: code for kind, code in zip(PersonalDataKind, CODES, strict=True)}

#: Words before a 15-digit number that say it is some other number (订单号 …).
CONTEXT_WORDS = (
    "订单",
    "编号",
    "流水号",
    "文号",
    "单号",
    "批号",
    "批次号",
    "票号",
    "票据号",
    "发票",
    "凭证号",
    "合同号",
    "序列号",
    "案号",
    "代码",
    "条码",
    "登记号",
)
_CONTEXT_SPAN = 12  # characters looked at before the number

# -- reading the text as a reader sees it ----------------------------------------------------

_DIGIT_CLASS = "0-9\uff10-\uff19"
_FULLWIDTH = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)})
_SPACES = " \t\r\n\f\v\u00a0\u3000\u2002\u2003\u2009\u202f"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DOTS = ".\u00b7\u30fb\uff0e"
_PARENS = "()\uff08\uff09"
_PLUS = "+\uff0b"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_MAX_TAG = 64  # characters in one tag that may sit inside a number
_MAX_GLUE = 6  # tags, entities and separator characters between two digits of one number
_GLUE = (
    rf"(?:[{re.escape(_SPACES + _DASHES + _DOTS + _PARENS + _PLUS + _INVISIBLE)}]"
    rf"|<[^<>]{{0,{_MAX_TAG}}}>|&#?[0-9A-Za-z]{{1,8}};)"
)
#: Most digits read as one stretch; a longer stretch is read in overlapping pieces.
_MAX_STRETCH_DIGITS = 512
# A stretch of at least 11 digits (the shortest number found) joined by glue.
_STRETCH = re.compile(
    rf"[{_DIGIT_CLASS}](?:{_GLUE}{{0,{_MAX_GLUE}}}[{_DIGIT_CLASS}]){{10,{_MAX_STRETCH_DIGITS - 1}}}"
)
# Where a stretch may start: a digit followed by ten more, or by a few and then glue.
_QUICK = re.compile(rf"[{_DIGIT_CLASS}](?:[{_DIGIT_CLASS}]{{10}}|[{_DIGIT_CLASS}]{{0,9}}{_GLUE})")
_CONTINUES = re.compile(rf"{_GLUE}{{0,{_MAX_GLUE}}}[{_DIGIT_CLASS}]")
_RUN = re.compile(rf"[{_DIGIT_CLASS}]+")
_SPLIT = re.compile(rf"([{_DIGIT_CLASS}]+)").split
_RUN_IN_GLUE = re.compile(rf"<[^<>]{{0,{_MAX_TAG}}}>|&#?[0-9A-Za-z]{{1,8}};|([{_DIGIT_CLASS}]+)")
_GLUE_TOKEN = re.compile(r"<([^<>]*)>|&#?[0-9A-Za-z]{1,8};|.", re.DOTALL)
_TAG_NAME = re.compile(r"\s*/?\s*([A-Za-z][A-Za-z0-9]*)")
_INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font", "i"}
    | {"ins", "kbd", "mark", "o", "q", "s", "samp", "small", "span", "strike", "strong", "sub"}
    | {"sup", "time", "tt", "u", "var", "wbr"}
)
#: Characters the longest stretch may span before it has 11 digits, with room to spare;
#: text this close to the end of a piece waits for the next piece.
_MARGIN = 11 * _MAX_GLUE * (_MAX_TAG + 2) + 64
_BEFORE = 16  # characters kept before the unread text for the look back

# Glue between two runs of digits, as the reader sees it: "" (nothing: one number), " ",
# "\n", "-", ".", "(" (a bracket), "+", or "|" (something else: a break), and the digits
# written as entities, with their spans in the glue.
_Glue = tuple[str, tuple[tuple[str, int, int], ...]]


@functools.lru_cache(maxsize=4096)
def _read_glue(glue: str) -> _Glue:
    seen: list[tuple[str, int, int]] = []
    for token in _GLUE_TOKEN.finditer(glue):
        a, b = token.span()
        if token.group(1) is not None:  # a tag; a comment or an inline tag shows nothing
            name = _TAG_NAME.match(token.group(1))
            if name is not None and name.group(1).lower() not in _INLINE_TAGS:
                seen.append(("\n", a, b))
            continue
        text = token.group()
        if len(text) > 1:
            text = html.unescape(text)
        if len(text) != 1:
            seen.append(("|", a, b))
        elif text not in _INVISIBLE:
            seen.append((text.translate(_FULLWIDTH), a, b))
    digits = tuple(s for s in seen if "0" <= s[0] <= "9")
    if len(digits) == len(seen):
        return "", digits
    if digits:
        return "|", ()
    shown = "".join(s[0] for s in seen)
    stripped = "".join(ch for ch in shown if ch not in _SPACES)
    if not stripped:
        return ("\n" if "\n" in shown or "\r" in shown else " "), ()
    if len(stripped) <= 2 and all(ch in _DASHES for ch in stripped):
        return "-", ()
    if len(stripped) == 1 and stripped in _DOTS:
        return ".", ()
    if len(stripped) <= 2 and all(ch in _PARENS for ch in stripped):
        return "(", ()
    if len(stripped) == 1 and stripped in _PLUS:
        return "+", ()
    return "|", ()


_X_AFTER = re.compile(rf"({_GLUE}{{0,{_MAX_GLUE}}})[XxＸｘ](?![0-9A-Za-z])")


# What may come between the digits and an X that ends them, or the X itself.
_AFTER_START = frozenset(_SPACES + _DASHES + _DOTS + _PARENS + _PLUS + _INVISIBLE + "<&XxＸｘ")


def _x_after(buf: str, end: int) -> tuple[int, str]:
    """Where a check character X follows the digits ending at ``end`` (or -1), and the glue
    kind between them ("" when nothing a reader sees)."""
    found = _X_AFTER.match(buf, end)
    if found is None:
        return -1, ""
    glue = found.group(1)
    if glue:
        kind, digits = _read_glue(glue)
        if digits or kind not in ("", " ", "\n", "-"):
            return -1, ""
        return found.end() - 1, kind
    return end, ""


_SPECIAL = re.compile(rf"[<&{_INVISIBLE}]")
_LENGTHS = frozenset({11, 13, 15, 16, 17, 18, 19})


def _may_hold_number(sizes: list[int], x_after: bool) -> bool:
    """Whether runs of digits of these lengths, read in turn, can hold a number."""
    last = len(sizes) - 1
    for i in range(len(sizes)):
        n = 0
        for j in range(i, min(i + 6, last + 1)):
            n += sizes[j]
            if n in _LENGTHS or (n == 17 and j == last and x_after):
                return True
            if n > 19:
                break
    return False


# A number found: start, end, kind, the digits to hide (spans with how many * replace each),
# the word that lowered its severity.
_Hit = tuple[int, int, PersonalDataKind, list[tuple[int, int, int]], str | None]


@attrs.define(slots=True)
class _Group:
    """Digits a reader sees as one number written without a break (ASCII digits and X)."""

    start: int
    end: int
    digits: str
    sep: str  # the glue before it ("" for the first group of a stretch)
    cells: list[tuple[int, int]] | None = None  # where each digit is, when not start + i


def _cells(group: _Group) -> list[tuple[int, int]]:
    if group.cells is not None:
        return group.cells
    return [(i, i + 1) for i in range(group.start, group.start + len(group.digits))]


def _plain_groups(buf: str, start: int, parts: list[str]) -> list[_Group]:
    """The groups of a stretch at ``start`` without tags, entities or invisible characters,
    from its ``parts`` (``_SPLIT``: "", digits, glue, digits, …, digits, "")."""
    first = parts[1]
    groups = [_Group(start, start + len(first), first, "")]
    pos = groups[0].end
    for k in range(3, len(parts), 2):
        glue, digits = parts[k - 1], parts[k]
        pos += len(glue)
        groups.append(_Group(pos, pos + len(digits), digits, _read_glue(glue)[0]))
        pos += len(digits)
    if not buf.isascii():
        for group in groups:
            if not group.digits.isascii():
                group.digits = group.digits.translate(_FULLWIDTH)
    return groups


def _groups(buf: str, start: int, end: int) -> list[_Group]:
    groups: list[_Group] = []
    prev_end = -1
    for run in _RUN_IN_GLUE.finditer(buf, start, end):
        if run.group(1) is None:  # a tag or an entity, read with the glue around it
            continue
        s, e = run.span()
        digits = run.group()
        if not digits.isascii():
            digits = digits.translate(_FULLWIDTH)
        if prev_end < 0:
            groups.append(_Group(s, e, digits, ""))
        else:
            kind, extra = _read_glue(buf[prev_end:s])
            if kind:
                groups.append(_Group(s, e, digits, kind))
            else:  # one number broken by tags, entities or invisible characters
                last = groups[-1]
                cells = _cells(last)
                cells.extend((prev_end + a, prev_end + b) for _, a, b in extra)
                cells.extend((i, i + 1) for i in range(s, e))
                last.digits += "".join(d for d, _, _ in extra) + digits
                last.cells = cells
                last.end = e
        prev_end = e
    return groups


# -- what a number is ------------------------------------------------------------------------

# Province codes (GB/T 2260), the second and third digits of a foreign permanent resident ID.
_PROVINCES = frozenset(
    {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36"}
    | {"37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62"}
    | {"63", "64", "65", "71", "81", "82"}
)


_MONTH_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _born(yyyymmdd: str, today: int) -> bool:
    """Whether ``yyyymmdd`` is a real date from 1900 to ``today`` (also written yyyymmdd)."""
    date = int(yyyymmdd)
    if not 19000101 <= date <= today:
        return False
    month, day = date // 100 % 100, date % 100
    if not (1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month]):
        return False
    year = date // 10000
    return month != 2 or day != 29 or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))


def _check_digit(number: str) -> str:
    """The GB 11643 check character of the first 17 digits of ``number``.

    The weights are 2**(17-i) mod 11, and 13 is 2 mod 11: reading the digits in base 13
    gives the weighted sum (halved) modulo 11 in one step.
    """
    return "10X98765432"[2 * int(number[:17], 13) % 11]


# Each digit doubled, digits of the result added (the Luhn step), as a digit.
_LUHN_DOUBLED = str.maketrans("0123456789", "0246813579")


def _luhn(number: str) -> bool:
    """The Luhn check of an ASCII digit string: every second digit from the right doubled.

    The digit sums are sums of bytes (each ASCII digit is its value plus 48).
    """
    backwards = number[::-1]
    kept = backwards[0::2].encode()
    doubled = backwards[1::2].translate(_LUHN_DOUBLED).encode()
    return (sum(kept) + sum(doubled) - 48 * len(number)) % 10 == 0


def _uscc(number: str) -> bool:
    from stdnum.cn import uscc  # only for the rare 18-digit number that is also something else

    return bool(uscc.is_valid(number))


def _bank(number: str) -> bool:
    return number[0] in "34569" and _luhn(number)


def _classify18(number: str, today: int) -> PersonalDataKind | None:
    first = number[0]
    resident = "1" <= first <= "8"  # a resident ID's first digit (9: a foreign resident's)
    born = (resident or first == "9") and _born(number[6:14], today)
    checked = born and _check_digit(number) == number[17]
    if checked and first == "9" and number[1:3] in _PROVINCES:
        if number.isdigit() and _uscc(number):
            return PersonalDataKind.SUSPECT_ID_CARD
        return PersonalDataKind.FOREIGN_RESIDENT_ID
    if checked and resident:
        return PersonalDataKind.ID_CARD
    if number.isdigit() and _bank(number) and not _uscc(number):
        return PersonalDataKind.BANK_CARD
    return PersonalDataKind.SUSPECT_ID_CARD if born and resident else None


_MOBILE_LAYOUTS = frozenset({(11,), (3, 4, 4), (4, 3, 4), (3, 8)})
_ID_SEPS = frozenset(" \n-")
# Module-level names for the kinds the hot paths compare by identity.
_ID = PersonalDataKind.ID_CARD
_FOREIGN = PersonalDataKind.FOREIGN_RESIDENT_ID
_MOBILE = PersonalDataKind.MOBILE
_BANK = PersonalDataKind.BANK_CARD


def _mobile(sizes: tuple[int, ...], digits: str, seps: list[str]) -> int:
    """How many leading digits are a +86 prefix if groups of these sizes (joined by
    ``seps``) are a mobile number, else -1."""
    prefix = 0
    if len(sizes) > 1 and digits[: sizes[0]] in ("86", "0086"):
        prefix, sizes, seps = sizes[0], sizes[1:], seps[1:]
    elif len(sizes) == 1 and len(digits) in (13, 15):
        prefix = len(digits) - 11
        if digits[:prefix] not in ("86", "0086"):
            return -1
        sizes = (11,)
    if sizes not in _MOBILE_LAYOUTS or digits[prefix] != "1" or digits[prefix + 1] < "3":
        return -1
    rest = seps[1:] if seps[:1] == ["("] else seps  # (138)1234-5678
    if rest and (rest[0] not in " -.(" or any(sep != rest[0] for sep in rest)):
        return -1
    return prefix


def _classify(
    digits: str, sizes: tuple[int, ...], seps: list[str], today: int
) -> tuple[PersonalDataKind | None, int]:
    """The kind of number that groups of these ``sizes`` (joined by ``seps``) are, if any,
    and how many leading digits are a +86 prefix.  ``digits`` ends in an X only for an ID."""
    n = len(digits)
    if n == 18 and (len(sizes) == 1 or all(sep in _ID_SEPS for sep in seps)):
        kind = _classify18(digits, today)
        if kind is _BANK and len(sizes) > 1:
            kind = None  # a card written in groups is in fours: the rule below decides
        if kind is not None or len(sizes) == 1:
            return kind, 0
    elif n == 15 and (
        sizes in ((15,), (6, 6, 3), (6, 9))
        and "1" <= digits[0] <= "8"
        and all(sep in _ID_SEPS for sep in seps)
        and _born("19" + digits[6:12], today)
    ):
        return PersonalDataKind.OLD_ID_CARD, 0
    if n in (11, 13, 15):
        prefix = _mobile(sizes, digits, seps)
        return (_MOBILE, prefix) if prefix >= 0 else (None, 0)
    if 16 <= n <= 19 and _bank(digits):
        if len(sizes) == 1:
            return (_BANK if n != 18 or not _uscc(digits) else None), 0
        if (
            len(sizes) >= 4
            and all(size == 4 for size in sizes[:-1])
            and sizes[-1] <= 4
            and seps[0] in " -"
            and all(sep == seps[0] for sep in seps)
        ):
            return _BANK, 0
    return None, 0


def _placed(buf: str, start: int, end: int, kind: PersonalDataKind, widen: bool) -> _Placed:
    """Where a number of ``kind`` found at ``buf[start:end]`` starts (``widen``: with the
    ``+`` or bracket of its +86 prefix) and the word that lowers its severity; ``None`` when
    it is written as an amount (which a valid ID never is)."""
    if kind is not _ID and kind is not _FOREIGN and _is_amount(buf, start, end):
        return None
    if kind is PersonalDataKind.OLD_ID_CARD:
        before = buf[max(0, start - _CONTEXT_SPAN) : start]
        return start, next((w for w in CONTEXT_WORDS if w in before), None)
    while widen and start > 0 and buf[start - 1] in "+＋(（":
        start -= 1
    return start, None


_Placed = tuple[int, str | None] | None


@attrs.frozen
class PersonalDataMatch:
    """One number found: its kind, span in the original text, the text and its masked form.

    ``text`` (the unmasked number) is left out of ``repr`` so that logs do not leak it;
    ``context`` is the word that lowered the severity of an ``old_id_card`` (``订单号`` …).
    """

    kind: PersonalDataKind
    start: int
    end: int
    text: str = attrs.field(repr=False)
    masked: str
    line: int
    column: int
    context: str | None = None

    @property
    def path(self) -> str:
        """The span as a finding path: ``$.text[start:end]``."""
        return f"$.text[{self.start}:{self.end}]"

    @property
    def severity(self) -> Severity:
        """Error, warning (suspects) or info (an old-format ID after a word such as 订单号)."""
        if self.context is not None:
            return Severity.INFO
        return _CODES[self.kind.code].severity

    def finding(self) -> Finding:
        """This match as a finding (no unmasked digits in it)."""
        code = _CODES[self.kind.code]
        after_zh = after_en = ""
        extra = {}
        if self.context is not None:
            after_zh = f"（前有“{self.context}”，可能是其他编号）"
            after_en = f" (after {self.context}: perhaps another number)"
            extra["context"] = self.context
        doubt = code.severity is Severity.WARNING
        return code.finding(
            self.path,
            message_zh=f"第{self.line}行第{self.column}列：{code.title_zh} {self.masked}{after_zh}"
            + ("，请核对" if doubt else "，不得公开"),
            message_en=f"line {self.line}, column {self.column}: {code.title_en} {self.masked}"
            + after_en
            + ("; check it" if doubt else ": must not be published"),
            hint=_HINT,
            severity=self.severity,
            kind=self.kind.code,
            start=self.start,
            end=self.end,
            line=self.line,
            column=self.column,
            masked=self.masked,
            **extra,
        )


_AMOUNT_UNITS = ("元", "万", "亿")


def _is_amount(buf: str, start: int, end: int) -> bool:
    """Whether the number at ``buf[start:end]`` is written as an amount of money."""
    before = buf[max(0, start - 2) : start]
    if before.endswith(("¥", "￥")) or (
        len(before) == 2 and before[1] == "." and before[0].isdigit()
    ):
        return True
    after = buf[end : end + 2]
    if after.startswith(_AMOUNT_UNITS) or (after[:1] == "." and after[1:].isdigit()):
        return True
    return after[:1] in (" ", "\u3000") and after[1:].startswith(_AMOUNT_UNITS)


class PersonalDataScanner:
    """Scan a text given in pieces; the matches are the same however the text is cut.

    :meth:`feed` takes the next piece and returns the matches that are now certain;
    :meth:`close` returns the rest.  With ``mask=True``, :meth:`take_masked` returns the
    masked text read so far (everything :func:`mask_text` would give, in pieces).  Memory
    holds the current piece and a few kilobytes, never the whole text.

    >>> scanner = PersonalDataScanner()
    >>> scanner.feed("张三 4101051990") + scanner.feed("03071272\\n")
    []
    >>> [m.masked for m in scanner.close()]
    ['4101**********1272']
    """

    def __init__(self, *, mask: bool = False, today: datetime.date | None = None) -> None:
        day = today or datetime.date.today()
        self._today = day.year * 10000 + day.month * 100 + day.day
        self._mask = mask
        self._buf = ""
        self._base = 0  # offset of _buf[0] in the whole text
        self._pos = 0  # where the next stretch is looked for (in _buf)
        self._out = 0  # how far the masked text has been given out (in _buf)
        self._masked: list[str] = []
        self._taken = 0  # end of the last match (in the whole text)
        self._line = 1
        self._counted = 0  # newlines counted up to here (in the whole text)
        self._line_start = 0
        self._closed = False

    def feed(self, text: str) -> list[PersonalDataMatch]:
        """Read the next piece of the text; return the matches that are now certain."""
        return self._read(_require_text(text), final=False)

    def close(self) -> list[PersonalDataMatch]:
        """The end of the text: the remaining matches."""
        if self._closed:
            return []
        found = self._read("", final=True)
        self._closed = True
        return found

    def take_masked(self) -> str:
        """The masked text read since the last call (only with ``mask=True``)."""
        if not self._mask:
            raise InputError("take_masked() needs PersonalDataScanner(mask=True)")
        out = "".join(self._masked)
        self._masked.clear()
        return out

    # -- the work ------------------------------------------------------------------------

    def _read(self, text: str, *, final: bool) -> list[PersonalDataMatch]:
        if self._closed:
            raise InputError("the scanner is closed (扫描已结束)")
        buf = self._buf + text if text else self._buf
        self._buf = buf
        limit = len(buf) if final else len(buf) - _MARGIN
        found: list[PersonalDataMatch] = []
        pos = self._pos
        quick, match_stretch = _QUICK.search, _STRETCH.match
        look = pos
        while True:
            # the first stretch from ``look`` (what _STRETCH.search finds): a quick look for
            # where one may start, then the stretch itself
            candidate = quick(buf, look)
            if candidate is None:
                pos = len(buf) if final else max(pos, limit)
                break
            stretch = match_stretch(buf, candidate.start())
            if stretch is None:
                look = candidate.end()
                continue
            s, e = stretch.span()
            if not final and e + 2 > limit:
                pos = s
                break
            pos, wait = self._stretch(buf, s, e, final, found)
            look = pos
            if wait:
                break
        self._pos = pos
        if self._mask:
            cut = len(buf) if final else max(self._out, pos)
            if cut > self._out:
                self._masked.append(buf[self._out : cut])
                self._out = cut
        if not final:
            keep = max(0, min(pos, self._out if self._mask else pos) - _BEFORE)
            if keep:
                self._count_lines(self._base + keep)
                self._buf = buf[keep:]
                self._base += keep
                self._pos -= keep
                if self._mask:
                    self._out -= keep
        return found

    def _count_lines(self, upto: int) -> None:
        if upto <= self._counted:
            return
        buf, base = self._buf, self._base
        a, b = self._counted - base, upto - base
        newlines = buf.count("\n", a, b)
        if newlines:
            self._line += newlines
            self._line_start = base + buf.rfind("\n", a, b) + 1
        self._counted = upto

    def _stretch(
        self, buf: str, s: int, e: int, final: bool, found: list[PersonalDataMatch]
    ) -> tuple[int, bool]:
        """Read the stretch ``buf[s:e]``; return where to look next and whether to wait for
        more text first."""
        capped = e - s >= _MAX_STRETCH_DIGITS and _CONTINUES.match(buf, e) is not None
        if capped or buf[e : e + 1] not in _AFTER_START:
            xpos, xsep = -1, ""
        else:
            xpos, xsep = _x_after(buf, e)
        if not capped and e - s <= 19 and buf[s:e].isdigit():  # the usual case: one number
            hit = self._single(buf, s, e, xpos)
            if hit is not None and self._base + hit[0] >= self._taken:
                found.append(self._match(buf, *hit))
            return e, False
        plain = _SPECIAL.search(buf, s, e) is None
        parts = _SPLIT(buf[s:e]) if plain else []
        if not capped:
            if len(parts) == 3 or (not plain and buf[s:e].isdigit()):
                return e, False  # one run too long to be a number
            if plain and not _may_hold_number([len(run) for run in parts[1::2]], xpos >= 0):
                return e, False
        groups = _plain_groups(buf, s, parts) if plain else _groups(buf, s, e)
        if xpos >= 0:  # the check character X ends the stretch
            last = groups[-1]
            if xsep:
                groups.append(_Group(xpos, xpos + 1, "X", xsep))
            else:
                cells = _cells(last)
                cells.append((xpos, xpos + 1))
                last.cells, last.digits, last.end = cells, last.digits + "X", xpos + 1
        usable, resume, wait = len(groups), e, False
        if capped:
            # Too long to read at once: read the start, and the rest from a group far enough
            # back that every number starting before it lies in what was read.
            if len(groups[-1].digits) > 19:  # cut inside a run too long to be a number
                usable = len(groups) - 1
                run_end = _RUN.match(buf, e)
                resume = e if run_end is None else run_end.end()
                if not final and resume + 2 > len(buf) - _MARGIN:
                    resume, wait = groups[-1].start, True
            else:
                usable = len(groups) - 6
                resume = groups[usable].start
        sizes = [len(g.digits) for g in groups]
        count = len(groups)
        base = self._base
        for i in range(usable):
            if base + groups[i].start < self._taken:  # inside the number found last
                continue
            ends = []
            n = 0
            for j in range(i, min(count, i + 6)):
                n += sizes[j]
                if n > 19:
                    if n == 20 and j == count - 1 and groups[j].digits[-1] == "X":
                        ends.append(j)  # 19 digits and an X that ends no ID
                    break
                if n in _LENGTHS:
                    ends.append(j)
            for j in reversed(ends):  # the longest window from this group first
                hit = self._window(buf, groups, i, j)
                if hit is not None:
                    if base + hit[0] >= self._taken:
                        found.append(self._match(buf, *hit))
                    break
        return resume, wait

    def _single(self, buf: str, s: int, e: int, xpos: int) -> _Hit | None:
        """The number a run of 11 to 19 digits alone is, if any (``xpos``: where an X
        follows it, or -1)."""
        digits = buf[s:e]
        if not digits.isascii():
            digits = digits.translate(_FULLWIDTH)
        n = e - s
        if n == 17 and xpos >= 0:
            kind = _classify18(digits + "X", self._today)
            if kind is None or _placed(buf, s, xpos + 1, kind, False) is None:
                return None
            return s, xpos + 1, kind, [(s + 4, e - 3, e - s - 7)], None
        kind, prefix = _classify(digits, (n,), [], self._today)
        placed = None if kind is None else _placed(buf, s, e, kind, prefix > 0)
        if placed is None or kind is None:
            return None
        first, last = (3, 4) if kind is _MOBILE else (4, 4)
        low, high = s + prefix + first, e - last
        return placed[0], e, kind, [(low, high, high - low)], placed[1]

    def _window(self, buf: str, groups: list[_Group], i: int, j: int) -> _Hit | None:
        window = groups[i : j + 1]
        digits = "".join(g.digits for g in window) if j > i else window[0].digits
        start, end = window[0].start, window[-1].end
        trim = digits[-1] == "X" and len(digits) != 18  # an X only ends an ID
        if trim:
            if window[-1].digits == "X":
                return None
            digits = digits[:-1]
        n = len(digits)
        if n in (12, 14):
            return None
        seps = [g.sep for g in window[1:]]
        kind, prefix = _classify(digits, tuple(len(g.digits) for g in window), seps, self._today)
        if digits[-1] == "X" and kind is None:
            return None
        widen = kind is _MOBILE and (prefix > 0 or seps[:1] == ["("])
        placed = None if kind is None else _placed(buf, start, end, kind, widen)
        if placed is None or kind is None:
            return None
        start, context = placed
        if trim:  # the X after the last digit is not part of this number
            end = _cells(window[-1])[-2][1]
        first, last = (3, 4) if kind is _MOBILE else (4, 4)
        low, high = prefix + first, n - last  # the digits hidden, counted in the window
        hidden: list[tuple[int, int, int]] = []
        offset = 0
        for group in window:
            a, b = max(low, offset), min(high, offset + len(group.digits))
            if a < b:
                if group.cells is None:  # one character a digit: hide them in one go
                    at = group.start - offset
                    hidden.append((at + a, at + b, b - a))
                else:
                    hidden.extend((x, y, 1) for x, y in group.cells[a - offset : b - offset])
            offset += len(group.digits)
        return start, end, kind, hidden, context

    def _match(
        self,
        buf: str,
        start: int,
        end: int,
        kind: PersonalDataKind,
        hidden: list[tuple[int, int, int]],
        context: str | None,
    ) -> PersonalDataMatch:
        base = self._base
        if base + start > self._counted:
            self._count_lines(base + start)
        masked, at = "", start
        for a, b, stars in hidden:
            masked += buf[at:a] + "*" * stars
            at = b
        masked += buf[at:end]
        if self._mask:
            if self._out < start:
                self._masked.append(buf[self._out : start])
                self._masked.append(masked)
            else:  # a +86 prefix already given out: it is never masked
                self._masked.append(masked[self._out - start :])
            self._out = end
        self._taken = base + end
        return PersonalDataMatch(
            kind=kind,
            start=base + start,
            end=base + end,
            text=buf[start:end],
            masked=masked,
            line=self._line,
            column=base + start - self._line_start + 1,
            context=context,
        )


@attrs.frozen
class PersonalDataScan:
    """What :func:`scan_text` found, in text order; ``subject`` names the text (a file)."""

    matches: tuple[PersonalDataMatch, ...]
    subject: str | None = None

    @property
    def found(self) -> bool:
        """Whether anything was found (warnings and infos included)."""
        return bool(self.matches)

    def of_kind(self, kind: PersonalDataKind | str) -> tuple[PersonalDataMatch, ...]:
        """The matches of one kind."""
        wanted = PersonalDataKind.parse(kind)
        return tuple(m for m in self.matches if m.kind is wanted)

    def report(self) -> Report:
        """One finding per match, in text order."""
        return Report(tuple(m.finding() for m in self.matches), self.subject)

    def __str__(self) -> str:
        """One line: how many numbers of each kind were found (masked numbers are listed by
        the command line, never the numbers themselves).

        >>> print(scan_text("电话 13812345678、13987654321", subject="名单.txt"))
        名单.txt: 2 处个人信息 personal numbers: 手机号码 mobile 2
        """
        name = self.subject or "<text>"
        if not self.matches:
            return f"{name}: 未发现个人信息 no personal numbers found"
        counts = collections.Counter(match.kind for match in self.matches)
        kinds = ", ".join(f"{kind.label} {kind.code} {n}" for kind, n in counts.items())
        return f"{name}: {len(self.matches)} 处个人信息 personal numbers: {kinds}"


def _require_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray)):
        raise InputError(
            "expected text (str), got bytes: decode it first or use scan_file() "
            "(应为文本而非字节串)"
        )
    raise InputError(f"expected text (str), got {type(text).__name__} (应为文本)")


def iter_matches(chunks: Iterable[str]) -> Iterator[PersonalDataMatch]:
    """The matches in a text given as pieces (any cut), in text order, as they are found.

    >>> [m.kind.code for m in iter_matches(["电话138", "1234", "5678。"])]
    ['mobile']
    """
    scanner = PersonalDataScanner()
    for chunk in chunks:
        yield from scanner.feed(chunk)
    yield from scanner.close()


def scan_text(text: str, *, subject: str | None = None) -> PersonalDataScan:
    """Find identity-card, mobile and bank card numbers in ``text`` (see the module docs).

    Runs in time linear in the length of the text.  Raises
    :class:`~govdisclose._errors.InputError` when ``text`` is not a ``str``.
    """
    return PersonalDataScan(tuple(iter_matches([_require_text(text)])), subject)


def mask_text(text: str) -> str:
    """``text`` with every number :func:`scan_text` finds masked, suspects included;
    everything else (names, amounts, separators, tags) is unchanged."""
    text = _require_text(text)
    scanner = PersonalDataScanner(mask=True)
    scanner.feed(text)
    scanner.close()
    return scanner.take_masked()


# -- files ------------------------------------------------------------------------------------

#: Bytes read at a time from a file: what the scan holds in memory (with the matches in it).
CHUNK_BYTES = 1 << 18


def read_text_chunks(raw: BinaryIO, *, source: str) -> tuple[str, Iterator[str]]:
    """The codec of a seekable binary file and its text in pieces (256 KiB read at a time).

    The file is read once to decide its encoding as :func:`govdisclose._files.decode_text`
    does for a whole file (:func:`~govdisclose._files.detect_encoding`) and to refuse binary
    and undecodable files (an :class:`~govdisclose._errors.InputError` naming ``source``),
    then again piece by piece.  A byte-order mark is not part of the text.
    """
    try:
        blocks = iter(functools.partial(raw.read, CHUNK_BYTES), b"")
        encoding = detect_encoding(blocks, whole=True, source=source)
        raw.seek(0)
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc.strerror or exc} (无法读取)") from None

    def pieces() -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        while block := raw.read(CHUNK_BYTES):
            text = decoder.decode(block)
            if text:
                yield text
        tail = decoder.decode(b"", final=True)
        if tail:
            yield tail

    return encoding, pieces()


def scan_file(path: str | Path) -> PersonalDataScan:
    """Scan a plain-text file (.txt, .md, .csv, .html read as text) of any size.

    The file is decoded as :func:`govdisclose._files.decode_text` would (UTF-8 with or
    without BOM, UTF-16 with BOM, or GB18030), read in pieces; offsets are in characters of
    the decoded text, without the byte-order mark.  The scan's subject is the path.
    """
    with open_binary(path) as raw:
        _, chunks = read_text_chunks(raw, source=os.fspath(path))
        matches = tuple(iter_matches(chunks))
    return PersonalDataScan(matches, str(path))
