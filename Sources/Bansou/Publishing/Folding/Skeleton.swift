/// The skeleton of a normalized text (the UTS #39 idea): the form client terms are
/// matched in, where spellings a reader takes for the same name fold together.
/// Generic patterns keep reading the normalized text, which still has `@ . -`.
///
/// From a `NormalizedText` (already NFKC, lower case, no white space, decoded):
/// - punctuation and symbols are removed (`ヤマダ・セイコウ`, `yamada_seiko`, `山田／精工`),
///   except that between two digits they leave one `-` (1-2-3 stays apart from 12-3),
///   and that `、` `。` `,` (clause and list separators) stay, so no name runs across them;
/// - `(at)`, `[at]`, `{at}`, `(dot)` … are removed like the `@` and `.` they stand for;
/// - hiragana become katakana, small kana large, and long vowels are dropped (`Kana`);
/// - 異体字 and confusable letters fold to one form (`FoldTable`, data in variants.tsv);
/// - `o`, `l`, `i` standing among digits are digits (`見本町l-2-3`);
/// - a reading in brackets right after a kanji (`山田（やまだ）精工`) is taken out of the
///   text, which then reads 山田精工, and matched on its own after the text.
///
/// Each skeleton character comes from one normalized character, whose start it keeps,
/// so a match maps back to the normalized text and from there to the original.
enum Skeleton {
    /// Calls `body` with the skeleton of `text`: its bytes and, per byte, where its source
    /// starts in `text.bytes`.
    static func withFolded<R>(_ text: NormalizedText, _ body: (FoldedText) -> R) -> R {
        var folder = Folder(capacity: text.count)
        defer { folder.out.release() }
        folder.fold(text)
        let out = folder.out
        return body(FoldedText(bytes: UnsafeBufferPointer(start: out.bytes, count: out.count), starts: out.starts, base: text))
    }

    /// The skeleton of a term or any short string, as a string (hard breaks shown as line feeds).
    static func fold(_ string: String) -> String {
        withFolded(TextNormalizer.normalize(string, format: .literal)) { folded in
            String(decoding: folded.bytes.map { $0 == NormalizedText.hardBreak ? 0x0A : $0 }, as: UTF8.self)
        }
    }

    /// The forms a normalized term is indexed under: its skeleton, and the skeletons it
    /// takes after a kana of each vowel (セ + イサム folds to セサム, so イサム is also
    /// indexed as サム). Forms of fewer than 2 characters are left out: a term that folds
    /// to one character (ああ) would hit every occurrence of it.
    static func forms(ofTerm normalized: String) -> [[UInt8]] {
        let text = TextNormalizer.normalize(normalized, format: .literal)
        var forms: [[UInt8]] = []
        for vowel in UInt8(0)...6 {
            var folder = Folder(capacity: text.count)
            folder.vowel = vowel
            folder.fold(text)
            let form = Array(UnsafeBufferPointer(start: folder.out.bytes, count: folder.out.count))
            folder.out.release()
            let characters = form.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
            if characters >= 2, !forms.contains(form) { forms.append(form) }
        }
        return forms
    }

    // MARK: - Matching helpers over normalized bytes

    /// `(at)`, `[at]`, `{at}`, `(dot)`, `[dot]`, `{dot}` at `k`: where it ends, or nil.
    static func mailToken(_ b: UnsafeBufferPointer<UInt8>, _ k: Int, _ end: Int) -> Int? {
        func closes(_ c: UInt8) -> Bool { c == 0x29 || c == 0x5D || c == 0x7D }
        if k + 3 < end && b[k + 1] == 0x61 && b[k + 2] == 0x74 && closes(b[k + 3]) { return k + 4 }
        if k + 4 < end && b[k + 1] == 0x64 && b[k + 2] == 0x6F && b[k + 3] == 0x74 && closes(b[k + 4]) { return k + 5 }
        return nil
    }

