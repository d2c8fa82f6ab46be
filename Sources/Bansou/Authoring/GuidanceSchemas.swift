/// The guidance data files (Content/guidance/*.yaml): the keys of the `Guidance` models, with
/// the checks of `GuidanceValidator`. Ids defined here are slugs; ids they refer to (an
/// institution's areas, a certification's skill areas) come from the other guidance files.
extension SchemaTables {
    /// File name (without `.yaml`) → schema, in the loader's order.
    var guidanceSchemas: [(name: String, schema: JSONValue)] {
        [("stages", stagesSchema), ("areas", areasSchema), ("process", processSchema), ("indicators", indicatorsSchema),
         ("challenges", challengesSchema), ("institutions", institutionsSchema), ("skills", skillsSchema),
         ("policy-tools", policyToolsSchema), ("industries", industriesSchema), ("regions", regionsSchema),
         ("need-layers", needLayersSchema), ("practices", practicesSchema)]
    }

    private func file(_ name: String, _ description: String, required: [String], _ properties: [(String, JSONValue)]) -> JSONValue {
        Schema.document(title: "ガイダンスのデータ（guidance/\(name).yaml）", description: description,
                        Schema.object(description, required: required, properties))
    }

    private static func titled(_ description: String) -> JSONValue {
        Schema.object(description, required: ["title", "description"], [
            ("title", Schema.text("見出し")), ("description", Schema.text("説明")),
        ])
    }

    private static var texts: JSONValue { Schema.text("項目") }

    /// `section` and `reading` of a `GuidanceSourced` item: which guidance section it comes
    /// from, and which of its keys (`T.readableKeys`) are this data's reading.
    private static func sourced<T: GuidanceSourced>(_ type: T.Type) -> [(String, JSONValue)] {
        [("section", Schema.text("この項目の出所であるガイダンスの節（例: \"2.1\"、第1章）。ポータルに「ガイダンス 2.1」と表示する")),
         ("reading", Schema.object("ガイダンスの言葉ではなく本データの読み（本ポータルの整理）であるキーと、その拠り所の短いメモ。ポータルに「本ポータルの整理」と表示する",
                                   T.readableKeys.map { ($0, Schema.text("\($0) の拠り所（例: DXリテラシー標準による）")) }))]
    }

    /// 2.2's survey charts (DXの理解度, 期待する成果).
    private static func surveyChart(_ description: String) -> JSONValue {
        Schema.object(description, required: ["section", "title", "answers"], [
            ("section", Schema.text("ガイダンスの節（例: \"2.2\"）")),
            ("title", Schema.text("図の題")),
            ("finding", Schema.text("ガイダンスがこの図から述べていること")),
            ("n", Schema.integer("回答数", minimum: 0)),
            ("source", Schema.text("出典")),
            ("note", Schema.text("注（対象など）")),
            ("answers", Schema.list("回答と割合", of: Schema.object("回答", required: ["label", "share"], [
                ("label", Schema.text("選択肢")), ("share", Schema.number("割合（%）")),
            ]))),
        ])
    }

    private static var valueChange: JSONValue {
        Schema.object("段階別の労働生産性と売上高の変化（ガイダンス 2.2）", required: ["section", "stages"], [
            ("section", Schema.text("ガイダンスの節（例: \"2.2\"）")),
            ("source", Schema.text("出典")),
            ("definition", Schema.text("労働生産性の定義と、中央値であること")),
            ("stages", Schema.list("段階ごとの値", of: Schema.object("段階の値", required: ["stage", "productivity", "sales"], [
                ("stage", Schema.integer("段階 1–4", 1...4)),
                ("productivity", Schema.number("労働生産性の変化 ΔLP（千円/人、中央値）")),
                ("sales", Schema.number("売上高の変化率（%、中央値）")),
            ]))),
            ("unplaced", Schema.object("どの段階の値か資料から判別できない値（段階に割り当てない）", required: ["stages", "productivity", "sales", "note"], [
                ("stages", Schema.list("値がどれかに当たる段階", of: Schema.integer("段階 1–4", 1...4))),
                ("productivity", Schema.list("ΔLP の値（千円/人）", of: Schema.number("値"))),
                ("sales", Schema.list("売上高の変化率（%）", of: Schema.number("値"))),
                ("note", Schema.text("割り当てない理由（ポータルに表示する）")),
            ])),
        ])
    }

    var stagesSchema: JSONValue {
        file("stages", "デジタル活用の4段階（ガイダンス 2.1）", required: ["stages"], [
            ("source", Schema.text("割合の出所（調査名と回答数）")),
            ("survey_n", Schema.integer("調査の回答数", minimum: 0)),
            ("stages", Schema.list("段階 1–4 を1つずつ", of: Schema.object("段階", required: ["id", "name", "title", "phase", "description", "examples", "survey_share"], [
                ("id", Schema.integer("段階の番号 1–4", 1...4)),
                ("name", Schema.text("短い名前（例: 未着手）")),
                ("title", Schema.text("見出し")),
                ("phase", Schema.text("フェーズ（アナログ / デジタル化の実現 / DXの実現）")),
                ("description", Schema.text("説明")),
                ("examples", Schema.list("取組例", of: Self.texts)),
                ("survey_share", Schema.number("この段階の企業の割合（%、中小企業の調査）")),
            ] + Self.sourced(Stage.self)))),
            ("value_change", Self.valueChange),
            ("understanding", Self.surveyChart("DXに対する理解度（ガイダンス 2.2）")),
            ("expectations", Self.surveyChart("DXに期待する成果・効果（ガイダンス 2.2）")),
        ])
    }

