import Bansou
import Foundation
import Testing

/// Issue 13: the guidance data says which statements are the guidance's (with its section)
/// and which are this data's reading, carries the evidence the guidance gives (2.2, 第1章,
/// 3.4), and the portal shows both. Checked on the shipped data and the pages built from it.
@Suite(.serialized)
struct GuidanceFidelityTests {
    static func sampleGuidance() throws -> Guidance {
        let (guidance, errors) = ContentSchemas.loadGuidance(contentDirectory: FixtureSite.packageRoot.appendingPathComponent("Content"), displayPrefix: "Content")
        #expect(errors.isEmpty, "\(errors)")
        return try #require(guidance)
    }

    // MARK: The data marks its readings

    @Test func stageTitlesTwoToFourAreMarkedAsReadingsAndStageOneIsTheGuidances() throws {
        let g = try Self.sampleGuidance()
        let one = try #require(g.stage(1))
        #expect(one.title == "デジタル化が全く未着手")
        #expect(one.section == "2.1" && !one.isReading("title"))
        for n in 2...4 {
            let stage = try #require(g.stage(n))
            #expect(stage.isReading("title"), "stage \(n)'s title is not in the guidance")
            #expect(stage.section == "2.1")
        }
    }

    @Test func challengeResponsesAreReadingsAndTheirNamesAndSharesTheGuidances() throws {
        let g = try Self.sampleGuidance()
        #expect(g.challenges.challenges.count == 8)
        for c in g.challenges.challenges {
            #expect(c.section == "2.2" && !c.isReading("name") && !c.isReading("share"), "\(c.id.value)")
            #expect(c.isReading("response") && c.isReading("for_company"), "\(c.id.value)")
        }
    }

    @Test func noNeedLayerIsPutFirstAndTheLayerApproachesAreMarked() throws {
        let g = try Self.sampleGuidance()
        let explicit = try #require(g.needLayer("explicit"))
        // 3.6: 「顕在層・潜在層に向けた支援を優先」, the two together; never 「最優先」 for one of them.
        #expect(!explicit.approach.contains("最優先"))
        #expect(explicit.approach.contains("潜在層とあわせて優先"))
        #expect(explicit.isReading("approach") && explicit.isReading("priority"))
        #expect(try #require(g.needLayer("latent")).isReading("approach"))
        let indifferent = try #require(g.needLayer("indifferent"))
        #expect(indifferent.section == "3.6" && !indifferent.isReading("approach"))
    }

    @Test func policyToolAdviceBeyondTheGuidanceIsKeptApartAsNotes() throws {
        let g = try Self.sampleGuidance()
        for tool in g.policyTools.tools {
            #expect(tool.section == "3.7" && !tool.isReading("points") && tool.isReading("from_stage"), "\(tool.id.value)")
            // What the seed does not say stays out of the guidance's points.
            for point in tool.points ?? [] {
                for phrase in ["3年後", "従業員とも一緒", "基本的事項", "DX推進指標による自己診断"] {
                    #expect(!point.contains(phrase), "\(tool.id.value): '\(point)' is not in the guidance")
                }
            }
            #expect(tool.isReading("notes"), "\(tool.id.value)")
        }
        let certification = try #require(g.policyTool("dx-certification"))
        #expect(certification.notes?.contains { $0.contains("デジタルガバナンス・コードの基本的事項") } == true)
        #expect(try #require(g.policyTool("dx-index")).isReading("task"))
    }

    @Test func literacyItemsSayTheyComeFromDXLiteracyStandard() throws {
        let g = try Self.sampleGuidance()
        for id in ["why", "what", "how"] {
            let area = try #require(g.skills.skillAreas.first { $0.id.value == id })
            #expect(area.readingNote("items") == "DXリテラシー標準による", "\(id)")
            #expect(area.section == "5.3" && !area.isReading("description"))
        }
    }

