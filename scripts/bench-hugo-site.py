#!/usr/bin/env python3
"""Writes a Hugo site equivalent to a bansou bench site, for the race in scripts/bench.

The SAME stories: every Content/cases/*.md is copied with its front matter and body as they
are; one key is added, `stages: [before, after]`, because a Hugo taxonomy reads one key and
bansou's stage pages list a story under both of its stages. What the site builds, like
bansou's portal (reports aside, which Hugo has no equivalent of):
- a page per story printing the title, alias, date, every metadata field with links to its
  terms, the outcomes table, the Markdown body and three related stories;
- the stories' list and every term's list, paginated at site.yaml's per_page, as cards;
- the five taxonomies bansou builds: industry, region, stages, themes, institutions
  (each with its index page of terms and counts);
- a home page (latest stories, terms by count), one feed (RSS of the latest 20 stories, as
  bansou's Atom feed has 20 entries), a JSON search index of the stories' title, summary and
  facets, the sitemap and a 404 page; the stylesheet copied from Templates/assets.
Hugo's related-content search is the costliest part of it: on 10,000 stories Hugo 0.111 took
54 s with the related stories and 32 s without them (2 cores, 2026-12-03); bansou shows three
related stories on every story page, so they stay.

Usage: scripts/bench-hugo-site.py BANSOU_SITE HUGO_SITE
"""
import os
import re
import shutil
import sys

src, dest = sys.argv[1], sys.argv[2]


def site_value(text, key, default):
    """A top-level scalar of the bench's site.yaml (written by scripts/bench-site.py)."""
    m = re.search(rf"^{key}:\s*(.+?)\s*$", text, re.M)
    return m.group(1).strip('"') if m else default


site = open(os.path.join(src, "Content/site.yaml"), encoding="utf-8").read()
title = site_value(site, "title", "bench")
description = site_value(site, "description", "")
base_url = site_value(site, "base_url", "https://bench.example.jp/")
per_page = int(site_value(site, "per_page", "20"))

shutil.rmtree(dest, ignore_errors=True)
for folder in ["content/cases", "layouts/_default", "layouts/partials", "static/assets"]:
    os.makedirs(os.path.join(dest, folder))


def write(path, text):
    with open(os.path.join(dest, path), "w", encoding="utf-8") as f:
        f.write(text)


write("config.toml", f'''baseURL = "{base_url}"
languageCode = "ja"
defaultContentLanguage = "ja"
title = "{title}"
hasCJKLanguage = true
paginate = {per_page}
rssLimit = 20
disableHugoGeneratorInject = true

[params]
description = "{description}"

# singular = plural; the plural is the front-matter key (the stories' own keys).
[taxonomies]
industry = "industry"
region = "region"
stage = "stages"
theme = "themes"
institution = "institutions"

[outputs]
home = ["HTML", "RSS", "JSON"]
section = ["HTML"]
taxonomy = ["HTML"]
term = ["HTML"]
page = ["HTML"]

[related]
includeNewer = true
threshold = 1
toLower = false
[[related.indices]]
name = "industry"
weight = 3
[[related.indices]]
name = "themes"
weight = 2
[[related.indices]]
name = "region"
weight = 1
''')

write("content/cases/_index.md", "---\ntitle: 事例一覧\n---\n")
cases = os.path.join(src, "Content/cases")
for name in sorted(os.listdir(cases)):
    if not name.endswith(".md"):
        continue
    text = open(os.path.join(cases, name), encoding="utf-8").read()
    # "---\n<front matter>\n---\n<body>": add the stages key at the end of the front matter.
    end = text.index("\n---\n", 4)
    front, body = text[:end], text[end:]
    before = re.search(r"^stage_before:\s*(\d+)", front, re.M).group(1)
    after = re.search(r"^stage_after:\s*(\d+)", front, re.M).group(1)
    stages = [before] if before == after else [before, after]
    write(f"content/cases/{name}", front + f"\nstages: [{', '.join(stages)}]" + body)

for asset in ["style.css", "favicon.svg"]:
    path = os.path.join(src, "Templates/assets", asset)
    if os.path.exists(path):
        shutil.copy(path, os.path.join(dest, "static/assets", asset))

