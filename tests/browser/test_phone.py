"""The portal on a phone (issue 12): at 390 px no page of the sample portal, nor the internal
dashboard, scrolls sideways (neither the page nor a box inside it), no chart text is drawn
smaller than 12 px, and the wide tables read as one card per row."""
import pytest
from selenium.webdriver.common.by import By

from conftest import file_url

# Not "mobile": a phone's browser zooms out to show a page wider than the screen, and innerWidth
# grows with it; a fixed 390-px layout viewport is what the assertion needs.
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": False}

# Everything that scrolls sideways at 390 px: the page itself, or a box inside it (a figure or a
# table in an overflow:auto box is cropped on a phone). A code block may scroll: that is its nature.
SIDEWAYS = """
const out = [];
if (document.documentElement.scrollWidth > innerWidth) out.push('page ' + document.documentElement.scrollWidth + ' > ' + innerWidth);
for (const e of document.querySelectorAll('body *')) {
  if (e.closest('pre')) continue;
  const style = getComputedStyle(e);
  if (/auto|scroll/.test(style.overflowX) && e.scrollWidth > e.clientWidth + 1)
    out.push(e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '') + ' ' + e.scrollWidth + ' > ' + e.clientWidth);
}
return out;
"""

# The size each visible SVG text is drawn at: its font size times the SVG's scale.
SMALL_TEXT = """
const out = [];
for (const t of document.querySelectorAll('svg text')) {
  const box = t.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) continue;  // in a hidden drawing
  const svg = t.ownerSVGElement, view = svg.viewBox.baseVal;
  const scale = view && view.width ? svg.getBoundingClientRect().width / view.width : 1;
  const px = parseFloat(getComputedStyle(t).fontSize) * scale;
  if (px < 11.95) out.push((svg.id || 'svg') + ': "' + t.textContent.slice(0, 20) + '" ' + px.toFixed(1) + ' px');
}
return out;
"""


def portal_pages(output_dir):
    site = output_dir / "site"
    pages = sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)
    dashboard = output_dir / "reports" / "index.html"
    assert dashboard.is_file(), "the build wrote no internal dashboard"
    return pages + [dashboard]


@pytest.fixture()
def phone(driver):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    yield driver
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_no_page_scrolls_sideways_at_390_px(phone, output_dir):
    pages = portal_pages(output_dir)
    assert len(pages) > 50, f"only {len(pages)} pages: is this the sample portal?"
    wide = {}
    for page in pages:
        phone.get(file_url(page))
        found = phone.execute_script(SIDEWAYS)
        assert phone.execute_script("return innerWidth") == 390
        if found:
            wide[str(page.relative_to(output_dir))] = found
    assert not wide, "scrolls sideways at 390 px:\n" + "\n".join(f"{k}: {v}" for k, v in wide.items())


def test_chart_text_is_at_least_12_px_at_390_px(phone, output_dir):
    site = output_dir / "site"
    pages = [p for p in portal_pages(output_dir) if p.read_text(encoding="utf-8").find("<svg") >= 0]
    assert any("stats" in p.parts for p in pages) and any("guidance" in p.parts for p in pages)
    small = {}
    for page in pages:
        phone.get(file_url(page))
        found = phone.execute_script(SMALL_TEXT)
        if found:
            small[str(page.relative_to(output_dir))] = found[:5] + ([f"… {len(found)} in all"] if len(found) > 5 else [])
    assert not small, "chart text under 12 px at 390 px:\n" + "\n".join(f"{k}: {v}" for k, v in small.items())
    # The phone's drawings were the ones measured: each figure shows exactly one drawing.
    phone.get(file_url(site / "stats" / "index.html"))
    for figure in phone.find_elements(By.CSS_SELECTOR, "figure.figure-svg"):
        shown = [svg for svg in figure.find_elements(By.CSS_SELECTOR, ":scope > svg") if svg.is_displayed()]
        assert len(shown) == 1 and "narrow" in shown[0].get_attribute("class"), figure.get_attribute("outerHTML")[:200]


def test_wide_tables_read_as_cards_on_a_phone(phone, site, story_slug):
    """Below ~600 px a row of a wide table is a card: its cells stack, each under its column's name."""
    phone.get(file_url(site / "guidance" / "challenges" / "index.html"))
    row = phone.find_element(By.CSS_SELECTOR, "table.challenges tbody tr")
    cells = row.find_elements(By.CSS_SELECTOR, "th, td")
    assert len(cells) == 4
    tops = [c.rect["y"] for c in cells]
    assert tops == sorted(tops) and len(set(tops)) == 4, f"cells side by side: {tops}"
    assert all(c.rect["width"] > 250 for c in cells), [c.rect["width"] for c in cells]
    label = phone.execute_script("return getComputedStyle(arguments[0], '::before').content", cells[-1])
    head = phone.execute_script("return document.querySelectorAll('table.challenges thead th')[3].textContent")
    assert label == f'"{head}"', (label, head)
    # The caption keeps the card's width (as a table-caption it was one character wide, 20 lines tall).
    caption = phone.find_elements(By.CSS_SELECTOR, "table.challenges caption")
    if caption:
        assert caption[0].rect["width"] > 250 and caption[0].rect["height"] < 80, caption[0].rect
    phone.get(file_url(site / "cases" / story_slug / "index.html"))
    outcomes = phone.find_elements(By.CSS_SELECTOR, "table.outcomes tbody tr")
    if outcomes:
        change = outcomes[0].find_element(By.CSS_SELECTOR, "td.change")
        assert phone.execute_script("return getComputedStyle(arguments[0], '::before').content", change) == '"変化"'


def test_tables_stay_tables_on_a_desktop(driver, site):
    driver.set_window_size(1280, 900)
    driver.get(file_url(site / "guidance" / "challenges" / "index.html"))
    row = driver.find_element(By.CSS_SELECTOR, "table.challenges tbody tr")
    tops = {round(c.rect["y"]) for c in row.find_elements(By.CSS_SELECTOR, "th, td")}
    assert len(tops) == 1, f"a desktop row should be one line of cells: {tops}"


def test_chart_text_is_at_least_12_px_on_a_desktop_too(driver, site):
    """At 1280 px the wide drawings are shown, scaled to the column: none below 12 px either
    (the process diagram, 978 units wide in a 960-px box, had 10.8-px text)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    try:
        for page in ["guidance/process", "guidance/stages", "guidance/institutions", "guidance/skills", "stats"]:
            driver.get(file_url(site / page / "index.html"))
            assert not driver.execute_script(SMALL_TEXT), page
            shown = [s for s in driver.find_elements(By.CSS_SELECTOR, "figure.figure-svg > svg") if s.is_displayed()]
            assert shown and all("narrow" not in s.get_attribute("class") for s in shown), page
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
