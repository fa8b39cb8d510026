"""``workreport ingest --manifest FILE --jobs N``: many reports in one run, each loaded or failed on its own."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

from tests.conftest import ENGINES
from workreport_api.cli import main
from workreport_api.corpus import Outcome, Progress, closing_table
from workreport_api.db.loader import document_hashes
from workreport_pipeline.manifest import Entry

FIXTURES = Path(__file__).resolve().parents[2] / "pipeline" / "fixtures"
HEADER = "path,document_id,title,year,issuer,language,curation\n"


def _report(script: str, shift: int) -> str:
    """A whole report in one script, its figures shifted so no two generated reports are the same."""
    name = "whole-zh-hans.txt" if script == "zh-Hans" else "whole-zh-hant-ascii.txt"
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return re.sub(r"\d+(?![\d年])", lambda m: str(int(m.group()) + shift), text)


def _corpus(folder: Path, count: int = 4) -> list[str]:
    """``count`` reports alternating scripts, and manifest.csv listing them (language stated for half, detected for the rest)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows, ids = [], []
    for n in range(count):
        script = ("zh-Hans", "zh-Hant")[n % 2]
        doc_id = f"city{n}-2013"
        (folder / "reports").mkdir(exist_ok=True)
        (folder / "reports" / f"{doc_id}.txt").write_text(_report(script, n + 1), encoding="utf-8")
        language = script if n < count // 2 else ""
        rows.append(f"reports/{doc_id}.txt,{doc_id},第{n}市政府工作報告,2013,第{n}市人民政府,{language},\n")
        ids.append(doc_id)
    (folder / "manifest.csv").write_text(HEADER + "".join(rows), encoding="utf-8")
    return ids


def _empty_database(path: Path) -> str:
    url = f"sqlite:///{path}"
    assert main(["db", "upgrade", "--database-url", url]) == 0
    return url


def _ingest(argv: list[str], url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, list[str]], str]:
    """Exit status, the closing table's rows by document id (cells split on runs of spaces), and stderr."""
    capsys.readouterr()
    code = main(["ingest", *argv, "--database-url", url])
    out, err = capsys.readouterr()
    lines = out.splitlines()
    rows = {line.split()[0]: re.split(r"\s{2,}", line.strip()) for line in lines[1:-1]}
    return code, rows, err


def _export(url: str, tmp_path: Path, name: str) -> dict[str, Any]:
    output = tmp_path / f"{name}.json"
    assert main(["export", "-o", str(output), "--database-url", url]) == 0
    data: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return data


def test_one_and_two_jobs_load_the_same_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _corpus(tmp_path / "corpus")
    manifest = str(tmp_path / "corpus" / "manifest.csv")
    exports = []
    for jobs in ("1", "2"):
        url = _empty_database(tmp_path / f"jobs{jobs}.sqlite3")
        code, rows, err = _ingest(["--manifest", manifest, "--jobs", jobs], url, capsys)
        assert code == 0, err
        assert {doc_id: row[1] for doc_id, row in rows.items()} == dict.fromkeys(ids, "loaded")
        assert sorted(re.findall(r"\] (\S+) loaded", err)) == ids  # plain progress lines: stderr is not a TTY here
        data = _export(url, tmp_path, f"jobs{jobs}")
        table_counts = {doc_id: [int(cell) for cell in row[2:6]] for doc_id, row in rows.items()}
        exported_counts = {
            doc_id: [sum(1 for r in data[name] if r["document_id"] == doc_id) for name in ("chapters", "paragraphs", "measures", "targets")]
            for doc_id in ids
        }
        assert table_counts == exported_counts
        exports.append({key: value for key, value in data.items() if key != "release"})
    assert exports[0] == exports[1]
    languages = {document["id"]: document["language"] for document in exports[0]["documents"]}
    assert languages == {"city0-2013": "zh-Hans", "city1-2013": "zh-Hant", "city2-2013": "zh-Hans", "city3-2013": "zh-Hant"}


