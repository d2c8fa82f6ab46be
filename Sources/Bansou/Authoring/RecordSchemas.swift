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
                ("certifications", Schema.list("持っている資格（例: ITコーディネータ）", of: Schema.text("資格"))),
            ]))
    }
}
