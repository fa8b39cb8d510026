"""What a batch ingest loads: the rows of a manifest (CSV or TOML), or document folders laid out like a seed.

Everything is checked before anything loads, and every problem is one line
naming the file and the row, so a corpus of thousands of reports is fixed in
one pass rather than one error at a time.
"""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .document_info import DocumentInfoError, check_id, check_language, check_year, load_document_toml
from .source import DEFAULT_MAX_SOURCE_BYTES

REQUIRED_COLUMNS = ("path", "document_id", "title", "year", "issuer")
OPTIONAL_COLUMNS = ("language", "curation")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS


class ManifestError(Exception):
    """The manifest or the sources are unusable; ``problems`` holds one line each, naming the file and row."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(problems[0] if len(problems) == 1 else f"{len(problems)} problems; first: {problems[0]}")
        self.problems = problems


@dataclass(frozen=True)
class Entry:
    """One document to extract and load; ``None`` fields come from ``document`` (document.toml) or the pipeline's defaults."""

    document_id: str
    source: Path
    title: str | None = None
    year: int | None = None
    issuer: str | None = None
    language: str | None = None
    curation: Path | None = None
    document: Path | None = None
    where: str = ""
    """The manifest row or folder it came from, for messages."""
    max_source_bytes: int = DEFAULT_MAX_SOURCE_BYTES
    """Refuse a larger source (``--max-source-bytes``)."""


def read_manifest(path: Path) -> list[Entry]:
    """The entries of a ``.csv`` or ``.toml`` manifest; paths in it are relative to the manifest's folder."""
    if path.suffix.lower() not in (".csv", ".toml"):
        raise ManifestError([f"{path}: a manifest is a .csv or a .toml file"])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ManifestError([f"{path}: no such file"]) from None
    except UnicodeDecodeError as error:
        raise ManifestError([f"{path}: not UTF-8 (invalid byte at offset {error.start})"]) from None
    except OSError as error:
        raise ManifestError([f"{path}: cannot read: {error.strerror}"]) from None
    rows = _csv_rows(path, text) if path.suffix.lower() == ".csv" else _toml_rows(path, text)
    problems: list[str] = []
    entries = [entry for where, row in rows if (entry := _entry(path.parent, where, row, problems)) is not None]
    if not rows and not problems:
        problems.append(f"{path}: lists no documents")
    _check_unique(entries, problems)
    if problems:
        raise ManifestError(problems)
    return entries


def _csv_rows(path: Path, text: str) -> list[tuple[str, dict[str, object]]]:
    reader = csv.DictReader(text.splitlines(keepends=True))
    header = [name.strip() for name in reader.fieldnames or []]
    _check_names(f"{path}, line 1", "column", header)
    reader.fieldnames = header
    rows: list[tuple[str, dict[str, object]]] = []
    for row in reader:
        where = f"{path}, line {reader.line_num}"
        if None in row:
            raise ManifestError([f"{where}: more cells than columns"])
        texts = {key: (value or "").strip() for key, value in row.items() if (value or "").strip()}
        cells: dict[str, object] = dict(texts)
        if "year" in texts:
            cells["year"] = _csv_year(texts["year"])
        rows.append((where, cells))
    return rows


def _toml_rows(path: Path, text: str) -> list[tuple[str, dict[str, object]]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ManifestError([f"{path}: not valid TOML: {error}"]) from None
    documents = data.pop("document", [])
    if data:
        raise ManifestError([f"{path}: unknown key {sorted(data)[0]!r}: list documents as [[document]] tables"])
    if not isinstance(documents, list) or not all(isinstance(d, dict) for d in documents):
        raise ManifestError([f"{path}: 'document' must be an array of tables ([[document]])"])
    rows: list[tuple[str, dict[str, object]]] = []
    for number, row in enumerate(documents, start=1):
        where = f"{path}, [[document]] {number}"
        _check_names(where, "key", list(row))
        rows.append((where, row))
    return rows


def _check_names(where: str, kind: str, names: Iterable[str]) -> None:
    names = list(names)
    unknown = [name for name in names if name not in COLUMNS]
    if unknown:
        raise ManifestError([f"{where}: unknown {kind} {unknown[0]!r} (known: {', '.join(COLUMNS)})"])
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    if missing and kind == "column":
        raise ManifestError([f"{where}: missing columns: {', '.join(missing)}"])


def _entry(base: Path, where: str, row: Mapping[str, object], problems: list[str]) -> Entry | None:
    missing = [name for name in REQUIRED_COLUMNS if row.get(name) in (None, "")]
    if missing:
        problems.append(f"{where}: missing {', '.join(missing)}")
        return None
    try:
        document_id = check_id(_text(row, "document_id"))
        year = check_year(row["year"])
        language = check_language(_text(row, "language")).value if row.get("language") else None
        source = _existing(base, _text(row, "path"), "file")
        curation = _existing(base, _text(row, "curation"), "folder") if row.get("curation") else None
        return Entry(document_id, source, _text(row, "title"), year, _text(row, "issuer"), language, curation, where=where)
    except DocumentInfoError as error:
        problems.append(f"{where}: {error}")
        return None


def _text(row: Mapping[str, object], name: str) -> str:
    value = row[name]
    if not isinstance(value, str):
        raise DocumentInfoError(f"{name} must be text, not {value!r}")
    return value


def _csv_year(value: str) -> int | str:
    """A CSV cell is text: ``2013`` is a year, anything else is reported as written (TOML years are integers)."""
    return int(value) if value.isascii() and value.isdigit() else value


def _existing(base: Path, relative: str, kind: str) -> Path:
    path = base / relative
    if not (path.is_file() if kind == "file" else path.is_dir()):
        raise DocumentInfoError(f"{kind} not found: {relative} (looked for {path})")
    return path


def read_folders(folders: Iterable[Path]) -> list[Entry]:
    """One entry per document folder: ``source.txt``, ``document.toml`` and, when present, ``curation/`` (the seed layout)."""
    problems: list[str] = []
    entries: list[Entry] = []
    for folder in folders:
        if not (folder / "source.txt").is_file() or not (folder / "document.toml").is_file():
            problems.append(f"{folder}: not a document folder (it needs source.txt and document.toml; or use --manifest)")
            continue
        try:
            info = load_document_toml(folder / "document.toml")
        except DocumentInfoError as error:
            problems.append(str(error))
            continue
        curation: Path | None = folder / "curation"
        if curation is not None and not curation.is_dir():
            curation = None
        entries.append(Entry(info.id, folder / "source.txt", curation=curation, document=folder / "document.toml", where=str(folder)))
    _check_unique(entries, problems)
    if problems:
        raise ManifestError(problems)
    return entries


def _check_unique(entries: list[Entry], problems: list[str]) -> None:
    first: dict[str, Entry] = {}
    for entry in entries:
        if entry.document_id in first:
            problems.append(f"{entry.where}: document id {entry.document_id!r} is also at {first[entry.document_id].where}")
        else:
            first[entry.document_id] = entry
