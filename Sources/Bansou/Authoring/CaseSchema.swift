/// The front matter of a story (Content/cases/<slug>.md) and of a free page (pages/<slug>.md):
/// the keys of `CaseFrontMatter` / `PageFrontMatter`, with the checks of `Validator.validateCase`.
extension SchemaTables {
    var caseSchema: JSONValue {
        let stages = "段階 1–4" + IDName.legend(self.stages)
        let outcome = Schema.object("成果の数字。ポータルは before → after の変化を示す", required: ["label", "before", "after"], [
            ("label", Schema.text("何の数字か（例: 受注処理時間）", notBlank: true)),
            ("before", Schema.number("支援前の値（数値）")),
            ("after", Schema.number("支援後の値（数値）")),
            ("unit", Schema.text("単位（例: 分、件、%）")),
        ])
        let limit = "（\(Setback.maxCharacters)字まで）"
        let setback = Schema.object("うまくいかなかったことと、そこから学んだこと（ガイダンス 3.8「失敗例も含め」）。事例ページの「つまずきと学び」に載り、一覧の「つまずきから学ぶ」で絞り込める", required: ["what", "learned"], [
            ("what", Schema.text("うまくいかなかったこと" + limit, notBlank: true)),
            ("learned", Schema.text("そこから学んだこと・次にどうしたか" + limit, notBlank: true)),
        ])
        return Schema.document(title: "成功事例のフロントマター（cases/<slug>.md）", description: "成功事例（公開されるもの）。draft: true のあいだは公開されない",
            Schema.object("成功事例", required: ["title", "alias", "date", "industry", "region", "stage_before", "stage_after"], [
                ("title", Schema.text("見出し：何をして何が変わったか", notBlank: true)),
                ("alias", Schema.text("公開する匿名の社名（例: 金属加工業A社）。本当の社名は書かない", notBlank: true)),
                ("date", Schema.date("公開日。as_of より後の日付は、その日まで公開されない")),
                ("industry", Schema.choice("業種の id（guidance/industries.yaml）", industries)),
                ("region", Schema.choice("地方の id（guidance/regions.yaml）。市町村は書かない", regions)),
                ("size", Schema.choice("従業員規模", values: Self.sizeBands)),
                ("stage_before", Schema.integer("支援前のデジタル活用の" + stages, 1...4)),
                ("stage_after", Schema.integer("支援後のデジタル活用の" + stages + "。stage_before 以上", 1...4)),
                ("areas", Schema.list("改善した業務領域", of: Schema.choice("業務領域の id（guidance/areas.yaml）", areas), unique: true)),
                ("institutions", Schema.list("関わった支援機関の種類", of: Schema.choice("支援機関の種類の id（guidance/institutions.yaml）", institutions), unique: true)),
                ("partners", Schema.list("関わった連携先", of: Schema.slug("連携先の id（partners/<id>.yaml のファイル名）"), unique: true)),
                ("themes", Schema.list("自由なタグ（例: ペーパーレス）。タグごとのページができる", of: Schema.text("タグ", notBlank: true))),
                ("tools", Schema.list("使ったツールの種類（製品名でなくてよい）", of: Schema.text("ツールの種類"))),
                ("outcomes", Schema.list("成果の数字", of: outcome)),
                ("setbacks", Schema.list("つまずきと学び（短い項目をいくつか）", of: setback)),
                ("summary", Schema.text("一覧に出る一段落の紹介文")),
                ("client", Schema.slug("この事例の支援先の id（clients/<id>.yaml）。公開されないつながり。支援先の consent.stories が true でなければ公開されない")),
                ("draft", Schema.bool("true のあいだは公開しない（--drafts のときだけ表示）")),
                ("anonymize", Schema.choice("auto: client の会社を特定する語を alias（会社）、代表者（代表者名）、非公開（連絡先）に置き換えてから公開する", values: Self.anonymizeModes)),
            ]))
    }

    var pageSchema: JSONValue {
        Schema.document(title: "固定ページのフロントマター（pages/<slug>.md）", description: "固定ページ（/<slug>/ に公開）",
            Schema.object("固定ページ", required: ["title"], [
                ("title", Schema.text("ページの見出し", notBlank: true)),
                ("description", Schema.text("ページの説明（検索結果や共有に使う）")),
                ("date", Schema.date("日付")),
                ("draft", Schema.bool("true のあいだは公開しない")),
                ("menu", Schema.integer("ナビゲーションに載せる順番（書いたページだけが載る）")),
            ]))
    }
}
