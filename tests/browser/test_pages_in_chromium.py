"""The pages in a real headless Chromium (Debian's chromium + chromium-driver) against a real `workreport serve`."""

from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.servers import running_server

pytestmark = pytest.mark.slow

DOCUMENT = "shanghai-2012"
CHAPTER = "shanghai-2012.c03"
PORTS = range(18800, 18900)
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


def _free_port() -> int:
    """A free port in the range this project's test servers may use."""
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 18800-18899")


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
    with running_server(f"sqlite:///{database}", folder / "serve.log", port=_free_port()) as url:
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


SCREENSHOTS = Path(__file__).parent / "screenshots"
"""Committed screenshots the README shows; `make screenshots` writes them (WORKREPORT_SCREENSHOTS=1)."""


@pytest.mark.parametrize(
    ("name", "path"),
    [("home", "/"), ("document", f"/documents/{DOCUMENT}"), ("targets", "/targets"), ("search", "/search?q=%E5%85%BB%E8%80%81")],
)
def test_screenshots_of_the_pages(browser: Any, base_url: str, tmp_path: Path, name: str, path: str) -> None:
    folder = SCREENSHOTS if os.environ.get("WORKREPORT_SCREENSHOTS") == "1" else tmp_path
    browser.get(base_url + path)
    assert browser.save_screenshot(str(folder / f"{name}.png"))
    _no_console_errors(browser)


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
