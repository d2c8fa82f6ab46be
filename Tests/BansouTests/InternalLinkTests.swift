import Foundation
import Testing
@testable import Bansou

/// Issue 10: `bansou check` (and `build`) report every internal link or image that points to
/// nothing, at the link in the source, all in one run; external links are never fetched.
@Suite struct InternalLinkTests {
    /// A fixture site: the clients folder, a published story `order-cloud` to link to, and `files`.
    static func site(_ files: [String: String]) throws -> FixtureSite {
        try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/cases/order-cloud.md": FixtureSite.story(title: "受発注をクラウドへ"),
        ].merging(files) { $1 })
    }

    /// `path:line:col` of the first `needle` in `text` (the column in Unicode scalars, like every position).
    static func at(_ needle: String, in text: String, path: String) -> String {
        let range = text.range(of: needle)!
        let before = text[..<range.lowerBound]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column = (before.split(separator: "\n", omittingEmptySubsequences: false).last?.unicodeScalars.count ?? 0) + 1
        return "\(path):\(line):\(column)"
    }

    @Test func aLinkToAMissingStoryIsAnErrorAtItsBracketWithTheClosestSlug() throws {
        let story = FixtureSite.story(body: "## 関連\n\n前の事例は「[受発注の事例](../order-clod/)」です。")
        let site = try Self.site(["Content/cases/linker.md": story])
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        #expect(run.errorLines == [
            "\(Self.at("[受発注の事例]", in: story, path: "Content/cases/linker.md")): error: link to '../order-clod/' points to nothing: "
                + "this build publishes no /cases/order-clod/ (did you mean '../order-cloud/'?)",
        ])
        #expect(!site.exists("Output/site/index.html"), "a build with a broken link writes nothing")
    }

    @Test func aLinkToAMissingAnchorIsAnError() throws {
        let story = FixtureSite.story(body: """
            ## 取り組み

            [受注の領域](../../guidance/areas/#area-orderng)と[本文の見出し](#取り組み)、[受注の領域](../../guidance/areas/#area-ordering)。
            """)
        let site = try Self.site(["Content/cases/anchors.md": story])
        let run = try site.runInProcess("check")
        #expect(run.status == 1)
        let path = "Content/cases/anchors.md"
        #expect(run.errorLines == [
            "\(Self.at("[受注の領域]", in: story, path: path)): error: link to '../../guidance/areas/#area-orderng' points to a missing anchor: "
                + "/guidance/areas/ has no element with id 'area-orderng' (did you mean '#area-ordering'?)",
            "\(Self.at("[本文の見出し]", in: story, path: path)): error: link to '#取り組み' points to a missing anchor: "
                + "/cases/anchors/ has no element with id '取り組み'; Markdown headings get no id, so link to the page itself",
        ])
    }

    @Test func aLinkToADraftStorySaysItIsNotPublished() throws {
        let story = FixtureSite.story(body: "続きは[次の事例](../next-step/)で。")
        let site = try Self.site([
            "Content/cases/linker.md": story,
            "Content/cases/next-step.md": FixtureSite.story(extra: "draft: true"),
        ])
        let run = try site.runInProcess("check")
        #expect(run.status == 1)
        #expect(run.errorLines == [
            "\(Self.at("[次の事例]", in: story, path: "Content/cases/linker.md")): error: link to '../next-step/' goes to story 'next-step', "
                + "which this build does not publish (draft): remove the link, or publish that story first",
        ])
        // With --drafts the draft is published, and so is the link to it.
        let withDrafts = try site.runInProcess("check", "--drafts")
        #expect(withDrafts.status == 0, "\(withDrafts.stderr)")
    }

    @Test func anImageOfAMissingAssetIsAnError() throws {
        let story = FixtureSite.story(body: "![図](/assets/diagram.png)\n\n![アイコン](../../assets/favicon.svg)")
        let site = try Self.site(["Content/cases/images.md": story])
        let run = try site.runInProcess("check")
        #expect(run.status == 1)
        #expect(run.errorLines == [
            "\(Self.at("![図]", in: story, path: "Content/cases/images.md")): error: image '/assets/diagram.png' points to nothing: "
                + "this build publishes no /assets/diagram.png",
        ])
    }

    @Test func validLinksOfEveryKindPass() throws {
        let story = FixtureSite.story(body: """
            ## 関連

            - [相対](../order-cloud/)、[スラッシュなし](../order-cloud)、[index.html](../order-cloud/index.html)
            - [サイト絶対](/cases/order-cloud/)、[base_url](https://test.example.jp/cases/order-cloud/)、[http](http://TEST.example.jp/cases/order-cloud/#main)
            - [固定ページ](../../about/)、[業種](/industries/manufacturing/)、[一覧2ページ目](../page/2/)、[検索](../../search/?q=受発注)
            - [領域](../../guidance/areas/#area-ordering)、[先頭](#top)、[本文](#main)、[ホーム](../../)、[フィード](/feed.xml)
            - ![アイコン](../../assets/favicon.svg) <https://test.example.jp/stats/>

            | 表 | リンク |
            |---|---|
            | 事例 | [表の中](../order-cloud/) |
            """)
        var files = ["Content/cases/linker.md": story,
                     "Content/pages/about.md": "---\ntitle: このポータルについて\n---\n[事例](../cases/linker/)と[ホーム](../index.html)、[自分](./#main)\n"]
        // Eleven more stories, so the list has a second page.
        for n in 1...11 { files["Content/cases/more-\(n).md"] = FixtureSite.story(date: "2026-09-\(10 + n)") }
        let site = try Self.site(files)
        let run = try site.runInProcess("check")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.errorLines.isEmpty)
    }

    @Test func externalLinksAreNeverChecked() throws {
        let story = FixtureSite.story(body: """
            [他のサイト](https://example.com/cases/none/)、[別のホスト](http://other.example.jp/cases/none/)、
            [メール](mailto:dx@test.example.jp)、[電話](tel:0120-000-000)、[CDN](//cdn.example.com/x.js)、https://www.example.jp/nowhere
            """)
        let site = try Self.site([
            "Content/cases/external.md": story,
            // The publisher's own address and number, which the publishing gate lets pass.
            "Content/site.yaml": FixtureSite.siteYAML + "allow: [dx@test.example.jp, 0120-000-000]\n",
        ])
        let run = try site.runInProcess("check")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.errorLines.isEmpty)
    }

    @Test func checkReportsEveryBrokenLinkInOneRunAndExits1() throws {
        let first = FixtureSite.story(body: """
            ## 関連

            - [自サイトの絶対URL](https://test.example.jp/cases/nothing/)と[ソース](order-cloud.md)
            - 続きの行が
            字下げなしで[遅れて](../late/)続き、[二行に
            わたる](../two-lines/)リンク
            - [上へ出る](../../../../outside/)

            | 表 | リンク |
            |---|---|
            | 事例 | 日本語の後の[表の中](../in-table/) |
            """)
        let page = "---\ntitle: 相談\n---\n## 窓口\n\n[事例一覧](../case/)、[固定](/abuot/)\n"
        let site = try Self.site([
            "Content/cases/first.md": first,
            "Content/pages/consult.md": page,
            "Content/pages/about.md": "---\ntitle: このポータルについて\n---\n本文\n",
        ])
        let run = try site.runInProcess("check")
        #expect(run.status == 1)
        let story = "Content/cases/first.md", free = "Content/pages/consult.md"
        #expect(run.errorLines == [
            "\(Self.at("[自サイト", in: first, path: story)): error: link to 'https://test.example.jp/cases/nothing/' points to nothing: this build publishes no /cases/nothing/",
            "\(Self.at("[ソース]", in: first, path: story)): error: link to 'order-cloud.md' names a Markdown source file, which is not published: link to the page it becomes, '../order-cloud/'",
            "\(Self.at("[遅れて]", in: first, path: story)): error: link to '../late/' points to nothing: this build publishes no /cases/late/",
            "\(Self.at("[二行に", in: first, path: story)): error: link to '../two-lines/' points to nothing: this build publishes no /cases/two-lines/",
            "\(Self.at("[上へ出る]", in: first, path: story)): error: link to '../../../../outside/' points outside the site: its '..' climb above the site's root",
            "\(Self.at("[表の中]", in: first, path: story)): error: link to '../in-table/' points to nothing: this build publishes no /cases/in-table/",
            "\(Self.at("[事例一覧]", in: page, path: free)): error: link to '../case/' points to nothing: this build publishes no /case/ (did you mean '../cases/'?)",
            "\(Self.at("[固定]", in: page, path: free)): error: link to '/abuot/' points to nothing: this build publishes no /abuot/ (did you mean '/about/'?)",
        ])
    }

    @Test func rawHTMLLinksAreCheckedWhenUnsafeHTMLPublishesThem() throws {
        let story = FixtureSite.story(body: "本文 <a href=\"../nowhere/\">リンク</a> と <img src='../../assets/favicon.svg' alt=''>")
        let unsafe = try Self.site([
            "Content/cases/raw.md": story,
            "Content/site.yaml": FixtureSite.siteYAML + "unsafe_html: true\n",
        ])
        let run = try unsafe.runInProcess("check")
        #expect(run.status == 1)
        #expect(run.errorLines == [
            "\(Self.at("<a href", in: story, path: "Content/cases/raw.md")): error: link to '../nowhere/' points to nothing: this build publishes no /cases/nowhere/",
        ])
        // Without unsafe_html the tag is not published (cmark-gfm leaves a comment), so there is nothing to check.
        let safe = try Self.site(["Content/cases/raw.md": story])
        #expect(try safe.runInProcess("check").status == 0)
    }

    @Test func destinationsAreReadAsABrowserReadsThem() {
        let targets = InternalLinkTargets(files: [], baseURL: "https://dx.example.jp/portal/")
        let page = "cases/a/index.html"
        #expect(targets.destination(of: "../b/", on: page) == .site(path: "cases/b/", fragment: nil, style: .relative))
        #expect(targets.destination(of: "../%E4%BA%8B%E4%BE%8B/#x", on: page) == .site(path: "cases/事例/", fragment: "x", style: .relative))
        #expect(targets.destination(of: "/portal/cases/b/?q=1", on: page) == .site(path: "cases/b/", fragment: nil, style: .absolute))
        #expect(targets.destination(of: "/portal", on: page) == .site(path: "", fragment: nil, style: .absolute))
        #expect(targets.destination(of: "/other/", on: page) == .elsewhere)
        #expect(targets.destination(of: "HTTPS://DX.example.jp:443/portal/x/", on: page) == .site(path: "x/", fragment: nil, style: .fullURL))
        #expect(targets.destination(of: "https://dx.example.jp:8443/portal/x/", on: page) == .elsewhere)
        #expect(targets.destination(of: "//dx.example.jp/portal/x", on: page) == .site(path: "x", fragment: nil, style: .fullURL))
        #expect(targets.destination(of: "mailto:dx@example.jp", on: page) == .elsewhere)
        #expect(targets.destination(of: "#top", on: page) == .site(path: page, fragment: "top", style: .relative))
        #expect(targets.destination(of: "../../../x", on: page) == .aboveRoot)
        #expect(targets.destination(of: "./", on: page) == .site(path: "cases/a/", fragment: nil, style: .relative))
        #expect(targets.link(to: "cases/b/", from: page, style: .relative) == "../b/")
        #expect(targets.link(to: "", from: page, style: .relative) == "../../")
        #expect(targets.link(to: "cases/a/", from: page, style: .relative) == "./")
        #expect(targets.link(to: "about/", from: page, style: .fullURL) == "https://dx.example.jp/portal/about/")
    }

    /// Without unsafe_html the check reads only cmark-gfm's own `<a href="` and `<img src="`,
    /// jumping from quote to quote: on what cmark-gfm writes it must find what reading every tag finds.
    @Test func cmarkOutputIsReadTheSameWayByBothReaders() {
        let html = """
            <h2>見出し &quot;引用&quot;</h2>
            <p><a href="../a/" title="&quot;題&quot;">a</a> <img src="../../assets/x.png" alt="図 &quot;1&quot;" /> <code>&lt;a href=&quot;no/&quot;&gt;</code></p>
            <table>
            <thead><tr><th style="text-align: right">a</th></tr></thead>
            <tbody><tr><td style="text-align: right"><a href="/cases/b/?q=1&amp;r=2#x">b</a></td></tr></tbody>
            </table>
            <ul><li><input type="checkbox" disabled="" /> <a href="https://example.com/">c</a></li></ul>
            <!-- raw HTML omitted -->
            """
        let rendered = InternalLinksHTML.renderedReferences(in: html)
        #expect(rendered == InternalLinksHTML.references(in: html))
        #expect(rendered.map(\.value) == ["../a/", "../../assets/x.png", "/cases/b/?q=1&r=2#x", "https://example.com/"])
    }

    @Test func linksAndIdsAreReadFromTagsOnly() {
        let html = """
            <p><a href="a/?x=1&amp;y=2">a</a> <code>&lt;a href="code/"&gt;</code> <!-- <a href="comment/"> -->
            <IMG alt='x>y' SRC=img.png> <a name=top id='one' href = 'b/'>b</a><script>var s = '<a href="js/">';</script><area href="c/"></p>
            """
        #expect(InternalLinksHTML.references(in: html).map(\.value) == ["a/?x=1&y=2", "img.png", "b/", "c/"])
        #expect(InternalLinksHTML.references(in: html).map(\.kind) == [.link, .image, .link, .link])
        #expect(InternalLinksHTML.ids(in: Data(html.utf8)) == ["top", "one"])
    }
}
