// Runs the portal's Templates/assets/search.js under node, for SearchPrecisionTests and
// TokenizerParityTests: the shipped script itself, not a copy of its rules.
//
//   node search-harness.js tokens <search.js>            stdin: JSON array of texts
//        → JSON array: for each text, its tokens as search.js makes them
//   node search-harness.js search <search.js> <index.js> stdin: JSON array of queries
//        → JSON array: for each query, the links of #search-results in order as [href, text]
//
// `tokens` reaches the script's private tokens() by adding one line after its "use strict"
// (function declarations are hoisted, so it is defined there). `search` runs the whole script
// once per query against a stand-in DOM, with the query in ?q= as a shared link would carry it,
// over file:// (so the script takes bansou's own index, as it does from disk).
"use strict";
const fs = require("fs");
const vm = require("vm");

const path = require("path");

const [mode, scriptPath, indexPath] = process.argv.slice(2);
// The site's root: the index is <root>/search/index.js (data-index is relative to the root).
const siteRoot = indexPath ? path.dirname(path.dirname(indexPath)) : ".";
const script = fs.readFileSync(scriptPath, "utf8");
const input = JSON.parse(fs.readFileSync(0, "utf8"));

// Just enough of an element for the script: a tree of children, attributes, listeners, and
// tag-name selectors (querySelector("li a") is not needed; "li" and "a" are).
function element(tag) {
  return {
    tagName: String(tag).toUpperCase(), children: [], attributes: {}, listeners: {}, className: "",
    textContent: "", value: "", href: "", hidden: false, style: {}, dataset: {},
    getAttribute(name) { return name in this.attributes ? this.attributes[name] : null; },
    setAttribute(name, value) { this.attributes[name] = String(value); },
    removeAttribute(name) { delete this.attributes[name]; },
    appendChild(child) { this.children.push(child); return child; },
    removeChild(child) { this.children.splice(this.children.indexOf(child), 1); return child; },
    get firstChild() { return this.children[0] || null; },
    addEventListener(type, listener) { this.listeners[type] = listener; },
    querySelectorAll(selector) {
      const tag = String(selector).toUpperCase(), found = [];
      (function walk(node) { for (const c of node.children || []) { if (c.tagName === tag) found.push(c); walk(c); } })(this);
      return found;
    },
    querySelector(selector) { return this.querySelectorAll(selector)[0] || null; },
  };
}

function context(query) {
  const byID = {};
  const created = [];
  const document = {
    getElementById(id) {
      if (!(id in byID)) {
        byID[id] = element("div");
        // The search box's data attributes: links relative to the site root, the index beside.
        Object.assign(byID[id].attributes, { "data-root": "", "data-index": "search/index.js", "data-pagefind": "pagefind/pagefind.js" });
      }
      return byID[id];
    },
    createElement(tag) { const e = element(tag); created.push(e); return e; },
    createTextNode(text) { return { nodeType: 3, textContent: String(text), children: [] }; },
    head: element("head"),
  };
  // A <script src> appended to the head loads as in a browser: the file under the site root
  // runs in the page, then onload (onerror when there is no such file).
  document.head.appendChild = function (child) {
    this.children.push(child);
    if (child.tagName === "SCRIPT") {
      setImmediate(() => {
        let code;
        try { code = fs.readFileSync(path.join(siteRoot, child.src), "utf8"); } catch (error) { if (child.onerror) child.onerror(error); return; }
        vm.runInContext(code, sandbox, { filename: child.src });
        if (child.onload) child.onload();
      });
    }
    return child;
  };
  const sandbox = {
    document, console, URL, URLSearchParams, Promise, setTimeout, clearTimeout,
    location: { protocol: "file:", search: query === null ? "" : "?q=" + encodeURIComponent(query),
                pathname: "/search/index.html", href: "file:///search/index.html" },
    history: { replaceState() {} },
  };
  sandbox.window = sandbox;
  vm.createContext(sandbox);
  return { sandbox, created, byID };
}

// Until the script has nothing left to do: no pending promise or script load for a while.
async function settle() {
  for (let i = 0; i < 200; i++) await new Promise((resolve) => setImmediate(resolve));
}

async function main() {
  if (mode === "tokens") {
    const { sandbox } = context(null);
    sandbox.document.getElementById = () => null; // the script returns early, after hoisting tokens()
    const exposed = script.replace(/"use strict";/, '"use strict"; window.__bansouTokens = tokens;');
    if (exposed === script) throw new Error("search.js has no \"use strict\"; line to hook");
    vm.runInContext(exposed, sandbox, { filename: scriptPath });
    if (typeof sandbox.__bansouTokens !== "function") throw new Error("search.js defines no tokens()");
    process.stdout.write(JSON.stringify(input.map((text) => Array.from(sandbox.__bansouTokens(text)))));
    return;
  }
  if (mode === "search") {
    const index = fs.readFileSync(indexPath, "utf8");
    const answers = [];
    for (const query of input) {
      const { sandbox, byID } = context(query);
      vm.runInContext(index, sandbox, { filename: indexPath });
      vm.runInContext(script, sandbox, { filename: scriptPath });
      await settle();
      // The results are the list items of #search-results, each led by its link.
      const list = byID["search-results"];
      if (!list) throw new Error("search.js never looked up #search-results");
      const links = list.children.filter((li) => li.tagName === "LI").map((li) => li.querySelector("a"))
        .map((a) => [a.href, a.textContent]);
      answers.push(links);
    }
    process.stdout.write(JSON.stringify(answers));
    return;
  }
  throw new Error("mode must be tokens or search, got " + mode);
}

main().catch((error) => { process.stderr.write(String(error && error.stack || error) + "\n"); process.exit(1); });