    var areasSchema: JSONValue {
        file("areas", "業務領域と、領域ごとのレベル 1–4 の目安", required: ["areas"], [
            ("areas", Schema.list("業務領域（この順に表示される）", of: Schema.object("業務領域", required: ["id", "name", "levels"], [
                ("id", Schema.slug("業務領域の id")),
                ("name", Schema.text("名前（例: 受発注）")),
                ("indirect", Schema.bool("間接業務（BPO の候補、ガイダンス 3.6）")),
                ("levels", Schema.list("レベル 1、2、3、4 の目安（ちょうど4つ）", of: Self.texts, count: 4)),
            ] + Self.sourced(Area.self)))),
        ])
    }

    var processSchema: JSONValue {
        file("process", "DX推進プロセスの4フェーズと支援活動（ガイダンス 3.3、3.7）", required: ["phases"], [
            ("phases", Schema.list("フェーズ", of: Schema.object("フェーズ", required: ["id", "name", "summary", "stages", "activities"], [
                ("id", Schema.slug("フェーズの id")),
                ("name", Schema.text("名前（例: 意思決定）")),
                ("summary", Schema.text("概要")),
                ("stages", Schema.list("このフェーズを勧める段階", of: Schema.integer("段階 1–4", 1...4))),
                ("activities", Schema.list("支援活動", of: Self.titled("支援活動"))),
                ("points", Schema.list("留意点", of: Self.texts)),
            ] + Self.sourced(ProcessPhase.self)))),
        ])
    }

    var indicatorsSchema: JSONValue {
        file("indicators", "自己診断の指標と成熟度レベル 0–5", required: ["levels", "indicators"], [
            ("levels", Schema.list("成熟度レベル", of: Schema.object("レベル", required: ["level", "name", "description"], [
                ("level", Schema.integer("レベルの番号")),
                ("name", Schema.text("名前")),
                ("description", Schema.text("説明")),
            ]))),
            ("indicators", Schema.list("指標", of: Schema.object("指標", required: ["id", "name"], [
                ("id", Schema.slug("指標の id")),
                ("name", Schema.text("名前")),
                ("question", Schema.text("問い")),
            ]))),
        ])
    }

    var challengesSchema: JSONValue {
        file("challenges", "中小企業のDXの課題（ガイダンス 2.2）と支援機関としての対応（本データの整理）", required: ["challenges"], [
            ("source", Schema.text("割合の出所")),
            ("challenges", Schema.list("課題", of: Schema.object("課題", required: ["id", "name", "response"], [
                ("id", Schema.slug("課題の id")),
                ("name", Schema.text("名前")),
                ("share", Schema.number("この課題を挙げた企業の割合（%）")),
                ("response", Schema.text("支援機関としての対応（支援機関向け：ポータル、担当者用シート）")),
                ("for_company", Schema.text("同じ内容を会社向けに（会社向けレポート）。ないときは課題の名前だけを載せる")),
            ] + Self.sourced(Challenge.self)))),
        ])
    }

    var institutionsSchema: JSONValue {
        file("institutions", "支援機関の種類と連携（ガイダンス 3.4、第4章）", required: ["institutions", "collaboration"], [
            ("institutions", Schema.list("支援機関の種類", of: Schema.object("支援機関の種類", required: ["id", "name", "why", "roles"], [
                ("id", Schema.slug("種類の id")),
                ("name", Schema.text("名前")),
                ("primary", Schema.bool("「主治医」の3種類の一つ（ガイダンス 3.4）")),
                ("why", Schema.list("この種類がDX支援に取り組む理由", of: Self.texts)),
                ("roles", Schema.list("支援先のDXで果たす役割", of: Self.texts)),
                ("areas", Schema.list("得意な業務領域（作業の担当候補を決める）", of: Schema.choice("業務領域の id", areas), unique: true)),
                ("kinds", Schema.list("この種類の例（例: 地方銀行、信用金庫・信用組合）", of: Self.texts)),
            ] + Self.sourced(InstitutionType.self)))),
            ("collaboration", Schema.list("支援機関の連携の考え方", of: Self.titled("連携の考え方"))),
            ("background", Schema.object("支援機関を通じた「新たなアプローチ」の背景（ガイダンス 第1章）", required: ["section", "productivity_title", "productivity", "individual_support", "new_approach"], [
                ("section", Schema.text("ガイダンスの節（例: 第1章）")),
                ("productivity_title", Schema.text("労働生産性の図の題（単位と年度）")),
                ("productivity", Schema.list("労働生産性の値", of: Schema.object("値", required: ["label", "value"], [
                    ("label", Schema.text("地域（例: 東京圏）")), ("value", Schema.number("値")),
                ]))),
                ("source", Schema.text("出典")),
                ("individual_support", Schema.text("これまでの「個社支援」")),
                ("new_approach", Schema.text("支援機関を通じた「新たなアプローチ」")),
            ])),
            ("proximity", Schema.object("地域の支援機関の「近接性」（ガイダンス 3.4）", required: ["section", "text"], [
                ("section", Schema.text("ガイダンスの節")), ("text", Schema.text("ガイダンスの記述")),
            ])),
        ])
    }