@pytest.mark.parametrize("database_url", ENGINES, indirect=True)
def test_a_batch_loads_on_each_engine(database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _corpus(tmp_path / "corpus", count=3)
    assert main(["db", "upgrade", "--database-url", database_url]) == 0
    code, rows, err = _ingest(["--manifest", str(tmp_path / "corpus" / "manifest.csv"), "--jobs", "2"], database_url, capsys)
    assert code == 0, err
    assert [row[1] for row in rows.values()] == ["loaded"] * 3
    engine = create_engine(database_url)
    try:
        assert sorted(document_hashes(engine)) == ids
    finally:
        engine.dispose()


def test_a_bad_document_fails_alone_and_a_rerun_is_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "corpus"
    ids = _corpus(folder, count=3)
    (folder / "reports" / "latin1.txt").write_bytes("一、工作\n(一)任務\n新建學校30所。".encode("big5"))
    (folder / "reports" / "flat.txt").write_text("今年新建學校30所。\n", encoding="utf-8")
    with (folder / "manifest.csv").open("a", encoding="utf-8") as manifest:
        manifest.write("reports/latin1.txt,big5-2013,乙,2013,乙市人民政府,,\nreports/flat.txt,flat-2013,丙,2013,丙市人民政府,,\n")
    url = _empty_database(tmp_path / "db.sqlite3")

    code, rows, _ = _ingest(["--manifest", str(folder / "manifest.csv"), "--jobs", "2"], url, capsys)
    assert code == 1
    assert list(rows) == [*ids, "big5-2013", "flat-2013"]  # manifest order, whatever order they finished in
    assert [rows[doc_id][1] for doc_id in ids] == ["loaded"] * 3
    assert rows["big5-2013"][1:] == ["failed", f"{folder}/reports/latin1.txt: not UTF-8 (invalid byte at offset 0)"]
    assert rows["flat-2013"][1] == "failed" and "no chapter heading" in rows["flat-2013"][2]
    engine = create_engine(url)
    try:
        first = document_hashes(engine)
        assert sorted(first) == ids

        (folder / "reports" / "city0-2013.txt").write_text(_report("zh-Hans", 40), encoding="utf-8")
        code, rows, _ = _ingest(["--manifest", str(folder / "manifest.csv")], url, capsys)
        assert code == 1
        assert {doc_id: row[1] for doc_id, row in rows.items()} == {
            "city0-2013": "loaded",
            "city1-2013": "unchanged",
            "city2-2013": "unchanged",
            "big5-2013": "failed",
            "flat-2013": "failed",
        }
        second = document_hashes(engine)
        assert second["city0-2013"] != first["city0-2013"] and second["city1-2013"] == first["city1-2013"]
    finally:
        engine.dispose()


def test_all_good_documents_exit_zero_and_report_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _corpus(tmp_path / "corpus", count=2)
    url = _empty_database(tmp_path / "db.sqlite3")
    argv = ["--manifest", str(tmp_path / "corpus" / "manifest.csv")]
    assert _ingest(argv, url, capsys)[0] == 0
    code, rows, _ = _ingest(argv, url, capsys)
    assert code == 0 and {doc_id: row[1] for doc_id, row in rows.items()} == dict.fromkeys(ids, "unchanged")


def test_the_source_size_limit_applies_to_each_document_of_a_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _corpus(tmp_path / "corpus", count=2)
    url = _empty_database(tmp_path / "db.sqlite3")
    code, rows, _ = _ingest(["--manifest", str(tmp_path / "corpus" / "manifest.csv"), "--max-source-bytes", "100"], url, capsys)
    assert code == 1
    assert {doc_id: row[1] for doc_id, row in rows.items()} == dict.fromkeys(ids, "failed")
    assert all("100" in row[-1] and "byte" in row[-1] for row in rows.values()), rows


TOML_ROW = 'path = "reports/city0-2013.txt"\ndocument_id = "a-2013"\ntitle = "甲"\nyear = 2013\nissuer = "甲市人民政府"\n'


@pytest.mark.parametrize(
    ("name", "content", "messages"),
    [
        ("m.csv", "path,document_id,title\nreports/city0-2013.txt,a,t\n", ["m.csv, line 1: missing columns: year, issuer"]),
        ("m.csv", HEADER.replace("title", "titel"), ["m.csv, line 1: unknown column 'titel'"]),
        (
            "m.csv",
            HEADER + "reports/city0-2013.txt,a-2013,甲,20x3,甲市,,\nreports/city1-2013.txt,b-2013,乙,1900,乙市,,\n",
            ["m.csv, line 2: year '20x3' is not valid", "m.csv, line 3: year 1900 is not valid"],
        ),
        (
            "m.csv",
            HEADER + "reports/city0-2013.txt,a-2013,甲,2013,甲市,,\nreports/city1-2013.txt,a-2013,乙,2013,乙市,,\n",
            ["m.csv, line 3: document id 'a-2013' is also at m.csv, line 2"],
        ),
        ("m.csv", HEADER + "reports/missing.txt,a-2013,甲,2013,甲市,,\n", ["m.csv, line 2: file not found: reports/missing.txt"]),
        ("m.csv", HEADER + "reports/city0-2013.txt,a-2013,,2013,甲市,,\n", ["m.csv, line 2: missing title"]),
        ("m.csv", HEADER + "reports/city0-2013.txt,a-2013,甲,2013,甲市,zh-CN,\n", ["m.csv, line 2: language 'zh-CN' is not supported"]),
        ("m.csv", HEADER + "reports/city0-2013.txt,a-2013,甲,2013,甲市,,nowhere\n", ["m.csv, line 2: folder not found: nowhere"]),
        ("m.csv", HEADER, ["m.csv: lists no documents"]),
        (
            "m.toml",
            "[[document]]\n" + TOML_ROW.replace("year = 2013", 'year = "2013"'),
            ["m.toml, [[document]] 1: year '2013' is not valid"],
        ),
        (
            "m.toml",
            "[[document]]\n" + TOML_ROW + "[[document]]\n" + TOML_ROW,
            ["m.toml, [[document]] 2: document id 'a-2013' is also at m.toml, [[document]] 1"],
        ),
        ("m.toml", "[[document]]\n" + TOML_ROW.replace('issuer = "甲市人民政府"\n', ""), ["m.toml, [[document]] 1: missing issuer"]),
        ("m.toml", "[[document]]\n" + TOML_ROW + 'colour = "red"\n', ["m.toml, [[document]] 1: unknown key 'colour'"]),
        ("m.toml", "[[document]\n", ["m.toml: not valid TOML"]),
        ("m.toml", 'title = "x"\n', ["m.toml: unknown key 'title'"]),
        ("m.json", "{}", ["m.json: a manifest is a .csv or a .toml file"]),
    ],
)
def test_a_bad_manifest_loads_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str, messages: list[str]
) -> None:
    _corpus(tmp_path, count=2)
    (tmp_path / name).write_text(content, encoding="utf-8")
    url = _empty_database(tmp_path / "db.sqlite3")
    code, rows, err = _ingest(["--manifest", str(tmp_path / name)], url, capsys)
    assert code == 1 and rows == {}
    lines = err.splitlines()
    assert len(lines) == len(messages), err
    for line, message in zip(lines, messages, strict=True):
        assert line.startswith(f"workreport: {tmp_path / name}") and message.replace(name, str(tmp_path / name)) in line, err
    engine = create_engine(url)
    try:
        assert document_hashes(engine) == {}
    finally:
        engine.dispose()


