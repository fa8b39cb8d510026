"""The scale runs (bench/scale.py): pages of equal size at every size, medians of every percentile, the verdict."""

from __future__ import annotations

import pytest

from bench.load import Result
from bench.scale import Figure, grown_page, median_figure, verdict, with_limit


def test_with_limit_replaces_the_limit_and_keeps_the_other_parameters_in_order() -> None:
    assert with_limit("/v1/search?q=%E5%85%BB%E8%80%81&limit=50", 10) == "/v1/search?q=%E5%85%BB%E8%80%81&limit=10"
    assert with_limit("/v1/targets?limit=50&unit=har", 3) == "/v1/targets?unit=har&limit=3"
    assert with_limit("/v1/measures", 7) == "/v1/measures?limit=7"


@pytest.mark.parametrize(
    ("path", "at_base", "at_largest", "expected"),
    [
        ("/v1/targets?unit=har&limit=50", 3, 50, "/v1/targets?unit=har&limit=3"),  # 3 at 1×, 50 at 100×: 3 at both
        ("/v1/measures?limit=50", 50, 50, "/v1/measures?limit=50"),  # full at the base size already
        ("/v1/measures?chapter=c05&limit=50", 32, 32, "/v1/measures?chapter=c05&limit=50"),  # one document's: never grows
        ("/v1/measures/shanghai-2012.c03.p02.m18", 1, 1, "/v1/measures/shanghai-2012.c03.p02.m18"),  # one record
        ("/v1/search?q=x&limit=50", 0, 50, "/v1/search?q=x&limit=50"),  # nothing at the base size: limit=0 is refused
    ],
)
def test_a_page_that_grows_with_the_corpus_is_cut_to_what_the_base_page_holds(
    path: str, at_base: int, at_largest: int, expected: str
) -> None:
    assert grown_page(path, at_base, at_largest) == expected


def _run(rps: float, p50: float, p99: float, requests: int) -> Result:
    return Result(rps=rps, p50_ms=p50, p99_ms=p99, requests=requests, errors=0, non_2xx_3xx=0)


def test_each_percentile_is_its_own_median_and_cpu_is_per_request() -> None:
    runs = [_run(1000, 10, 90, 3000), _run(1200, 8, 20, 3600), _run(1100, 9, 30, 3400)]
    figure = median_figure(runs, cpu_seconds_used=5.0, records=10)
    # the run with the median rate has p99 30; the median p99 is 30 too, but the median p50 is 9 from another run
    assert (figure.rps, figure.p50_ms, figure.p99_ms, figure.records) == (1100, 9, 30, 10)
    assert figure.cpu_us == pytest.approx(5.0 / 10_000 * 1e6)


def test_the_verdict_compares_the_largest_size_with_the_base() -> None:
    base = Figure(rps=2000, p50_ms=10, p99_ms=20, cpu_us=400, records=3)
    assert verdict("sqlite", "filter_unit", (1, 100), base, Figure(1900, 11, 30, 420, 3)).startswith(
        "- ok: sqlite filter_unit p99 at 100× within 1.5× of 1× — 1.50× (3 records per page at both sizes;"
    )
    assert verdict("sqlite", "search3", (1, 100), base, Figure(1000, 20, 31, 800, 3)).startswith("- NOT MET: sqlite search3")
