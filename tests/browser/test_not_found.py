"""The 404 page at any depth (issue 12): a server answers a missing URL such as
/cases/no-such-story/deep/ with 404.html, so its style sheet and links must not depend on
where the file lies. Served here the way GitHub Pages or Netlify do it."""
import functools
import http.server
import threading
import urllib.error
import urllib.request
from urllib.parse import urljoin

import pytest
from selenium.webdriver.common.by import By


class NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that answers a missing file with the site's 404.html (status 404)."""

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.directory_path / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(NotFoundHandler, directory=str(site))
    NotFoundHandler.directory_path = site
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("missing", ["no-such-page.html", "cases/no-such-story/", "guidance/a/b/c/index.html"])
def test_the_404_page_is_styled_and_its_links_work_at_any_depth(driver, server, missing):
    url = server + missing
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(url)
    assert answer.value.code == 404
    driver.get(url)
    assert driver.find_element(By.TAG_NAME, "h1").text == "ページが見つかりません"
    # The style sheet loaded: the header has the brand colour, not the browser's default.
    header = driver.find_element(By.CSS_SELECTOR, ".site-header")
    assert driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", header) == "rgb(11, 92, 107)"
    # Every link of the page (navigation, home, the list) reaches a page that exists.
    links = {a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a[href]")}
    local = sorted(h for h in links if h.startswith(server) and "#" not in h)
    assert len(local) >= 5, local
    for href in local:
        with urllib.request.urlopen(href) as reply:
            assert reply.status == 200, href
    styles = [urljoin(url, l.get_attribute("href")) for l in driver.find_elements(By.CSS_SELECTOR, "link[rel=stylesheet]")]
    for href in styles:
        with urllib.request.urlopen(href) as reply:
            assert reply.status == 200, href