    @Test func institutionsCarryTheBankSubtypesProximityAndTheChapterOneBackground() throws {
        let g = try Self.sampleGuidance()
        #expect(g.institution("regional-bank")?.kinds == ["地方銀行", "第二地方銀行", "信用金庫・信用組合"])
        #expect(g.institution("consultant")?.kinds == ["ITコーディネータ", "中小企業診断士"])
        #expect(g.institutions.proximity?.section == "3.4")
        #expect(g.institutions.proximity?.text.contains("「近接性」") == true)
        let background = try #require(g.institutions.background)
        #expect(background.section == "第1章")
        #expect(background.productivity.map(\.label) == ["東京圏", "地方圏"])
        #expect(background.productivity.map(\.value) == [947, 809])
        #expect(background.individualSupport.contains("「個社支援」") && background.newApproach.contains("「新たなアプローチ」"))
        for i in g.institutions.institutions {
            #expect(i.isReading("roles"), "\(i.id.value)'s roles are this data's reading")
        }
    }

    // MARK: The evidence of 2.2

    @Test func valueByStageGivesStagesThreeAndFourAndLeavesOneAndTwoUnplaced() throws {
        let g = try Self.sampleGuidance()
        let four = try #require(g.valueChange(atStage: 4))
        #expect(four.productivity == 824 && four.sales == 13.8)
        let three = try #require(g.valueChange(atStage: 3))
        #expect(three.productivity == 262 && three.sales == 2.8)
        // The PDF extraction does not say which of stages 1 and 2 each value belongs to.
        #expect(g.valueChange(atStage: 1) == nil && g.valueChange(atStage: 2) == nil)
        let unplaced = try #require(g.stages.valueChange?.unplaced)
        #expect(unplaced.stages.map(\.value) == [1, 2])
        #expect(Set(unplaced.productivity) == [-48, -39] && Set(unplaced.sales) == [-2.9, -5.9])
        #expect(g.stages.valueChange?.section == "2.2")
    }

    @Test func understandingAndExpectationsAreTheSurveysOfTwoPointTwo() throws {
        let g = try Self.sampleGuidance()
        let understanding = try #require(g.stages.understanding)
        #expect(understanding.n == 1000 && understanding.section == "2.2")
        let shares = Dictionary(uniqueKeysWithValues: understanding.answers.map { ($0.label, $0.share) })
        #expect(((shares["理解している"] ?? 0) + (shares["ある程度理解している"] ?? 0) - 49.1).magnitude < 0.01)   // 約半数
        #expect(understanding.finding?.contains("デジタル化による業務効率化はDXと同義であると考えている企業は多数") == true)
        let expectations = try #require(g.stages.expectations)
        #expect(expectations.n == 491)
        #expect(expectations.answers.first?.label == "業務の効率化" && expectations.answers.first?.share == 64.0)
        #expect(expectations.answers.reduce(0) { $0 + $1.share } > 100)   // several answers each
    }

    // MARK: The portal shows it

