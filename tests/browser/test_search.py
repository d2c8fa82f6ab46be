"""Search as a first visitor uses it (issue 12): ten Japanese queries with the result expected
first (written from the sample content), the snippet around the match with the match marked,
each result labelled 事例 / ガイダンス / ページ, full-width and half-width forms found alike,
and a query with no result offering related themes and the consultation page. From disk
(bansou's own index) and, when the build made one, over http (Pagefind)."""
import re
import socket
import subprocess
import sys
import time
from urllib.parse import quote

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import file_url, note

# (query, the page expected first, its label, why it comes first). Story expectations are checked
# against the stories' front matter below, so a reworded sample fails here, not silently.
QUERIES = [
    ("ＦＡＸ", "cases/fax-to-cloud-ordering/", "事例", "full-width query; FAX in the story's title"),
    ("受発注", "cases/fax-to-cloud-ordering/", "事例", "受発注 in the title"),
    ("勤怠", "cases/paper-timecards-to-cloud-attendance/", "事例", "勤怠 in the title"),
    ("定置網", "cases/fishery-catch-data-sharing/", "事例", "only in this story's body"),
    ("DX認定", "cases/transport-dispatch-joint-delivery/", "事例", "DX認定 in the title"),
    ("ｶﾙﾃ", "cases/salon-customer-records/", "事例", "half-width katakana; カルテ in the title"),
    ("在庫", "cases/wholesale-inventory-visualization/", "事例", "在庫 in the title"),
    ("政策ツール", "guidance/policy-tools/", "ガイダンス", "the guidance page's title"),
    ("スキル", "guidance/skills/", "ガイダンス", "the guidance page's title"),
    ("ご相談", "consult/", "ページ", "the free page's title (ご相談窓口)"),
]
NO_RESULT = "インボイス"
WAIT = 15


def wait_for_results(driver):
    status = driver.find_element(By.ID, "search-status")
    WebDriverWait(driver, WAIT).until(
        lambda d: re.search("検索結果|見つかりませんでした|読み込めません", status.text))
    return status.text


def results(driver):
    out = []
    for li in driver.find_elements(By.CSS_SELECTOR, "#search-results > li"):
        link = li.find_element(By.CSS_SELECTOR, "a")
        snippets = li.find_elements(By.CSS_SELECTOR, "p.result-snippet")
        out.append({
            "href": link.get_attribute("href"), "title": link.text,
            "kind": li.find_element(By.CSS_SELECTOR, ".result-kind").text,
            "snippet": snippets[0].text if snippets else "",
            "marks": [m.text for m in li.find_elements(By.CSS_SELECTOR, "p.result-snippet mark")],
        })
    return out


def fold(text):
    import unicodedata
    return unicodedata.normalize("NFKC", text).lower()


@pytest.fixture(scope="module")
def story_titles(stories):
    return {slug: meta["title"] for slug, (meta, _, published) in stories.items() if published}


def test_the_expectations_match_the_sample(story_titles, stories):
    for query, page, kind, why in QUERIES:
        if kind != "事例":
            continue
        slug = page.split("/")[1]
        assert slug in story_titles, f"{query}: {slug} is not a published story of the sample"
        meta, body, _ = stories[slug]
        if "title" in why:
            assert fold(query) in fold(meta["title"]), f"{query} is not in the title of {slug}"
        else:
            assert fold(query) in fold(body)


def check_query(driver, query, page, kind):
    status = wait_for_results(driver)
    assert "検索結果" in status, f"{query}: {status}"
    found = results(driver)
    assert found, f"{query}: no result listed"
    first = found[0]
    assert page + "index.html" in first["href"], f"{query}: first is {first['href']} ({first['title']}), expected {page}"
    assert first["kind"] == kind, f"{query}: labelled {first['kind']}, expected {kind}"
    # The snippet shows the match (as the page writes it), marked, and not the result's title again.
    assert first["marks"], f"{query}: nothing marked in {first['snippet']!r}"
    assert all(fold(m) == fold(query) for m in first["marks"]), (query, first["marks"])
    assert not first["snippet"].startswith(first["title"])
    # Every result is labelled with one of the three kinds.
    assert {r["kind"] for r in found} <= {"事例", "ガイダンス", "ページ"}
    return found


@pytest.mark.parametrize("query,page,kind,why", QUERIES, ids=[q[0] for q in QUERIES])
def test_query_from_disk_lists_the_expected_page_first(driver, site, query, page, kind, why):
    driver.get(file_url(site / "search" / "index.html", "q=" + quote(query)))
    check_query(driver, query, page, kind)


