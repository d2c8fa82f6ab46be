/// Where a guidance item's statements come from, so the portal can tell the guidance's own
/// words from this data's reading of them (issue 13). `section` is the guidance section the
/// item comes from ("2.1", "第1章"); `reading` names the item's keys that are this data's
/// reading — not in the guidance, or not said of this item — each with a short note on what
/// the reading rests on ("DXリテラシー標準による"). practices.yaml marks its own readings the
/// same way (`section` on the guidance's words, `answers_reading` on the data's).
public protocol GuidanceSourced {
    var section: String? { get }
    var reading: OrderedMap<String>? { get }
    /// The keys `reading` may name: the item's own keys that hold statements.
    static var readableKeys: [String] { get }
}

extension GuidanceSourced {
    /// The note of a key that is this data's reading ("" when it has none); nil when the
    /// key is the guidance's.
    public func readingNote(_ key: String) -> String? {
        reading?.entries.first { $0.key.value == key }.map(\.value)
    }

    public func isReading(_ key: String) -> Bool { readingNote(key) != nil }
}