    /// A reading in brackets at `k` (`(` then 1–32 kana then `)`): the index of `)`, or nil.
    static func reading(_ b: UnsafeBufferPointer<UInt8>, _ k: Int, _ end: Int) -> Int? {
        var j = k + 1
        var count = 0
        while j < end {
            if b[j] == 0x29 { return count > 0 ? j : nil }
            guard b[j] == 0xE3, j + 2 < end, count < 32 else { return nil }
            let v = (UInt32(b[j] & 0x0F) << 12) | (UInt32(b[j + 1] & 0x3F) << 6) | UInt32(b[j + 2] & 0x3F)
            guard (0x3041...0x3096).contains(v) || (0x309D...0x309E).contains(v)
                    || (0x30A1...0x30FA).contains(v) || (0x30FC...0x30FE).contains(v) else { return nil }
            count += 1
            j += 3
        }
        return nil
    }

    /// `o`, `l`, `i` at `k` read as digits: the end of their run, when the run stands alone
    /// (no other letter touches it) and a digit is near (`O12O-OOO-OO1`, `見本町l-2-3`).
    static func digitLetters(_ b: UnsafeBufferPointer<UInt8>, _ k: Int, _ lo: Int, _ hi: Int, _ base: GapMap) -> Int? {
        if k > lo && isLetter(b[k - 1]) && !base.isGap(before: k) { return nil }
        var e = k
        while e < hi && isDigitLetter(b[e]) { e += 1 }
        if e < hi && isLetter(b[e]) && !base.isGap(before: e) { return nil }
        var j = k - 1
        while j >= lo && k - j <= 16 {
            let c = b[j]
            if c >= 0x30 && c <= 0x39 { return e }
            guard isDigitLetter(c) || isNumberPunctuation(c) else { break }
            j -= 1
        }
        j = e
        while j < hi && j - e < 16 {
            let c = b[j]
            if c >= 0x30 && c <= 0x39 { return e }
            guard isDigitLetter(c) || isNumberPunctuation(c) else { break }
            j += 1
        }
        return nil
    }

    @inline(__always)
    static func isLetter(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }

    @inline(__always)
    static func isDigitLetter(_ c: UInt8) -> Bool { c == 0x6F || c == 0x6C || c == 0x69 }

    @inline(__always)
    static func isNumberPunctuation(_ c: UInt8) -> Bool {
        (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E)
    }

    static func isKanji(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x3FFFF).contains(v) || v == 0x3005 || v == 0x3006
    }
}

/// The single pass of `Skeleton` (state between characters: the vowel a long vowel
/// would lengthen, whether the last kept character was a digit or a kanji, and whether
/// punctuation was removed since).
private struct Folder {
    var out: FoldedTextBuilder
    var vowel: UInt8 = 0
    var lastDigit = false
    var lastKanji = false
    var removed = false
    var readings: [Range<Int>] = []

    init(capacity: Int) {
        out = FoldedTextBuilder(capacity: capacity + 16)
    }

    mutating func fold(_ text: NormalizedText) {
        let table = FoldTable.shared
        text.bytes.withUnsafeBufferPointer { b in
            text.sourceStarts.withUnsafeBufferPointer { starts in
                text.sourceEnds.withUnsafeBufferPointer { ends in
                    table.bmp.withUnsafeBufferPointer { bmp in
                        table.pages.withUnsafeBufferPointer { pages in
                          Kana.vowels.withUnsafeBufferPointer { vowels in
                            guard let startBase = starts.baseAddress, let endBase = ends.baseAddress else { return }
                            let gaps = GapMap(bytes: b, starts: startBase, ends: endBase)
                            let tables = Tables(bmp: bmp, pages: pages, vowels: vowels, supplementary: table.supplementary)
                            run(b, 0, b.count, gaps, tables, collectReadings: true)
                            let found = readings
                            for reading in found {
                                out.hardBreak(at: Int32(reading.lowerBound))
                                reset()
                                run(b, reading.lowerBound, reading.upperBound, gaps, tables, collectReadings: false)
                            }
                          }
                        }
                    }
                }
            }
        }
    }

    struct Tables {
        let bmp: UnsafeBufferPointer<UInt16>
        let pages: UnsafeBufferPointer<UInt64>
        /// `Kana.vowels`.
        let vowels: UnsafeBufferPointer<UInt8>
        let supplementary: [UInt32: UInt32]
    }

