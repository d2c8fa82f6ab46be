"""The portal in headless Chromium, from disk: search, combined filters and their URL,
screenshots at phone and desktop width (written for people to look at)."""
import base64
import re
import socket
import subprocess
import sys
import time
from urllib.parse import quote

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import file_url, note

WAIT = 10


def wait(driver, condition, timeout=WAIT):
    return WebDriverWait(driver, timeout).until(condition)


# --- Search ---------------------------------------------------------------------------------

# A word from the body of the fishery story (定置網漁), in no other story of the sample.
SEARCH_WORD = "定置網"


def test_search_finds_a_story_by_a_japanese_word_from_its_body(driver, site, stories):
    expected = {meta["title"] for meta, body, published in stories.values()
                if published and SEARCH_WORD in body}
    assert 1 <= len(expected) <= 3, f"{SEARCH_WORD} should be in one to three published story bodies: {expected}"
    driver.get(file_url(site / "search" / "index.html"))
    box = driver.find_element(By.ID, "search-input")
    box.send_keys(SEARCH_WORD, Keys.ENTER)  # the keyboard path: type and press Enter
    status = driver.find_element(By.ID, "search-status")
    wait(driver, lambda d: "検索結果" in status.text or "読み込めません" in status.text)
    assert "検索結果" in status.text, status.text
    titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li a")]
    # Exactly those stories, each once: a search that returned every page would fail here.
    assert sorted(titles) == sorted(expected), f"{SEARCH_WORD}: expected {expected}, got {titles}"
    assert f"{len(expected)}件" in status.text, status.text
    # The links lead to the stories, relative to the search page.
    for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li a"):
        href = a.get_attribute("href")
        assert href.startswith("file://") and "/cases/" in href, href


def test_search_query_in_the_url_runs_on_load(driver, site, stories):
    expected = {meta["title"] for meta, body, published in stories.values() if published and SEARCH_WORD in body}
    driver.get(file_url(site / "search" / "index.html", "q=" + SEARCH_WORD))
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li a"))
    assert driver.find_element(By.ID, "search-input").get_attribute("value") == SEARCH_WORD
    titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li a")]
    assert sorted(titles) == sorted(expected), f"?q={SEARCH_WORD}: expected {expected}, got {titles}"


