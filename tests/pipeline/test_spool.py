"""Extraction to a spool: the same dataset as in memory, records on disk, nothing left behind."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from workreport_pipeline import RecordSpool, ValidationFailed, extract, extract_to_spool
from workreport_pipeline.curation import Curation
from workreport_schema import Language, Problem, content_hash, validate_data

from .conftest import made_up_document

WHOLE_REPORT = (
    "各位代表：\n一、過去一年的工作\n過去一年,全市生產總值增長8.2%,新增就業崗位52萬個。\n"
    "二、今年的主要任務\n(一)保障民生\n新增就業崗位五十萬個以上,力爭幫助1萬人成功創業。\n"
    "(二)城市建設\n推進11號線建設。與中國科學院合作新建一所大學。\n"
)
WHOLE_REPORT_SIMPLIFIED = (
    "各位代表：\n一、过去一年的工作\n过去一年，全市生产总值增长8.2%，新增就业岗位52万个。\n"
    "二、今年的主要任务\n（一）保障民生\n新增就业岗位五十万个以上，力争帮助1万人成功创业。\n"
    "（二）城市建设\n推进11号线建设。与中国科学院合作新建一所大学。\n"
)


@pytest.mark.parametrize(
    ("text", "language"),
    [(WHOLE_REPORT, Language.ZH_HANT), (WHOLE_REPORT_SIMPLIFIED, Language.ZH_HANS)],
    ids=["hant-ascii", "hans-fullwidth"],
)
def test_a_spool_holds_the_dataset_extract_returns(text: str, language: Language) -> None:
    info = made_up_document(language)
    with extract_to_spool(text, info, Curation()) as spool:
        spooled = spool.to_dataset()
        counts = {name: spool.count(name) for name in ("chapters", "paragraphs", "measures", "targets", "results")}
        assert list(spool.records("measures")) == list(spool.records("measures")), "every read starts from the first record"
        assert spool.document["id"] == "test-2012"
    assert spooled == extract(text, info, Curation())
    assert counts == {name: len(spooled[name]) for name in counts}
    assert counts["results"] >= 2 and counts["targets"] >= 2
    assert spooled["release"]["content_hash"] == content_hash(spooled)
    assert validate_data(spooled, "dataset")[1] == []


def test_a_spool_without_results_leaves_the_collection_out() -> None:
    text = "(一)保障民生\n新增就業崗位五十萬個以上。\n"
    with extract_to_spool(text, made_up_document(Language.ZH_HANT), Curation()) as spool:
        data = spool.to_dataset()
    assert "results" not in data
    assert list(data) == ["schema_version", "release", "documents", "chapters", "paragraphs", "measures", "targets", "units", "bodies"]


def test_closing_a_spool_deletes_its_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    spool = RecordSpool()
    spool.append("measures", {"id": "x"})
    assert list(spool.records("measures")) == [{"id": "x"}] and any(tmp_path.iterdir())
    spool.close()
    assert not any(tmp_path.iterdir())


def test_a_failed_extraction_leaves_no_spool_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    def invalid(self: object) -> list[Problem]:
        return [Problem("/measures/0/id", "unique-ids", "made up for the test")]

    monkeypatch.setattr("workreport_schema.rules.DatasetChecker.finish", invalid)
    with pytest.raises(ValidationFailed, match="unique-ids"):
        extract_to_spool("(一)保障民生\n新增就業崗位五十萬個以上。\n", made_up_document(Language.ZH_HANT), Curation())
    assert not any(tmp_path.iterdir())