write("layouts/_default/baseof.html", '''<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ .Site.Title }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ .Site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="icon" href="{{ "assets/favicon.svg" | relURL }}">
<link rel="stylesheet" href="{{ "assets/style.css" | relURL }}">
{{ with .Site.Home.OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}" title="{{ $.Site.Title }}">{{ end }}
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav><a href="{{ "cases/" | relURL }}">事例</a>{{ range $name, $terms := .Site.Taxonomies }} <a href="{{ (printf "%s/" $name) | relURL }}">{{ $name }}</a>{{ end }}</nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>© {{ .Site.Title }}</footer>
</body>
</html>
''')

write("layouts/partials/card.html", '''<article class="card">
<h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
<p class="meta">{{ .Params.alias }} · <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006年1月2日" }}</time></p>
<p>{{ .Summary }}</p>
<p class="tags">{{ range .GetTerms "industry" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}{{ range .GetTerms "region" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}段階{{ .Params.stage_before }} → 段階{{ .Params.stage_after }}</p>
</article>
''')

write("layouts/_default/single.html", '''{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p class="alias">{{ .Params.alias }}</p>
<dl>
<dt>日付</dt><dd><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006年1月2日" }}</time></dd>
<dt>業種</dt><dd>{{ range .GetTerms "industry" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</dd>
<dt>地域</dt><dd>{{ range .GetTerms "region" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</dd>
<dt>規模</dt><dd>{{ .Params.size }}</dd>
<dt>段階</dt><dd>{{ range .GetTerms "stages" }}<a href="{{ .RelPermalink }}">段階{{ .LinkTitle }}</a> {{ end }}({{ .Params.stage_before }} → {{ .Params.stage_after }})</dd>
<dt>領域</dt><dd>{{ delimit .Params.areas "・" }}</dd>
<dt>支援機関</dt><dd>{{ range .GetTerms "institutions" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</dd>
<dt>テーマ</dt><dd>{{ range .GetTerms "themes" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</dd>
<dt>ツール</dt><dd>{{ delimit .Params.tools "・" }}</dd>
</dl>
<p class="summary">{{ .Summary }}</p>
{{ with .Params.outcomes }}<table class="outcomes"><tr><th>指標</th><th>前</th><th>後</th></tr>
{{ range . }}<tr><td>{{ .label }}</td><td>{{ .before }}{{ .unit }}</td><td>{{ .after }}{{ .unit }}</td></tr>
{{ end }}</table>{{ end }}
<div class="body">{{ .Content }}</div>
{{ with first 3 (.Site.RegularPages.Related .) }}<section class="related"><h2>関連する事例</h2>
{{ range . }}{{ partial "card.html" . }}{{ end }}</section>{{ end }}
</article>
{{ end }}
''')

write("layouts/_default/list.html", '''{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages }}
{{ range $pager.Pages }}{{ partial "card.html" . }}{{ end }}
{{ template "_internal/pagination.html" . }}
{{ end }}
''')

write("layouts/_default/terms.html", '''{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}</ul>
{{ end }}
''')

write("layouts/index.html", '''{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<p>{{ .Site.Params.description }}</p>
<section><h2>新着事例</h2>{{ range first 10 (where .Site.RegularPages "Section" "cases") }}{{ partial "card.html" . }}{{ end }}</section>
{{ range $name, $terms := .Site.Taxonomies }}<section><h2>{{ $name }}</h2><ul>
{{ range $terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}
</ul></section>{{ end }}
{{ end }}
''')

write("layouts/index.json", '''{{- $items := slice -}}
{{- range where .Site.RegularPages "Section" "cases" -}}
{{- $items = $items | append (dict "title" .Title "url" .RelPermalink "summary" .Summary "date" (.Date.Format "2006-01-02") "industry" .Params.industry "region" .Params.region "stages" .Params.stages "themes" .Params.themes "institutions" .Params.institutions) -}}
{{- end -}}
{{- $items | jsonify -}}
''')

write("layouts/404.html", '''{{ define "main" }}<h1>ページが見つかりません</h1><p><a href="{{ "/" | relURL }}">ホームへ</a></p>{{ end }}
''')
