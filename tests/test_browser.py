"""The reports as a reader sees them: headless Chromium opens the index and the brief."""
import os
import shutil
import subprocess

import pytest


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    """Debian's chromium; installed here with apt-get when missing and we may (CI runs as root)."""
    found = shutil.which("chromium")
    if not found and shutil.which("apt-get") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, timeout=600)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], env=env,
                       capture_output=True, timeout=900)
        found = shutil.which("chromium")
    if not found:
        pytest.skip("Debian's chromium is not installed and apt-get is not usable here (needs root)")
    return found


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def open_page(browser, path):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    blocked = []
    page.on("request", lambda request: blocked.append(request.url)
            if not request.url.startswith(("file:", "data:")) else None)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, blocked


def test_index_links_every_report(browser, reports):
    page, outside = open_page(browser, reports / "index.html")
    links = page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
    assert "04_story_brief.html" in links and "tables/scores.csv" in links
    page.screenshot(path=str(reports / "index.png"), full_page=True)
    assert outside == []


def test_brief_shows_highlights_and_plots(browser, reports):
    page, outside = open_page(browser, reports / "04_story_brief.html")
    assert page.locator("mark").count() > 20                     # highlighted spans
    titles = page.eval_on_selector_all("mark[title]", "els => els.map(e => e.title)")
    assert any(t.startswith("source: ") for t in titles)
    images = page.locator("img")
    assert images.count() >= 1
    assert all(images.nth(i).evaluate("img => img.naturalWidth > 100") for i in range(images.count()))
    # The untrusted article's markup is shown as text, not run.
    assert page.evaluate("() => document.querySelectorAll('script').length") == 0
    assert "<script>alert" in page.inner_text("body")
    page.screenshot(path=str(reports / "brief.png"), full_page=True)  # kept beside the run's reports
    assert outside == []
