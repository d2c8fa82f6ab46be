/// The institution's own records: guidance/practices.yaml (3.2, 3.8), institution.yaml
/// (self-checks, commitment, staff development) and referrals/<name>.yaml, with the checks
/// of `GuidanceValidator`, `InstitutionValidator` and `ReferralValidator`.
extension SchemaTables {
    var practicesSchema: JSONValue {
        Schema.document(title: "ガイダンスのデータ（guidance/practices.yaml）",
                        description: "支援機関が抱える課題（ガイダンス 3.2）と実践すべき取組（3.8）。institution.yaml の自己点検の軸",
            Schema.object("支援機関の課題と取組", required: ["challenges", "practices"], [
                ("source", Schema.text("出典")),
                ("answers_reading", Schema.text("answers（取組と課題の対応）が本データの読みであることの説明。ポータルに「本ポータルの整理」と表示する")),
                ("challenges", Schema.list("支援機関が抱える課題（3.2）", of: Schema.object("課題", required: ["id", "short", "name", "detail"], [
                    ("id", Schema.slug("課題の id")),
                    ("short", Schema.text("短い名前（3.2 冒頭の言葉）", notBlank: true)),
                    ("name", Schema.text("名前", notBlank: true)),
                    ("detail", Schema.text("ガイダンスの説明")),
                ]))),
                ("practices", Schema.list("実践すべき取組（3.8）", of: Schema.object("取組", required: ["id", "name", "summary", "answers", "suggestions"], [
                    ("id", Schema.slug("取組の id（institution.yaml の scores のキー）")),
                    ("name", Schema.text("名前", notBlank: true)),
                    ("summary", Schema.text("ガイダンスの説明")),
                    ("answers", Schema.list("応える課題（本データの読み）", of: Schema.choice("課題の id", institutionChallenges), unique: true)),
                    ("suggestions", Schema.list("取組を進めるためにガイダンスが述べていること", of: Schema.object("ガイダンスの言葉", required: ["section", "text"], [
                        ("section", Schema.text("節（例: \"5.4\"）")),
                        ("text", Schema.text("ガイダンスの言葉", notBlank: true)),
                    ]))),
                ]))),
            ]))
    }

    var institutionSchema: JSONValue {
        let scale = "0 未着手・1 検討中・2 一部で実施・3 組織として定着"
        let scores = practices.map { practice in
            (practice.id, Schema.either("\(practice.name)の点数（\(scale)）。根拠を添えるときは { score, evidence }", [
                Schema.integer(scale, SelfCheckScale.range),
                Schema.object("\(practice.name)の点数と根拠", required: ["score"], [
                    ("score", Schema.integer(scale, SelfCheckScale.range)),
                    ("evidence", Schema.text("点数の根拠（短いメモ）")),
                ]),
            ]))
        }
        return Schema.document(title: "支援機関の取組（institution.yaml）",
                               description: "自己点検・コミットメント表明・人材育成の仕組み（内部用。公開されるのは public: true の表明だけ）",
            Schema.object("支援機関の取組", [
                ("commitment", Schema.object("DX支援へのコミットメント表明（ガイダンス 3.8）", required: ["statement"], [
                    ("statement", Schema.text("表明の文（改行で段落を分ける）", notBlank: true)),
                    ("date", Schema.date("表明した日")),
                    ("public", Schema.bool("true でポータルの「このポータルについて」に載せる（既定は false）")),
                ])),
                ("self_checks", Schema.list("半期ごとの自己点検", of: Schema.object("自己点検", required: ["date", "scores"], [
                    ("date", Schema.date("点検した日")),
                    ("by", Schema.slug("点検を取りまとめた担当者の id（staff/）")),
                    ("scores", Schema.object("取組ごとの点数（guidance/practices.yaml のすべての取組）" + IDName.legend(practices),
                                             required: practices.map(\.id), scores)),
                ]))),
                ("staff_development", Schema.object("DX支援人材の育成の仕組み（ガイダンス 5.4）。書いた項目を「整備済み」と表示する", [
                    ("strategy", Schema.text("経営戦略への位置づけ（どこに書いてあるか）")),
                    ("evaluation", Schema.text("DX支援人材に適した評価制度（例: プロフェッショナル職）")),
                    ("incentives", Schema.text("資格取得・維持のインセンティブ")),
                ])),
            ]))
    }

    var referralSchema: JSONValue {
        Schema.document(title: "紹介の記録（referrals/<name>.yaml）",
                        description: "連携先へ紹介した・連携先から紹介を受けた記録（内部用・社外秘。支援先の名前を含む）",
            Schema.object("紹介", required: ["partner", "direction", "date", "outcome"], [
                ("client", Schema.slug("支援先の id（clients/）。顧客記録のない企業は company に名前を書く")),
                ("company", Schema.text("顧客記録のない企業の名前（公開の検査で支援先の名前と同じく守られる）", notBlank: true)),
                ("partner", Schema.slug("連携先の id（partners/）")),
                ("direction", Schema.choice("out（当機関が紹介した）か in（連携先から紹介を受けた）", values: ReferralDirection.all)),
                ("date", Schema.date("紹介した日・受けた日")),
                ("areas", Schema.list("業務領域", of: Schema.choice("業務領域の id（guidance/areas.yaml）", areas), unique: true)),
                ("outcome", Schema.choice("pending（調整中）・engaged（支援中）・completed（支援完了）・declined（見送り）", values: ReferralOutcome.allCases.map(\.rawValue))),
                ("contact", Schema.text("連携先の担当者名（公開の検査で守られる）")),
                ("staff", Schema.slug("当機関の担当者の id（staff/）")),
                ("note", Schema.text("メモ")),
            ]))
    }
}
