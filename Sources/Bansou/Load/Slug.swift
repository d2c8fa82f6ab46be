/// Identifiers become paths under Output/, so they are checked before anything uses them.
public enum Slug {
    /// `^[a-z0-9][a-z0-9-]{0,63}$`, from the spec.
    public static func isValid(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard (1...64).contains(bytes.count) else { return false }
        for (i, b) in bytes.enumerated() {
            let alnum = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            if !(alnum || (i > 0 && b == 0x2D)) { return false }
        }
        return true
    }
}
