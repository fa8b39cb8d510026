"""Script and width folding for matching, and zh-Hans/zh-Hant conversion for labels.

Matching runs on a *folded* copy of the text: full-width forms become ASCII
(，→, ％→%), Traditional characters become Simplified (萬→万), ASCII letters
become lower case. Folding maps each character to exactly one character, so an
offset into the folded copy is the same offset into the exact source text:
normalisation never shifts a span.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import opencc

from workreport_schema import Language


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@cache
def fold_char(char: str) -> str:
    """One character folded for matching; always exactly one character."""
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) != 1:
        folded = char
    simplified = _converter("t2s").convert(folded)
    if len(simplified) == 1:
        folded = simplified
    return folded.lower() if folded.isascii() else folded


_FOLD_CHUNK = 1 << 16


def fold(text: str) -> str:
    """The text folded for matching, the same length as the input (offsets carry over).

    Joined in chunks: one join over every character would list them all first (8 bytes each).
    """
    return "".join("".join(map(fold_char, text[start : start + _FOLD_CHUNK])) for start in range(0, len(text), _FOLD_CHUNK))


@dataclass(frozen=True)
class ScriptOverride:
    """A reviewed phrase conversion: the phrase's form in the other script, and the longer phrases
    holding it where it is not that word (土著 inside 本土著力 is 本土 + 著力)."""

    to: str
    unless: tuple[str, ...] = ()


@cache
def _script_override_table(direction: str) -> dict[str, ScriptOverride]:
    text = resources.files(__package__).joinpath("lexicon", "scripts.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    if data.get("curated") is not True:
        raise ValueError("lexicon/scripts.toml must be marked curated = true")
    table: dict[str, dict[str, Any]] = data.get(direction, {})  # tomllib's own type; each entry is checked below
    overrides: dict[str, ScriptOverride] = {}
    for phrase, entry in table.items():
        if len(entry["to"]) != len(phrase) or not entry.get("reason"):
            raise ValueError(f"lexicon/scripts.toml [{direction}] {phrase}: needs a same-length 'to' and a 'reason'")
        unless = tuple(entry.get("unless", ()))
        if any(phrase not in longer or longer == phrase for longer in unless):
            raise ValueError(f"lexicon/scripts.toml [{direction}] {phrase}: each 'unless' phrase must hold it and be longer")
        overrides[phrase] = ScriptOverride(entry["to"], unless)
    return overrides


@cache
def script_overrides(direction: str) -> dict[str, str]:
    """Reviewed phrase conversions that win over OpenCC (``lexicon/scripts.toml``, ``[to_simplified]`` or
    ``[to_traditional]``): the phrase as written → its form in the other script."""
    return {phrase: override.to for phrase, override in _script_override_table(direction).items()}


def _inside_exception(text: str, start: int, phrase: str, unless: tuple[str, ...]) -> bool:
    """Whether the phrase at ``start`` lies inside an occurrence of one of the ``unless`` phrases."""
    for longer in unless:
        offset = longer.find(phrase)
        while offset >= 0:
            if start >= offset and text.startswith(longer, start - offset):
                return True
            offset = longer.find(phrase, offset + 1)
    return False


@cache
def _override_pattern(direction: str) -> re.Pattern[str] | None:
    phrases = sorted(_script_override_table(direction), key=lambda phrase: (-len(phrase), phrase))
    return re.compile("|".join(re.escape(phrase) for phrase in phrases)) if phrases else None


def _override_at(text: str, start: int, direction: str) -> str | None:
    """The longest reviewed phrase starting at ``start`` that is not inside one of its exceptions."""
    table = _script_override_table(direction)
    for phrase in sorted(table, key=lambda phrase: (-len(phrase), phrase)):
        if text.startswith(phrase, start) and not _inside_exception(text, start, phrase, table[phrase].unless):
            return phrase
    return None


def _convert(text: str, config: str, direction: str) -> str:
    """The text converted with OpenCC, except the reviewed phrases, which take their reviewed form."""
    pattern = _override_pattern(direction)
    if pattern is None:
        return str(_converter(config).convert(text))
    table = _script_override_table(direction)
    pieces: list[str] = []
    position = search = 0
    while (match := pattern.search(text, search)) is not None:
        phrase = _override_at(text, match.start(), direction)
        if phrase is None:
            search = match.start() + 1
            continue
        pieces.append(str(_converter(config).convert(text[position : match.start()])))
        pieces.append(table[phrase].to)
        position = search = match.start() + len(phrase)
    pieces.append(str(_converter(config).convert(text[position:])))
    return "".join(pieces)


def to_simplified(text: str) -> str:
    """zh-Hans label from Traditional text: OpenCC tw2s (phrase-aware, and aware that Taiwan-standard text
    writes 著 for 着: 著力 → 着力, 顯著 → 显著), then the reviewed phrases of ``lexicon/scripts.toml``."""
    return _convert(text, "tw2s", "to_simplified")


def to_traditional(text: str) -> str:
    """zh-Hant label from Simplified text: OpenCC s2tw (Traditional characters in their common printed forms,
    床 not 牀; 着力 → 著力), then the reviewed phrases of ``lexicon/scripts.toml``."""
    return _convert(text, "s2tw", "to_traditional")


@cache
def _script_of(char: str) -> Language | None:
    """zh-Hant for a character only Traditional text uses, zh-Hans for one only Simplified text uses, else None."""
    if not ("\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"):
        return None
    if _converter("t2s").convert(char) != char:
        return Language.ZH_HANT
    if _converter("s2t").convert(char) != char:
        return Language.ZH_HANS
    return None


def detect_language(text: str) -> Language | None:
    """The script of a Chinese text: count the characters that OpenCC changes one way (t2s: Traditional)
    or the other (s2t: Simplified); the larger count wins. None when neither is larger (no telling sign)."""
    traditional = simplified = 0
    for char in text:
        script = _script_of(char)
        if script is Language.ZH_HANT:
            traditional += 1
        elif script is Language.ZH_HANS:
            simplified += 1
    if traditional == simplified:
        return None
    return Language.ZH_HANT if traditional > simplified else Language.ZH_HANS