    var skillsSchema: JSONValue {
        let means = { (what: String) in
            Schema.object(what, required: ["name", "skill_areas", "description"], [
                ("name", Schema.text("名前")),
                ("skill_areas", Schema.list("関わるスキル領域", of: Schema.choice("スキル領域の id", self.skillAreas), unique: true)),
                ("description", Schema.text("説明")),
            ])
        }
        return file("skills", "DX支援人材のマインドセット、スキル、資格、育成（ガイダンス 第5章）", required: ["mindsets", "skill_areas", "certifications", "training"], [
            ("mindsets", Schema.list("マインドセット", of: Schema.object("マインドセット", required: ["id", "name", "description"], [
                ("id", Schema.slug("マインドセットの id")),
                ("name", Schema.text("名前")),
                ("description", Schema.text("説明")),
            ]))),
            ("skill_areas", Schema.list("担当者を 0–3 で評価するスキル領域", of: Schema.object("スキル領域", required: ["id", "group", "name", "description", "items"], [
                ("id", Schema.slug("スキル領域の id")),
                ("group", Schema.text("グループ（例: DXリテラシー）")),
                ("name", Schema.text("名前")),
                ("description", Schema.text("説明")),
                ("items", Schema.list("内容", of: Self.texts)),
            ] + Self.sourced(SkillsFile.SkillArea.self)))),
            ("certifications", Schema.list("資格", of: means("資格"))),
            ("training", Schema.list("育成の方法", of: means("育成の方法"))),
        ])
    }

    var policyToolsSchema: JSONValue {
        file("policy-tools", "政策ツール（ガイダンス 3.7）", required: ["tools"], [
            ("tools", Schema.list("政策ツール", of: Schema.object("政策ツール", required: ["id", "name", "summary", "from_stage"], [
                ("id", Schema.slug("ツールの id（id に certification を含むツールは、会社が取得するもの）")),
                ("name", Schema.text("名前")),
                ("summary", Schema.text("概要")),
                ("from_stage", Schema.integer("この段階から勧める（1–4）", 1...4)),
                ("points", Schema.list("活用の仕方（ガイダンスの言葉）", of: Self.texts)),
                ("notes", Schema.list("ガイダンスにない実務上の補足（reading で本ポータルの整理と示す）", of: Self.texts)),
                ("links", Schema.list("公式の情報（経済産業省・IPA のページ）。ポータルに「公式の情報」として載る", of: Schema.object("ページ", required: ["title", "url"], [
                    ("title", Schema.text("ページの名前", notBlank: true)),
                    ("url", Schema.pattern("https://…", SchemaTables.webLinkPattern)),
                ]))),
                ("task", Schema.object("計画の作業 policy:<id>（ないツールは参考として載せるだけ）", required: ["title", "months", "timing"], [
                    ("title", Schema.text("作業の名前")),
                    ("months", Schema.integer("期間（月数）", 1...36)),
                    ("timing", Schema.choice("early: 計画の2か月目から、late: 計画の終わりに合わせる", values: Self.timings)),
                    ("reason", Schema.text("会社向けの理由")),
                ])),
            ] + Self.sourced(PolicyTool.self)))),
        ])
    }

    var industriesSchema: JSONValue {
        file("industries", "業種（日本標準産業分類の大分類）", required: ["industries"], [
            ("industries", Schema.list("業種", of: Schema.object("業種", required: ["id", "name"], [
                ("id", Schema.slug("業種の id")),
                ("name", Schema.text("名前")),
                ("jsic", Schema.text("日本標準産業分類の大分類の記号（A–T）")),
            ]))),
        ])
    }

    var regionsSchema: JSONValue {
        file("regions", "地方と都道府県", required: ["regions"], [
            ("regions", Schema.list("地方", of: Schema.object("地方", required: ["id", "name", "prefectures"], [
                ("id", Schema.slug("地方の id")),
                ("name", Schema.text("名前")),
                ("prefectures", Schema.list("都道府県（「県」「都」などまで）", of: Self.texts)),
            ]))),
        ])
    }

    var needLayersSchema: JSONValue {
        file("need-layers", "DX支援ニーズの層と層ごとのアプローチ（ガイダンス 3.6）", required: ["layers"], [
            ("layers", Schema.list("層", of: Schema.object("層", required: ["id", "name", "description", "approach"], [
                ("id", Schema.slug("層の id")),
                ("name", Schema.text("名前")),
                ("description", Schema.text("説明")),
                ("approach", Schema.text("アプローチ")),
                ("priority", Schema.integer("支援の優先度（小さいほど優先）")),
            ] + Self.sourced(NeedLayer.self)))),
        ])
    }
}
