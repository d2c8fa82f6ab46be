/// A client record (Content/clients/<id>.yaml): the keys of `Client`, with the checks of
/// `ClientValidator` (levels, statuses, task ids, the policy statuses of each tool).
extension SchemaTables {
    var clientSchema: JSONValue {
        Schema.document(title: "支援先（clients/<id>.yaml）", description: "支援先の記録。社外秘：公開されない。会社を特定する語は公開ポータルに出ないよう検査される",
            Schema.object("支援先", required: ["id", "name"], [
                ("id", Schema.slug("支援先の id。ファイル名と同じにする")),
                ("name", Schema.text("正式な会社名（例: 株式会社山田精工）。公開ポータルに出ないよう検査される", notBlank: true)),
                ("kana", Schema.text("会社名の読み（カナ）")),
                ("representative", Schema.text("代表者名")),
                ("address", Schema.text("所在地")),
                ("phone", Schema.textOrNumber("電話番号")),
                ("email", Schema.text("メールアドレス")),
                ("website", Schema.pattern("ウェブサイトの URL（https://…）。ホスト名も公開ポータルに出ないよう検査される", Self.webLinkPattern)),
                ("corporate_number", Schema.textOrNumber("13桁の法人番号（引用符で囲む: \"1234567890123\"）")),
                ("identifiers", Schema.list("会社を特定するその他の語（略称、旧社名、英語表記など）", of: Schema.text("語"))),
                ("industry", Schema.choice("業種の id（guidance/industries.yaml）", industries)),
                ("prefecture", Schema.choice("都道府県（guidance/regions.yaml の表記、「県」「都」などまで）", values: prefectures)),
                ("employees", Schema.integer("従業員数", minimum: 0)),
                ("need_layer", Schema.choice("DX支援ニーズの層（guidance/need-layers.yaml）。会社向けレポートには出ない", needLayers)),
                ("advisor", Schema.slug("担当者の id（staff/<id>.yaml のファイル名）")),
                ("consent", Schema.object("成功事例の公開への同意", required: ["stories"], [
                    ("stories", Schema.bool("この会社の成功事例を公開してよいか")),
                    ("date", Schema.date("同意を得た日")),
                ])),
                ("assessed", Schema.date("今の areas / indicators を診断した日。history を書くときは必須")),
                ("areas", areaLevels("業務領域ごとの今のデジタル活用レベル 1–4（書いた領域だけが診断済み）")),
                ("indicators", indicatorScores("自己診断の指標ごとの成熟度 0–5（DX推進指標にならう）")),
                ("history", Schema.list("以前の診断（assessed より前の日付、日付ごとに1件）", of: Schema.object("以前の診断", required: ["date", "areas"], [
                    ("date", Schema.date("診断した日（assessed より前）")),
                    ("areas", areaLevels("その日の業務領域ごとのレベル 1–4")),
                    ("indicators", indicatorScores("その日の指標ごとの成熟度 0–5")),
                ]))),
                ("challenges", Schema.list("会社が抱える課題", of: Schema.choice("課題の id（guidance/challenges.yaml）", challenges), unique: true)),
                ("goals", Schema.list("会社の目標。順番が計画の優先順位になる", of: Schema.either("目標：文字列、または { text, areas }", [
                    Schema.text("目標（例: 受発注の電子化）", notBlank: true),
                    Schema.object("目標と、それが関わる業務領域", required: ["text"], [
                        ("text", Schema.text("目標（レポートにそのまま載る）", notBlank: true)),
                        ("areas", Schema.list("目標が関わる業務領域（計画の順番を決める）", of: Schema.choice("業務領域の id", areas), unique: true)),
                    ]),
                ]))),
                ("policy", policy),
                ("meetings", Schema.list("面談の記録（担当者用。会社向けレポートには出ない）", of: Schema.object("面談", required: ["date", "note"], [
                    ("date", Schema.date("面談した日")),
                    ("note", Schema.text("面談のメモ")),
                ]))),
                ("roadmap", Schema.list("担当者が決めた計画の作業（同じ業務領域の自動の作業より優先される）", of: Schema.object("計画の作業", required: ["title", "start", "months"], [
                    ("id", Schema.slug("作業の id（progress から名指しするため。支援先の中で一意）")),
                    ("status", Schema.choice("記録した状況（書かなければ、期限を過ぎたものは遅れ、それ以外は予定）", values: Self.taskStatuses)),
                    ("title", Schema.text("作業の名前")),
                    ("area", Schema.choice("業務領域の id", areas)),
                    ("start", Schema.month("開始月")),
                    ("months", Schema.integer("期間（月数）", 1...36)),
                    ("owner", Schema.choice("担当する支援機関の種類の id（guidance/institutions.yaml）", institutions)),
                ]))),
                ("progress", Schema.list("作業の結果の記録（done / dropped の作業は計画し直さない）", of: Schema.object("作業の結果", required: ["task", "status"], [
                    ("task", Schema.either("作業の id：自動の作業（quick-win:<領域>、level-up:<領域>、bpo:<領域>、policy:<ツール>、training:talent）、または roadmap の id", [
                        Schema.choice("自動の作業の id", values: generatedTaskIDs),
                        Schema.slug("roadmap に書いた作業の id"),
                    ])),
                    ("status", Schema.choice("状況", values: Self.taskStatuses)),
                    ("date", Schema.date("記録した日")),
                    ("note", Schema.text("担当者用のメモ（会社向けレポートには出ない）")),
                ]))),
                ("stage_override", Schema.object("計算した段階を置き換える（レポートには両方と理由が載る）", required: ["stage", "reason"], [
                    ("stage", Schema.integer("段階 1–4" + IDName.legend(stages), 1...4)),
                    ("reason", Schema.text("置き換える理由")),
                ])),
            ]))
    }

    /// `ordering: 1` or `ordering: { level: 1, note: … }`, by area id.
    private func areaLevels(_ description: String) -> JSONValue {
        let level = Schema.integer("レベル 1–4（1 アナログ … 4 データ活用・変革。各レベルの目安は guidance/areas.yaml）", 1...4)
        return Schema.map(description + IDName.legend(areas),
            keys: Schema.choice("業務領域の id", areas),
            values: Schema.either("レベル、または { level, note }", [
                level,
                Schema.object("レベルとメモ", required: ["level"], [("level", level), ("note", Schema.text("メモ"))]),
            ]))
    }

    private func indicatorScores(_ description: String) -> JSONValue {
        Schema.map(description + IDName.legend(indicators),
            keys: Schema.choice("指標の id（guidance/indicators.yaml）", indicators),
            values: Schema.object("今の値と目標", required: ["current"], [
                ("current", Schema.integer("今の成熟度 0–5", 0...5)),
                ("target", Schema.integer("目標の成熟度 0–5", 0...5)),
            ]))
    }

    /// One entry per policy tool, each with the statuses the validator allows for it.
    private var policy: JSONValue {
        let tools = policyTools.map { tool -> (String, JSONValue) in
            let statuses = Self.policyStatuses(of: tool.id)
            return (tool.id, Schema.object("\(tool.name)についての会社の状況", required: ["status"], [
                ("status", Schema.choice("状況（held / done は達成として表示し、もう提案しない）", values: statuses)),
                ("date", Schema.date("取得・申請・実施した日（held、applying、done のときに書く）")),
            ]))
        }
        return Schema.object("政策ツールごとの会社の状況（guidance/policy-tools.yaml の id）" + IDName.legend(policyTools), tools)
    }
}
