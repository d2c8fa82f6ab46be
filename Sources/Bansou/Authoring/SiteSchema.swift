/// Content/site.yaml: the keys of `SiteConfig`, with the checks of `Validator.validateSite`.
extension SchemaTables {
    var siteSchema: JSONValue {
        Schema.document(title: "サイトの設定（site.yaml）", description: "ポータルの設定",
            Schema.object("サイトの設定", required: ["title", "description", "base_url", "publisher"], [
                ("title", Schema.text("ポータルの名前")),
                ("description", Schema.text("ポータルの説明（一文）")),
                ("base_url", Schema.pattern("公開する URL（https://dx.example.jp/）。正規 URL、フィード、サイトマップに使う", "^https?://")),
                ("language", Schema.text("言語（既定は ja）")),
                ("publisher", Schema.object("ポータルの発行者（公開される）", required: ["name"], [
                    ("name", Schema.text("発行者の名前")),
                    ("type", Schema.choice("発行者の支援機関の種類の id（guidance/institutions.yaml）。同じ種類の連携先は支援先に紹介しない", institutions)),
                    ("url", Schema.pattern("ウェブサイト（https://…、mailto:…、tel:…）", Self.contactLinkPattern)),
                    ("email", Schema.text("メールアドレス（公開する連絡先は allow にも書く）")),
                    ("phone", Schema.textOrNumber("電話番号（公開する連絡先は allow にも書く）")),
                ])),
                ("as_of", Schema.date("「最新」の一覧とレポートの基準日（既定は今日）")),
                ("per_page", Schema.integer("一覧の1ページの事例数（既定は 10）", 1...1000)),
                ("unsafe_html", Schema.bool("Markdown の生の HTML をそのまま出す（既定は false）")),
                ("allow", Schema.list("公開してよい発行者の連絡先（メールアドレス、電話番号）。支援先の語は書かない", of: Schema.textOrNumber("連絡先"))),
                ("unscanned", Schema.list("公開するテキストでないファイル（画像など）の、Output/site/ の下のパス（例: assets/logo.png）", of: Schema.text("パス", notBlank: true))),
                ("theme_slugs", Schema.map("テーマ（タグ）のページのパス（例: ペーパーレス: paperless）",
                    keys: Schema.text("テーマ"), values: Schema.slug("パスにする id"))),
                ("limits", Schema.object("入力1つの大きさの上限（既定値は実際の内容よりはるかに大きい。docs/content-schema.md）", limits)),
            ]))
    }

    /// One entry per limit of `InputLimits.keys`, with its default.
    private var limits: [(String, JSONValue)] {
        InputLimits.keys.map { key in
            let meaning = Self.limitMeanings[key.name] ?? key.name
            return (key.name, Schema.integer("\(meaning)の上限（既定 \(InputLimits.defaults[keyPath: key.path])）", minimum: 1))
        }
    }

    private static let limitMeanings = [
        "body_bytes": "事例・固定ページの本文（Markdown）のバイト数",
        "front_matter_bytes": "事例・固定ページのフロントマターのバイト数",
        "yaml_bytes": "YAML ファイル1つのバイト数",
        "title_chars": "事例・固定ページの title と事例の alias の文字数",
        "summary_chars": "事例の summary の文字数",
        "term_chars": "支援先の名前・住所など、公開の検査で探す語1つの文字数",
        "guidance_text_chars": "guidance/*.yaml の値1つの文字数",
        "table_columns": "表の1行の列数",
        "table_cells": "表1つのセル数（列 × 行）",
        "inline_delimiters": "1段落の強調記号（*、_、~）と閉じ括弧の数",
    ]
}
