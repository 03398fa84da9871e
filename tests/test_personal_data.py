"""Tests for govdisclose._privacy: the scan before publishing (先审查、后公开)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import uscc

import govdisclose
from govdisclose import unstructure
from govdisclose._errors import InputError
from govdisclose._privacy import (
    PersonalDataKind,
    PersonalDataMatch,
    PersonalDataScanner,
    iter_matches,
    mask_text,
    scan_file,
    scan_text,
)
from govdisclose.findings import CODES, Severity, all_codes

ID = PersonalDataKind.ID_CARD
SUSPECT = PersonalDataKind.SUSPECT_ID_CARD
MOBILE = PersonalDataKind.MOBILE
CARD = PersonalDataKind.BANK_CARD


# Independent oracles (not the library's code) for the synthetic numbers.
def iso7064_check(first17: str) -> str:
    """GB 11643 check character: ISO 7064 MOD 11-2."""
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(first17))
    return "0123456789X"[(12 - total % 11) % 11]


def make_id(area: str = "410105", birth: str = "19900307", seq: str = "127") -> str:
    body = area + birth + seq
    return body + iso7064_check(body)


def luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def make_card(prefix: str, length: int) -> str:
    body = prefix + "1234567890123456789"[: length - 1 - len(prefix)]
    return next(body + str(d) for d in range(10) if luhn_ok(body + str(d)))


def bad_check(number: str) -> str:
    wrong = next(c for c in "0123456789X" if c != number[-1])
    return number[:-1] + wrong


ID1 = make_id()
ID2 = make_id("110101", "19851231", "002")
ID_X = next(i for i in (make_id(seq=f"{n:03d}") for n in range(1000)) if i.endswith("X"))
CARD16 = make_card("622202", 16)
CARD19 = make_card("622848", 19)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(m.kind.code, m.text) for m in scan_text(text).matches]


def test_the_oracles_agree_with_known_numbers() -> None:
    assert make_id("360426", "19910101", "007") == "360426199101010071"  # stdnum's example
    assert luhn_ok("79927398713") and not luhn_ok("79927398710")


def test_finds_ids_after_chinese_text_with_right_positions_lines_and_columns() -> None:
    text = f"救助对象公示\n姓名：张三，身份证号：{ID1}，\n李四 {ID2}"
    scan = scan_text(text)
    assert [m.kind for m in scan.matches] == [ID, ID]
    first, second = scan.matches
    assert text[first.start : first.end] == ID1 == first.text
    assert (first.line, first.column) == (2, 12)
    assert text.splitlines()[1][first.column - 1 :].startswith(ID1)
    assert (second.line, second.column) == (3, 4)
    assert first.masked == ID1[:4] + "*" * 10 + ID1[-4:]


def test_id_with_check_character_x_upper_and_lower_case() -> None:
    assert kinds(f"号码{ID_X}。") == [("id_card", ID_X)]
    lower = ID_X[:-1] + "x"
    assert kinds(f"号码{lower}。") == [("id_card", lower)]
    assert mask_text(ID_X).endswith(ID_X[-4:])


def test_first_generation_15_digit_ids_are_suspects_checked_by_birth_date() -> None:
    old = "410105900307123"  # 1990-03-07
    assert kinds(f"旧证{old}号") == [("old_id_card", old)]
    match = scan_text(old).matches[0]
    assert match.masked == "4101*******7123"
    finding = match.finding()
    assert finding.code == "personal-data.suspect-old-id-card"
    assert finding.severity is Severity.WARNING
    assert kinds("旧证410105901332123号") == []  # month 13


def test_a_bad_check_digit_is_a_suspect_warning_not_an_id() -> None:
    wrong = bad_check(ID1)
    if luhn_ok(wrong):  # would be read as a bank card; pick another wrong digit
        wrong = next(
            ID1[:-1] + c for c in "0123456789" if c != ID1[-1] and not luhn_ok(ID1[:-1] + c)
        )
    scan = scan_text(f"张三{wrong}")
    assert [m.kind for m in scan.matches] == [SUSPECT]
    finding = scan.report().findings[0]
    assert finding.code == "personal-data.suspect-id-card"
    assert finding.severity is Severity.WARNING
    assert scan.report().ok  # a warning, not an error
    assert mask_text(f"张三{wrong}") == "张三" + wrong[:4] + "*" * 10 + wrong[-4:]


def test_eighteen_digits_that_do_not_look_like_an_id_are_ignored() -> None:
    number = "410105199013451234"  # month 13, day 45
    assert not luhn_ok(number)
    assert kinds(number) == []


def test_digits_inside_a_longer_run_are_not_matches() -> None:
    # 19 digits are a bank card only when they pass Luhn; pick digits that do not
    before = next(d for d in "123456789" if not luhn_ok(d + ID1))
    after = next(d for d in "0123456789" if not luhn_ok(ID1 + d))
    assert kinds(before + ID1) == []
    assert kinds(ID1 + after) == []
    assert kinds("913812345678") == []
    assert kinds("138123456789") == []
    assert kinds("9" + CARD19) == []


def test_an_id_that_passes_luhn_is_not_also_a_bank_card() -> None:
    both = next(
        i for i in (make_id(seq=f"{n:03d}") for n in range(1000)) if i.isdigit() and luhn_ok(i)
    )
    assert kinds(f"身份证{both}") == [("id_card", both)]


def test_a_unified_social_credit_code_is_not_a_bank_card() -> None:
    for n in range(100000):
        body = f"91410105{n:09d}"
        code = body + uscc.calc_check_digit(body)
        if code.isdigit() and luhn_ok(code):
            break
    assert kinds(f"统一社会信用代码：{code}") == []


@pytest.mark.parametrize(
    ("written", "masked"),
    [
        ("13812345678", "138****5678"),
        ("138-1234-5678", "138-****-5678"),
        ("138 1234 5678", "138 **** 5678"),
        ("+86 138 1234 5678", "+86 138 **** 5678"),
        ("+86-13812345678", "+86-138****5678"),
        ("8613812345678", "86138****5678"),
        ("0086 13912345678", "0086 139****5678"),
        ("(+86)19912345678", "(+86)199****5678"),
        ("１３８１２３４５６７８", "１３８****５６７８"),
    ],
)
def test_mobile_numbers_in_their_written_forms(written: str, masked: str) -> None:
    text = f"联系人王五，电话{written}。"
    scan = scan_text(text)
    assert [(m.kind, m.text, m.masked) for m in scan.matches] == [(MOBILE, written, masked)]
    assert mask_text(text) == f"联系人王五，电话{masked}。"


@pytest.mark.parametrize(
    "text",
    [
        "投诉电话：0371-12345678",
        "监督电话(0371)61234567，（0371）61234567",
        "12345政务服务便民热线",
        "服务热线400-123-4567 或 400 123 4567",
        "值班电话63912345、6391234",
        "豫应急办〔2020〕62号",
        "国务院令第711号",
        "应急厅函〔2019〕390号",
        "2020年5月30日 2020-05-30 20200530",
        "救助金额 12000.00元，合计13800000000元，¥13800000000",
        "补助 6222021234567894.00 元",  # a decimal amount, however long
        "12800000000 万元",
        "编号 1234 5678 9012 345",
        "电话 23812345678 与 12812345678",  # not 1[3-9]
    ],
)
def test_numbers_that_are_not_personal_data(text: str) -> None:
    assert kinds(text) == []
    assert mask_text(text) == text


def test_bank_cards_contiguous_and_grouped() -> None:
    grouped = " ".join(CARD16[i : i + 4] for i in range(0, 16, 4))
    dashed = "-".join(CARD19[i : i + 4] for i in range(0, 19, 4))
    text = f"卡号{CARD16}，{CARD19}；{grouped}；{dashed}"
    assert kinds(text) == [
        ("bank_card", CARD16),
        ("bank_card", CARD19),
        ("bank_card", grouped),
        ("bank_card", dashed),
    ]
    masked = [m.masked for m in scan_text(text).matches]
    assert masked[0] == CARD16[:4] + "*" * 8 + CARD16[-4:]
    assert masked[1] == CARD19[:4] + "*" * 11 + CARD19[-4:]
    assert masked[2] == f"{CARD16[:4]} **** **** {CARD16[-4:]}"
    assert masked[3] == f"{CARD19[:4]}-****-****-***{CARD19[-4]}-{CARD19[-3:]}"


def test_numbers_failing_luhn_are_not_cards() -> None:
    wrong = CARD16[:-1] + str((int(CARD16[-1]) + 1) % 10)
    assert kinds(wrong) == []


def test_a_grouped_card_followed_by_an_amount_column_is_found() -> None:
    grouped = " ".join(CARD16[i : i + 4] for i in range(0, 16, 4))
    assert kinds(f"李四 {grouped} 2000") == [("bank_card", grouped)]


def test_masking_keeps_names_and_everything_else() -> None:
    text = (
        "居民住房恢复重建救助公示\n"
        "序号,姓名,身份证号码,联系电话,开户行账号,救助金额（元）\n"
        f"1,张三,{ID1},138-1234-5678,{CARD16},12000.00\n"
        f"2,李四,{ID2},13912345678,{CARD19},8000.00\n"
        "投诉电话：0371-12345678\n"
    )
    masked = mask_text(text)
    assert len(masked) == len(text)
    for kept in ("张三", "李四", "12000.00", "8000.00", "0371-12345678", "序号,姓名"):
        assert kept in masked
    for secret in (ID1, ID2, "138-1234-5678", "13912345678", CARD16, CARD19):
        assert secret not in masked
    assert scan_text(masked).matches == ()
    assert len(scan_text(text).matches) == 6


def test_findings_never_carry_the_unmasked_number() -> None:
    text = f"张三{ID1}，电话13812345678，卡号{CARD16}"
    scan = scan_text(text, subject="名单.txt")
    report = scan.report()
    assert [f.code for f in report] == [
        "personal-data.id-card",
        "personal-data.mobile",
        "personal-data.bank-card",
    ]
    assert report.subject == "名单.txt" and not report.ok
    finding = report.findings[0]
    assert finding.path == "$.text[2:20]"
    assert dict(finding.data) == {
        "kind": "id_card",
        "start": 2,
        "end": 20,
        "line": 1,
        "column": 3,
        "masked": ID1[:4] + "*" * 10 + ID1[-4:],
    }
    assert "去标识化" in finding.hint and "de-identify" in finding.hint
    dumped = str(unstructure(report)) + report.to_text() + repr(scan)
    for secret in (ID1, "13812345678", CARD16):
        assert secret not in dumped


def test_codes_are_registered() -> None:
    for code in ("id-card", "mobile", "bank-card", "suspect-id-card"):
        assert f"personal-data.{code}" in CODES
    assert CODES["personal-data.id-card"].severity is Severity.ERROR
    assert "personal-data.mobile" in {c.code for c in all_codes()}


def test_scan_helpers() -> None:
    scan = scan_text(f"{ID1} 13812345678")
    assert scan.found
    assert [m.text for m in scan.of_kind("手机号码")] == ["13812345678"]
    assert not scan_text("没有号码").found
    assert PersonalDataKind.parse("身份证") is ID


@pytest.mark.parametrize("bad", [None, b"13812345678", 13812345678, ["13812345678"]])
def test_non_text_input_is_refused(bad: object) -> None:
    with pytest.raises(InputError):
        scan_text(bad)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        mask_text(bad)  # type: ignore[arg-type]


def test_mask_single_values() -> None:
    assert mask_text("13812345678") == "138****5678"
    assert mask_text("+86 138 1234 5678") == "+86 138 **** 5678"
    assert mask_text(ID1) == ID1[:4] + "*" * 10 + ID1[-4:]
    grouped = "-".join(CARD16[i : i + 4] for i in range(0, 16, 4))
    assert mask_text(grouped) == f"{CARD16[:4]}-****-****-{CARD16[-4:]}"
    assert mask_text("12345") == "12345"


@pytest.mark.parametrize(
    "unit", ["0123456789", "1 2-3 4", "1234 ", "6222-", "138 1234 ", "8613812345", "12 "]
)
def test_megabytes_of_digits_and_separators_scan_in_linear_time(unit: str) -> None:
    big = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    scan_text(big)  # no catastrophic backtracking: this returns in well under a second


_PERSONAL = [ID1, ID2, ID_X, "13812345678", "138 1234 5678", CARD16, CARD19]
_OTHER = ["张三", "，", "\n", " ", "0371-12345678", "12000.00元", "豫应急办〔2020〕62号", "12345"]
_pieces = st.sampled_from([*_PERSONAL, *_OTHER, "2020-05-30"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_pieces, st.sampled_from(["，", "\n", "、"])), max_size=12))
def test_masking_keeps_length_and_non_digits_and_leaves_nothing_to_find(
    pieces: list[tuple[str, str]],
) -> None:
    text = "".join(piece + separator for piece, separator in pieces)
    masked = mask_text(text)
    assert len(masked) == len(text)
    assert all(a == b or b == "*" for a, b in zip(text, masked, strict=True))
    assert scan_text(masked).matches == ()
    for secret in _PERSONAL:
        assert secret not in masked


def test_numbers_on_neighbouring_lines_are_not_a_bank_card() -> None:
    # The end of a date, a landline and the first group of a card, one per line: 18 digits
    # passing the Luhn check, but not a card written in fours (found by the property above).
    text = "2020-05-30\n0371-12345678\n6222021234567894，"
    assert [m.kind for m in scan_text(text).matches] == [PersonalDataKind.BANK_CARD]
    assert scan_text(text).matches[0].start == text.index("6222")
    assert scan_text(mask_text(text)).matches == ()
    assert [m.kind for m in scan_text("6222 0212 3456 7894 12").matches] == [
        PersonalDataKind.BANK_CARD
    ]


# --- files -----------------------------------------------------------------------------

LIST = f"救灾资金发放公示\n张三 {ID1} 13812345678\n"


def test_scan_file_utf8(tmp_path: Path) -> None:
    path = tmp_path / "名单.txt"
    path.write_bytes(LIST.encode("utf-8"))
    scan = scan_file(path)
    assert scan.subject == str(path)
    assert [(m.kind, m.line, m.column) for m in scan.matches] == [(ID, 2, 4), (MOBILE, 2, 23)]


def test_scan_file_with_bom_counts_positions_without_it(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(codecs.BOM_UTF8 + LIST.encode("utf-8"))
    plain = scan_text(LIST).matches
    assert scan_file(path).matches == plain


def test_scan_file_gb18030(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(LIST.encode("gb18030"))
    assert [m.text for m in scan_file(path).matches] == [ID1, "13812345678"]


def test_scan_file_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "excel-unicode.txt"
    path.write_bytes(LIST.encode("utf-16"))
    assert len(scan_file(path).matches) == 2


def test_scan_file_refuses_binary_undecodable_missing(tmp_path: Path) -> None:
    binary = tmp_path / "名单.xlsx"
    binary.write_bytes(b"PK\x03\x04\x00\x00\x08\x00")
    with pytest.raises(InputError, match="binary"):
        scan_file(binary)
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(b"abc\x80\x80")
    with pytest.raises(InputError, match=r"garbage\.txt"):
        scan_file(garbage)
    with pytest.raises(InputError, match="no such file"):
        scan_file(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        scan_file(tmp_path)
    with pytest.raises(InputError):
        scan_file(None)  # type: ignore[arg-type]


# --- numbers as a reader sees them --------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        f"{ID1[:6]} {ID1[6:14]} {ID1[14:]}",  # 410105 19900307 1272
        f"{ID1[:6]}-{ID1[6:14]}-{ID1[14:]}",
        f"{ID1[:6]}\n{ID1[6:14]}\n{ID1[14:]}",
        f"{ID1[:6]}\r\n{ID1[6:14]}\r\n{ID1[14:]}",
        f"{ID1[:14]}\n{ID1[14:]}",  # a table cell wrapped in two
        " ".join(ID1[i : i + 4] for i in range(0, 18, 4)),  # 4101 0519 9003 0712 72
        f"{ID1[:3]} {ID1[3:6]} {ID1[6:10]} {ID1[10:14]} {ID1[14:]}",
    ],
)
def test_ids_written_in_groups_are_found_and_masked_in_place(written: str) -> None:
    text = f"张三，身份证：{written}，金额2000.00"
    scan = scan_text(text)
    assert [m.kind for m in scan.matches] == [ID]
    match = scan.matches[0]
    assert text[match.start : match.end] == written == match.text
    assert match.column == text.index(written) + 1
    masked = mask_text(text)
    assert len(masked) == len(text)
    shown = "".join(ch for ch in match.masked if ch.isdigit())
    assert shown == ID1[:4] + ID1[-4:]
    assert ID1[6:14] not in masked and "19900307" not in masked


@pytest.mark.parametrize(
    ("written", "masked"),
    [
        (f"{ID1[:9]}<span>{ID1[9:13]}</span>{ID1[13:]}", "4101*****<span>****</span>*1272"),
        (f"{ID1[:4]}</b>{ID1[4:]}", "4101</b>**********1272"),
        (f"{ID1[:5]}&nbsp;{ID1[5:]}", "4101*&nbsp;*********1272"),
        (f"{ID1[:6]}&#160;{ID1[6:14]}&#xa0;{ID1[14:]}", "4101**&#160;********&#xa0;1272"),
        (f"{ID1[:5]}\u200b{ID1[5:]}", "4101*\u200b*********1272"),
        (f"{ID1[:5]}&#8203;{ID1[5:]}", "4101*&#8203;*********1272"),
        (f"{ID1[:5]}\u00ad{ID1[5:]}", "4101*\u00ad*********1272"),
        (f"{ID1[:5]}&shy;{ID1[5:]}", "4101*&shy;*********1272"),
        (f"{ID1[:5]}&#{ord(ID1[5])};{ID1[6:]}", "4101**********1272"),  # a digit as entity
        (f"{ID1[:6]}<br>{ID1[6:14]}<br/>{ID1[14:]}", "4101**<br>********<br/>1272"),
        (f"{ID1[:9]}<!-- -->{ID1[9:]}", "4101*****<!-- -->*****1272"),
    ],
)
def test_ids_broken_by_html_entities_and_invisible_characters(written: str, masked: str) -> None:
    text = f"<tr><td>张三</td><td>{written}</td></tr>"
    scan = scan_text(text)
    assert [m.kind for m in scan.matches] == [ID]
    match = scan.matches[0]
    start = text.index(written)
    assert (match.start, match.end) == (start, start + len(written))
    assert match.text == written and match.masked == masked
    assert mask_text(text) == text.replace(written, masked)


def test_positions_are_those_of_the_original_text_on_later_lines() -> None:
    text = f"<p>公示</p>\n<p>序号1&nbsp;李四&nbsp;{ID2[:6]}&nbsp;{ID2[6:14]}&nbsp;{ID2[14:]}</p>"
    (match,) = scan_text(text).matches
    assert match.line == 2
    assert text.splitlines()[1][match.column - 1 :].startswith(ID2[:6] + "&nbsp;")


def test_cells_of_a_table_are_not_one_number() -> None:
    # Two numbers in different cells: a block tag is a line break, and 11 + 7 digits are
    # neither one ID nor a mobile with something after it.
    text = "<td>13812345678</td><td>1234567</td>"
    assert kinds(text) == [("mobile", "13812345678")]


def make_foreign_id(province: str = "11", nation: str = "156", birth: str = "19850704") -> str:
    body = "9" + province + nation + birth + "012"  # 1+2+3+8+3 digits, then the check digit
    return body + iso7064_check(body)


def test_the_2023_foreign_permanent_resident_id_card() -> None:
    number = make_foreign_id("31", "840", "19850704")
    assert len(number) == 18 and number[0] == "9"
    scan = scan_text(f"外籍人员 永居证号码：{number}。")
    assert [(m.kind, m.text) for m in scan.matches] == [
        (PersonalDataKind.FOREIGN_RESIDENT_ID, number)
    ]
    finding = scan.report().findings[0]
    assert finding.code == "personal-data.foreign-resident-id"
    assert finding.severity is Severity.ERROR
    assert scan.matches[0].masked == number[:4] + "*" * 10 + number[-4:]
    # a wrong check digit, or no province code after the 9: not a foreign resident ID
    assert all(k != "foreign_resident_id" for k, _ in kinds(f"号码{bad_check(number)}"))
    assert all(k != "foreign_resident_id" for k, _ in kinds(f"号码{make_foreign_id('99')}"))


@pytest.mark.parametrize(
    ("written", "masked"),
    [
        ("138.1234.5678", "138.****.5678"),
        ("(138)12345678", "(138)****5678"),
        ("（138）12345678", "（138）****5678"),
        ("(138)1234-5678", "(138)****-5678"),
        ("1381 234 5678", "138* *** 5678"),
        ("138—1234—5678", "138—****—5678"),
        ("138——1234——5678", "138——****——5678"),
        ("138–1234–5678", "138–****–5678"),
        ("138 1234 5678", "138 **** 5678"),
    ],
)
def test_mobiles_written_with_dots_brackets_and_dashes(written: str, masked: str) -> None:
    text = f"联系电话：{written}；"
    scan = scan_text(text)
    assert [(m.kind, m.text, m.masked) for m in scan.matches] == [(MOBILE, written, masked)]
    assert mask_text(text) == f"联系电话：{masked}；"


@pytest.mark.parametrize("written", ["{}元", "{}万", "¥{}", "￥{}", "{} 元", "{}.00元"])
def test_a_valid_id_next_to_money_signs_is_still_reported(written: str) -> None:
    text = "补助" + written.format(ID1)
    assert kinds(text) == [("id_card", ID1)]
    assert ID1 not in mask_text(text)


def test_a_suspect_id_next_to_money_signs_is_an_amount() -> None:
    wrong = next(ID1[:-1] + c for c in "0123456789" if c != ID1[-1] and not luhn_ok(ID1[:-1] + c))
    assert kinds(f"合计{wrong}元") == []


# --- 15-digit numbers --------------------------------------------------------------------


def test_a_15_digit_number_is_a_suspect_warning_not_an_id_error() -> None:
    scan = scan_text("身份证号 110101900101123")
    (finding,) = scan.report().findings
    assert finding.code == "personal-data.suspect-old-id-card"
    assert finding.severity is Severity.WARNING
    assert scan.report().ok  # no error
    assert "context" not in finding.data


@pytest.mark.parametrize("word", ["订单号", "编号", "流水号", "文号", "单号", "发票号码", "批次号"])
def test_context_words_lower_a_15_digit_number_to_info(word: str) -> None:
    scan = scan_text(f"{word}：110101900101123")
    (finding,) = scan.report().findings
    assert finding.code == "personal-data.suspect-old-id-card"
    assert finding.severity is Severity.INFO
    assert finding.data["context"] in word
    assert "110101900101123" not in str(unstructure(finding))


def test_the_old_id_code_is_registered_next_to_the_existing_ones() -> None:
    for code in ("suspect-old-id-card", "foreign-resident-id"):
        assert f"personal-data.{code}" in CODES
    assert CODES["personal-data.suspect-old-id-card"].severity is Severity.WARNING


def test_amount_tables_in_groups_of_four_are_not_bank_cards() -> None:
    # 16 digits in groups of four that pass Luhn, but start with 1: an amount row
    row = next(
        r for r in (f"1200 1500 1800 {n:04d}" for n in range(10000)) if luhn_ok(r.replace(" ", ""))
    )
    assert kinds(f"补助标准 {row}") == []


# --- pieces ------------------------------------------------------------------------------


def scan_in_pieces(text: str, cuts: list[int]) -> tuple[list[PersonalDataMatch], str]:
    scanner = PersonalDataScanner(mask=True)
    found: list[PersonalDataMatch] = []
    masked: list[str] = []
    previous = 0
    for cut in sorted(cuts):
        found.extend(scanner.feed(text[previous:cut]))
        masked.append(scanner.take_masked())
        previous = cut
    found.extend(scanner.feed(text[previous:]))
    found.extend(scanner.close())
    masked.append(scanner.take_masked())
    return found, "".join(masked)


def test_pieces_give_the_same_matches_as_the_whole_text() -> None:
    line = f"1,张三,{ID1[:6]} {ID1[6:14]} {ID1[14:]},138-1234-5678,{CARD16},2000.00\n"
    text = "公示\n" + line * 3000 + "订单号 110101900101123\n" + "1234 " * 5000 + ID2 + "\n"
    whole = scan_text(text).matches
    assert len(whole) == 3 * 3000 + 1 + 1 + (len(whole) - 9002)
    for size in (1, 7, 4096, 10_000, 1 << 20):
        cuts = list(range(size, len(text), size)) if size > 1 else list(range(1, 2000))
        found, masked = scan_in_pieces(text, cuts)
        assert tuple(found) == whole, size
        assert masked == mask_text(text)
    assert whole[-1].text == ID2


def test_a_long_stretch_of_grouped_digits_is_read_in_overlapping_parts() -> None:
    # far more digits than one stretch holds, with numbers inside it
    text = ("1234 " * 300 + f"{ID1} ") * 20 + "13812345678"
    found = scan_text(text).matches
    assert [m.text for m in found if m.kind is ID] == [ID1] * 20
    assert found[-1].kind is MOBILE
    assert tuple(iter_matches(text[i : i + 1000] for i in range(0, len(text), 1000))) == found


def test_a_run_of_digits_longer_than_any_number_is_skipped_whole() -> None:
    text = "9" * 100_000 + " " + ID1 + " " + "8" * 3000
    assert kinds(text) == [("id_card", ID1)]
    assert list(iter_matches([text[:50_001], text[50_001:]])) == list(scan_text(text).matches)


def test_scanner_misuse() -> None:
    scanner = PersonalDataScanner()
    with pytest.raises(InputError, match="mask=True"):
        scanner.take_masked()
    with pytest.raises(InputError):
        scanner.feed(b"13812345678")  # type: ignore[arg-type]
    scanner.close()
    assert scanner.close() == []
    with pytest.raises(InputError, match="closed"):
        scanner.feed("more")


# --- properties --------------------------------------------------------------------------

_GLUE_FORMS = st.sampled_from(
    ["", " ", "-", "\n", "<span>", "</span>", "&nbsp;", "\u200b", "\u00ad", "&#8203;", "<br>"]
)
_IDS = [ID1, ID2, ID_X]


@st.composite
def decorated_ids(draw: st.DrawFn) -> tuple[str, str]:
    """An ID with decorations between some of its digits, and the ID."""
    number = draw(st.sampled_from(_IDS))
    cuts = draw(st.lists(st.integers(1, 17), max_size=4, unique=True))
    pieces, previous = [], 0
    for cut in sorted(cuts):
        pieces.append(number[previous:cut])
        pieces.append(draw(_GLUE_FORMS))
        previous = cut
    pieces.append(number[previous:])
    return "".join(pieces), number


_FILLER = st.sampled_from(
    ["张三", "，", "\n", " ", "金额2000.00元", "0371-12345678", "<td>", "</td>"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_FILLER, decorated_ids()), max_size=10))
def test_positions_map_back_and_masking_leaves_no_id_readable(
    parts: list[str | tuple[str, str]],
) -> None:
    text = "，".join(p if isinstance(p, str) else p[0] for p in parts)
    ids = [p for p in parts if not isinstance(p, str)]
    scan = scan_text(text)
    lines = text.split("\n")
    for match in scan.matches:
        assert text[match.start : match.end] == match.text
        assert lines[match.line - 1][match.column - 1 :].startswith(match.text.split("\n")[0])
    masked = mask_text(text)
    reread = _as_a_reader_sees_it(masked)
    for written, number in ids:
        # every decorated ID in the text is found where it was written
        assert any(m.text.endswith(written) or m.text == written for m in scan.matches)
        # and after masking, no group of its middle digits can be read
        assert number not in reread
        assert number[6:14] not in reread
        assert number[4:14] not in reread


def _as_a_reader_sees_it(text: str) -> str:
    import html
    import re

    text = re.sub(r"<[^<>]*>", "", text)
    text = html.unescape(text)
    return re.sub(r"[\s\u200b\u00ad-]", "", text)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.one_of(_FILLER, decorated_ids(), st.sampled_from(_PERSONAL)), max_size=12),
    st.lists(st.integers(0, 400), max_size=6),
)
def test_scanning_in_pieces_equals_scanning_whole(
    parts: list[str | tuple[str, str]], cuts: list[int]
) -> None:
    text = "".join(p if isinstance(p, str) else p[0] for p in parts)
    found, masked = scan_in_pieces(text, [c for c in cuts if c < len(text)])
    assert tuple(found) == scan_text(text).matches
    assert masked == mask_text(text)


def test_scan_file_decides_the_encoding_over_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import govdisclose._privacy as privacy

    monkeypatch.setattr(privacy, "CHUNK_BYTES", 4096)
    text = "a" * 20_000 + f"\n救助对象 张三 {ID1} 手机13812345678\n" * 50
    path = tmp_path / "gbk.txt"
    path.write_bytes(text.encode("gb18030"))  # the first pieces are plain ASCII
    scan = scan_file(path)
    assert scan.matches == scan_text(text).matches
    assert len(scan.matches) == 100


def test_scan_file_refuses_nul_bytes_late_in_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import govdisclose._privacy as privacy

    monkeypatch.setattr(privacy, "CHUNK_BYTES", 4096)
    path = tmp_path / "late.txt"
    path.write_bytes(b"a" * 10_000 + b"\x00\x01")
    with pytest.raises(InputError, match="binary"):
        scan_file(path)


# --- real-world text ---------------------------------------------------------------------

DATA = Path(__file__).parent / "data" / "privacy"


#: Published pages with no personal number left in them (see each file's header).
CLEAN_PAGES = [
    "wulong-2021-housing-relief-funds.txt",
    "zongyang-2023-transition-relief.txt",
    "wuhu-2024-q3-relief.txt",
    "ruicheng-2025-yongle-relief-funds.txt",
    "xuanzhou-2019-xintian-winter-relief.txt",
    "xuanzhou-2021-yangliu-winter-relief.txt",
    "changzhou-2008-liyang-housing-rebuild.txt",
    "shanghai-redcross-2021-relief-stock.txt",
    "guanxian-2017-accident-plan.txt",
    "huaiyuan-2022-flood-plan.txt",
    "dachuan-2016-shiqiao-geohazard.txt",
    "rongchang-2020-penalty-publicity-rules.txt",
    "qufu-2019-lingcheng-relief-plan.txt",
    "lucheng-2020-shanfu-emergency-plan.txt",
    # penalty decisions that mask the ID, phone and credit code themselves
    "yuanling-2025-penalty-decision.txt",
    "longquan-2023-penalty-decision.txt",
    "liling-2023-penalty-decision.txt",
]


@pytest.mark.parametrize("name", CLEAN_PAGES)
def test_published_pages_hold_no_false_alarms(name: str) -> None:
    # index numbers (11500232MB1510037U/2021-00243, 113715250043286799/2017-26749960,
    # 1114102301289005557/2025-00127), document numbers (芮应急字〔2024〕44号, 宣区减救【2019】1号),
    # dates and a date run (20191122), landlines ((0818)3790101, 0552-8218106), postal codes,
    # a standard's number (GB11652-2012), amounts, tables of counts one cell a line, and the
    # pages' own masked numbers (433122****6036, 3325244************, 91430281691828xxxx)
    scan = govdisclose.scan_file(DATA / name)
    assert scan.matches == ()
    text = (DATA / name).read_text(encoding="utf-8")
    assert govdisclose.mask_text(text) == text


# A synthetic ID (check digit per GB 11643) for the published decisions below, as they would
# read had the bureau not masked them: the scan must then find exactly that number.
SYNTHETIC_ID = "433122198807156034"


@pytest.mark.parametrize(
    ("name", "masked_on_the_page", "line"),
    [
        ("yuanling-2025-penalty-decision.txt", "433122****6036", 10),
        ("longquan-2023-penalty-decision.txt", "3325244************", 7),
    ],
)
def test_a_penalty_decision_published_without_its_mask_is_caught(
    name: str, masked_on_the_page: str, line: int
) -> None:
    lines = (DATA / name).read_text(encoding="utf-8").split("\n")
    assert masked_on_the_page in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(masked_on_the_page, SYNTHETIC_ID)
    unmasked = "\n".join(lines)
    scan = govdisclose.scan_text(unmasked)
    assert [(m.kind.code, m.line, m.text) for m in scan.matches] == [
        ("id_card", line, SYNTHETIC_ID)
    ]
    assert [f.code for f in scan.report().findings] == ["personal-data.id-card"]
    assert govdisclose.mask_text(unmasked) == unmasked.replace(SYNTHETIC_ID, "4331**********6034")


def test_a_published_page_with_two_mobile_numbers() -> None:
    # the lawyer's page: a mobile alone on a line, and one followed by the office landline
    path = DATA / "caolawyer-2021-fire-case-rules.txt"
    scan = govdisclose.scan_file(path)
    assert [(m.line, m.column, m.kind.code, m.masked) for m in scan.matches] == [
        (14, 1, "mobile", "155****8460"),
        (17, 6, "mobile", "130****4810"),
    ]
    assert [f.severity.code for f in scan.report().findings] == ["error", "error"]
    masked = govdisclose.mask_text(path.read_text(encoding="utf-8"))
    assert "联系电话:130****4810 024-31502119" in masked  # the landline stays
    assert "传真号码:024-31502119" in masked and "作者:1635350400" in masked
    assert govdisclose.scan_text(masked).matches == ()


def test_a_relief_list_in_the_published_layout() -> None:
    scan = scan_file(DATA / "relief-list-layout.txt")
    found = [(m.line, m.column, m.kind.code, m.masked) for m in scan.matches]
    assert found == [
        (10, 15, "id_card", "3408**********0415"),
        (10, 36, "bank_card", "6229***********4560"),
        (10, 58, "mobile", "139****1234"),
        (11, 15, "id_card", "3408** ******** 2022"),
        (11, 38, "bank_card", "6217 **** **** ***3 211"),
        (11, 64, "mobile", "139-****-4321"),
        (12, 15, "id_card", "3408**********\n5538"),  # a cell wrapped over two lines
        (13, 8, "bank_card", "6229***********4560"),
        (14, 15, "old_id_card", "3408*******1002"),
        (14, 35, "mobile", "139 **** 8765"),
    ]
    text = (DATA / "relief-list-layout.txt").read_text(encoding="utf-8")
    masked = mask_text(text)
    assert "0556-1234567" in masked and "0556-5123456" in masked  # landlines stay
    assert "2024年8月1日" in masked and "| 2700 |" in masked
    assert scan_text(masked).matches == ()


def test_a_relief_list_in_html() -> None:
    path = DATA / "relief-list-layout.html"
    scan = scan_file(path)
    assert [(m.line, m.kind.code) for m in scan.matches] == [
        (8, "id_card"),
        (8, "mobile"),
        (9, "id_card"),
        (9, "mobile"),
        (10, "id_card"),
        (10, "mobile"),
    ]
    text = path.read_text(encoding="utf-8")
    masked = mask_text(text)
    assert [m.masked for m in scan.matches] == [
        '3408**<span lang="EN-US">********0415',
        "139&nbsp;****&nbsp;1234",
        "3408**&nbsp;********&nbsp;2022",
        "（139）****4321",
        "3408**********<br>5538",
        "139&#8203;****&#8203;8765",
    ]
    assert masked.count("<td>") == text.count("<td>")  # the markup is kept
    assert "0556-5123456" in masked
    assert scan_text(masked).matches == ()


@pytest.mark.parametrize(
    ("birth", "valid"),
    [
        ("19960229", True),
        ("20000229", True),  # divisible by 400
        ("19000229", False),  # 1900 was not a leap year
        ("19970229", False),
        ("19960431", False),
        ("18991231", False),  # before 1900
        ("19960100", False),
    ],
)
def test_birth_dates_are_real_dates(birth: str, valid: bool) -> None:
    number = make_id("410105", birth, "127")
    assert (kinds(f"身份证{number}") == [("id_card", number)]) is valid


def test_a_birth_date_after_today_is_not_an_id() -> None:
    import datetime

    number = make_id("410105", "20300101", "127")
    assert kinds(number) == [] or kinds(number)[0][0] != "id_card"
    later = PersonalDataScanner(today=datetime.date(2031, 1, 1))
    assert [m.kind for m in later.feed(number) + later.close()] == [ID]


def test_special_work_certificate_numbers_are_the_holders_id() -> None:
    # 特种作业操作证: the certificate number is T and the holder's ID number, so a published
    # list of certificates holds IDs (synthetic here; check digits per GB 11643)
    text = (
        "序号 | 姓名 | 证号 | 作业类别 | 初领日期\n"
        "1 | 张某某 | T340823195603120415 | 低压电工作业 | 2024-05-01\n"
        "2 | 李某某 | T41010519900307107X | 焊接与热切割作业 | 2023-11-20\n"
    )
    scan = govdisclose.scan_text(text)
    assert [(m.kind.code, m.line, m.masked) for m in scan.matches] == [
        ("id_card", 2, "3408**********0415"),
        ("id_card", 3, "4101**********107X"),
    ]
    masked = govdisclose.mask_text(text)
    assert "| T3408**********0415 |" in masked and "| T4101**********107X |" in masked
    assert "2024-05-01" in masked and "2023-11-20" in masked


def test_every_page_names_its_source() -> None:
    # real pages start with their address; the invented list says so in its first line
    for path in sorted(DATA.glob("*.txt")):
        first = path.read_text(encoding="utf-8").partition("\n")[0]
        assert first.startswith(("# Source: http", "# Layout:")), path.name
    used = set(CLEAN_PAGES) | {"caolawyer-2021-fire-case-rules.txt", "relief-list-layout.txt"}
    assert {path.name for path in DATA.glob("*.txt")} == used
