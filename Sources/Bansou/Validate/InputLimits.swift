/// How big one input may be before bansou refuses it with an error at its position.
///
/// Every stage is linear in its input except inside libraries: Debian 12's cmark-gfm is
/// quadratic in the columns of one table row and in emphasis marks × links of one
/// paragraph, and a long title or summary is copied onto every list, taxonomy and feed
/// page. Each limit bounds one such quantity before the library or the copying sees it.
/// The defaults are far above real content (a story is 2–4 KB, a title 30–60 characters)
/// and can be raised in site.yaml (`limits:`); docs/content-schema.md lists them.
public struct InputLimits: Sendable, Equatable {
    /// Bytes of one story's or page's Markdown body.
    public var bodyBytes = 1 << 20
    /// Bytes of one story's or page's YAML front matter.
    public var frontMatterBytes = 64 << 10
    /// Bytes of one YAML file (clients, staff, partners, guidance, site.yaml).
    public var yamlBytes = 1 << 20
    /// Characters of a story's or page's title and a story's alias.
    public var titleChars = 200
    /// Characters of a story's summary.
    public var summaryChars = 2_000
    /// Characters of each text of a client the publishing gate looks for (name, kana,
    /// representative, address, phone, email, website, corporate number, identifiers): its
    /// scanner compares a term wherever a window of it matches, so a long repetitive term
    /// costs its length at every such place (a 400 KB name: 16 s of scan).
    public var termChars = 200
    /// Characters of any one value in guidance/*.yaml: names are printed on many pages.
    public var guidanceTextChars = 1_000
    /// Columns of one table row (cmark-gfm parses a row in time quadratic in its cells).
    public var tableColumns = 128
    /// Cells of one table: columns of its delimiter row × its rows (cmark-gfm pads every row).
    public var tableCells = 100_000
    /// Emphasis marks (`*`, `_`, `~` runs) and closing brackets in one paragraph: cmark-gfm
    /// walks every open emphasis mark of the paragraph at each link it closes.
    public var inlineDelimiters = 1_000

    public init() {}

    public static let defaults = InputLimits()

    /// The site.yaml keys, with how each is read and written back.
    static let keys: [(name: String, path: WritableKeyPath<InputLimits, Int>)] = [
        ("body_bytes", \.bodyBytes),
        ("front_matter_bytes", \.frontMatterBytes),
        ("yaml_bytes", \.yamlBytes),
        ("title_chars", \.titleChars),
        ("summary_chars", \.summaryChars),
        ("term_chars", \.termChars),
        ("guidance_text_chars", \.guidanceTextChars),
        ("table_columns", \.tableColumns),
        ("table_cells", \.tableCells),
        ("inline_delimiters", \.inlineDelimiters),
    ]

    /// The limits site.yaml sets, over the defaults. A value that is not a positive whole
    /// number keeps the default (the validator reports it: `problems(in:)`).
    public init(_ settings: OrderedMap<Located<Int>>?) {
        self.init()
        for entry in settings?.entries ?? [] where entry.value.value > 0 {
            if let key = Self.keys.first(where: { $0.name == entry.key.value }) { self[keyPath: key.path] = entry.value.value }
        }
    }

    /// What is wrong with the `limits:` entries: a value that is not positive is an error,
    /// an unknown name a warning, like any unknown key. (A value that is not a whole number
    /// is already an error of the YAML decoder.)
    public static func problems(in settings: OrderedMap<Located<Int>>?) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for entry in settings?.entries ?? [] {
            if !keys.contains(where: { $0.name == entry.key.value }) {
                let names = keys.map(\.name).joined(separator: ", ")
                problems.append(.warning("unknown limit '\(entry.key.value)' is ignored: the limits are \(names)", at: entry.key.location))
            } else if entry.value.value <= 0 {
                problems.append(.error("limit '\(entry.key.value)' must be a positive whole number, found \(entry.value.value)",
                                       at: entry.value.location))
            }
        }
        return problems
    }
}
