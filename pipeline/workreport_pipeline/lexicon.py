"""The curated lexicons in ``lexicon/*.toml``, folded for matching.

Lexicons are reviewed by hand and marked ``curated = true``; they say how to
read text, never what a particular document says.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from .normalise import fold

T = TypeVar("T")


def _load(name: str) -> dict[str, Any]:  # tomllib's own type: each table is read in the shape it must have
    text = resources.files(__package__).joinpath("lexicon", f"{name}.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    if data.get("curated") is not True:
        raise ValueError(f"lexicon/{name}.toml must be marked curated = true")
    return data


def _words(values: list[str]) -> tuple[str, ...]:
    """Folded words, longest first (so the longest match wins)."""
    return tuple(sorted({fold(value) for value in values}, key=lambda word: (-len(word), word)))


def _table(values: dict[str, T]) -> dict[str, T]:
    return {fold(key): value for key, value in sorted(values.items(), key=lambda item: (-len(item[0]), item[0]))}


@dataclass(frozen=True)
class PurposeShape:
    """A purpose clause's verb, then an object ending with one of ``endings`` or holding one of ``states``."""

    verbs: tuple[str, ...]
    endings: tuple[str, ...] = ()
    states: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClauseLexicon:
    action_verbs: tuple[str, ...]
    adverbs: tuple[str, ...]
    lead_ins: tuple[str, ...]
    framing_leads: tuple[str, ...]
    continuations: tuple[str, ...]
    copula_exclusions: tuple[str, ...]
    condition_openers: tuple[str, ...]
    condition_words: tuple[str, ...]
    stance_verbs: tuple[str, ...]
    stance_objects: tuple[str, ...]
    principle_verbs: tuple[str, ...]
    """Stance verbs whatever their object (堅持…, 弘揚…)."""
    purpose_shapes: tuple[PurposeShape, ...]
    """Verb and object shapes of a purpose clause (增強…能力, 滿足…需求, 確保…有序)."""
    effort_words: tuple[str, ...]
    shape_prefixes: tuple[str, ...]
    named_words: tuple[str, ...]
    for_openers: tuple[str, ...]
    """為 + whom + verb after a measure: what it is for."""
    beneficiary_openers: tuple[str, ...]
    beneficiary_people: tuple[str, ...]
    """為/對 + …的 + one of these: whom the next action serves (a lead-in, not a measure)."""
    anaphora: tuple[str, ...]
    result_verbs: tuple[str, ...]
    generic_objects: tuple[str, ...]
    bare_complements: tuple[str, ...]
    strategy_objects: tuple[str, ...]
    heading_verbs: tuple[str, ...]
    """Verbs of ongoing work that open a paragraph's heading sentence."""
    """Dependent clauses (``[dependent]``): they continue or lead a measure of their sentence, never stand alone."""


@dataclass(frozen=True)
class NumberLexicon:
    lexical_words: tuple[str, ...]
    vague_classifiers: tuple[str, ...]
    multipliers: dict[str, int]
    comparator_prefixes: dict[str, str]
    comparator_suffixes: dict[str, str]
    range_connectors: tuple[str, ...]
    aspirational: tuple[str, ...]
    direction_verbs: dict[str, str]
    qualitative_markers: dict[str, str]


@dataclass(frozen=True)
class UnitLexicon:
    symbols: dict[str, str]
    classifiers: tuple[str, ...]
    self_classifiers: dict[str, str]
    nouns: dict[str, str]


@dataclass(frozen=True)
class GazetteerEntry:
    id: str
    zh_hant: str
    en: str
    classification: str
    other_names: tuple[str, ...]


@dataclass(frozen=True)
class BodyPatternLexicon:
    """How a body's name is shaped (``[patterns]`` in lexicon/bodies.toml), folded."""

    prefixes: tuple[str, ...]
    national_prefixes: tuple[str, ...]
    not_prefixes: tuple[str, ...]
    max_stem: int
    stem_stops: tuple[str, ...]
    suffixes: dict[str, str]
    not_before: tuple[str, ...]
    not_after: tuple[str, ...]
    introducers: tuple[str, ...]
    joiners: tuple[str, ...]
    companions: tuple[str, ...]
    lead_words: tuple[str, ...]
    participant_before: tuple[str, ...]
    participant_after: tuple[str, ...]
    together_words: tuple[str, ...]
    subject_words: tuple[str, ...]
    bare_place_suffixes: tuple[str, ...]


