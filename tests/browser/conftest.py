"""Browser and validity checks of the generated portal (issue 5).

One session fixture builds the bundled sample (Content/, Templates/) with the real binary
into a temporary folder; the pages are opened as file:// URLs, because the portal must work
from disk. Chromium is Debian's (/usr/bin/chromium) driven through Debian's chromedriver,
named explicitly so that Selenium Manager never tries to download a driver or a browser.
"""
import os
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
BANSOU = REPO / ".build" / "debug" / "bansou"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# Never let Selenium Manager reach the network, whatever the Selenium version.
os.environ.setdefault("SE_OFFLINE", "true")

# Lines shown at the end of the run even with -q and all tests passing (checker counts,
# where the screenshots are).
SUMMARY: list[str] = []


def note(line: str) -> None:
    if line not in SUMMARY:
        SUMMARY.append(line)


def pytest_terminal_summary(terminalreporter):
    if SUMMARY:
        terminalreporter.section("bansou browser checks")
        for line in SUMMARY:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def output_dir(tmp_path_factory):
    """Builds the sample portal once: <tmp>/Output/site (and reports/, not looked at here)."""
    if not BANSOU.exists():
        pytest.fail(f"{BANSOU} is missing: run `swift build` (make test does) first")
    out = tmp_path_factory.mktemp("bansou") / "Output"
    command = [str(BANSOU), "build", "--quiet", "--pagefind", "--output", str(out)]
    # --pagefind as `make demo` does. scripts/setup installs Pagefind, so the tests require it: a
    # portal built without it would leave the Pagefind checks nothing to check. BANSOU_PAGEFIND=off
    # in the caller's environment would do the same, so it is dropped here.
    env = {k: v for k, v in os.environ.items() if k != "BANSOU_PAGEFIND"}
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300, env=env)
    if result.returncode == 3 and "Pagefind is needed" in result.stderr:
        pytest.fail("Pagefind is not installed: run scripts/setup (it installs pagefind-bin-extended)\n" + result.stderr)
    assert result.returncode == 0, f"bansou build failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    assert (out / "site" / "index.html").is_file()
    assert (out / "site" / "pagefind" / "pagefind.js").is_file(), "bansou build --pagefind wrote no Pagefind bundle"
    note(f"sample portal built into {out}")
    return out


@pytest.fixture(scope="session")
def site(output_dir):
    return output_dir / "site"


@pytest.fixture(scope="session")
def screenshots_dir(output_dir):
    d = output_dir / "screenshots"
    d.mkdir(parents=True, exist_ok=True)
    note(f"screenshots (phone 390 px, desktop 1280 px): {d}")
    return d


@pytest.fixture(scope="session")
def driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            pytest.fail(f"{path} is missing: run scripts/setup (Debian chromium and chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=ja-JP", "--hide-scrollbars",
                "--allow-file-access-from-files"):
        options.add_argument(arg)
    service = Service(executable_path=CHROMEDRIVER)
    drv = webdriver.Chrome(service=service, options=options)
    drv.set_page_load_timeout(30)
    drv.set_script_timeout(30)
    yield drv
    drv.quit()


def file_url(path: Path, query: str = "") -> str:
    return path.resolve().as_uri() + (("?" + query) if query else "")


# --- The sample's content, read independently of bansou -------------------------------------

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)


def read_story(path: Path):
    text = path.read_text(encoding="utf-8")
    m = FRONT_MATTER.match(text)
    assert m, f"{path}: no front matter"
    return yaml.safe_load(m.group(1)), m.group(2)


def _as_date(value):
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@pytest.fixture(scope="session")
def stories():
    """The sample's stories as {slug: (front matter, body, published)}; published follows the
    README's rule: not a draft, not dated after as_of, and a named client has consented."""
    content = REPO / "Content"
    site_yaml = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8"))
    as_of = _as_date(site_yaml["as_of"])
    out = {}
    for path in sorted((content / "cases").glob("*.md")):
        meta, body = read_story(path)
        published = not meta.get("draft", False) and _as_date(meta["date"]) <= as_of
        client = meta.get("client")
        if published and client:
            record = yaml.safe_load((content / "clients" / f"{client}.yaml").read_text(encoding="utf-8"))
            published = bool(((record or {}).get("consent") or {}).get("stories", False))
        out[path.stem] = (meta, body, published)
    return out


@pytest.fixture(scope="session")
def story_slug(stories, site):
    """The story page the checks look at: the longest published story that has a Markdown table
    (the richest page of the sample), else the longest published one."""
    published = [(slug, body) for slug, (_, body, ok) in stories.items() if ok]
    assert published, "the sample has no published story"
    with_table = [p for p in published if re.search(r"^\|.*\|\s*$", p[1], re.M)]
    slug = max(with_table or published, key=lambda p: len(p[1]))[0]
    assert (site / "cases" / slug / "index.html").is_file()
    return slug
