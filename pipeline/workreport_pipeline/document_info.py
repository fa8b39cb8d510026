"""What the text does not say about itself: id, title, year, issuer, licence (document.toml or flags)."""

from __future__ import annotations

import datetime
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypedDict, Unpack

from workreport_schema import ID_PATTERN, Language

DEFAULT_DATA_LICENCE = {
    "id": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
DEFAULT_SOURCE_LICENCE = {
    "id": "LicenseRef-PRC-Copyright-Law-Article-5",
    "title": "Official document of a state organ, not protected by copyright (Copyright Law of the PRC, Article 5)",
}


class DocumentInfoError(Exception):
    """document.toml or the flags are unusable; the message is one line."""


@dataclass(frozen=True)
class IssuerInfo:
    name: str
    id: str | None = None
    en: str | None = None
    classification: str = "government"


@dataclass(frozen=True)
class DocumentInfo:
    """Metadata of one document, from document.toml and/or command-line flags."""

    id: str
    title: str
    year: int
    language: Language
    issuer: IssuerInfo
    title_en: str | None = None
    note: str | None = None
    note_en: str | None = None
    period_start: datetime.date | None = None
    period_end: datetime.date | None = None
    source_licence: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_SOURCE_LICENCE))
    release_version: str = "1"
    release_time: datetime.datetime | None = None
    data_licence: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_DATA_LICENCE))
    language_stated: bool = True
    """Whether document.toml or --language gave the language; if not, it is detected from the text."""

    @property
    def period(self) -> tuple[datetime.date, datetime.date]:
        return (
            self.period_start or datetime.date(self.year, 1, 1),
            self.period_end or datetime.date(self.year, 12, 31),
        )

    def generated_at(self) -> datetime.datetime:
        """Release time: document.toml, else SOURCE_DATE_EPOCH, else now (UTC)."""
        if self.release_time is not None:
            return self.release_time
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch and epoch.isdigit():
            return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
        return datetime.datetime.now(tz=datetime.UTC).replace(microsecond=0)


def check_id(value: str, what: str = "document id") -> str:
    if not re.fullmatch(ID_PATTERN, value) or len(value) > 100:
        raise DocumentInfoError(f"{what} {value!r} is not valid: use lower-case letters, digits and - _ . (for example shanghai-2012)")
    return value


