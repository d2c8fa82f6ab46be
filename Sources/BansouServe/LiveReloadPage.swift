import Bansou
import Foundation

/// What `bansou serve` adds to an HTML page on its way to the browser (never to the file on
/// disk): the live-reload script, and the error overlay while the last rebuild has failed.
enum LiveReloadPage {
    static let eventsPath = "/__bansou/events"
    static let overlayID = "bansou-error-overlay"
    static let scriptID = "bansou-live-reload"

    /// `html` with the script (and the overlay, when `overlay` is given) before its last
    /// `</body>`, or at the end when it has none.
    static func inject(into html: Data, build: String, overlay: String?) -> Data {
        let addition = Data(((overlay ?? "") + script(build: build)).utf8)
        var page = html
        if let body = page.range(of: Data("</body>".utf8), options: .backwards)
            ?? page.range(of: Data("</BODY>".utf8), options: .backwards) {
            page.insert(contentsOf: addition, at: body.lowerBound)
        } else {
            page.append(addition)
        }
        return page
    }

    /// The page knows which build it shows; on (re)connecting the server says which build is
    /// current, and a page that missed a reload (opened during a rebuild, hidden meanwhile, or
    /// the server was restarted) reloads then. EventSource reconnects by itself after the server
    /// went away. A hidden tab closes its stream: over HTTP/1.1 Chromium allows 6 connections
    /// per host, and six open preview tabs holding a stream each would stall every other request.
    static func script(build: String) -> String {
        """
        <script id="\(scriptID)">(function () {
          var build = \(jsonString(build));
          var events = null;
          function showErrors(e) {
            var old = document.getElementById("\(overlayID)");
            var holder = document.createElement("div");
            holder.innerHTML = JSON.parse(e.data);
            if (old) old.replaceWith(holder.firstElementChild); else document.body.appendChild(holder.firstElementChild);
          }
          function connect() {
            if (events) return;
            events = new EventSource("\(eventsPath)");
            events.addEventListener("build", function (e) { if (e.data !== build) location.reload(); });
            events.addEventListener("reload", function () { location.reload(); });
            events.addEventListener("errors", showErrors);
          }
          document.addEventListener("visibilitychange", function () {
            if (document.hidden) { if (events) { events.close(); events = null; } } else connect();
          });
          if (!document.hidden) connect();
        })();</script>
        """
    }

    /// The failed rebuild's errors as `path:line:col: error: message`, each HTML-escaped,
    /// over the page (which still shows the last good build).
    static func overlay(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { "<li>\(escape($0.description))</li>" }.joined()
        let count = diagnostics.count
        return """
        <div id="\(overlayID)" role="alert" style="position:fixed;inset:0 0 auto 0;z-index:2147483647;max-height:70vh;overflow:auto;\
        margin:0;padding:1em 1.5em;background:#fff5f5;color:#5c0011;border-bottom:4px solid #c00;\
        font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left;box-shadow:0 4px 16px rgba(0,0,0,.25)">\
        <button type="button" onclick="this.parentNode.remove()" aria-label="close" style="float:right;font:inherit;\
        cursor:pointer;border:1px solid #c00;background:#fff;color:#5c0011;border-radius:4px">×</button>\
        <p style="margin:0 0 .5em;font-weight:bold">bansou: the rebuild failed with \(count) error\(count == 1 ? "" : "s"); this page shows the last good build.</p>\
        <ol style="margin:0;padding-left:1.5em;white-space:pre-wrap;word-break:break-word">\(items)</ol></div>
        """
    }

    static func escape(_ text: String) -> String { HTMLEscape.escaped(text) }

    /// A JSON string literal, also safe inside a <script> element (`<` is escaped, so no `</script>`).
    static func jsonString(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])) ?? Data("[\"\"]".utf8)
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast()).replacingOccurrences(of: "<", with: "\\u003c")
    }
}
