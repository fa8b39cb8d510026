"""Chinese numerals (三, 五十萬, 一萬五千, 二〇一二) as integers, on folded (Simplified) text."""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10**4, "亿": 10**8}
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)


def parse_chinese_numeral(word: str) -> int | None:
    """The value of a Chinese numeral in folded form, or None when it is not a well-formed number."""
    if not word or any(char not in NUMERAL_CHARS for char in word):
        return None
    if all(char in DIGITS for char in word) and (len(word) >= 3 or "〇" in word or "零" in word):
        # Digit-by-digit form: 二〇一二 = 2012.
        return int("".join(str(DIGITS[char]) for char in word))
    total = section = 0
    number: int | None = None
    previous_unit = 10**9
    for char in word:
        if char in DIGITS:
            if number not in (None, 0) and DIGITS[char] != 0:
                return None  # two digits in a row (一一) is not a number
            number = DIGITS[char]
        elif char in SMALL_UNITS:
            unit = SMALL_UNITS[char]
            if unit >= previous_unit:
                return None
            section += (1 if number is None else number) * unit
            previous_unit, number = unit, None
        else:
            big = BIG_UNITS[char]
            value = section + (number or 0)
            if value == 0:
                return None
            total = (total + value) * big if big > 10**4 else total + value * big
            section, number, previous_unit = 0, None, 10**9
    return total + section + (number or 0)


def split_multiplier(word: str) -> tuple[str, str]:
    """Split a trailing 万/亿 off a Chinese numeral: 五十万 → (五十, 万); 一万五千 stays whole."""
    head = word[:-1]
    if head and word[-1] in BIG_UNITS and not any(c in BIG_UNITS for c in head) and parse_chinese_numeral(head) is not None:
        return word[:-1], word[-1]
    return word, ""
