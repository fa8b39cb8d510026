"""Language maps from the source text: the source script as written, the other derived with OpenCC."""

from __future__ import annotations

from workreport_schema import Language, LanguageMap, Provenance

from .normalise import to_simplified, to_traditional


def text_label(
    text: str, language: Language, field: str, en: str | None = None, origin: Provenance = Provenance.EXTRACTED
) -> tuple[LanguageMap, dict[str, Provenance]]:
    """A label in both scripts (and English when curated), with the provenance of each."""
    if language is Language.ZH_HANT:
        hant, hans = text, to_simplified(text)
        provenance = {f"{field}/zh-Hant": origin, f"{field}/zh-Hans": Provenance.DERIVED}
    else:
        hant, hans = to_traditional(text), text
        provenance = {f"{field}/zh-Hant": Provenance.DERIVED, f"{field}/zh-Hans": origin}
    if en is not None:
        provenance[f"{field}/en"] = Provenance.CURATED
    return LanguageMap.of(zh_hant=hant, zh_hans=hans, en=en), dict(sorted(provenance.items()))
