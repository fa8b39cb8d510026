"""Stage 4, quantities: every number in a clause, read as a quantity or skipped with a reason.

Numbers are Arabic (1100, 17.08, 1,000) or Chinese (五十萬, 三千, 二十), with a
multiplier (千/萬/億), a unit or classifier, comparator words before or after
(達到, 不低於, 以上, 以內, 左右), an optional range (3000個至5000個, 3%-5%) and
aspirational markers before them (力爭, 爭取). Numbers that are names, not
quantities, are skipped with a reason: years, line and road numbers, ordinals,
phases, grades, plan names, quoted names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from workreport_schema import Comparator, Direction

from ..lexicon import match_prefix, match_suffix, number_lexicon, unit_lexicon
from ..numerals import NUMERAL_CHARS, parse_chinese_numeral, split_multiplier
from ..spans import Span

SKIP_REASONS: dict[str, str] = {
    "year": "a year (2012年)",
    "date": "a month or day",
    "duration": "a duration, usually in a programme's name (三年行動計劃)",
    "line-number": "a metro or bus line number (11號線)",
    "code-name": "part of a code name such as a road or pollutant (S26, PM2.5)",
    "ordinal": "an ordinal (第二輪, 第三方)",
    "phase": "a project phase (一期, 二期)",
    "grade": "a grade or tier (三級醫院)",
    "plan-name": "a five-year plan's name (十二五)",
    "quoted-name": "inside quotation marks: a name or slogan (“三網融合”)",
    "vague": "a vague quantifier (一批)",
    "not-a-number": "numeral characters that do not form a number (一一)",
    "no-unit": "nothing measured or counted follows the number",
    "not-a-commitment": "in a context statement, not in a measure",
}
"""Why a number did not become a target (the quality report prints these)."""

_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_NUMBER = re.compile(rf"百分之(?P<percent>[{NUMERAL_CHARS}]+)|(?P<arabic>{_ARABIC})|(?P<chinese>[{NUMERAL_CHARS}]+)")
_QUOTES = {"“": "”", "「": "」", "『": "』", '"': '"'}
_FIVE_YEAR_PLAN = re.compile(r"十[一二三四五六七八九]?五")


@dataclass(frozen=True)
class Mention:
    """A number in the text, and why it is skipped (None when it was read as a quantity)."""

    span: Span
    skip: str | None = None


@dataclass(frozen=True)
class Quantity:
    """A quantity as stated: number, multiplier, unit or classifier, comparator."""

    mention: Mention
    expression: Span
    """From the comparator words before the number to the end of the words after it."""
    stated_value: Decimal
    stated_value_max: Decimal | None
    multiplier: int
    unit_text: Span | None
    """Multiplier and unit or classifier as written (萬平方米, 萬個, %)."""
    symbol_unit: str | None
    """Unit code when a measurement unit was written (平方米 → m2)."""
    classifier: str | None
    """Folded classifier when the unit is a count (個, 張, 所)."""
    comparator: Comparator
    aspirational: bool
    direction: Direction | None

    @property
    def value(self) -> Decimal:
        return self.stated_value * self.multiplier

    @property
    def value_max(self) -> Decimal | None:
        return None if self.stated_value_max is None else self.stated_value_max * self.multiplier


@dataclass(frozen=True)
class Qualitative:
    """What makes a clause a qualitative target: a marker at its end (穩中有降, 全覆蓋) or a shape's words (提高, 取得新突破)."""

    marker: Span
    direction: Direction
    shape: str = "marker"
    """How it was read: ``marker`` (numbers.toml [qualitative_markers]) or a shape's code (lexicon/qualitative.toml)."""


def quoted_ranges(folded: str) -> list[Span]:
    """Spans inside quotation marks (names and slogans: “三網融合”)."""
    found: list[Span] = []
    index = 0
    while index < len(folded):
        closer = _QUOTES.get(folded[index])
        if closer:
            end = folded.find(closer, index + 1)
            if end != -1 and "\n" not in folded[index:end]:
                found.append(Span(index + 1, end))
                index = end
        index += 1
    return found


