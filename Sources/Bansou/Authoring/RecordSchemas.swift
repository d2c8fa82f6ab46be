/// Partners (Content/partners/<id>.yaml) and staff (Content/staff/<id>.yaml): the keys of
/// `Partner` and `StaffMember`, with the checks of `Validator.validatePartner` / `validateStaff`.
extension SchemaTables {
    var partnerSchema: JSONValue {
        Schema.document(title: "連携先（partners/<id>.yaml）", description: "地域の他の支援機関。public: true のときだけ公開され、ロードマップの作業に紹介される",
            Schema.object("連携先", required: ["id", "name", "type"], [
                ("id", Schema.slug("連携先の id。ファイル名と同じにする")),
                ("name", Schema.text("機関の名前（公開される）", notBlank: true)),
                ("type", Schema.choice("支援機関の種類の id（guidance/institutions.yaml）。発行者と同じ種類の連携先は支援先に紹介しない", institutions)),
                ("region", Schema.choice("地方の id（guidance/regions.yaml）。nationwide: true なら省略できる", regions)),
                ("nationwide", Schema.bool("全国に対応する（既定は false）")),
                ("strengths", Schema.list("得意な業務領域（この領域の作業に紹介される）", of: Schema.choice("業務領域の id（guidance/areas.yaml）", areas), unique: true)),
                ("description", Schema.text("紹介文（公開される。内部のメモは # のコメントに書く）")),
                ("url", Schema.pattern("ウェブサイト（https://…、mailto:…、tel:…）", Self.contactLinkPattern)),
                ("public", Schema.bool("true でポータルに載せ、支援先に紹介する（既定は false）")),
            ]))
    }

    var staffSchema: JSONValue {
        let skills = skillAreas.map { area in
            (area.id, Schema.integer("\(area.name)の評価 0–3", 0...3))
        }
        return Schema.document(title: "担当者（staff/<id>.yaml）", description: "支援機関のDX支援担当者（内部用）",
            Schema.object("担当者", required: ["id", "name"], [
                ("id", Schema.slug("担当者の id。ファイル名と同じにする")),
                ("name", Schema.text("氏名", notBlank: true)),
                ("role", Schema.text("所属・役職")),
                ("institution", Schema.choice("所属する支援機関の種類の id（guidance/institutions.yaml）", institutions)),
                ("skills", Schema.object("スキル領域ごとの評価 0–3（guidance/skills.yaml の skill_areas）" + IDName.legend(skillAreas), skills)),
                ("targets", Schema.object("スキル領域ごとの到達目標 0–3（ガイダンス 5.4、機関の報告で今の評価と比べる）", skills)),
                ("past_skills", Schema.list("以前の評価（機関の報告で、約半年前からの伸びを示す）", of: Schema.object("ある日の評価", required: ["date", "skills"], [
                    ("date", Schema.date("評価した日")),
                    ("skills", Schema.object("その日のスキル領域ごとの評価 0–3", skills)),
                ]))),
                ("trainings", Schema.list("研修（座学・ケーススタディ・OJT など、ガイダンス 5.4）", of: Schema.object("研修", required: ["title", "month", "status"], [
                    ("title", Schema.text("研修名", notBlank: true)),
                    ("month", Schema.month("受講した月・受講する月（YYYY-MM）")),
                    ("status", Schema.choice("planned（予定）か done（受講済み）", values: StaffMember.trainingStatuses)),
                    ("skills", Schema.list("伸ばすスキル領域", of: Schema.choice("スキル領域の id", skillAreas), unique: true)),
                ]))),
                ("certifications", Schema.list("資格。名前だけ（例: ITコーディネータ）か、{ name, date, status }", of: Schema.either("資格", [
                    Schema.text("資格の名前"),
                    Schema.object("資格と時期", required: ["name"], [
                        ("name", Schema.text("資格の名前", notBlank: true)),
                        ("date", Schema.month("取得した月、または受験予定の月（YYYY-MM）")),
                        ("status", Schema.choice("held（保有、既定）か planned（取得予定）", values: StaffMember.certificationStatuses)),
                    ]),
                ]))),
            ]))
    }
}
