"""axe-core (bundled with PyPI axe-selenium-python) in headless Chromium on the portal's main
pages, opened from disk: no violation of impact serious or critical."""

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.support.ui import WebDriverWait

from conftest import file_url, note

BLOCKING = {"serious", "critical"}


# The search page is checked with results on it (the script builds them), the list with the
# filter panel the script reveals.
PAGES = ["index.html", "cases/index.html", "STORY", "stats/index.html", "search/index.html?q=データ活用",
         # and the pages with the guidance's diagrams (inline SVG with links), the partners page
         "guidance/stages/index.html", "guidance/process/index.html", "guidance/institutions/index.html",
         "guidance/skills/index.html", "guidance/practices/index.html", "about/index.html", "partners/index.html"]


@pytest.mark.parametrize("page", PAGES)
def test_no_serious_or_critical_axe_violations(driver, site, story_slug, page):
    if page == "STORY":
        page = f"cases/{story_slug}/index.html"
    driver.set_window_size(1280, 900)
    path, _, query = page.partition("?")
    driver.get(file_url(site / path, query))
    driver.find_element("css selector", "main")
    if query:
        WebDriverWait(driver, 10).until(
            lambda d: d.find_elements("css selector", "#search-results li"))
    axe = Axe(driver)
    axe.inject()
    results = axe.run(options='{"resultTypes": ["violations"]}')
    violations = results["violations"]
    counts = {}
    for v in violations:
        counts[v["impact"]] = counts.get(v["impact"], 0) + 1
    note(f"axe-core {driver.execute_script('return axe.version')} {page}: "
         f"{', '.join(f'{n} {k}' for k, n in sorted(counts.items())) or 'no violations'}")
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    report = []
    for v in blocking:
        report.append(f'{v["impact"]}: {v["id"]}: {v["help"]}')
        for node in v["nodes"][:5]:
            report.append(f'    {", ".join(map(str, node["target"]))}: {node.get("failureSummary", "")[:300]}')
    assert not blocking, f"{page}:\n" + "\n".join(report)