def lexical_cover(folded: str) -> frozenset[int]:
    """Positions covered by words that contain numerals but are not numbers (進一步)."""
    covered: set[int] = set()
    for word in number_lexicon().lexical_words:
        start = folded.find(word)
        while start != -1:
            covered.update(range(start, start + len(word)))
            start = folded.find(word, start + 1)
    return frozenset(covered)


@dataclass(frozen=True)
class TextIndex:
    """What the scanner needs about the whole text, computed once."""

    text: str
    folded: str
    quoted: tuple[Span, ...]
    lexical: frozenset[int]

    @classmethod
    def build(cls, text: str, folded: str) -> TextIndex:
        return cls(text, folded, tuple(quoted_ranges(folded)), lexical_cover(folded))

    def in_quotes(self, span: Span) -> bool:
        return any(quote.contains(span) for quote in self.quoted)


def _number_value(match: re.Match[str]) -> tuple[Decimal, int] | None:
    """Stated value and the multiplier folded into a Chinese numeral (五十萬 → 50, 10000)."""
    if match["arabic"]:
        return Decimal(match["arabic"].replace(",", "")), 1
    word = match["chinese"] or match["percent"]
    head, big = split_multiplier(word)
    value = parse_chinese_numeral(head)
    if value is None:
        return None
    return Decimal(value), number_lexicon().multipliers.get(big, 1) if big else 1


@cache
def _classifiers() -> tuple[str, ...]:
    return unit_lexicon().classifiers


def _skip_reason(index: TextIndex, match: re.Match[str], number: Span, clause: Span) -> str | None:
    folded = index.folded
    after = folded[number.end : number.end + 3]
    before = folded[max(clause.start, number.start - 1) : number.start]
    token = match.group(0)
    if index.in_quotes(number):
        return "quoted-name"
    if before and (before[-1].isascii() and before[-1].isalpha()):
        return "code-name"
    if after[:1].isascii() and after[:1].isalpha() and not match["chinese"]:
        return "code-name"
    if before.endswith("第"):
        return "ordinal"
    if after.startswith("号线") or after.startswith("号"):
        return "line-number"
    if match["chinese"] and _FIVE_YEAR_PLAN.fullmatch(token):
        return "plan-name"
    if after.startswith("年"):
        value = _number_value(match)
        if value and 1900 <= value[0] <= 2100 and value[1] == 1:
            return "year"
        return "duration"
    if after.startswith(("月", "日")):
        return "date"
    if after.startswith("期"):
        return "phase"
    if after.startswith("级"):
        return "grade"
    if match_prefix(folded, number.end, clause.end, number_lexicon().vague_classifiers):
        return "vague"
    return None


def _unit_after(folded: str, position: int, end: int) -> tuple[int, str | None, str | None, int]:
    """Read multiplier and unit or classifier after a number: (multiplier, symbol unit, classifier, new position)."""
    units = unit_lexicon()
    symbol = match_prefix(folded, position, end, tuple(units.symbols))
    if symbol:
        return 1, units.symbols[symbol], None, position + len(symbol)
    multiplier = 1
    word = match_prefix(folded, position, end, tuple(number_lexicon().multipliers))
    if word:
        multiplier = number_lexicon().multipliers[word]
        position += len(word)
    symbol = match_prefix(folded, position, end, tuple(units.symbols))
    if symbol:
        return multiplier, units.symbols[symbol], None, position + len(symbol)
    for filler in ("多", "余"):  # 200多場: "more than" between number and classifier
        if folded.startswith(filler, position, end) and match_prefix(folded, position + 1, end, _classifiers()):
            position += 1
            break
    classifier = match_prefix(folded, position, end, _classifiers())
    if classifier:
        return multiplier, None, classifier, position + len(classifier)
    return multiplier, None, None, position


def _comparator(folded: str, clause: Span, start: int, end: int, is_range: bool) -> tuple[Comparator, int, int]:
    """Comparator from words before ``start`` and after ``end``; returns it and the widened bounds."""
    lexicon = number_lexicon()
    comparator = Comparator.RANGE if is_range else Comparator.EQ
    between = folded[start:end]
    suffix = match_prefix(folded, end, clause.end, tuple(lexicon.comparator_suffixes))
    if suffix:
        end += len(suffix)
        if not is_range:
            comparator = Comparator(lexicon.comparator_suffixes[suffix])
    elif not is_range and re.search(r"\d[多余]|[多余]$", between):
        comparator = Comparator.GTE
    prefix = match_suffix(folded, clause.start, start, lexicon.comparator_prefixes)
    if prefix:
        start -= len(prefix)
        if not is_range and comparator is Comparator.EQ:
            comparator = Comparator(lexicon.comparator_prefixes[prefix])
    return comparator, start, end