    @Test func guidancePagesLabelTheGuidancesWordsAndThePortalsReadings() throws {
        let site = try FixtureSite.sample()
        let run = try site.run("build")
        #expect(run.status == 0, "\(run.stderr)")
        let stages = try site.read("Output/site/guidance/stages/index.html")
        #expect(stages.contains("デジタル化が全く未着手<span class=\"basis\">ガイダンス 2.1</span>"))
        #expect(stages.contains("デジタルツールを利用した業務環境への移行<span class=\"basis basis-ours\">本ポータルの整理"))
        #expect(stages.contains("中小企業の調査で 20.3%") && !stages.contains("全国の 20.3%"))
        #expect(stages.contains("N=6,620"))
        // 2.2's value by stage, with the stages 1 and 2 left unplaced and said so.
        #expect(stages.contains("段階4 DX</span></th><td>+824千円/人</td><td>+13.8%</td>"))
        #expect(stages.contains("段階3 デジタライゼーション</span></th><td>+262千円/人</td><td>+2.8%</td>"))
        #expect(stages.contains("<th scope=\"row\">段階1・段階2</th><td>−48千円/人、−39千円/人</td><td>−2.9%、−5.9%</td>"))
        #expect(stages.contains("どちらの段階のものか判別できない"))
        #expect(stages.contains("労働生産性の変化 +824千円/人・売上高の変化 +13.8%（中央値）"))
        // The stage's own page says it too; stage 2's, whose figure is unplaced, says nothing.
        #expect(try site.read("Output/site/stages/3/index.html").contains("この段階の中小企業の労働生産性の変化 +262千円/人・売上高の変化 +2.8%（中央値）（ガイダンス 2.2）"))
        #expect(!(try site.read("Output/site/stages/2/index.html")).contains("労働生産性の変化"))
        #expect(try site.read("Output/site/stages/2/index.html").contains("デジタルツールを利用した業務環境への移行（デジタル化の実現）<span class=\"basis basis-ours\">本ポータルの整理"))
        #expect(stages.contains("64.0%") && stages.contains("N=491") && stages.contains("N=1,000"))

        let challenges = try site.read("Output/site/guidance/challenges/index.html")
        #expect(!challenges.contains("ガイダンスが示す対応"))
        #expect(challenges.components(separatedBy: "本ポータルの整理<span class=\"basis-note\">").count - 1 == 8)
        #expect(challenges.contains("ITに関わる人材が足りない<span class=\"basis\">ガイダンス 2.2</span>"))

        let institutions = try site.read("Output/site/guidance/institutions/index.html")
        #expect(!institutions.contains("信頼を得ている地域金融機関・地域ITベンダー"))
        #expect(institutions.contains("なかでも地域金融機関は、経営者・経営層に接する機会が多く、非常に高い信頼を得ている存在とされています"))
        #expect(institutions.contains("例: 地方銀行・第二地方銀行・信用金庫・信用組合"))
        #expect(institutions.contains("「近接性」も強み。<span class=\"basis\">ガイダンス 3.4</span>"))
        #expect(institutions.contains("947<span>万円/人</span>") && institutions.contains("809<span>万円/人</span>"))
        #expect(institutions.contains("「新たなアプローチ」"))

        let skills = try site.read("Output/site/guidance/skills/index.html")
        #expect(skills.components(separatedBy: "（DXリテラシー標準による）").count - 1 == 3)
        // 5.4 names the certifications; what each teaches and its summary are the portal's.
        #expect(skills.contains("「身につくスキル」と「概要」は<span class=\"basis basis-ours\">本ポータルの整理</span>"))

        let tools = try site.read("Output/site/guidance/policy-tools/index.html")
        let notes = try #require(tools.range(of: "実務での補足<span class=\"basis basis-ours\">本ポータルの整理"))
        #expect(tools.range(of: "3年後を目安とした目標値", range: notes.upperBound..<tools.endIndex) != nil)

        let stats = try site.read("Output/site/stats/index.html")
        #expect(!stats.contains("全国の企業の段階の分布") && stats.contains("中小企業の調査"))
        #expect(!(try site.read("Output/site/index.html")).contains("全国の企業の"))
    }

    // MARK: Mistakes in the marks

    @Test func aReadingOfAKeyTheItemDoesNotHaveIsAnErrorAtTheKey() throws {
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": ""])
        let path = "Content/guidance/stages.yaml"
        let text = try site.read(path)
        let marked = text.replacingOccurrences(of: "      title: 中小企業白書の段階の説明による\n      examples:", with: "      headline: 中小企業白書の段階の説明による\n      examples:")
        #expect(marked != text)
        try site.write(path, marked)
        let line = try #require(marked.components(separatedBy: "\n").firstIndex { $0.hasPrefix("      headline:") }) + 1
        let run = try site.run("check")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("\(path):\(line):7: error: reading names 'headline', which is not a key of this item") }, "\(run.stderr)")
    }

    @Test func valueChangeGivingAStageTwiceOrPlacingAnUnplacedStageIsAnError() throws {
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": ""])
        let path = "Content/guidance/stages.yaml"
        let text = try site.read(path)
        let changed = text.replacingOccurrences(of: "    - { stage: 3, productivity: 262, sales: 2.8 }", with: "    - { stage: 2, productivity: 262, sales: 2.8 }")
        #expect(changed != text)
        try site.write(path, changed)
        let line = try #require(changed.components(separatedBy: "\n").firstIndex { $0.hasPrefix("    stages: [1, 2]") }) + 1
        let run = try site.run("check")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("\(path):\(line):17: error: value_change.unplaced names stage 2") }, "\(run.stderr)")
    }
}