def test_search_for_two_words_finds_only_pages_with_both(driver, site, stories):
    """Words are ANDed: 定置網 with a word only other stories hold finds nothing, and with a word
    the fishery story also holds finds it alone."""
    other = "勤怠"  # in stories about attendance, not in the fishery story
    assert any(published and other in body for _, body, published in stories.values())
    for query, expected in ((f"{SEARCH_WORD} {other}", set()),
                            (f"{SEARCH_WORD} 水揚げ", {m["title"] for m, b, ok in stories.values()
                                                      if ok and SEARCH_WORD in b and "水揚げ" in b})):
        driver.get(file_url(site / "search" / "index.html", "q=" + quote(query)))
        status = driver.find_element(By.ID, "search-status")
        wait(driver, lambda d: status.text.strip() not in ("", "検索しています…"))  # answered, found or not
        assert "読み込めません" not in status.text, status.text
        titles = {a.text for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li a")}
        assert titles == expected, f"{query}: expected {expected}, got {titles}"
        if expected:
            assert f"{len(expected)}件" in status.text, status.text


def test_search_over_http_uses_pagefind_when_built(driver, site, stories):
    """Served over http, search.js takes Pagefind's index when the build made one (its ES module
    cannot load from file://), else bansou's own; both must find the story."""
    expected = {meta["title"] for meta, body, published in stories.values() if published and SEARCH_WORD in body}
    port_probe = socket.socket()
    port_probe.bind(("127.0.0.1", 0))
    port = port_probe.getsockname()[1]
    port_probe.close()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "http.server did not start"
                time.sleep(0.1)
        driver.get(f"http://127.0.0.1:{port}/search/index.html?q={quote(SEARCH_WORD)}")
        status = driver.find_element(By.ID, "search-status")
        wait(driver, lambda d: "検索結果" in status.text or "読み込めません" in status.text, timeout=20)
        assert "検索結果" in status.text, status.text
        titles = {a.text for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li a")}
        assert titles == expected, f"{SEARCH_WORD} over http: expected {expected}, got {titles}"
        # The build ran Pagefind (conftest requires it), so over http the script must use it.
        used_pagefind = driver.execute_script(
            "return performance.getEntriesByType('resource').some(e => /pagefind\\/pagefind\\.js/.test(e.name))")
        assert used_pagefind, "search over http did not load pagefind/pagefind.js"
        note("search over http: Pagefind")
        # A result link leads to the story over http.
        link = next(a for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li a") if a.text in expected)
        link.click()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "article.story h1"))
        assert driver.find_element(By.CSS_SELECTOR, "article.story h1").text in expected
    finally:
        server.terminate()
        server.wait(timeout=10)


# --- Filters --------------------------------------------------------------------------------

# Two filters combined (AND); the expected stories come from the front matter, not from bansou.
FILTERS = {"region": "chubu", "before": "2"}
FRONT_MATTER_KEY = {"industry": "industry", "region": "region", "before": "stage_before",
                    "after": "stage_after", "size": "size"}


def expected_titles(stories, chosen):
    return {meta["title"] for meta, _, published in stories.values()
            if published and all(str(meta.get(FRONT_MATTER_KEY[k])) == v for k, v in chosen.items())}


def shown_titles(driver):
    return {a.text for a in driver.find_elements(By.CSS_SELECTOR, "#filter-results .card-title a")}


def open_list(driver, site, query=""):
    driver.get(file_url(site / "cases" / "index.html", query))
    panel = driver.find_element(By.ID, "story-filters")
    wait(driver, lambda d: panel.is_displayed())  # the script revealed the panel
    return panel


def test_two_filters_show_exactly_the_matching_stories_and_the_url_restores_them(driver, site, stories):
    expected = expected_titles(stories, FILTERS)
    # Each filter alone matches more stories, so the combination is really tested.
    for key, value in FILTERS.items():
        assert expected_titles(stories, {key: value}) > expected, f"{key}={value} alone is not wider"
    assert expected, "the combination should match at least one story"

    open_list(driver, site)
    for key, value in FILTERS.items():
        Select(driver.find_element(By.ID, f"filter-{key}")).select_by_value(value)
    status = driver.find_element(By.ID, "filter-status")
    wait(driver, lambda d: f"{len(expected)}件" in status.text)
    assert shown_titles(driver) == expected
    assert not driver.find_element(By.ID, "story-list").is_displayed()
    # Every link of the result leads to an existing story page.
    for a in driver.find_elements(By.CSS_SELECTOR, "#filter-results .card-title a"):
        assert a.get_attribute("href").startswith("file://")

    # The choice is in the URL (history.replaceState) …
    query = driver.execute_script("return location.search").lstrip("?")
    assert dict(p.split("=", 1) for p in query.split("&") if p) == FILTERS, query

    # … and loading that URL restores the same view.
    driver.get("about:blank")
    open_list(driver, site, query)
    for key, value in FILTERS.items():
        assert Select(driver.find_element(By.ID, f"filter-{key}")).first_selected_option.get_attribute("value") == value
    wait(driver, lambda d: f"{len(expected)}件" in d.find_element(By.ID, "filter-status").text)
    assert shown_titles(driver) == expected

    # Clearing the filters brings back the plain list and empties the query.
    driver.find_element(By.CSS_SELECTOR, "#filter-form button[type=reset]").click()
    wait(driver, lambda d: d.find_element(By.ID, "story-list").is_displayed())
    assert driver.execute_script("return location.search") == ""


def test_filters_are_usable_with_the_keyboard(driver, site, stories):
    open_list(driver, site)
    select = driver.find_element(By.ID, "filter-region")
    select.send_keys(Keys.ARROW_DOWN)  # keyboard only: the first region
    first = Select(select).first_selected_option.get_attribute("value")
    assert first, "arrow down did not choose a region"
    expected = expected_titles(stories, {"region": first})
    wait(driver, lambda d: f"{len(expected)}件" in d.find_element(By.ID, "filter-status").text)
    assert shown_titles(driver) == expected


# --- Sections shown only when a list is not empty -------------------------------------------

def test_optional_sections_render_when_their_lists_are_not_empty(driver, site, story_slug, stories):
    """{{#first(list)}} guards (swift-mustache has no {{#list.0}}): a story shows its areas,
    institutions and themes and its related stories; the process page links its stories."""
    meta = stories[story_slug][0]
    driver.get(file_url(site / "cases" / story_slug / "index.html"))
    tags = {a.text for a in driver.find_elements(By.CSS_SELECTOR, ".story-meta a.tag")}
    assert len(tags) >= len(meta.get("areas", [])) + len(meta.get("institutions", [])) > 0, tags
    assert driver.find_elements(By.CSS_SELECTOR, ".related .story-card"), "no related stories"
    driver.get(file_url(site / "guidance" / "process" / "index.html"))
    assert driver.find_elements(By.CSS_SELECTOR, ".related-inline a"), "process phases link no story"


# --- Screenshots ----------------------------------------------------------------------------

WIDTHS = {"phone": 390, "desktop": 1280}


def screenshot(driver, path, width):
    """A full-page PNG at the given CSS width; returns the page's width and its STYLED_REGIONS
    at that width (the caller fails if it overflows sideways)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    try:
        driver.execute_script("return document.fonts ? document.fonts.ready : null")
        overflow = driver.execute_script("return document.documentElement.scrollWidth")
        height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
        path.write_bytes(base64.b64decode(shot["data"]))
        regions = driver.execute_script(STYLED_REGIONS)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return overflow, regions


@pytest.mark.parametrize("device", WIDTHS)
@pytest.mark.parametrize("page", ["home", "story"])
def test_screenshots_at_phone_and_desktop_width(driver, site, story_slug, screenshots_dir, page, device):
    width = WIDTHS[device]
    target = site / "index.html" if page == "home" else site / "cases" / story_slug / "index.html"
    driver.get(file_url(target))
    path = screenshots_dir / f"{page}-{device}-{width}.png"
    scroll_width, regions = screenshot(driver, path, width)
    assert scroll_width <= width, f"{page} overflows sideways at {width}px: {scroll_width}px wide"
    # The picture shows the page as styled: read back at the header's and the heading's boxes.
    png_width, png_height, pixel = read_png(path)
    assert png_width == width, f"{path} is {png_width}px wide, not {width}"
    assert png_height == regions["height"], f"{path} is {png_height}px high, the page {regions['height']}px"
    header, heading = regions["header"], regions["h1"]
    # The header band is the brand colour that style.css declares (without the stylesheet it is white).
    brand = re.search(r"--brand:\s*#([0-9a-fA-F]{6})", (site / "assets" / "style.css").read_text(encoding="utf-8"))
    assert brand, "style.css declares no --brand colour"
    brand = tuple(int(brand.group(1)[i:i + 2], 16) for i in (0, 2, 4))
    assert tuple(header["background"]) == brand, f"the header's background is {header['background']}, not --brand {brand}"
    band = [pixel(x, header["y"] + 2) for x in range(0, width, 7)]
    share = sum(1 for p in band if near(p, brand, 8)) / len(band)
    assert share > 0.5, f"{path}: the header band is not the brand colour {brand} (share {share:.2f}, e.g. {band[:3]})"
    # The heading's glyphs: pixels of its text colour, and of the page's background between them.
    box = [pixel(x, y) for y in range(heading["top"], heading["bottom"]) for x in range(heading["left"], heading["right"])]
    ink = sum(1 for p in box if near(p, heading["color"], 60)) / len(box)
    paper = sum(1 for p in box if near(p, heading["background"], 8)) / len(box)
    assert 0.02 < ink < 0.6, f"{path}: the h1 shows {ink:.3f} of its text colour {heading['color']} (no text drawn?)"
    assert paper > 0.3, f"{path}: the h1's box is not mostly its background {heading['background']} ({paper:.2f})"


# Boxes (CSS pixels, whole numbers inside the page) and computed colours, read in the page.
STYLED_REGIONS = """
function rgb(text) { return text.match(/\\d+/g).slice(0, 3).map(Number); }
function background(el) {
  for (; el; el = el.parentElement) {
    var c = getComputedStyle(el).backgroundColor;
    if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return rgb(c);
  }
  return [255, 255, 255];
}
var header = document.querySelector('.site-header'), h1 = document.querySelector('main h1') || document.querySelector('h1');
var hr = header.getBoundingClientRect(), r = h1.getBoundingClientRect(), y = window.scrollY;
// The h1's own line boxes: a Range around its text, not the block's full width.
var range = document.createRange(); range.selectNodeContents(h1); var t = range.getBoundingClientRect();
return {
  height: Math.ceil(document.documentElement.scrollHeight),
  header: { y: Math.round(hr.top + y), background: background(header) },
  h1: { left: Math.ceil(t.left), right: Math.floor(t.right), top: Math.ceil(t.top + y), bottom: Math.floor(t.bottom + y),
        color: rgb(getComputedStyle(h1).color), background: background(h1) }
};
"""


def near(pixel, colour, tolerance):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour))


def read_png(path):
    """(width, height, pixel(x, y) -> (r, g, b)) of an 8-bit RGB or RGBA PNG, as Chromium writes
    them; the standard library only (zlib), no imaging package to install."""
    import struct
    import zlib
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    pos, chunks, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, f"{path}: unexpected PNG format {header}"
    channels = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows = []

    def unfilter(y):  # rows are read on demand, top down: the checks look at the top of the page
        previous = rows[-1] if rows else bytearray(stride)
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            up_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else up_left)) & 0xFF
        rows.append(line)

    def pixel(x, y):
        while len(rows) <= y:
            unfilter(len(rows))
        row = rows[y]
        return tuple(row[x * channels:x * channels + 3])
    return width, height, pixel
