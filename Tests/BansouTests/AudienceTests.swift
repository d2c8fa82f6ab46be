import Foundation
import Testing
@testable import Bansou

/// Spec v2, "Two audiences": the report handed to a company (index.html and report.pdf)
/// carries no need layer, approach, meeting or progress note, non-public partner, content
/// key or staff wording; all of that is on advisor.html. And no other client's name.
@Suite(.serialized)
struct AudienceTests {
    /// The visible text of an HTML page: no style, no tags, entities decoded.
    static func visibleText(_ html: String) -> String {
        var text = html
        for block in ["style", "title"] {
            while let open = text.range(of: "<\(block)"), let close = text.range(of: "</\(block)>", range: open.upperBound..<text.endIndex) {
                text.removeSubrange(open.lowerBound..<close.upperBound)
            }
        }
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// What must never reach one client's company report.
    static func forbidden(for client: Client, guidance: Guidance, partners: [Partner]) -> [String] {
        var words = (client.meetings ?? []).map(\.note) + (client.progress ?? []).compactMap(\.note)
        words += guidance.needLayers.layers.flatMap { [$0.name, $0.approach] }
        // The guidance's responses to challenges are addressed to support institutions.
        words += guidance.challenges.challenges.map(\.response)
        words += partners.filter { !$0.isPublic }.map(\.name)
        // Content-format keys, task ids, file names and staff wording.
        words += ["need_layer", "roadmap", "progress", "stage_override", ".yaml", "quick-win:", "level-up:", "bpo:", "policy:",
                  "training:", "計画ルール", "担当者が計画", "ニーズ層", "評価してください", "領域のタスク"]
        return words.filter { !$0.isEmpty }
    }

    @Test func companyReportsCarryNothingMeantForStaff() throws {
        #expect(PDFPrinter.locate() != nil, "Chromium is not installed: apt-get install -y chromium fonts-noto-cjk")
        let site = try FixtureSite.sample()
        let run = try site.run("build", "--pdf")
        #expect(run.status == 0, "\(run.stderr)")
        let log = DiagnosticLog()
        let content = ContentLoader(contentDirectory: site.root.appendingPathComponent("Content"), displayPrefix: "Content").load(log: log)
        let guidance = try #require(content.guidance)
        #expect(content.clients.count == 8)
        #expect(content.partners.contains { !$0.isPublic })   // the sample has a non-public partner to hide
        var checked = 0
        for client in content.clients {
            let id = client.id.value
            let html = Self.visibleText(try site.read("Output/reports/\(id)/index.html"))
            let pdf = try FixtureSite.exec("pdftotext", [site.root.appendingPathComponent("Output/reports/\(id)/report.pdf").path, "-"])
            #expect(pdf.status == 0)
            // pdftotext breaks lines inside long notes: compare without white space.
            let pdfText = pdf.stdout.filter { !$0.isWhitespace }
            let advisor = try site.read("Output/reports/\(id)/advisor.html")
            #expect(html.contains(client.name.value))
            for word in Self.forbidden(for: client, guidance: guidance, partners: content.partners) {
                #expect(!html.contains(word), "\(id)/index.html shows «\(word)»")
                #expect(!pdfText.contains(word.filter { !$0.isWhitespace }), "\(id)/report.pdf shows «\(word)»")
                checked += 1
            }
            // What the company may not read is on the advisor's sheet.
            for note in (client.meetings ?? []).map(\.note) + (client.progress ?? []).compactMap(\.note) {
                #expect(advisor.contains(note), "\(id)/advisor.html lacks «\(note)»")
            }
            if let layer = client.needLayer.flatMap({ guidance.needLayer($0.value) }) { #expect(advisor.contains(layer.name)) }
            // The company reads its challenges in words addressed to it.
            for challenge in (client.challenges ?? []).compactMap({ guidance.challenge($0.value) }) {
                #expect(html.contains(try #require(challenge.forCompany)), "\(id) lacks the company's wording of \(challenge.id.value)")
                #expect(advisor.contains(challenge.response))
            }
            // No other client is named in this company's report.
            for other in content.clients where other.id.value != id {
                #expect(!html.contains(other.name.value), "\(id) names \(other.id.value)")
            }
        }
        #expect(checked > 100)
    }

    @Test func anotherClientsNameInAReportFailsTheBuild() throws {
        let site = try FixtureSite(files: [
            "Content/staff/suzuki.yaml": ReportEndToEndTests.staff,
            "Content/clients/alpha.yaml": """
            id: alpha
            name: 株式会社アルファ工業
            advisor: suzuki
            areas: { ordering: 1, customers: 2 }
            goals: [{ text: ベータ精機と同じ受発注の仕組み, areas: [ordering] }]

            """,
            "Content/clients/beta.yaml": "id: beta\nname: 株式会社ベータ精機\nadvisor: suzuki\nareas: { ordering: 2 }\n",
        ])
        let before = try site.snapshot()
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        // At the goal in alpha's own file, naming beta, with the secret masked.
        #expect(run.errorLines.contains { $0.hasPrefix("Content/clients/alpha.yaml:5:17: error: ") && $0.contains("client beta in the report of alpha") }, "\(run.stderr)")
        #expect(!run.stderr.contains("ベータ精機"))
        #expect(try site.snapshot() == before)
        // The company's own name is fine in its own report.
        try site.write("Content/clients/alpha.yaml", "id: alpha\nname: 株式会社アルファ工業\nadvisor: suzuki\nareas: { ordering: 1, customers: 2 }\ngoals: [アルファ工業の受発注の電子化]\n")
        #expect(try site.runInProcess("build").status == 0)
    }
}
