"""Folding keeps offsets; conversion derives the other script."""

from __future__ import annotations

import pytest

from workreport_pipeline.normalise import fold, fold_char, to_simplified, to_traditional

from .conftest import SEED


@pytest.mark.parametrize(
    ("source", "folded"),
    [
        ("，", ","),
        ("（三）", "(三)"),
        ("１１００萬平方米", "1100万平方米"),
        ("５０％", "50%"),
        ("Ｓ２６", "s26"),
        ("養老床位", "养老床位"),
        ("于后里", "于后里"),
        ("“三網融合”", "“三网融合”"),
        ("\u3000", " "),
    ],
)
def test_fold_examples(source: str, folded: str) -> None:
    assert fold(source) == folded


def test_fold_never_changes_length_on_the_seed() -> None:
    text = (SEED / "source.txt").read_text(encoding="utf-8")
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize("char", ["㎡", "ﬁ", "①", "…", "\U0001f600"])
def test_characters_whose_nfkc_form_is_longer_are_kept(char: str) -> None:
    assert len(fold_char(char)) == 1


def test_scripts_convert_both_ways() -> None:
    assert to_simplified("新增養老床位5000張") == "新增养老床位5000张"
    assert to_traditional("新增养老床位5000张") == "新增養老床位5000張"
