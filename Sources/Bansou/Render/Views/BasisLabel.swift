/// A quiet label beside a statement on the guidance pages, saying whose words it is:
/// 「ガイダンス 2.1」 for the guidance's (with its section), 「本ポータルの整理」 for this data's
/// reading, with the reading's note (「DXリテラシー標準による」). Rendered by partials/basis.
struct BasisLabel {
    static let oursText = "本ポータルの整理"
    // Names no other view uses: Mustache looks a missing key (an absent note) up in the
    // enclosing context, and would print that context's own `note` inside the label.
    let basisText: String
    let basisNote: String?
    let basisOurs: Bool

    static func guidance(_ section: String) -> BasisLabel {
        BasisLabel(basisText: "ガイダンス \(section)", basisNote: nil, basisOurs: false)
    }

    static func ours(note: String?) -> BasisLabel {
        BasisLabel(basisText: oursText, basisNote: note.flatMap { $0.isEmpty ? nil : $0 }, basisOurs: true)
    }
}

extension GuidanceSourced {
    /// The label of one key of the item: ours when `reading` names the key, else the item's
    /// section; nil when the data says neither (a site's own item without marks).
    func basis(_ key: String) -> BasisLabel? {
        if let note = readingNote(key) { return .ours(note: note) }
        return section.map(BasisLabel.guidance)
    }
}