MAX_TEXT_LENGTH = 500
"""Longest title or issuer name accepted (characters)."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def check_text(value: object, what: str) -> str:
    """A title or a name: text with something besides white space, no control characters, at most MAX_TEXT_LENGTH characters.

    Surrounding white space is dropped. An empty issuer name used to make the
    pipeline search the text for "" forever; an empty title broke the schema.
    """
    if not isinstance(value, str):
        raise DocumentInfoError(f"{what} {value!r} is not text")
    stripped = value.strip()
    if not stripped:
        raise DocumentInfoError(f"{what} is empty: give some text")
    control = _CONTROL.search(stripped)
    if control:
        raise DocumentInfoError(f"{what} contains the control character U+{ord(control.group()):04X}")
    if len(stripped) > MAX_TEXT_LENGTH:
        raise DocumentInfoError(f"{what} is longer than {MAX_TEXT_LENGTH} characters")
    return stripped


def _optional_text(value: object, what: str) -> str | None:
    return None if value is None else check_text(value, what)


def check_language(value: str) -> Language:
    if value not in (Language.ZH_HANT, Language.ZH_HANS):
        raise DocumentInfoError(f"language {value!r} is not supported: use zh-Hant or zh-Hans")
    return Language(value)


def check_year(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1949 <= value <= 2100:
        raise DocumentInfoError(f"year {value!r} is not valid: use a year from 1949 to 2100")
    return value


def _as_time(value: object) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        return value if value.tzinfo else value.replace(tzinfo=datetime.UTC)
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day, tzinfo=datetime.UTC)
    raise DocumentInfoError(f"release date {value!r} is not a TOML date or date-time")


def load_document_toml(path: Path) -> DocumentInfo:
    """Read document.toml (see seeds/shanghai-2012/document.toml for every key)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DocumentInfoError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DocumentInfoError(f"{path}: cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise DocumentInfoError(f"{path}: not valid TOML: {error}") from None
    try:
        issuer = data["issuer"]
        period = data.get("period", {})
        release = data.get("release", {})
        return DocumentInfo(
            id=check_id(data["id"]),
            title=check_text(data["title"]["zh-Hant"] if "zh-Hant" in data["title"] else data["title"]["zh-Hans"], "title"),
            title_en=_optional_text(data["title"].get("en"), "title en"),
            year=check_year(data["year"]),
            language=check_language(data.get("language", "zh-Hant")),
            issuer=IssuerInfo(
                name=check_text(issuer["name"], "issuer name"),
                id=issuer.get("id"),
                en=_optional_text(issuer.get("en"), "issuer en"),
                classification=issuer.get("classification", "government"),
            ),
            note=_optional_text(data.get("note", {}).get("zh-Hant") or data.get("note", {}).get("zh-Hans"), "note"),
            note_en=_optional_text(data.get("note", {}).get("en"), "note en"),
            period_start=period.get("start"),
            period_end=period.get("end"),
            source_licence=data.get("licence", dict(DEFAULT_SOURCE_LICENCE)),
            release_version=str(release.get("version", "1")),
            release_time=_as_time(release["date"]) if "date" in release else None,
            data_licence=release.get("licence", dict(DEFAULT_DATA_LICENCE)),
            language_stated="language" in data,
        )
    except KeyError as error:
        raise DocumentInfoError(f"{path}: missing key {error.args[0]!r}") from None
    except TypeError as error:
        raise DocumentInfoError(f"{path}: a key has the wrong type ({error})") from None


class DocumentFlags(TypedDict, total=False):
    """What the command line may say of a document, over document.toml or in its place (None: not given)."""

    id: str | None
    title: str | None
    year: int | None
    language: str | None
    issuer: str | None


def with_overrides(info: DocumentInfo | None, **flags: Unpack[DocumentFlags]) -> DocumentInfo:
    """Apply command-line flags over document.toml (or build the info from flags alone)."""
    doc_id, title, year, language, issuer = (
        flags.get("id"),
        flags.get("title"),
        flags.get("year"),
        flags.get("language"),
        flags.get("issuer"),
    )
    if info is None:
        if doc_id is None or title is None or year is None:
            missing = [name for name, value in (("id", doc_id), ("title", title), ("year", year)) if value is None]
            raise DocumentInfoError(f"without --document, give {', '.join('--' + m.replace('id', 'document-id') for m in missing)}")
        named = IssuerInfo(name=check_text("人民政府" if issuer is None else issuer, "issuer name"))
        return DocumentInfo(
            id=check_id(doc_id),
            title=check_text(title, "title"),
            year=check_year(year),
            language=check_language("zh-Hant" if language is None else language),
            issuer=named,
            language_stated=language is not None,
        )
    if doc_id is not None:
        info = replace(info, id=check_id(doc_id))
    if title is not None:
        info = replace(info, title=check_text(title, "title"))
    if year is not None:
        info = replace(info, year=check_year(year))
    if language is not None:
        info = replace(info, language=check_language(language), language_stated=True)
    if issuer is not None:
        info = replace(info, issuer=IssuerInfo(name=check_text(issuer, "issuer name")))
    return info


def settle_language(info: DocumentInfo, detected: Language | None) -> tuple[DocumentInfo, str | None]:
    """The document's language: the stated one (with a warning when the text's script differs), else the detected one."""
    if detected is None:
        return info, None
    if not info.language_stated:
        return replace(info, language=detected, language_stated=True), None
    if detected is not info.language:
        return info, f"the text is written in {detected.value} but the language given is {info.language.value}; using {info.language.value}"
    return info, None
