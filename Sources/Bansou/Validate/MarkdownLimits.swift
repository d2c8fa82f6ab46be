/// Bounds a Markdown body before it reaches cmark-gfm.
///
/// Debian 12's cmark-gfm (0.29.0.gfm.6) autocompletes every row of a table to the
/// header's width and has no cap on it (later upstream releases added
/// MAX_AUTOCOMPLETED_CELLS "to prevent a malicious input from causing a denial of
/// service"): a 12 KB table of 2,000 columns × 2,000 rows became 40 MB of HTML in 16 s,
/// and every later stage (templates, leak scan, search index) then works on that.
/// Such a body is an error at the table's line, with the numbers and what to do,
/// before any time is spent on it. A story is 2–4 KB; the limits are far above that.
struct MarkdownLimits {
    /// Cells a table may produce (columns of its delimiter row × its rows).
    static let maxTableCells = 100_000
    /// Bytes of one body (stories and pages are a few KB; this is a hundred times more).
    static let maxBodyBytes = 1 << 20

    let log: DiagnosticLog

    func check(_ body: String, path: String, firstLine: Int) {
        let size = body.utf8.count
        if size > Self.maxBodyBytes {
            log.error("the Markdown body is \(size / 1024) KB; the limit is \(Self.maxBodyBytes / 1024) KB (split it into several pages)",
                      at: SourceLocation(path: path, line: firstLine, column: 1))
            return
        }
        for table in Self.tables(in: body) where table.cells > Self.maxTableCells {
            log.error("this table would make \(table.columns) columns × \(table.rows) rows = \(table.cells) cells; "
                      + "the limit is \(Self.maxTableCells) (split the table or attach it as a file)",
                      at: SourceLocation(path: path, line: firstLine + table.headerLine, column: 1))
        }
    }

    struct Table: Equatable {
        /// 0-based line of the header row within the body.
        var headerLine: Int
        var columns: Int
        /// Header, delimiter and body rows: a table runs until a blank line.
        var rows: Int
        var cells: Int { columns * rows }
    }

    /// GFM tables: a header row followed by a delimiter row (`| --- | :-: |`).
    /// Rows are counted up to the next blank line, as cmark-gfm continues a table
    /// with any non-blank line. Read as UTF-8 bytes: every story passes through here,
    /// and splitting into Characters cost 0.4 s on 2,000 stories.
    static func tables(in body: String) -> [Table] {
        let bytes = Array(body.utf8)
        guard bytes.contains(0x7C) else { return [] } // no '|', no table
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        var tables: [Table] = []
        var k = 1
        while k < lines.count {
            guard let columns = delimiterColumns(lines[k]), !isBlank(lines[k - 1]) else {
                k += 1
                continue
            }
            var end = k + 1
            while end < lines.count && !isBlank(lines[end]) { end += 1 }
            tables.append(Table(headerLine: k - 1, columns: columns, rows: end - (k - 1)))
            k = end + 1
        }
        return tables
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }

    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool { line.allSatisfy(isSpace) }

    /// The number of columns when `line` is a delimiter row, else nil.
    static func delimiterColumns(_ line: Substring) -> Int? { delimiterColumns(ArraySlice(Array(line.utf8))) }

    static func delimiterColumns(_ line: ArraySlice<UInt8>) -> Int? {
        var trimmed = line.drop(while: isSpace)
        while let last = trimmed.last, isSpace(last) { trimmed = trimmed.dropLast() }
        guard trimmed.contains(0x2D) else { return nil } // '-'
        if trimmed.first == 0x7C { trimmed = trimmed.dropFirst() }
        if trimmed.last == 0x7C { trimmed = trimmed.dropLast() }
        let cells = trimmed.split(separator: 0x7C, omittingEmptySubsequences: false)
        for cell in cells {
            var inner = cell.drop(while: isSpace)
            while let last = inner.last, isSpace(last) { inner = inner.dropLast() }
            if inner.first == 0x3A { inner = inner.dropFirst() } // ':'
            if inner.last == 0x3A { inner = inner.dropLast() }
            guard !inner.isEmpty, inner.allSatisfy({ $0 == 0x2D }) else { return nil }
        }
        return cells.count
    }
}