    mutating func reset() {
        vowel = 0; lastDigit = false; lastKanji = false; removed = false
    }

    mutating func run(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ gaps: GapMap, _ t: Tables, collectReadings: Bool) {
        var k = lo
        while k < hi {
            let c = b[k]
            if c < 0x80 {
                if c >= 0x61 && c <= 0x7A {
                    if Skeleton.isDigitLetter(c), let e = Skeleton.digitLetters(b, k, lo, hi, gaps) {
                        for j in k..<e { keepDigit(b[j] == 0x6F ? 0x30 : 0x31, j) }
                        k = e
                    } else {
                        k = copyLetters(b, from: k, hi, gaps)
                    }
                    continue
                }
                if c >= 0x30 && c <= 0x39 {
                    keepDigit(c, k)
                    k += 1
                    continue
                }
                if c == NormalizedText.hardBreak {
                    out.hardBreak(at: Int32(k))
                    reset()
                    k += 1
                    continue
                }
                if c == 0x28 || c == 0x5B || c == 0x7B {
                    if let next = Skeleton.mailToken(b, k, hi) {
                        removed = true
                        k = next
                        continue
                    }
                    if c == 0x28 && lastKanji && collectReadings, let close = Skeleton.reading(b, k, hi) {
                        readings.append((k + 1)..<close)
                        k = close + 1
                        continue
                    }
                }
                if c == 0x2C {
                    // A comma (NFKC's ，) separates list items as 、 does: kept, no name runs across it.
                    keepLetter(c, k, k + 1)
                    k += 1
                    continue
                }
                // Other ASCII is punctuation: removed (after kana, `-` is a long vowel: dropped alike).
                removed = true
                k += 1
                continue
            }
            if c >= 0xE0 && c < 0xF0 && k + 2 < hi {
                let page = Int(c & 0x0F) << 6 | Int(b[k + 1] & 0x3F)
                if t.pages[page >> 6] & (1 << UInt64(page & 63)) == 0 {
                    k = copyTriples(b, from: k, hi, t)
                    continue
                }
                let v = UInt32(page) << 6 | UInt32(b[k + 2] & 0x3F)
                let m = t.bmp[Int(v)]
                let folded = m == FoldTable.keep ? v : UInt32(m)
                if m != FoldTable.remove && folded >= 0x30A1 && folded <= 0x30FA {
                    // Kana, the common case of Japanese text: one look-up, three bytes out.
                    let kanaVowel = t.vowels[Int(folded - 0x30A1)]
                    if kanaVowel == 0 || !Kana.isLengthening(folded, after: vowel) {
                        out.reserve(3)
                        out.put(UInt8(0xE0 | (folded >> 12)), Int32(k))
                        out.put(UInt8(0x80 | ((folded >> 6) & 0x3F)), Int32(k))
                        out.put(UInt8(0x80 | (folded & 0x3F)), Int32(k))
                        // A kanji folded to kana (工 → エ) still opens a reading: 精工（せいこう）.
                        vowel = kanaVowel; lastDigit = false; lastKanji = v >= 0x3400; removed = false
                    }
                    k += 3
                    continue
                }
            }
            let length: Int, v: UInt32
            if c < 0xE0 {
                v = (UInt32(c & 0x1F) << 6) | UInt32(b[k + 1] & 0x3F); length = 2
            } else if c < 0xF0 {
                v = (UInt32(c & 0x0F) << 12) | (UInt32(b[k + 1] & 0x3F) << 6) | UInt32(b[k + 2] & 0x3F); length = 3
            } else {
                v = (UInt32(c & 0x07) << 18) | (UInt32(b[k + 1] & 0x3F) << 12) | (UInt32(b[k + 2] & 0x3F) << 6) | UInt32(b[k + 3] & 0x3F)
                length = 4
            }
            let folded: UInt32
            if v < 0x10000 {
                let m = t.bmp[Int(v)]
                if m == FoldTable.remove { removed = true; k += length; continue }
                folded = m == FoldTable.keep ? v : UInt32(m)
            } else if let m = t.supplementary[v] {
                folded = m
            } else if let f = FoldTable.shared.fold(v) {
                folded = f
            } else {
                removed = true; k += length; continue
            }
            if folded == Kana.longVowelMark {
                if lastDigit {
                    removed = true // 1ー2ー3: a dash between digits
                } else if vowel == 0 {
                    keepScalar(folded, k, k + length)
                }
            } else if folded < 0x80 {
                keepLetter(UInt8(folded), k, k + length)
            } else {
                let kanaVowel = folded >= 0x30A1 && folded <= 0x30FA ? t.vowels[Int(folded - 0x30A1)] : 0
                if kanaVowel != 0 && Kana.isLengthening(folded, after: vowel) {
                    k += length
                    continue
                }
                keepScalar(folded, k, k + length)
                vowel = kanaVowel
                lastKanji = Skeleton.isKanji(v)
            }
            k += length
        }
    }