def test_every_row_problem_is_reported_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _corpus(tmp_path, count=2)
    rows = (
        "reports/none.txt,a-2013,甲,2013,甲市,,\nreports/city1-2013.txt,B 2013,乙,2013,乙市,,\nreports/city1-2013.txt,c-2013,丙,x,丙市,,\n"
    )
    (tmp_path / "m.csv").write_text(HEADER + rows, encoding="utf-8")
    code, _, err = _ingest(["--manifest", str(tmp_path / "m.csv")], _empty_database(tmp_path / "db.sqlite3"), capsys)
    assert code == 1
    assert [line.split(": ")[1] for line in err.splitlines()] == [f"{tmp_path / 'm.csv'}, line {n}" for n in (2, 3, 4)]


def _seed_like(folder: Path, doc_id: str, script: str, shift: int) -> Path:
    folder.mkdir(parents=True)
    (folder / "source.txt").write_text(_report(script, shift), encoding="utf-8")
    toml = f'id = "{doc_id}"\nyear = 2013\n[title]\n{script} = "某市政府工作報告"\n[issuer]\nname = "某市人民政府"\n'
    (folder / "document.toml").write_text(toml, encoding="utf-8")
    return folder


def test_several_document_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = _seed_like(tmp_path / "one", "one-2013", "zh-Hans", 1)
    second = _seed_like(tmp_path / "two", "two-2013", "zh-Hant", 2)
    url = _empty_database(tmp_path / "db.sqlite3")
    code, rows, _ = _ingest([str(first), str(second), "--jobs", "2"], url, capsys)
    assert code == 0 and {doc_id: row[1] for doc_id, row in rows.items()} == {"one-2013": "loaded", "two-2013": "loaded"}
    code, rows, _ = _ingest([str(first)], url, capsys)  # one folder is a batch of one
    assert code == 0 and rows["one-2013"][1] == "unchanged"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["{a}", "{report}"], "{report}: not a document folder (it needs source.txt and document.toml; or use --manifest)"),
        (["{a}", "{a}/../a"], "document id 'one-2013' is also at"),
        (["{a}", "{b}", "--title", "x"], "--title describes one document"),
        (["{a}", "{b}", "--document-id", "x"], "--document-id describes one document"),
        (["--manifest", "{manifest}", "--year", "2013"], "--year describes one document"),
        (["--manifest", "{manifest}", "{a}"], "give either --manifest or SOURCE arguments, not both"),
        ([], "give a SOURCE, several document folders, or --manifest FILE"),
    ],
)
def test_several_sources_with_per_document_flags_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    places = {
        "a": str(_seed_like(tmp_path / "a", "one-2013", "zh-Hans", 1)),
        "b": str(_seed_like(tmp_path / "b", "two-2013", "zh-Hant", 2)),
        "report": str(tmp_path / "a" / "source.txt"),
        "manifest": str(tmp_path / "m.csv"),
    }
    _corpus(tmp_path, count=1)
    url = _empty_database(tmp_path / "db.sqlite3")
    code, rows, err = _ingest([arg.format(**places) for arg in argv], url, capsys)
    assert code == 1 and rows == {}
    assert message.format(**places) in err and err.count("\n") == 1