@cache
def clause_lexicon() -> ClauseLexicon:
    data = _load("clauses")
    purpose = data["purpose"]
    return ClauseLexicon(
        action_verbs=_words(data["action_verbs"]),
        adverbs=_words(data["adverbs"]),
        lead_ins=_words(data["lead_ins"]),
        framing_leads=_words(data["framing_leads"]),
        continuations=_words(data["continuations"]),
        copula_exclusions=_words(data["copula_exclusions"]),
        condition_openers=_words(data["condition_openers"]),
        condition_words=_words(data["condition_words"]),
        stance_verbs=_words(data["stance"]["verbs"]),
        stance_objects=_words(data["stance"]["objects"]),
        principle_verbs=_words(data["stance"]["principles"]),
        purpose_shapes=(
            PurposeShape(_words(purpose["raise_verbs"]), endings=_words(purpose["raise_objects"])),
            PurposeShape(_words(purpose["meet_verbs"]), endings=_words(purpose["meet_objects"])),
            PurposeShape(_words(purpose["secure_verbs"]), endings=_words(purpose["secure_objects"])),
            PurposeShape(_words(purpose["ensure_verbs"]), states=_words(purpose["ensure_states"])),
        ),
        effort_words=_words(purpose["effort_words"]),
        shape_prefixes=_words(purpose["shape_prefixes"]),
        named_words=_words(purpose["named"]),
        for_openers=_words(purpose["for_openers"]),
        beneficiary_openers=_words(data["beneficiary"]["openers"]),
        beneficiary_people=_words(data["beneficiary"]["people"]),
        anaphora=_words(data["dependent"]["anaphora"]),
        result_verbs=_words(data["dependent"]["result_verbs"]),
        generic_objects=_words(data["dependent"]["generic_objects"]),
        bare_complements=_words(data["dependent"]["bare_complements"]),
        strategy_objects=_words(data["dependent"]["strategy_objects"]),
        heading_verbs=_words(data["heading"]["verbs"]),
    )


@cache
def number_lexicon() -> NumberLexicon:
    data = _load("numbers")
    return NumberLexicon(
        lexical_words=_words(data["lexical_words"]),
        vague_classifiers=_words(data["vague_classifiers"]),
        multipliers=_table(data["multipliers"]),
        comparator_prefixes=_table(data["comparator_prefixes"]),
        comparator_suffixes=_table(data["comparator_suffixes"]),
        range_connectors=_words(data["ranges"]["connectors"]),
        aspirational=_words(data["commitment"]["aspirational"]),
        direction_verbs=_table(data["direction_verbs"]),
        qualitative_markers=_table(data["qualitative_markers"]),
    )


@dataclass(frozen=True)
class QualitativeShape:
    """One shape of a qualitative target (``[[shapes]]`` in lexicon/qualitative.toml), folded."""

    code: str
    direction: str
    verbs: tuple[str, ...]
    """Verbs read verb + object (提高 + 最低工資標準)."""
    ending_verbs: tuple[str, ...]
    """Verbs read object + verb at the clause's end (職工收入 + 增長)."""
    objects: tuple[str, ...]
    """Words the object must end with (empty: any named object)."""
    levels: tuple[str, ...]
    """Words the object may end with followed by 水平 (收入 in 收入水平)."""
    endings: tuple[str, ...]
    """Words that end the clause whatever comes before them (取得新突破)."""
    ending_needs: dict[str, tuple[str, ...]]
    """Per ending, words one of which must come before it in the clause (之一: 最, 成為)."""
    subject: bool
    """Whether the verb may follow a subject in the clause (水質達到…標準)."""
    whole: bool
    """Whether the indicator is the whole state (水質達到…標準, …成為…之一), not only the object."""
    named: bool
    """Whether the object must name something in particular (建成一批… is no milestone)."""


@dataclass(frozen=True)
class QualitativeLexicon:
    joiners: tuple[str, ...]
    not_verbs: tuple[str, ...]
    before_subject: tuple[str, ...]
    unnamed: tuple[str, ...]
    kinds: dict[str, str]
    shapes: tuple[QualitativeShape, ...]


@cache
def unit_lexicon() -> UnitLexicon:
    data = _load("units")
    return UnitLexicon(
        symbols=_table(data["symbols"]),
        classifiers=_words(data["classifiers"]["counting"]),
        self_classifiers=_table(data["classifiers"]["self"]),
        nouns=_table(data["nouns"]),
    )


