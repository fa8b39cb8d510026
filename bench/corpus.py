"""Batch ingest throughput: documents per minute of `workreport ingest --manifest` at 1 and 2 jobs.

Generates whole reports (preamble; parts 一、二、三; sections (一)… under them)
from the seed's paragraphs into a temporary folder, varying the figures, the
sections chosen and the script (every other report in Simplified characters),
writes a manifest.csv, then times `workreport ingest --manifest manifest.csv
--jobs N` into a fresh SQLite database for each N (a new process each time,
start-up included, as a user runs it).

python -m bench.corpus [--reports 100] [--jobs 1 2] [--rounds 2] [--record]
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import re
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import opencc

from .processes import BIN, ROOT
from .run import machine, record_section

SEED = ROOT / "seeds" / "shanghai-2012" / "source.txt"
NUMERALS = "一二三四五六七八九十"
CITIES = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
PREAMBLE = "各位代表:\n現在,我代表市人民政府,向大會報告政府工作,請予審議,並請市政協委員和其他列席人員提出意見。\n"
REVIEW = [
    "{prev}年,全市經濟平穩較快發展,城鄉居民收入持續增加。",
    "地區生產總值增長{a}%,新增就業崗位{b}萬個,城鎮登記失業率控制在{c}%以內。",
    "新建學校{d}所,新增醫院床位{e}張,完成舊區改造{f}萬平方米。",
]
SELF_BUILDING = "深入推進依法行政,加快建設法治政府和服務型政府。嚴格落實廉政建設責任制,堅決懲治腐敗。"


def seed_sections() -> list[tuple[str, list[str]]]:
    """The seed's sections: (title without its numeral, paragraphs)."""
    sections: list[tuple[str, list[str]]] = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^\([一二三四五六七八九十]+\)(.+)$", line)
        if heading:
            sections.append((heading.group(1), []))
        elif line.strip() and sections:
            sections[-1][1].append(line)
    return sections


def vary_numbers(text: str, rng: random.Random) -> str:
    """Scale every Arabic figure that is not a year by 50–150 %, keeping it a whole number."""
    return re.sub(r"(?<![\d.])\d+(?![\d.年])", lambda m: str(max(1, round(int(m.group()) * rng.uniform(0.5, 1.5)))), text)


def report(number: int, year: int, sections: list[tuple[str, list[str]]]) -> str:
    """One whole report, different from every other in its sections, paragraphs and figures."""
    rng = random.Random(number)
    review = [
        line.format(
            prev=year - 1,
            a=rng.randint(5, 12),
            b=rng.randint(20, 80),
            c=rng.randint(3, 5),
            d=rng.randint(10, 60),
            e=rng.randint(1000, 9000),
            f=rng.randint(20, 900),
        )
        for line in REVIEW
    ]
    lines = [PREAMBLE, "一、過去一年的工作", review[0], "(一)經濟運行總體平穩", review[1], "(二)社會事業全面進步", review[2]]
    lines.append(f"二、{year}年主要任務")
    chosen = rng.sample(sections, k=rng.randint(5, len(sections)))
    for index, (title, paragraphs) in enumerate(chosen):
        lines.append(f"({NUMERALS[index]}){title}")
        lines += [vary_numbers(p, rng) for p in rng.sample(paragraphs, k=rng.randint(1, len(paragraphs)))]
    lines += ["三、加強政府自身建設", SELF_BUILDING]
    return "\n".join(lines) + "\n"


def generate(folder: Path, count: int) -> Path:
    """``count`` reports under folder/reports and folder/manifest.csv; half Simplified, language left to detection for half."""
    to_simplified = opencc.OpenCC("t2s")
    sections = seed_sections()
    (folder / "reports").mkdir(parents=True, exist_ok=True)
    rows = ["path,document_id,title,year,issuer,language,curation"]
    for number in range(count):
        year = 2010 + number % 10
        city = f"{CITIES[number % 10]}{number // 10}"
        text = report(number, year, sections)
        simplified = number % 2 == 1
        if simplified:
            text = to_simplified.convert(text)
        doc_id = f"city{number:03d}-{year}"
        (folder / "reports" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        language = ("zh-Hans" if simplified else "zh-Hant") if number % 4 < 2 else ""
        rows.append(f"reports/{doc_id}.txt,{doc_id},{year}年{city}市政府工作報告,{year},{city}市人民政府,{language},")
    manifest = folder / "manifest.csv"
    manifest.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return manifest


def timed_ingest(manifest: Path, jobs: int, database: Path) -> tuple[float, float, str]:
    """Wall and CPU seconds (the command and its workers) of one `workreport ingest --manifest` into a fresh database, and its summary."""
    database.unlink(missing_ok=True)
    url = f"sqlite:///{database}"
    subprocess.run([str(BIN / "workreport"), "db", "upgrade", "--database-url", url], check=True, capture_output=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    result = subprocess.run(
        [str(BIN / "workreport"), "ingest", "--manifest", str(manifest), "--jobs", str(jobs), "--database-url", url],
        check=False,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    seconds = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"ingest --jobs {jobs} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, result.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=100, help="how many reports to generate (default 100)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="the --jobs values to time (default 1 2)")
    parser.add_argument("--rounds", type=int, default=2, help="runs per job count, interleaved, median taken (default 2)")
    parser.add_argument("--record", action="store_true", help="write the table into bench/README.md")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="workreport-corpus-"))
    manifest = generate(folder, args.reports)
    size = sum(path.stat().st_size for path in (folder / "reports").iterdir())
    largest = max(path.stat().st_size for path in (folder / "reports").iterdir())
    started_at = datetime.datetime.now(tz=datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    runs: dict[int, list[tuple[float, float, str]]] = {jobs: [] for jobs in args.jobs}
    load = []
    for _ in range(args.rounds):  # rounds interleave the job counts, so a busy spell of the machine hits both
        for jobs in args.jobs:
            load.append(os.getloadavg()[0])
            runs[jobs].append(timed_ingest(manifest, jobs, folder / f"jobs-{jobs}.sqlite3"))
            print(f"--jobs {jobs}: {runs[jobs][-1][0]:.1f} s, {runs[jobs][-1][1]:.1f} CPU s", flush=True)
    rows = []
    for jobs, results in runs.items():
        seconds = statistics.median(result[0] for result in results)
        cpu = statistics.median(result[1] for result in results)
        rows.append(f"| {jobs} | {seconds:.1f} | {args.reports / seconds * 60:.0f} | {cpu:.1f} | {results[-1][2]} |")
    out = [
        f"Run {started_at} on {machine()}, SQLite; load average before the runs {min(load):.1f}–{max(load):.1f} "
        f"(the machine is shared: wall times move with it, CPU seconds much less).",
        f"{args.reports} generated whole reports, {size / 1024:.0f} KiB in all (largest {largest / 1024:.1f} KiB); "
        f"each run is a fresh `workreport ingest --manifest` process into an empty database; median of {args.rounds}.",
        "",
        "| --jobs | seconds | documents per minute | CPU seconds (all processes) | closing line |",
        "|---:|---:|---:|---:|---|",
        *rows,
    ]
    print("\n".join(out))
    if args.record:
        record_section("corpus", "\n".join(out))
    print(f"\nfiles in {folder}")


if __name__ == "__main__":
    main()
