/* bansou: static full-text search (no dependencies).
   Served over http(s) it uses Pagefind's index (pagefind/pagefind.js) when the build made one;
   from file:// or without Pagefind it loads bansou's own index (search/index.js, a script that
   sets window.BANSOU_SEARCH_INDEX): Japanese bigrams and lower-case English words, the same
   rules as Sources/Bansou/Search/SearchTokenizer.swift, each weighted by field and frequency
   (SearchWeight: title > headings > body). Both engines get the query folded the same way
   (NFKC, lower case), and both results get the same snippet: the text around the first match,
   the matches in <mark>. Results are built with textContent and createElement, never innerHTML. */
(function () {
  "use strict";
  var box = document.getElementById("site-search");
  if (!box) return;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var none = document.getElementById("search-none");
  var root = box.getAttribute("data-root") || "";
  var engine = null;
  var SHOWN = 30; // results shown (and snippets loaded) at most

  function isJapanese(c) {
    var n = c.codePointAt(0);
    return (n >= 0x3041 && n <= 0x309f) || (n >= 0x30a0 && n <= 0x30ff) || (n >= 0x3400 && n <= 0x4dbf) ||
      (n >= 0x4e00 && n <= 0x9fff) || (n >= 0xf900 && n <= 0xfaff) || n === 0x3005 || n === 0x3006;
  }

  /* The one normalisation of queries and texts: NFKC, then lower case, character by character,
     remembering where each folded character came from (so a match found in the folded text is
     marked in the text as written). */
  function fold(text) {
    var out = "", from = [], i = 0;
    Array.from(text).forEach(function (c) {
      var f = c.normalize("NFKC").toLowerCase();
      for (var k = 0; k < f.length; k++) from.push(i);
      out += f;
      i += c.length;
    });
    from.push(i);
    return { text: out, from: from };
  }
  function normalise(query) { return fold(query).text.replace(/\s+/g, " ").trim(); }

  function tokens(text) {
    var out = [], seen = {}, word = "", run = [];
    function add(t) { if (!seen[t]) { seen[t] = true; out.push(t); } }
    function flushWord() { if (word.length >= 2) add(word); word = ""; }
    function flushRun() {
      if (run.length === 1) add(run[0]);
      for (var i = 0; i + 1 < run.length; i++) add(run[i] + run[i + 1]);
      run = [];
    }
    Array.from(fold(text).text).forEach(function (c) {
      if (/^[a-z0-9]$/.test(c)) { flushRun(); word += c; }
      else if (isJapanese(c)) { flushWord(); run.push(c); }
      else { flushWord(); flushRun(); }
    });
    flushWord(); flushRun();
    return out;
  }

  /* The words of a query as they are searched in a text: each space-separated term, folded. */
  function terms(query) { return normalise(query).split(" ").filter(function (t) { return t.length > 0; }); }

  /* Where each term occurs in a folded text (start offsets), at most `limit` per term. */
  function occurrences(folded, ts, limit) {
    var hits = [];
    ts.forEach(function (t) {
      for (var at = folded.indexOf(t), n = 0; at >= 0 && n < limit; at = folded.indexOf(t, at + t.length), n++) hits.push([at, at + t.length]);
    });
    return hits.sort(function (a, b) { return a[0] - b[0]; });
  }

  /* The snippet: about 120 characters from shortly before the first match, starting after a
     sentence or clause break when one is near (never in the middle of a word), with every
     match in it marked. Returns [{text, mark}]. Without a match, the text's beginning. */
  var BEFORE = 36, LENGTH = 120;
  function snippet(text, query, title) {
    if (!text) return [];
    var f = fold(text), ts = terms(query);
    var hits = occurrences(f.text, ts, 50);
    if (!hits.length) {
      // The query's tokens, as the index matched them (a query of several words, or a bigram match).
      hits = occurrences(f.text, tokens(query), 50);
    }
    // A match in the page's own heading repeats the result's title: the first match after it shows more.
    var heading = title ? f.text.indexOf(fold(title).text) : -1;
    var after = heading >= 0 ? heading + fold(title).text.length : 0;
    var later = hits.filter(function (h) { return h[0] >= after; });
    var first = later.length ? later[0][0] : hits.length ? hits[0][0] : 0;
    var start = Math.max(0, first - BEFORE);
    if (start > 0) {
      var lead = f.text.slice(start, first), cut = -1;
      for (var k = lead.length - 1; k >= 0; k--) { if ("。、．，！？ 」）".indexOf(lead[k]) >= 0) { cut = k; break; } }
      if (cut >= 0) start = start + cut + 1;
      else if (/[a-z0-9]/.test(f.text[start])) { while (start < first && /[a-z0-9]/.test(f.text[start])) start++; }
    }
    var end = Math.min(f.text.length, start + LENGTH);
    if (end < f.text.length && /[a-z0-9]/.test(f.text[end])) { while (end > first && /[a-z0-9]/.test(f.text[end - 1])) end--; }
    var parts = [], at = start;
    function orig(a, b) { return text.slice(f.from[a], f.from[b]); }
    if (start > 0) parts.push({ text: "…", mark: false });
    hits.forEach(function (h) {
      if (h[0] < at || h[1] > end) return;
      if (h[0] > at) parts.push({ text: orig(at, h[0]), mark: false });
      parts.push({ text: orig(h[0], h[1]), mark: true });
      at = h[1];
    });
    if (at < end) parts.push({ text: orig(at, end), mark: false });
    if (end < f.text.length) parts.push({ text: "…", mark: false });
    return parts;
  }

  /* 事例 for a story, ガイダンス for a guidance page, ページ for anything else; from the URL. */
  function kind(url) {
    var path = url.replace(/[?#].*$/, "");
    if (/(^|\/)cases\/(?!page\/)[^\/]+\/(index\.html)?$/.test(path)) return "事例";
    if (/(^|\/)guidance\//.test(path)) return "ガイダンス";
    return "ページ";
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src; s.onload = resolve; s.onerror = reject;
      document.head.appendChild(s);
    });
  }

  function fallbackEngine() {
    var ready = window.BANSOU_SEARCH_INDEX ? Promise.resolve() : loadScript(box.getAttribute("data-index"));
    return ready.then(function () {
      var index = window.BANSOU_SEARCH_INDEX;
      var postings = {};
      /* A token's pages (ascending) and its weight on each. */
      function list(token) {
        if (postings[token]) return postings[token];
        var deltas = index.tokens[token], weights = (index.weights || {})[token] || [];
        if (!deltas) return { pages: [], weight: {} };
        var n = 0, pages = [], weight = {};
        deltas.forEach(function (d, k) { n += d; pages.push(n); weight[n] = weights[k] || 1; });
        return (postings[token] = { pages: pages, weight: weight });
      }
      /* The page's text, from search/text/<page>.js (loaded once; "" when it cannot load). */
      function text(page) {
        var store = window.BANSOU_SEARCH_TEXT || {};
        if (store[page.u] !== undefined) return Promise.resolve(store[page.u]);
        var src = box.getAttribute("data-index").replace(/index\.js$/, "text/" + page.u.replace(/\.html$/, "") + ".js");
        return loadScript(src).then(function () { return (window.BANSOU_SEARCH_TEXT || {})[page.u] || ""; }, function () { return ""; });
      }
      return {
        name: "bansou",
        search: function (query) {
          var ts = tokens(query);
          if (!ts.length) return Promise.resolve([]);
          // Postings are ascending: intersect by merging, shortest list first.
          var lists = ts.map(list);
          var sorted = lists.slice().sort(function (a, b) { return a.pages.length - b.pages.length; });
          var hits = sorted[0].pages;
          for (var i = 1; i < sorted.length && hits.length; i++) {
            var other = sorted[i].pages, kept = [], j = 0;
            for (var k = 0; k < hits.length; k++) {
              while (j < other.length && other[j] < hits[k]) j++;
              if (other[j] === hits[k]) kept.push(hits[k]);
            }
            hits = kept;
          }
          // Rank by the sum of the tokens' weights (field first, then frequency); ties keep index order.
          var scored = hits.map(function (p) {
            var score = 0;
            lists.forEach(function (l) { score += l.weight[p] || 0; });
            return { page: index.pages[p], n: p, score: score };
          }).sort(function (a, b) { return b.score - a.score || a.n - b.n; });
          var shown = scored.slice(0, SHOWN);
          return Promise.all(shown.map(function (h) { return text(h.page); })).then(function (texts) {
            var out = shown.map(function (h, k) {
              return { title: h.page.t, url: root + h.page.u, kind: kind(h.page.u), parts: snippet(texts[k], query, h.page.t) };
            });
            out.total = scored.length;
            return out;
          });
        }
      };
    });
  }

  function pagefindEngine() {
    if (location.protocol === "file:") return Promise.reject(new Error("file://"));
    return import(box.getAttribute("data-pagefind")).then(function (pagefind) {
      pagefind.options({ baseUrl: new URL(root || "./", location.href).pathname });
      /* The same ranking as bansou's index, by the query's terms counted in title, headings and
         text (each capped at 99); Pagefind's own order breaks ties. */
      function count(text, ts) { return Math.min(99, occurrences(fold(text || "").text, ts, 99).length); }
      return {
        name: "pagefind",
        search: function (query) {
          var q = normalise(query);
          return pagefind.search(q).then(function (r) {
            return Promise.all(r.results.slice(0, SHOWN).map(function (x) { return x.data(); })).then(function (data) {
              var ts = terms(q);
              var hits = data.map(function (d, n) {
                var title = (d.meta && d.meta.title) || d.url;
                var headings = (d.anchors || []).filter(function (a) { return /^h[1-6]$/.test(a.element); }).map(function (a) { return a.text; }).join(" ");
                var score = count(title, ts) * 10000 + count(headings, ts) * 100 + count(d.content, ts);
                return { title: title, url: d.url, kind: kind(d.url), parts: snippet(d.content || "", q, title), score: score, n: n };
              }).sort(function (a, b) { return b.score - a.score || a.n - b.n; });
              hits.total = r.results.length;
              return hits;
            });
          });
        }
      };
    });
  }

  function getEngine() {
    if (!engine) engine = pagefindEngine().catch(fallbackEngine);
    return engine;
  }

  /* No result: the themes whose names share at least half of the query's tokens (one shared
     bigram, イン of インボイス and インバウンド, is chance), else the most used themes (the
     page lists them by count), and the way to the consultation page. */
  function showNone(query) {
    if (!none) return;
    var ts = tokens(query), links = Array.prototype.slice.call(none.querySelectorAll("li"));
    var related = links.filter(function (li) {
      var name = tokens(li.querySelector("a").getAttribute("data-name") || "");
      var shared = ts.filter(function (t) { return name.indexOf(t) >= 0; }).length;
      return shared > 0 && shared * 2 >= ts.length;
    });
    var shown = related.length ? related.slice(0, 8) : links.slice(0, 6);
    links.forEach(function (li) { li.hidden = shown.indexOf(li) < 0; });
    none.hidden = false;
  }

  var latest = 0; // only the newest query may fill the list: an older, slower one is dropped

  function show(query) {
    var mine = ++latest;
    while (list.firstChild) list.removeChild(list.firstChild);
    if (none) none.hidden = true;
    if (!query.trim()) { status.textContent = ""; return; }
    status.textContent = "検索しています…";
    getEngine().then(function (e) { return e.search(query); }).then(function (hits) {
      if (mine !== latest) return;
      while (list.firstChild) list.removeChild(list.firstChild);
      hits.slice(0, SHOWN).forEach(function (h) {
        var li = document.createElement("li");
        var label = document.createElement("span");
        label.className = "result-kind";
        label.textContent = h.kind;
        li.appendChild(label);
        var a = document.createElement("a");
        a.href = h.url; a.textContent = h.title;
        li.appendChild(a);
        if (h.parts && h.parts.length) {
          var p = document.createElement("p");
          p.className = "result-snippet";
          h.parts.forEach(function (part) {
            if (part.mark) { var m = document.createElement("mark"); m.textContent = part.text; p.appendChild(m); }
            else p.appendChild(document.createTextNode(part.text));
          });
          li.appendChild(p);
        }
        list.appendChild(li);
      });
      var total = hits.total || hits.length, shown = Math.min(list.children.length, total);
      if (!total) {
        status.textContent = "「" + query + "」に一致するページは見つかりませんでした。";
        showNone(query);
        return;
      }
      status.textContent = "「" + query + "」の検索結果: " + total + "件" + (total > shown ? "（上位" + shown + "件を表示）" : "");
    }, function () { if (mine === latest) status.textContent = "検索索引を読み込めませんでした。"; });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var q = input.value;
    try { history.replaceState(null, "", location.pathname + "?q=" + encodeURIComponent(q)); } catch (err) { /* file:// */ }
    show(q);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; show(initial); }
})();