def test_closing_table() -> None:
    outcomes = [
        Outcome(Entry("shanghai-2013", Path("a.txt")), "loaded", {"chapters": 12, "paragraphs": 140, "measures": 310, "targets": 75}),
        Outcome(Entry("wuhan-2013", Path("b.txt")), "unchanged", {"chapters": 9, "paragraphs": 80, "measures": 96, "targets": 8}),
        Outcome(Entry("x-2013", Path("c.txt")), "failed", reason="c.txt: not UTF-8 (invalid byte at offset 0)"),
    ]
    assert closing_table(outcomes).splitlines() == [
        "document       status     chapters  paragraphs  measures  targets  reason",
        "shanghai-2013  loaded           12         140       310       75",
        "wuhan-2013     unchanged         9          80        96        8",
        "x-2013         failed                                              c.txt: not UTF-8 (invalid byte at offset 0)",
        "3 documents: 1 loaded, 1 unchanged, 1 failed",
    ]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_bar_on_a_terminal_and_lines_elsewhere() -> None:
    outcomes = [
        Outcome(Entry("a-2013", Path("a.txt")), "loaded", warnings=("the text is written in zh-Hans but the language given is zh-Hant",)),
        Outcome(Entry("b-2013", Path("b.txt")), "failed", reason="b.txt: the text is empty"),
    ]
    terminal, log = _Terminal(), io.StringIO()
    for stream in (terminal, log):
        progress = Progress(2, stream)
        for outcome in outcomes:
            progress(outcome)
        progress.close()
    assert log.getvalue().splitlines() == [
        "workreport: warning: a-2013: the text is written in zh-Hans but the language given is zh-Hant",
        "[1/2] a-2013 loaded",
        "[2/2] b-2013 failed: b.txt: the text is empty",
    ]
    screen = terminal.getvalue()
    assert "\x1b[K[" in screen and "[1/2]" not in screen
    assert "2/2  1 loaded, 0 unchanged, 1 failed" in screen and "#" * 10 in screen
    assert "workreport: warning: a-2013: the text is written in zh-Hans" in screen
    assert screen.endswith("\r\x1b[K")