def test_a_story_snippet_starts_at_the_match_not_at_the_breadcrumb(driver, site):
    driver.get(file_url(site / "search" / "index.html", "q=" + quote("定置網")))
    wait_for_results(driver)
    first = results(driver)[0]
    assert not first["snippet"].startswith("成功事例"), first["snippet"]
    assert first["snippet"].index("定置網") <= 60, first["snippet"]
    assert len(first["snippet"]) <= 130


def test_guidance_heading_outranks_a_story_body_for_jyuhacchu(driver, site, stories):
    """The 業務領域 guidance page has 受発注 as a heading: it comes before every story whose
    title does not hold the word (it ranked below an unrelated transport story)."""
    driver.get(file_url(site / "search" / "index.html", "q=" + quote("受発注")))
    wait_for_results(driver)
    hrefs = [r["href"] for r in results(driver)]
    areas = next(i for i, h in enumerate(hrefs) if "guidance/areas/" in h)
    for i, href in enumerate(hrefs[:areas]):
        slug = href.split("/cases/")[1].split("/")[0] if "/cases/" in href else None
        assert slug and "受発注" in stories[slug][0]["title"], f"{href} ranks above the areas page"


def test_no_result_offers_related_themes_and_the_consultation_page(driver, site):
    driver.get(file_url(site / "search" / "index.html", "q=" + quote(NO_RESULT)))
    status = wait_for_results(driver)
    assert "見つかりませんでした" in status, status
    none = driver.find_element(By.ID, "search-none")
    assert none.is_displayed()
    themes = [a for a in none.find_elements(By.CSS_SELECTOR, "li a") if a.is_displayed()]
    assert 1 <= len(themes) <= 8
    assert all("/themes/" in a.get_attribute("href") for a in themes)
    consult = none.find_element(By.CSS_SELECTOR, ".search-consult a")
    assert consult.get_attribute("href").endswith("consult/index.html")
    # A query that finds something hides the block again.
    box = driver.find_element(By.ID, "search-input")
    box.clear()
    box.send_keys("勤怠")
    driver.find_element(By.CSS_SELECTOR, "#search-form button").click()
    WebDriverWait(driver, WAIT).until(lambda d: "検索結果" in d.find_element(By.ID, "search-status").text)
    assert not none.is_displayed()


def test_related_themes_share_the_querys_words(driver, site, stories):
    """A query found on no page that shares most of its words with a theme lists that theme:
    the longest kana-kanji theme name of the published stories, followed by ゑゐ (archaic kana,
    in no page, so the query cannot match)."""
    themes = {t for meta, _, published in stories.values() if published for t in (meta.get("themes") or [])}
    name = max((t for t in themes if re.fullmatch(r"[ぁ-んァ-ヶー一-龥]+", t)), key=len)
    assert len(name) >= 4, name
    driver.get(file_url(site / "search" / "index.html", "q=" + quote(name + "ゑゐ")))
    assert "見つかりませんでした" in wait_for_results(driver)
    shown = [a.get_attribute("data-name") for a in driver.find_elements(By.CSS_SELECTOR, "#search-none li a") if a.is_displayed()]
    assert shown[0] == name or name in shown, (name, shown)
    assert len(shown) < len(themes), "every theme listed: none was chosen by the query"


@pytest.fixture(scope="module")
def http_site(site):
    port_probe = socket.socket()
    port_probe.bind(("127.0.0.1", 0))
    port = port_probe.getsockname()[1]
    port_probe.close()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            assert time.monotonic() < deadline, "http.server did not start"
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}/"
    server.terminate()
    server.wait(timeout=10)


@pytest.mark.parametrize("query,page,kind,why", QUERIES, ids=[q[0] for q in QUERIES])
def test_query_over_http_lists_the_expected_page_first(driver, site, http_site, query, page, kind, why):
    """Over http search.js takes Pagefind's index when the build made one: the same query
    folding, the same snippet and labels, the same first result."""
    driver.get(http_site + "search/index.html?q=" + quote(query))
    check_query(driver, query, page, kind)
    used = driver.execute_script(
        "return performance.getEntriesByType('resource').some(e => /pagefind\\/pagefind\\.js/.test(e.name))")
    assert used == (site / "pagefind" / "pagefind.js").is_file()
    note(f"search over http: {'Pagefind' if used else 'bansou index (Pagefind not installed)'}")
