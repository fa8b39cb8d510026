"""The words a page shows: a name in the reader's language, a chapter's title, the text in the other script."""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from workreport_pipeline import to_simplified, to_traditional
from workreport_schema import ChapterJSON, LanguageMapJSON, ResultJSON, TargetJSON

SCRIPTS = {"zh-Hans": "简体", "zh-Hant": "繁體"}


def convert(text: str, script: str) -> str:
    """The text in another script with exactly as many code points, so every offset still holds."""
    converter = to_simplified if script == "zh-Hans" else to_traditional
    whole = converter(text)
    if len(whole) == len(text):
        return whole
    pieces = []
    for char in text:
        one = converter(char)
        pieces.append(one if len(one) == 1 else char)
    return "".join(pieces)


def label(names: LanguageMapJSON, language: str) -> str:
    """The name in this language, else the traditional Chinese, else any: every record names itself in one."""
    tagged = cast("Mapping[str, str]", names)  # read by a tag known only at run time
    return tagged.get(language) or tagged.get("zh-Hant") or next(iter(tagged.values()), "")


def chapter_title(chapter: ChapterJSON, language: str) -> str:
    return (f"({chapter['numeral']}) " if chapter.get("numeral") else "") + label(chapter["title"], language)


def stated_text(record: TargetJSON | ResultJSON) -> str:
    """The quantity as the report writes it (50萬個以上), or "" for a target without one."""
    stated = record.get("stated")
    return stated.get("text", "") if stated else ""
