"""The words a page shows: a name in the reader's language, a chapter's title, the text in the other script."""

from __future__ import annotations

from typing import Any

from workreport_pipeline import to_simplified, to_traditional

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


def label(names: dict[str, str], language: str) -> str:
    """The name in this language, else the traditional Chinese, else any: every record names itself in one."""
    return names.get(language) or names.get("zh-Hant") or next(iter(names.values()), "")


def chapter_title(chapter: dict[str, Any], language: str) -> str:
    return (f"({chapter['numeral']}) " if chapter.get("numeral") else "") + label(chapter["title"], language)
