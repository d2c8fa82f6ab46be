"""Issue 13: the story list's filter 「つまずきから学ぶ」 shows exactly the stories whose front
matter has setbacks (read here with PyYAML, not from bansou), alone and combined with another
filter, and the story page shows its setbacks in their own section."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import file_url

WAIT = 10


def wait(driver, condition):
    return WebDriverWait(driver, WAIT).until(condition)


def with_setbacks(stories, region=None):
    return {meta["title"] for meta, _, published in stories.values()
            if published and meta.get("setbacks") and (region is None or meta["region"] == region)}


def open_list(driver, site):
    driver.get(file_url(site / "cases" / "index.html"))
    panel = driver.find_element(By.ID, "story-filters")
    wait(driver, lambda d: panel.is_displayed())


def shown(driver):
    return {a.text for a in driver.find_elements(By.CSS_SELECTOR, "#filter-results .card-title a")}


def test_the_filter_shows_exactly_the_stories_with_setbacks(driver, site, stories):
    expected = with_setbacks(stories)
    assert len(expected) >= 3, "the sample has at least three stories with setbacks"
    published = {meta["title"] for meta, _, p in stories.values() if p}
    assert expected < published, "some published stories have no setbacks, so the filter really filters"

    open_list(driver, site)
    select = Select(driver.find_element(By.ID, "filter-setbacks"))
    assert driver.find_element(By.CSS_SELECTOR, "label[for=filter-setbacks]").text == "つまずきから学ぶ"
    select.select_by_value("yes")
    wait(driver, lambda d: f"{len(expected)}件" in d.find_element(By.ID, "filter-status").text)
    assert shown(driver) == expected
    assert "setbacks=yes" in driver.current_url

    # Combined with a region (AND).
    region = next(meta["region"] for meta, _, p in stories.values() if p and meta.get("setbacks"))
    both = with_setbacks(stories, region)
    Select(driver.find_element(By.ID, "filter-region")).select_by_value(region)
    wait(driver, lambda d: f"{len(both)}件" in d.find_element(By.ID, "filter-status").text)
    assert shown(driver) == both


def test_a_story_page_shows_its_setbacks_in_their_own_section(driver, site, stories):
    slug, (meta, _, _) = next((s, v) for s, v in sorted(stories.items()) if v[2] and v[0].get("setbacks"))
    driver.get(file_url(site / "cases" / slug / "index.html"))
    section = driver.find_element(By.ID, "setbacks")
    assert section.find_element(By.TAG_NAME, "h2").text == "つまずきと学び"
    text = section.text
    for setback in meta["setbacks"]:
        assert setback["what"] in text and setback["learned"] in text
