/* bansou: static full-text search (no dependencies).
   Served over http(s) it uses Pagefind's index (pagefind/pagefind.js) when the build made one;
   from file:// or without Pagefind it loads bansou's own index (search/index.js, a script that
   sets window.BANSOU_SEARCH_INDEX): Japanese bigrams and lower-case English words, the same
   rules as Sources/Bansou/Search/SearchTokenizer.swift. Results are built with textContent. */
(function () {
  "use strict";
  var box = document.getElementById("site-search");
  if (!box) return;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var root = box.getAttribute("data-root") || "";
  var engine = null;

  function isJapanese(c) {
    var n = c.codePointAt(0);
    return (n >= 0x3041 && n <= 0x309f) || (n >= 0x30a0 && n <= 0x30ff) || (n >= 0x3400 && n <= 0x4dbf) ||
      (n >= 0x4e00 && n <= 0x9fff) || (n >= 0xf900 && n <= 0xfaff) || n === 0x3005 || n === 0x3006;
  }
  function tokens(text) {
    var out = [], seen = {}, word = "", run = [];
    function add(t) { if (!seen[t]) { seen[t] = true; out.push(t); } }
    function flushWord() { if (word.length >= 2) add(word); word = ""; }
    function flushRun() {
      if (run.length === 1) add(run[0]);
      for (var i = 0; i + 1 < run.length; i++) add(run[i] + run[i + 1]);
      run = [];
    }
    Array.from(text.normalize("NFKC").toLowerCase()).forEach(function (c) {
      if (/^[a-z0-9]$/.test(c)) { flushRun(); word += c; }
      else if (isJapanese(c)) { flushWord(); run.push(c); }
      else { flushWord(); flushRun(); }
    });
    flushWord(); flushRun();
    return out;
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
      function list(token) {
        if (postings[token]) return postings[token];
        var deltas = index.tokens[token];
        if (!deltas) return [];
        var n = 0, out = deltas.map(function (d) { n += d; return n; });
        postings[token] = out;
        return out;
      }
      return {
        name: "bansou",
        search: function (query) {
          var ts = tokens(query);
          if (!ts.length) return Promise.resolve([]);
          // Postings are ascending: intersect by merging, shortest list first.
          var lists = ts.map(list).sort(function (a, b) { return a.length - b.length; });
          var hits = lists[0];
          for (var i = 1; i < lists.length && hits.length; i++) {
            var other = lists[i], kept = [], j = 0;
            for (var k = 0; k < hits.length; k++) {
              while (j < other.length && other[j] < hits[k]) j++;
              if (other[j] === hits[k]) kept.push(hits[k]);
            }
            hits = kept;
          }
          // Pages whose title holds every token first, then the index order.
          var scored = hits.map(function (p) {
            var page = index.pages[p], title = tokens(page.t), inTitle = 0;
            ts.forEach(function (t) { if (title.indexOf(t) >= 0) inTitle++; });
            return { page: page, score: inTitle };
          }).sort(function (a, b) { return b.score - a.score; });
          return Promise.resolve(scored.map(function (h) { return { title: h.page.t, url: root + h.page.u, excerpt: h.page.s }; }));
        }
      };
    });
  }

  function pagefindEngine() {
    if (location.protocol === "file:") return Promise.reject(new Error("file://"));
    return import(box.getAttribute("data-pagefind")).then(function (pagefind) {
      pagefind.options({ baseUrl: new URL(root || "./", location.href).pathname });
      return {
        name: "pagefind",
        search: function (query) {
          return pagefind.search(query).then(function (r) {
            return Promise.all(r.results.slice(0, 30).map(function (x) { return x.data(); })).then(function (data) {
              var hits = data.map(function (d) {
                // Pagefind's excerpt is escaped HTML with <mark>; read it back as text. DOMParser builds an
                // inert document (no handler of an <img onerror> runs, unlike innerHTML on a detached div).
                var excerpt = new DOMParser().parseFromString(d.excerpt || "", "text/html").body.textContent;
                return { title: (d.meta && d.meta.title) || d.url, url: d.url, excerpt: excerpt };
              });
              hits.total = r.results.length; // only the first 30 are loaded
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

  var latest = 0; // only the newest query may fill the list: an older, slower one is dropped

  function show(query) {
    var mine = ++latest;
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!query.trim()) { status.textContent = ""; return; }
    status.textContent = "検索しています…";
    getEngine().then(function (e) { return e.search(query); }).then(function (hits) {
      if (mine !== latest) return;
      while (list.firstChild) list.removeChild(list.firstChild);
      hits.slice(0, 100).forEach(function (h) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = h.url; a.textContent = h.title;
        li.appendChild(a);
        if (h.excerpt) { var p = document.createElement("p"); p.textContent = h.excerpt; li.appendChild(p); }
        list.appendChild(li);
      });
      var total = hits.total || hits.length, shown = Math.min(list.children.length, total);
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
