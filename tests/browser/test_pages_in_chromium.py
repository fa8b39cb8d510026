"""The pages in a real headless Chromium (Debian's chromium + chromium-driver) against a real `workreport serve`."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.servers import free_port, running_server

pytestmark = pytest.mark.slow

DOCUMENT = "shanghai-2012"
CHAPTER = "shanghai-2012.c03"
PORTS = range(18800, 18900)
"""The ports of the servers Chromium opens when WORKREPORT_TEST_PORTS is not set."""
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,900",
)


def _require_chromium() -> None:
    if CHROMIUM and DRIVER:
        return
    message = "chromium and chromium-driver are needed (apt-get install chromium chromium-driver)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def base_url(seeded_templates: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _require_chromium()
    folder = tmp_path_factory.mktemp("browser")
    database = folder / "seeded.sqlite3"
    shutil.copyfile(seeded_templates["sqlite"], database)
    with running_server(f"sqlite:///{database}", folder / "serve.log", port=free_port(PORTS)) as url:
        yield url


@pytest.fixture(scope="module")
def compared_url(compared_sqlite: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over the seed with whole reports beside it: results, outcomes and series to show."""
    _require_chromium()
    folder = tmp_path_factory.mktemp("browser-compared")
    database = folder / "compared.sqlite3"
    shutil.copyfile(compared_sqlite, database)
    with running_server(f"sqlite:///{database}", folder / "serve.log", port=free_port(PORTS)) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    assert CHROMIUM is not None and DRIVER is not None
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="workreport-chromium-")
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=DRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _json(url: str) -> Any:
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/json"}), timeout=10) as response:
        return json.loads(response.read())


def _wait(driver: Any, condition: Any, timeout: float = 10) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _no_console_errors(driver: Any) -> None:
    """No errors in the console, and nothing requested from any other host."""
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors
    origins = driver.execute_script("return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)")
    assert set(origins) <= {driver.execute_script("return location.origin")}, origins


def test_every_measure_of_a_chapter_is_marked_at_its_characters(browser: Any, base_url: str) -> None:
    from selenium.webdriver.common.by import By

    measures = _json(f"{base_url}/v1/measures?chapter={CHAPTER}&limit=500")["data"]
    assert measures
    browser.get(f"{base_url}/documents/{DOCUMENT}")
    for measure in measures:
        element = browser.find_element(By.ID, measure["id"])
        assert element.get_attribute("data-kind") == "measure"
        assert element.get_attribute("textContent") == measure["source"]["quote"]
        assert element.find_element(By.XPATH, "ancestor::section").get_attribute("aria-labelledby") == CHAPTER
    _no_console_errors(browser)


def test_a_list_measure_shows_the_words_it_is_read_under(browser: Any, base_url: str) -> None:
    from selenium.webdriver.common.by import By

    measures = _json(f"{base_url}/v1/measures?chapter={CHAPTER}&limit=500")["data"]
    measure = next(m for m in measures if m.get("frames"))
    browser.get(f"{base_url}/documents/{DOCUMENT}")
    element = browser.find_element(By.ID, measure["id"])
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    browser.execute_script("arguments[0].click()", element)
    panel = browser.find_element(By.ID, "record-panel")
    _wait(browser, lambda driver: "loaded" in (panel.get_attribute("class") or ""))
    expected = " ‹ ".join(frame["source"]["quote"] for frame in measure["frames"])
    assert panel.find_element(By.CLASS_NAME, "read-under").text == expected
    _no_console_errors(browser)


def test_clicking_a_highlight_shows_its_record(browser: Any, base_url: str) -> None:
    from selenium.webdriver.common.by import By

    target = _json(f"{base_url}/v1/targets?limit=1")["data"][0]
    browser.get(f"{base_url}/documents/{DOCUMENT}")
    element = browser.find_element(By.ID, target["id"])
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()
    panel = browser.find_element(By.ID, "record-panel")
    _wait(browser, lambda driver: "loaded" in (panel.get_attribute("class") or ""))
    assert panel.is_displayed()
    assert target["id"] in panel.find_element(By.CLASS_NAME, "panel-title").text
    assert panel.find_element(By.CLASS_NAME, "api-url").text == f"{base_url}/v1/targets/{target['id']}"
    assert target["source"]["quote"] in panel.find_element(By.CLASS_NAME, "panel-fields").text
    assert browser.current_url.startswith(f"{base_url}/documents/{DOCUMENT}")
    _no_console_errors(browser)