def _direction(folded: str, clause: Span, start: int) -> Direction | None:
    verbs = number_lexicon().direction_verbs
    verb = match_suffix(folded, clause.start, start, verbs)
    return Direction(verbs[verb]) if verb else None


def read_clause(index: TextIndex, clause: Span) -> tuple[list[Quantity], list[Mention]]:
    """Quantities stated in a clause, and every number in it that is not one (with its reason)."""
    folded = index.folded
    quantities: list[Quantity] = []
    skipped: list[Mention] = []
    position = clause.start
    while match := _NUMBER.search(folded, position, clause.end):
        number = Span(match.start(), match.end())
        position = match.end()
        if match["chinese"] and all(i in index.lexical for i in range(number.start, number.end)):
            continue
        reason = _skip_reason(index, match, number, clause)
        if reason is None and match["chinese"] and parse_chinese_numeral(match["chinese"]) is None:
            reason = "not-a-number"
        if reason:
            skipped.append(Mention(number, reason))
            continue
        read = _read_quantity(index, clause, match, number)
        if read is None:
            skipped.append(Mention(number, "no-unit"))
            continue
        quantities.append(read)
        position = max(position, read.expression.end)
    return quantities, skipped


def _read_quantity(index: TextIndex, clause: Span, match: re.Match[str], number: Span) -> Quantity | None:
    folded = index.folded
    parsed = _number_value(match)
    if parsed is None:
        return None
    stated, inner = parsed
    symbol_unit: str | None
    classifier: str | None
    upper: re.Match[str] | None = None
    if match["percent"]:
        multiplier, symbol_unit, classifier, unit_end = 1, "percent", None, number.end
    else:
        multiplier, symbol_unit, classifier, unit_end = _unit_after(folded, number.end, clause.end)
    multiplier *= inner
    stated_max: Decimal | None = None
    end = unit_end
    connector = match_prefix(folded, unit_end, clause.end, number_lexicon().range_connectors)
    if connector:
        upper = _NUMBER.match(folded, unit_end + len(connector), clause.end)
        upper_value = _number_value(upper) if upper and not upper["percent"] else None
        if upper and upper_value and not folded.startswith("年", upper.end()):
            up_multiplier, up_symbol, up_classifier, up_end = _unit_after(folded, upper.end(), clause.end)
            if unit_end == number.end:  # 3-5%: the unit is written once, after the upper end
                multiplier, symbol_unit, classifier = up_multiplier * inner, up_symbol, up_classifier
            stated_max, end = upper_value[0], up_end
    if symbol_unit is None and classifier is None and multiplier == 1:
        return None
    unit_text = Span(number.end, unit_end) if unit_end > number.end else None
    if upper is not None and stated_max is not None and unit_end == number.end:
        unit_text = Span(upper.end(), end) if end > upper.end() else None
    comparator, start, end = _comparator(folded, clause, number.start, end, stated_max is not None)
    aspirational = any(word in folded[clause.start : number.start] for word in number_lexicon().aspirational)
    return Quantity(
        mention=Mention(number),
        expression=Span(start, end),
        stated_value=stated,
        stated_value_max=stated_max,
        multiplier=multiplier,
        unit_text=unit_text,
        symbol_unit=symbol_unit,
        classifier=classifier,
        comparator=comparator,
        aspirational=aspirational,
        direction=_direction(folded, clause, start),
    )


def read_qualitative(index: TextIndex, clause: Span) -> Qualitative | None:
    """A qualitative marker ending the clause (穩中有降), if any."""
    markers = number_lexicon().qualitative_markers
    marker = match_suffix(index.folded, clause.start, clause.end, markers)
    if marker is None:
        return None
    return Qualitative(Span(clause.end - len(marker), clause.end), Direction(markers[marker]))
