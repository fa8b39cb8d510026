"""The curated lexicons are marked curated and agree with the schema's codelists."""

from __future__ import annotations

from importlib import resources

import pytest

from workreport_pipeline.lexicon import clause_lexicon, gazetteer, number_lexicon, qualitative_lexicon, unit_lexicon
from workreport_schema import BodyClassification, Comparator, Direction, QuantityKind, load_codelist


@pytest.mark.parametrize("name", ["clauses", "numbers", "units", "bodies", "qualitative"])
def test_every_lexicon_is_marked_curated(name: str) -> None:
    text = resources.files("workreport_pipeline").joinpath("lexicon", f"{name}.toml").read_text(encoding="utf-8")
    assert "curated = true" in text


def test_unit_lexicon_points_into_the_unit_codelist() -> None:
    codes = set(load_codelist("unit").codes)
    lexicon = unit_lexicon()
    used = set(lexicon.symbols.values()) | set(lexicon.self_classifiers.values()) | set(lexicon.nouns.values())
    assert used <= codes, used - codes


def test_number_lexicon_uses_codelist_values() -> None:
    lexicon = number_lexicon()
    assert set(lexicon.comparator_prefixes.values()) | set(lexicon.comparator_suffixes.values()) <= {c.value for c in Comparator}
    assert set(lexicon.direction_verbs.values()) | set(lexicon.qualitative_markers.values()) <= {d.value for d in Direction}


def test_qualitative_shapes_use_codelist_values() -> None:
    lexicon = qualitative_lexicon()
    assert {shape.direction for shape in lexicon.shapes} <= {d.value for d in Direction}
    assert set(lexicon.kinds.values()) <= {k.value for k in QuantityKind}
    assert len({shape.code for shape in lexicon.shapes}) == len(lexicon.shapes)
    assert all(shape.verbs or shape.ending_verbs or shape.endings for shape in lexicon.shapes)
    assert all(set(shape.ending_needs) <= set(shape.endings) for shape in lexicon.shapes)


def test_gazetteer_entries_are_valid() -> None:
    entries = gazetteer()
    assert len({entry.id for entry in entries}) == len(entries)
    assert all(entry.classification in {c.value for c in BodyClassification} and entry.en for entry in entries)


def test_words_are_folded_and_longest_first() -> None:
    verbs = clause_lexicon().action_verbs
    assert "推进" in verbs and "推進" not in verbs
    assert [len(word) for word in verbs] == sorted((len(word) for word in verbs), reverse=True)