def test_a_worker_warning_reaches_stderr_with_its_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "hans.txt").write_text(_report("zh-Hans", 1), encoding="utf-8")
    (tmp_path / "hant.txt").write_text(_report("zh-Hant", 2), encoding="utf-8")
    rows_text = "hans.txt,hans-2013,某市报告,2013,某市人民政府,zh-Hant,\nhant.txt,hant-2013,某市報告,2013,某市人民政府,,\n"
    (tmp_path / "m.csv").write_text(HEADER + rows_text, encoding="utf-8")
    code, rows, err = _ingest(["--manifest", str(tmp_path / "m.csv"), "--jobs", "2"], _empty_database(tmp_path / "db.sqlite3"), capsys)
    assert code == 0 and rows["hans-2013"][1] == "loaded" and rows["hant-2013"][1] == "loaded"
    assert err.count("warning") == 1
    assert "workreport: warning: hans-2013: the text is written in zh-Hans but the language given is zh-Hant; using zh-Hant\n" in err


README = Path(__file__).resolve().parents[3] / "README.md"


def _readme_block(language: str) -> str:
    section = README.read_text(encoding="utf-8").split("### Many reports at once")[1]
    start = section.index(f"```{language}\n") + len(language) + 4
    return section[start : section.index("```", start)]


def test_the_readme_manifests_and_table_are_what_the_command_reads_and_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for relative, script in [("hubei/wuhan-2013.txt", "zh-Hans"), ("shanghai/2013.txt", "zh-Hant")]:
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(_report(script, 3), encoding="utf-8")
    (tmp_path / "curation" / "shanghai-2013").mkdir(parents=True)
    (tmp_path / "manifest.csv").write_text(_readme_block("csv"), encoding="utf-8")
    (tmp_path / "manifest.toml").write_text(_readme_block("toml"), encoding="utf-8")
    url = _empty_database(tmp_path / "db.sqlite3")
    code, rows, _ = _ingest(["--manifest", str(tmp_path / "manifest.csv"), "--jobs", "2"], url, capsys)
    assert code == 0 and {doc_id: row[1] for doc_id, row in rows.items()} == {"wuhan-2013": "loaded", "shanghai-2013": "loaded"}
    code = main(["ingest", "--manifest", str(tmp_path / "manifest.toml"), "--database-url", url])
    out = capsys.readouterr().out
    assert code == 0 and re.search(r"^wuhan-2013 +unchanged ", out, re.MULTILINE)
    section = README.read_text(encoding="utf-8").split("### Many reports at once")[1]
    table = section[section.index("```\ndocument") + 4 :].split("```")[0].strip().splitlines()
    assert table[0].split() == out.splitlines()[0].split()
    assert re.fullmatch(r"\d+ documents: \d+ loaded, \d+ unchanged, \d+ failed", table[-1])