def test_a_permalink_scrolls_to_and_marks_its_record(browser: Any, base_url: str) -> None:
    from selenium.webdriver.common.by import By

    last = _json(f"{base_url}/v1/targets?limit=500")["data"][-1]
    browser.get(f"{base_url}/documents/{DOCUMENT}#{last['id']}")
    element = browser.find_element(By.ID, last["id"])
    _wait(browser, lambda driver: "selected" in (element.get_attribute("class") or ""))
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", element)
    height = browser.execute_script("return window.innerHeight")
    assert 0 <= top <= height
    assert browser.execute_script("return window.scrollY") > 0


def test_the_script_toggle_changes_characters_but_not_their_count(browser: Any, base_url: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{base_url}/documents/{DOCUMENT}")
    read = "return Array.from(document.querySelector('.text').textContent).length"
    before_text = browser.find_element(By.CSS_SELECTOR, ".text").get_attribute("textContent")
    before = browser.execute_script(read)
    measure = _json(f"{base_url}/v1/measures?limit=1")["data"][0]
    browser.find_element(By.CSS_SELECTOR, "input[name=script][value=zh-Hans]").click()
    page = browser.find_element(By.CSS_SELECTOR, ".document-page")
    _wait(browser, lambda driver: page.get_attribute("data-script") == "zh-Hans")
    after_text = browser.find_element(By.CSS_SELECTOR, ".text").get_attribute("textContent")
    assert browser.execute_script(read) == before and after_text != before_text
    assert browser.find_element(By.CSS_SELECTOR, ".text").get_attribute("lang") == "zh-Hans"
    simplified = browser.find_element(By.ID, measure["id"]).get_attribute("textContent")
    assert simplified == measure["text"]["zh-Hans"] or len(simplified) == len(measure["source"]["quote"])
    browser.find_element(By.CSS_SELECTOR, "input[name=script][value=zh-Hant]").click()
    _wait(browser, lambda driver: page.get_attribute("data-script") == "zh-Hant")
    assert browser.execute_script(read) == before
    browser.find_element(By.CSS_SELECTOR, "input[name=script][value=source]").click()
    assert browser.find_element(By.CSS_SELECTOR, ".text").get_attribute("textContent") == before_text
    _no_console_errors(browser)


def test_search_page_shows_hits_and_links_into_the_text(browser: Any, base_url: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(base_url + "/")
    box = browser.find_element(By.ID, "home-q")
    box.send_keys("养老")
    box.submit()
    _wait(browser, lambda driver: "/search" in driver.current_url)
    hits = browser.find_elements(By.CSS_SELECTOR, "ol.hits mark.hit")
    assert hits and all(hit.text == "養老" for hit in hits)
    _no_console_errors(browser)


def test_the_indicator_page_charts_a_series_with_its_text_alternative(browser: Any, compared_url: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{compared_url}/indicators")
    browser.find_element(By.CSS_SELECTOR, "a[href='/indicators/gdp_growth']").click()
    _wait(browser, lambda driver: driver.current_url.endswith("/indicators/gdp_growth"))
    chart = browser.find_element(By.CSS_SELECTOR, "svg.chart.series")
    assert chart.get_attribute("role") == "img"
    labelled = chart.get_attribute("aria-labelledby").split()
    assert [browser.find_element(By.ID, name).tag_name for name in labelled] == ["title", "desc"]
    assert "Regional GDP growth" in browser.find_element(By.ID, labelled[0]).get_attribute("textContent")
    assert chart.size["width"] > 300 and chart.size["height"] > 150
    series = _json(f"{compared_url}/v1/indicators/gdp_growth/series?limit=500")["data"]
    assert len(chart.find_elements(By.CSS_SELECTOR, "circle.pt-result")) == sum(1 for p in series if p["kind"] == "result")
    rows = browser.find_elements(By.CSS_SELECTOR, "#series-table tbody tr")
    assert len(rows) == len(series)
    missed = browser.find_element(By.CSS_SELECTOR, "#series-table tr[data-outcome=not_met]")
    assert "not met" in missed.text
    colour = browser.execute_script(
        "return getComputedStyle(arguments[0]).stroke", chart.find_element(By.CSS_SELECTOR, "line.outcome-not_met")
    )
    assert colour == "rgb(179, 38, 30)"  # the style sheet's colour: classes work under the CSP
    chart.find_element(By.CSS_SELECTOR, "a").click()
    _wait(browser, lambda driver: "/documents/" in driver.current_url and "#" in driver.current_url)
    _no_console_errors(browser)


def test_the_body_page_lists_measures_by_role(browser: Any, compared_url: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{compared_url}/documents/{DOCUMENT}")
    body = browser.find_element(By.CSS_SELECTOR, "mark.hl-body[data-record='org.trade-unions']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", body)
    body.click()
    panel = browser.find_element(By.ID, "record-panel")
    _wait(browser, lambda driver: "loaded" in (panel.get_attribute("class") or ""))
    panel.find_element(By.LINK_TEXT, "page").click()
    _wait(browser, lambda driver: driver.current_url.endswith("/bodies/org.trade-unions"))
    measures = _json(f"{compared_url}/v1/bodies/org.trade-unions/measures?limit=500")["data"]
    for measure in measures:
        role = next(a["role"] for a in measure["bodies"] if a["body_id"] == "org.trade-unions")
        item = browser.find_element(By.ID, measure["id"])
        section = item.find_element(By.XPATH, "ancestor::section")
        assert section.get_attribute("data-role") == role
        assert section.find_element(By.TAG_NAME, "h2").text.lower().startswith(role)
    browser.get(f"{compared_url}/bodies")
    assert browser.find_element(By.CSS_SELECTOR, "a[href='/bodies/org.trade-unions']")
    _no_console_errors(browser)


def test_a_result_highlight_shows_its_record(browser: Any, compared_url: str) -> None:
    from selenium.webdriver.common.by import By

    result = _json(f"{compared_url}/v1/results?document=example-2013&limit=1")["data"][0]
    browser.get(f"{compared_url}/documents/example-2013")
    element = browser.find_element(By.ID, result["id"])
    assert "hl-result" in element.get_attribute("class") and element.get_attribute("textContent") == result["source"]["quote"]
    legend = browser.find_element(By.CSS_SELECTOR, ".legend mark.hl-result")
    style = "return getComputedStyle(arguments[0]).backgroundColor"
    assert (
        browser.execute_script(style, element)
        == browser.execute_script(style, legend)
        != browser.execute_script(style, browser.find_element(By.CSS_SELECTOR, ".legend mark.hl-target"))
    )
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()
    panel = browser.find_element(By.ID, "record-panel")
    _wait(browser, lambda driver: "loaded" in (panel.get_attribute("class") or ""))
    assert panel.find_element(By.CLASS_NAME, "panel-title").text == f"result {result['id']}"
    assert panel.find_element(By.CLASS_NAME, "api-url").text == f"{compared_url}/v1/results/{result['id']}"
    assert result["source"]["quote"] in panel.find_element(By.CLASS_NAME, "panel-fields").text
    _no_console_errors(browser)


def test_search_paging_moves_to_page_two_and_back(browser: Any, base_url: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{base_url}/search?q=%E5%BB%BA%E8%A8%AD")
    first = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "ol.hits .id")]
    browser.find_element(By.CSS_SELECTOR, "nav.pager a[rel=next]").click()
    _wait(browser, lambda driver: "cursor=" in driver.current_url)
    api = _json(f"{base_url}/v1/search?q=%E5%BB%BA%E8%A8%AD&limit=20")
    second = _json(api["links"]["next"])["data"]
    assert [e.text for e in browser.find_elements(By.CSS_SELECTOR, "ol.hits .id")] == [hit["id"] for hit in second]
    assert browser.find_element(By.CSS_SELECTOR, "ol.hits").get_attribute("start") == "21"
    assert all(mark.text == "建設" for mark in browser.find_elements(By.CSS_SELECTOR, "ol.hits mark.hit"))
    browser.find_element(By.CSS_SELECTOR, "nav.pager a[rel=prev]").click()
    _wait(browser, lambda driver: "cursor=" not in driver.current_url)
    assert [e.text for e in browser.find_elements(By.CSS_SELECTOR, "ol.hits .id")] == first
    _no_console_errors(browser)


NEW_PAGES = ["/indicators", "/indicators/affordable_housing", "/bodies", "/bodies/shanghai.municipal-government", "/documents/example-2013"]


def test_the_new_pages_fit_a_phone(browser: Any, compared_url: str) -> None:
    """At 390 px nothing but a table's own scroller is wider than the screen."""
    from selenium.webdriver.common.by import By

    browser.set_window_size(390, 844)
    try:
        for path in [*NEW_PAGES, "/search?q=%E5%BB%BA%E8%A8%AD"]:
            browser.get(compared_url + path)
            assert browser.execute_script("return window.innerWidth") <= 400  # a phone's width, not a minimum window's
            assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), path
            for chart in browser.find_elements(By.CSS_SELECTOR, "svg.chart"):
                assert chart.size["width"] <= 390, path
            assert browser.execute_script("return document.documentElement.lang") == "en"
            _no_console_errors(browser)
    finally:
        browser.set_window_size(1280, 900)


SCREENSHOTS = Path(__file__).parent / "screenshots"
"""Committed screenshots the README shows; `make screenshots` writes them (WORKREPORT_SCREENSHOTS=1)."""


@pytest.mark.parametrize(
    ("name", "path"),
    [("home", "/"), ("document", f"/documents/{DOCUMENT}"), ("targets", "/targets"), ("search", "/search?q=%E5%85%BB%E8%80%81")],
)
def test_screenshots_of_the_pages(browser: Any, base_url: str, tmp_path: Path, name: str, path: str) -> None:
    _screenshot(browser, base_url + path, tmp_path, name)


def _screenshot(browser: Any, url: str, tmp_path: Path, name: str, script: str = "") -> None:
    folder = SCREENSHOTS if os.environ.get("WORKREPORT_SCREENSHOTS") == "1" else tmp_path
    browser.get(url)
    if script:
        browser.execute_script(script)
    assert browser.save_screenshot(str(folder / f"{name}.png"))
    _no_console_errors(browser)


@pytest.mark.parametrize(
    ("name", "path", "script"),
    [
        ("indicators", "/indicators", ""),
        ("indicator", "/indicators/gdp_growth", ""),
        ("bodies", "/bodies", ""),
        ("body", "/bodies/shanghai.municipal-government", ""),
        ("results", "/documents/example-2013", ""),
        ("document-charts", f"/documents/{DOCUMENT}", "var c = document.getElementById('charts'); c.open = true; c.scrollIntoView();"),
        ("search-page-2", "/search?q=%E5%BB%BA%E8%A8%AD&cursor=WyIxIiwyMF0", ""),
    ],
)
def test_screenshots_of_the_pages_over_whole_reports(
    browser: Any, compared_url: str, tmp_path: Path, name: str, path: str, script: str
) -> None:
    """Pages that need results, outcomes and series: over whole reports loaded beside the seed."""
    _screenshot(browser, compared_url + path, tmp_path, name, script)


def test_the_targets_table_sorts_filters_and_downloads_the_rows_shown(browser: Any, base_url: str, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    browser.get(f"{base_url}/targets")
    table = browser.find_element(By.ID, "targets-table")
    _wait(browser, lambda driver: table.get_attribute("data-ready") == "true")
    visible = "return Array.from(document.querySelectorAll('#targets-table tbody tr')).filter(r => !r.hidden).map(r => r.dataset.id)"
    every = browser.execute_script(visible)
    Select(browser.find_element(By.ID, "filter-type")).select_by_visible_text("qualitative")
    qualitative = browser.execute_script(visible)
    assert 0 < len(qualitative) < len(every)
    assert browser.find_element(By.ID, "shown-count").text == str(len(qualitative))
    browser.find_element(By.CSS_SELECTOR, "th[data-key=id] button").click()
    browser.find_element(By.CSS_SELECTOR, "th[data-key=id] button").click()
    assert browser.execute_script(visible) == sorted(qualitative, reverse=True)
    browser.find_element(By.ID, "download-json").click()
    browser.find_element(By.ID, "download-csv").click()
    _wait(browser, lambda driver: (tmp_path / "targets.json").exists() and (tmp_path / "targets.csv").exists())
    rows = json.loads((tmp_path / "targets.json").read_text(encoding="utf-8"))
    assert [row["id"] for row in rows] == sorted(qualitative, reverse=True) and {row["type"] for row in rows} == {"qualitative"}
    assert len((tmp_path / "targets.csv").read_text(encoding="utf-8").splitlines()) == len(qualitative) + 1
    link = browser.find_element(By.CSS_SELECTOR, "#targets-table tbody tr:not([hidden]) a")
    link.click()
    _wait(browser, lambda driver: "/documents/" in driver.current_url)
    marked = browser.find_element(By.ID, browser.current_url.split("#", 1)[1])
    _wait(browser, lambda driver: "selected" in (marked.get_attribute("class") or ""))
    _no_console_errors(browser)