    /// Copies a run of ASCII letters from `k` (the first one already decided to be a letter):
    /// o, l, i after a gap are left to the caller, which may read them as digits.
    @inline(__always)
    mutating func copyLetters(_ b: UnsafeBufferPointer<UInt8>, from k: Int, _ hi: Int, _ gaps: GapMap) -> Int {
        var e = k + 1
        while e < hi {
            let c = b[e]
            // A gap inside the run: the source of this letter does not follow the last one's.
            guard c >= 0x61 && c <= 0x7A, !(Skeleton.isDigitLetter(c) && gaps.starts[e] != gaps.ends[e - 1]) else { break }
            e += 1
        }
        out.reserve(e - k)
        let bytes = out.bytes, starts = out.starts
        var o = out.count
        for j in k..<e {
            bytes[o] = b[j]; starts[o] = Int32(j)
            o += 1
        }
        out.count = o
        vowel = 0; lastDigit = false; lastKanji = false; removed = false
        return e
    }

    /// Copies a run of 3-byte scalars whose blocks the table leaves alone (most kanji).
    @inline(__always)
    mutating func copyTriples(_ b: UnsafeBufferPointer<UInt8>, from k: Int, _ hi: Int, _ t: Tables) -> Int {
        var e = k
        var last: UInt32 = 0
        while e + 2 < hi {
            let c = b[e]
            guard c >= 0xE0 && c < 0xF0 else { break }
            let page = Int(c & 0x0F) << 6 | Int(b[e + 1] & 0x3F)
            guard t.pages[page >> 6] & (1 << UInt64(page & 63)) == 0 else { break }
            last = UInt32(page) << 6 | UInt32(b[e + 2] & 0x3F)
            e += 3
        }
        out.reserve(e - k)
        let bytes = out.bytes, starts = out.starts
        var o = out.count
        var j = k
        while j < e {
            let s = Int32(j)
            bytes[o] = b[j]; bytes[o + 1] = b[j + 1]; bytes[o + 2] = b[j + 2]
            starts[o] = s; starts[o + 1] = s; starts[o + 2] = s
            o += 3
            j += 3
        }
        out.count = o
        vowel = 0; lastDigit = false; removed = false
        lastKanji = Skeleton.isKanji(last)
        return e
    }

    @inline(__always)
    mutating func keepLetter(_ c: UInt8, _ start: Int, _ end: Int) {
        out.reserve(1)
        out.put(c, Int32(start))
        vowel = 0; lastDigit = false; lastKanji = false; removed = false
    }

    @inline(__always)
    mutating func keepDigit(_ c: UInt8, _ k: Int) {
        out.reserve(2)
        if removed && lastDigit { out.put(0x2D, Int32(k)) }
        out.put(c, Int32(k))
        vowel = 0; lastDigit = true; lastKanji = false; removed = false
    }

    @inline(__always)
    mutating func keepScalar(_ v: UInt32, _ start: Int, _ end: Int) {
        out.put(scalar: v, Int32(start))
        vowel = 0; lastDigit = false; lastKanji = false; removed = false
    }
}
