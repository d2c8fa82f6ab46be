/* bansou: filters for the story list (progressive enhancement, no dependencies).
   Reads the story index embedded in the page (#story-index) or fetches cases/index.json,
   shows the filter form, keeps the choice in the URL query (?industry=manufacturing&before=1)
   and renders the matching stories as cards. Text is set with textContent only. */
(function () {
  "use strict";
  var panel = document.getElementById("story-filters");
  if (!panel || !window.URLSearchParams || !document.querySelector) return;
  var form = document.getElementById("filter-form");
  var status = document.getElementById("filter-status");
  var results = document.getElementById("filter-results");
  var list = document.getElementById("story-list");
  // The count under the heading follows the filter ("14件の事例" stayed while 7 were shown).
  var lead = document.getElementById("list-lead");
  var leadText = lead ? lead.textContent : "";
  var root = panel.getAttribute("data-root") || "";
  var PAGE = 50;
  var shown = PAGE;
  var data = null;

  function names(key) {
    var map = {};
    ((data.facets || {})[key] || []).forEach(function (f) { map[f.id] = f.name; });
    return map;
  }

  function load() {
    var embedded = document.getElementById("story-index");
    if (embedded) {
      try { return Promise.resolve(JSON.parse(embedded.textContent)); } catch (e) { return Promise.reject(e); }
    }
    if (!window.fetch) return Promise.reject(new Error("no fetch"));
    return fetch(panel.getAttribute("data-index")).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }

  function selected() {
    var chosen = {};
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (s) {
      if (s.value) chosen[s.name] = s.value;
    });
    return chosen;
  }

  function matches(story, chosen) {
    for (var key in chosen) {
      var v = chosen[key];
      switch (key) {
        case "industry": if (story.industry !== v) return false; break;
        case "region": if (story.region !== v) return false; break;
        case "before": if (String(story.before) !== v) return false; break;
        case "after": if (String(story.after) !== v) return false; break;
        case "size": if (story.size !== v) return false; break;
        case "institution": if ((story.institutions || []).indexOf(v) < 0) return false; break;
        case "theme": if ((story.themes || []).indexOf(v) < 0) return false; break;
        case "setbacks": if (!story.setbacks) return false; break;
      }
    }
    return true;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function card(s, lookup) {
    var a = el("article", "card story-card");
    var meta = el("p", "card-meta");
    meta.appendChild(el("span", "tag", lookup.industry[s.industry] || s.industry));
    meta.appendChild(document.createTextNode(" "));
    meta.appendChild(el("span", "tag tag-quiet", lookup.region[s.region] || s.region));
    if (s.size) {
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(el("span", "tag tag-quiet", lookup.size[s.size] || s.size));
    }
    a.appendChild(meta);
    var h = el("h3", "card-title");
    var link = el("a", null, s.title);
    link.href = root + s.url;
    h.appendChild(link);
    a.appendChild(h);
    var move = el("p", "stage-move");
    move.setAttribute("aria-label", "段階" + s.before + "から段階" + s.after + "へ");
    move.appendChild(el("span", "stage-chip s" + s.before, lookup.stage[s.before] || "段階" + s.before));
    var to = el("span", "stage-to");
    var arrow = el("span", "arrow", "→");
    arrow.setAttribute("aria-hidden", "true");
    to.appendChild(arrow);
    to.appendChild(el("span", "stage-chip s" + s.after, lookup.stage[s.after] || "段階" + s.after));
    move.appendChild(to);
    a.appendChild(move);
    if (s.summary) a.appendChild(el("p", "card-summary", s.summary));
    var foot = el("p", "card-foot", s.alias + " ・ ");
    var time = el("time", null, s.date);
    time.setAttribute("datetime", s.dateISO);
    foot.appendChild(time);
    a.appendChild(foot);
    return a;
  }

  function writeURL(chosen) {
    var params = new URLSearchParams();
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (s) {
      if (chosen[s.name]) params.set(s.name, chosen[s.name]);
    });
    var query = params.toString();
    try {
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    } catch (e) { /* some browsers refuse on file:// */ }
  }

  function render(announce) {
    var chosen = selected();
    var active = Object.keys(chosen).length > 0;
    writeURL(chosen);
    while (results.firstChild) results.removeChild(results.firstChild);
    if (!active) {
      results.hidden = true;
      if (list) list.hidden = false;
      status.textContent = announce ? "絞り込みを解除しました。全" + data.stories.length + "件" : "";
      if (lead) lead.textContent = leadText;
      return;
    }
    var lookup = { industry: names("industry"), region: names("region"), size: names("size"), stage: names("after") };
    var before = names("before");
    for (var k in before) lookup.stage[k] = before[k];
    var hits = data.stories.filter(function (s) { return matches(s, chosen); });
    hits.slice(0, shown).forEach(function (s) { results.appendChild(card(s, lookup)); });
    if (hits.length > shown) {
      var more = el("button", "button button-ghost", "さらに表示（残り" + (hits.length - shown) + "件）");
      more.type = "button";
      more.addEventListener("click", function () { shown += PAGE; render(false); });
      results.appendChild(more);
    }
    if (hits.length === 0) results.appendChild(el("p", null, "条件に合う事例はありません。条件を減らしてください。"));
    results.hidden = false;
    if (list) list.hidden = true;
    status.textContent = "条件に合う事例: " + hits.length + "件";
    if (lead) lead.textContent = "条件に合う事例 " + hits.length + "件（全" + data.stories.length + "件中）";
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (s) {
      var v = params.get(s.name);
      if (v && Array.prototype.some.call(s.options, function (o) { return o.value === v; })) s.value = v;
    });
  }

  load().then(function (index) {
    data = index;
    panel.hidden = false;
    restore();
    render(false);
    form.addEventListener("change", function () { shown = PAGE; render(true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); shown = PAGE; render(true); });
    form.addEventListener("reset", function () { setTimeout(function () { shown = PAGE; render(true); }, 0); });
  }, function () {
    /* file:// without an embedded index, or offline: the plain list and taxonomy links remain. */
    panel.hidden = true;
  });
})();