@cache
def qualitative_lexicon() -> QualitativeLexicon:
    """The shapes of qualitative targets (``lexicon/qualitative.toml``), folded."""
    data = _load("qualitative")
    return QualitativeLexicon(
        joiners=_words(data["joiners"]),
        not_verbs=_words(data["not_verbs"]),
        before_subject=_words(data["before_subject"]),
        unnamed=_words(data["unnamed"]),
        kinds=_table(data["kinds"]),
        shapes=tuple(
            QualitativeShape(
                code=shape["code"],
                direction=shape["direction"],
                verbs=_words(shape.get("verbs", [])),
                ending_verbs=_words(shape.get("ending_verbs", [])),
                objects=_words(shape.get("objects", [])),
                levels=_words(shape.get("levels", [])),
                endings=_words(shape.get("endings", [])),
                ending_needs={fold(key): _words(words) for key, words in shape.get("ending_needs", {}).items()},
                subject=bool(shape.get("subject", False)),
                whole=bool(shape.get("whole", False)),
                named=bool(shape.get("named", False)),
            )
            for shape in data["shapes"]
        ),
    )


@cache
def role_words() -> dict[str, tuple[str, ...]]:
    """Folded heading words per chapter role (``lexicon/structure.toml``)."""
    roles: dict[str, list[str]] = _load("structure")["roles"]
    return {role: _words(words) for role, words in roles.items()}


@dataclass(frozen=True)
class ResultLexicon:
    review_sentence: tuple[str, ...]
    review_sentence_exclusions: tuple[str, ...]
    forward: tuple[str, ...]
    estimate: tuple[str, ...]
    indicator_noise: tuple[str, ...]
    headline_markers: tuple[str, ...]
    outcome_verbs: dict[str, str]
    outcome_objects: tuple[str, ...]
    outcome_max_gap: int


@cache
def result_lexicon() -> ResultLexicon:
    """Folded words for results and headline targets (``lexicon/structure.toml``)."""
    data = _load("structure")
    return ResultLexicon(
        review_sentence=_words(data["results"]["review_sentence"]),
        review_sentence_exclusions=_words(data["results"]["review_sentence_exclusions"]),
        forward=_words(data["results"]["forward"]),
        estimate=_words(data["results"]["estimate"]),
        indicator_noise=_words(data["results"]["indicator_noise"]),
        headline_markers=_words(data["headline"]["markers"]),
        outcome_verbs=_table(data["results"]["stated_outcome"]["verbs"]),
        outcome_objects=_words(data["results"]["stated_outcome"]["objects"]),
        outcome_max_gap=int(data["results"]["stated_outcome"]["max_gap"]),
    )


@cache
def gazetteer() -> tuple[GazetteerEntry, ...]:
    data = _load("bodies")
    return tuple(
        GazetteerEntry(
            id=entry["id"],
            zh_hant=entry["zh-Hant"],
            en=entry["en"],
            classification=entry["classification"],
            other_names=tuple(entry.get("other_names", [])),
        )
        for entry in data["body"]
    )


@cache
def body_patterns() -> BodyPatternLexicon:
    data = _load("bodies")["patterns"]
    return BodyPatternLexicon(
        prefixes=_words(data["prefixes"]),
        national_prefixes=_words(data["national_prefixes"]),
        not_prefixes=_words(data["not_prefixes"]),
        max_stem=int(data["max_stem"]),
        stem_stops=_words(data["stem_stops"]),
        suffixes=_table(data["suffixes"]),
        not_before=_words(data["not_suffixes"]["before"]),
        not_after=_words(data["not_suffixes"]["after"]),
        introducers=_words(data["introducers"]),
        joiners=_words(data["joiners"]),
        companions=_words(data["companions"]),
        lead_words=_words(data["lead_words"]),
        participant_before=_words(data["participant_before"]),
        participant_after=_words(data["participant_after"]),
        together_words=_words(data["together_words"]),
        subject_words=_words(data["subject_words"]),
        bare_place_suffixes=_words(data["bare_place_suffixes"]),
    )


def match_prefix(folded: str, start: int, end: int, words: tuple[str, ...]) -> str | None:
    """The longest word of ``words`` that starts at ``start`` and ends by ``end``."""
    for word in words:
        if folded.startswith(word, start, end):
            return word
    return None


def skip_words(folded: str, start: int, end: int, words: tuple[str, ...]) -> int:
    """The offset past the words of ``words`` in a row from ``start`` (longest first at each step)."""
    while word := match_prefix(folded, start, end, words):
        start += len(word)
    return start


def match_suffix(folded: str, start: int, end: int, words: Iterable[str]) -> str | None:
    """The longest word that ends exactly at ``end`` and starts at or after ``start``."""
    for word in words:
        if end - len(word) >= start and folded.startswith(word, end - len(word), end):
            return word
    return None
