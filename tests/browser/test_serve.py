"""`bansou serve` in headless Chromium: the real binary on a copy of the sample site, on a free
port of 127.0.0.1. Editing a story's title reloads the open page; breaking its YAML shows the
error overlay (path:line:col) over the last good build; fixing it removes the overlay.

Every wait polls up to a generous bound (a rebuild of the sample takes about a second, more on a
loaded machine); nothing asserts how fast it was."""
import re
import shutil
import signal
import subprocess
import threading
import time

import pytest
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BANSOU, REPO, note

TIMEOUT = 60


class Serve:
    """bansou serve --port 0 in `folder`; its output is collected by a thread (so a full pipe
    never blocks it) and the address is read from its "serving … at http://…" line."""

    def __init__(self, folder):
        self.lines = []
        self.process = subprocess.Popen([str(BANSOU), "serve", "--port", "0"], cwd=folder,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, daemon=True).start()
        deadline = time.monotonic() + 300
        while True:
            found = [m for line in list(self.lines) if (m := re.search(r"serving .* at (http://127\.0\.0\.1:\d+/)", line))]
            if found:
                self.url = found[0].group(1)
                return
            assert self.process.poll() is None, "bansou serve exited:\n" + "".join(self.lines)
            assert time.monotonic() < deadline, "bansou serve did not start:\n" + "".join(self.lines)
            time.sleep(0.05)

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                return self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                raise
        return self.process.returncode


@pytest.fixture
def project(tmp_path):
    shutil.copytree(REPO / "Content", tmp_path / "Content")
    shutil.copytree(REPO / "Templates", tmp_path / "Templates")
    (tmp_path / "Output").mkdir()
    return tmp_path


def wait(driver, condition, what):
    def safe(d):
        try:
            return condition(d)
        except (StaleElementReferenceException, WebDriverException):
            return False  # the page is reloading under us: ask again
    return WebDriverWait(driver, TIMEOUT, poll_frequency=0.1).until(safe, message=what)


def heading(driver):
    return driver.find_element(By.TAG_NAME, "h1").text


def overlays(driver):
    return driver.find_elements(By.ID, "bansou-error-overlay")


def test_edit_reloads_the_page_and_a_yaml_error_shows_an_overlay_until_fixed(driver, project, stories, tmp_path):
    slug = next(s for s, (_, _, published) in sorted(stories.items()) if published)
    source = project / "Content" / "cases" / f"{slug}.md"
    original = source.read_text(encoding="utf-8")
    assert re.search(r"^title: .+$", original, re.M), f"{source}: no plain title line"
    server = Serve(project)
    try:
        driver.get(f"{server.url}cases/{slug}/")
        old_title = heading(driver)
        assert old_title, "the story page has no <h1>"
        assert not overlays(driver)

        # Edit the title: the open page reloads by itself and shows it.
        new_title = "ライブ更新の確認 " + str(int(time.time()))
        edited = re.sub(r"^title: .+$", f"title: {new_title}", original, count=1, flags=re.M)
        source.write_text(edited, encoding="utf-8")
        wait(driver, lambda d: heading(d) == new_title, f"the page never showed the new title {new_title!r}")

        # Break the YAML front matter: the overlay lists the error at its position; the page
        # underneath keeps the last good build.
        broken = re.sub(r"^title: .+$", "title: [unclosed", edited, count=1, flags=re.M)
        source.write_text(broken, encoding="utf-8")
        wait(driver, lambda d: overlays(d) and overlays(d)[0].is_displayed(), "no error overlay appeared")
        text = overlays(driver)[0].text
        assert re.search(rf"Content/cases/{re.escape(slug)}\.md:\d+:\d+: error: ", text), text
        assert heading(driver) == new_title
        shot = tmp_path / "serve-overlay.png"
        driver.save_screenshot(str(shot))
        note(f"serve: error overlay screenshot {shot}")

        # Fix it: the overlay goes and the page shows the fixed content.
        fixed_title = new_title + " 修正"
        source.write_text(re.sub(r"^title: .+$", f"title: {fixed_title}", original, count=1, flags=re.M), encoding="utf-8")
        wait(driver, lambda d: not overlays(d) and heading(d) == fixed_title, "the overlay did not go after the fix")

        # The terminal said what happened, one line per rebuild.
        output = "".join(server.lines)
        assert re.search(r"^rebuilt in \d+\.\d\d s: 1 changed \(Content/cases/", output, re.M), output
        assert f"Content/cases/{slug}.md:" in output and "rebuild failed" in output, output
    finally:
        status = server.stop()
    assert status == 0, "Ctrl-C should stop bansou serve cleanly:\n" + "".join(server.lines)


def test_many_open_tabs_do_not_exhaust_the_browsers_connections(driver, project):
    """Chromium allows 6 HTTP/1.1 connections per host; a page's event stream holds one. Hidden
    tabs close theirs, so a ninth tab still loads and still gets its events."""
    server = Serve(project)
    first = driver.current_window_handle
    try:
        pages = ["", "cases/", "stats/", "guidance/", "partners/", "search/", "about/", "regions/", "industries/"]
        for number, page in enumerate(pages):
            if number:
                driver.switch_to.new_window("tab")
            driver.get(server.url + page)  # the page load timeout (30 s) fails a stalled load
            assert driver.find_elements(By.TAG_NAME, "h1"), f"tab {number + 1} ({page or '/'}) did not load"
        got = driver.execute_script("""
            return new Promise(function (done) {
              var events = new EventSource('/__bansou/events');
              events.addEventListener('build', function () { events.close(); done('build'); });
              setTimeout(function () { events.close(); done('nothing'); }, 20000);
            });""")
        assert got == "build", "the last tab's event stream never opened"
    finally:
        for handle in driver.window_handles:
            if handle != first:
                driver.switch_to.window(handle)
                driver.close()
        driver.switch_to.window(first)
        status = server.stop()
    assert status == 0
