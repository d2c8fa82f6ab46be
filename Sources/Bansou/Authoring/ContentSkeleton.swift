/// The text `bansou new` writes: a file that builds without warnings, whose comments say in
/// Japanese what to fill in. Values that must be there for it to build are neutral stand-ins,
/// never invented facts, and a story starts as a draft, so nothing is published by accident.
public enum SkeletonKind: String, CaseIterable, Sendable {
    case `case`, client, partner

    /// Where the file goes inside the content folder.
    public func relativePath(id: String) -> String {
        switch self {
        case .case: return "cases/\(id).md"
        case .client: return "clients/\(id).yaml"
        case .partner: return "partners/\(id).yaml"
        }
    }

    /// The other spelling the loader also reads (`x.yml`): a new `x.yaml` beside it would be an error.
    public func twinPath(id: String) -> String? {
        switch self {
        case .case: return nil
        case .client: return "clients/\(id).yml"
        case .partner: return "partners/\(id).yml"
        }
    }
}

public struct ContentSkeleton: Sendable {
    let guidance: Guidance
    let tables: SchemaTables

    public init(guidance: Guidance) {
        self.guidance = guidance
        tables = SchemaTables(guidance: guidance)
    }

    /// - Parameters:
    ///   - modeline: the `# yaml-language-server: $schema=…` line for a YAML file, if any.
    ///   - today: the story's date (a draft; the writer changes it when publishing).
    public func text(_ kind: SkeletonKind, id: String, today: Day, modeline: String? = nil) -> String {
        switch kind {
        case .case: return story(slug: id, today: today)
        case .client: return (modeline.map { $0 + "\n" } ?? "") + client(id: id)
        case .partner: return (modeline.map { $0 + "\n" } ?? "") + partner(id: id)
        }
    }

    // MARK: Kinds

    private func story(slug: String, today: Day) -> String {
        let industry = tables.industries.first { $0.id == "unclassified" } ?? tables.industries.first
        return """
        ---
        # 成功事例の下書き（bansou new case \(slug)）。draft: true のあいだは公開されません。
        # 各キーを書き換え、会社を特定する語（社名・人名・住所・電話番号など）を本文に書かずに
        # 仕上げたら、最後の draft: true の行を消してください。キーの説明: docs/content-schema.md
        title: （見出し：何をして、何が変わったか）
        alias: （公開する匿名の社名：業種＋A社など）
        date: \(today)   # 公開日（YYYY-MM-DD）。公開する日に書き換える
        # 業種\(legend(tables.industries))
        industry: \(industry?.id ?? "")
        # 地方（市町村は書かない）\(legend(tables.regions))
        region: \(tables.regions.first?.id ?? "")
        # 支援前と支援後のデジタル活用の段階 1–4\(legend(tables.stages))。stage_after は stage_before 以上
        stage_before: 1
        stage_after: 1
        # size: 21-50            # 従業員規模: \(SchemaTables.sizeBands.joined(separator: ", "))
        # areas: [\(tables.areas.first?.id ?? "")]       # 改善した業務領域\(legend(tables.areas))
        # institutions: [\(tables.institutions.first?.id ?? "")]   # 関わった支援機関の種類\(legend(tables.institutions))
        # partners: []           # 関わった連携先の id（partners/<id>.yaml）
        # themes: [ペーパーレス]   # 自由なタグ
        # tools: [クラウド受発注]   # 使ったツールの種類
        # outcomes:              # 成果の数字（before → after）
        #   - { label: 受注処理時間, before: 120, after: 30, unit: 分 }
        # setbacks:              # うまくいかなかったことと学んだこと（各120字まで。一覧の「つまずきから学ぶ」で絞り込める）
        #   - { what: 取引先1社はWeb発注に移らなかった, learned: 取引先の事情を先に聞く }
        # summary: 一覧に出る一段落の紹介文
        # client: 支援先の id      # clients/<id>.yaml。支援先の consent.stories が true でなければ公開されない
        # anonymize: auto        # client の社名などを alias に置き換えてから公開する
        draft: true
        ---
        ## 支援前の課題

        （会社の状況と、困っていたことを書く）

        ## 取り組み

        （誰が、何を、どの順で進めたかを書く）

        ## 成果

        （変わったことを書く。数字は outcomes にも書く）

        """
    }

    private func client(id: String) -> String {
        var areaLines = ""
        for area in guidance.areas.areas {
            let levels = area.levels.value.enumerated().map { "\($0.offset + 1) \($0.element)" }
            areaLines += "  # \(area.name): " + levels.joined(separator: " / ") + "\n"
            areaLines += "  \(area.id.value): 1\n"
        }
        return """
        # 支援先の記録（bansou new client \(id)）。社外秘：公開されません。
        # 会社を特定する語（name, kana, representative, address, phone, email, website,
        # corporate_number, identifiers）は、公開ポータルに出ないよう検査されます。分かるものは全て書いてください。
        # キーの説明: docs/content-schema.md
        id: \(id)
        name: （正式な会社名に書き換える：株式会社〇〇）
        # kana: カイシャメイ
        # representative: 代表者の氏名
        # address: 所在地
        # phone: 電話番号
        # email: メールアドレス
        # website: https://
        # corporate_number: "13桁の法人番号"
        # identifiers: [略称, 英語表記]   # 会社を特定するその他の語
        # industry: 業種\(legend(tables.industries))
        # prefecture: 都道府県（愛知県のように「県」「都」まで）
        # employees: 従業員数
        # need_layer: DX支援ニーズの層\(legend(tables.needLayers))
        # advisor: 担当者の id（staff/<id>.yaml）
        # consent: { stories: true, date: YYYY-MM-DD }   # 成功事例の公開に同意を得たら
        # challenges: []         # 課題\(legend(tables.challenges))
        # goals:                 # 会社の目標（順番が計画の優先順位）
        #   - { text: 受発注の電子化, areas: [ordering] }
        # meetings:              # 面談の記録（会社向けレポートには出ない）
        #   - { date: YYYY-MM-DD, note: 面談のメモ }
        # assessed: YYYY-MM-DD   # 下の areas を診断した日
        # 業務領域ごとの今のデジタル活用レベル 1–4。面談で確かめて書き換える（1 はアナログ）。
        # 確かめていない領域の行は消してよい（全部消すと「未診断」の警告）。
        areas:
        \(areaLines)
        """
    }

    private func partner(id: String) -> String {
        """
        # 連携先（bansou new partner \(id)）。public: true にするとポータルに載り、支援先の作業に紹介されます。
        # キーの説明: docs/content-schema.md
        id: \(id)
        name: （機関の名前に書き換える）
        # 支援機関の種類\(legend(tables.institutions))
        type: \(tables.institutions.first?.id ?? "")
        # region: 地方\(legend(tables.regions))
        # nationwide: true       # 全国に対応するとき（region の代わり）
        # strengths: []          # 得意な業務領域\(legend(tables.areas))
        # description: 紹介文（公開される。内部のメモは # のコメントに書く）
        # url: https://
        public: false            # 書き終えたら true にする

        """
    }

    private func legend(_ ids: [IDName]) -> String { IDName.legend(ids) }
}
