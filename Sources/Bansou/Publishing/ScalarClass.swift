/// How the normalizer treats one Unicode scalar. The common Japanese and ASCII
/// cases are decided by range checks; everything else by the standard library's
/// Unicode properties, and only what really changes goes through Foundation's NFKC.
enum ScalarClass: UInt8 {
    case none
    /// U+0000–U+007F other than white space and controls: kept, A–Z lower-cased.
    case ascii
    /// White space (U+0020, U+3000, NBSP …): removed, leaving a gap.
    case space
    /// Unchanged by NFKC and case folding, and never composes with a neighbour.
    case identity
    /// U+FF01–U+FF5E: full-width ASCII, NFKC maps it to ASCII (then lower-cased).
    case fullwidth
    /// A hyphen or dash other than ー/ｰ: folded to ASCII `-`.
    case dash
    /// Default-ignorable (zero-width space, soft hyphen, variation selectors) and controls: removed.
    case ignorable
    /// Combines with the scalar before it (ccc ≠ 0, marks, conjoining jamo, ﾞ ﾟ).
    case combining
    /// Changed by NFKC or case folding: goes through the slow path.
    case mapped

    @inline(__always)
    static func of(_ v: UInt32) -> ScalarClass {
        if v < 0x80 { return asciiClasses[Int(v)] }
        if v >= 0x3041 {
            if v <= 0x9FFF {
                if v >= 0x4E00 || (v >= 0x3400 && v <= 0x4DBF) { return .identity }
                if v <= 0x3096 || (v >= 0x30A1 && v <= 0x30FA) || (v >= 0x30FC && v <= 0x30FE) { return .identity }
            } else if v >= 0xFF01 && v <= 0xFF5E {
                return .fullwidth
            }
        } else if v >= 0x3001 && v <= 0x301B {
            return .identity
        }
        return classifyRare(v)
    }

    /// Hyphens and dashes of every width, except ー (U+30FC) and ｰ (U+FF70), which are
    /// part of katakana words and are only ignored inside numbers.
    static func isDash(_ v: UInt32) -> Bool {
        switch v {
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2043, 0x2212,
             0x2E3A, 0x2E3B, 0xFE58, 0xFE63, 0xFF0D:
            return true
        default:
            return false
        }
    }

    static func classifyRare(_ v: UInt32) -> ScalarClass {
        if isDash(v) { return .dash }
        guard let scalar = Unicode.Scalar(v) else { return .ignorable }
        let p = scalar.properties
        if p.isWhitespace { return .space }
        if p.isDefaultIgnorableCodePoint || p.generalCategory == .control { return .ignorable }
        if p.canonicalCombiningClass.rawValue != 0 { return .combining }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .combining
        default: break
        }
        // Composing starters (NFC_QC = Maybe with ccc = 0) and the half-width voicing marks.
        if (0x1161...0x1175).contains(v) || (0x11A8...0x11C2).contains(v) || v == 0xFF9E || v == 0xFF9F {
            return .combining
        }
        if p.changesWhenNFKCCaseFolded { return .mapped }
        return .identity
    }

    static let asciiClasses: [ScalarClass] = (0..<128).map { v -> ScalarClass in
        switch v {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20: return .space
        case 0x2D: return .dash
        case 0..<0x20, 0x7F: return .ignorable
        default: return .ascii
        }
    }
}
