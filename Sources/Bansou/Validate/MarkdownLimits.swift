/// Bounds a Markdown body before it reaches cmark-gfm.
///
/// Debian 12's cmark-gfm (0.29.0.gfm.6) autocompletes every row of a table to the
/// header's width and has no cap on it (later upstream releases added
/// MAX_AUTOCOMPLETED_CELLS "to prevent a malicious input from causing a denial of
/// service"): a 12 KB table of 2,000 columns × 2,000 rows became 40 MB of HTML in 16 s,
/// and every later stage (templates, leak scan, search index) then works on that.
/// It also parses one table row in time quadratic in its cells (a 40,000-column header
/// row: 5 s even when no table follows), and one paragraph in time proportional to its
/// emphasis marks × its links (`InlineDelimiters`). Such a body is an error at the
/// table's or paragraph's line, with the numbers and what to do, before any time is
/// spent on it. A story is 2–4 KB; the limits (`InputLimits`) are far above that.
struct MarkdownLimits {
    let log: DiagnosticLog
    var limits: InputLimits = .defaults

    func check(_ body: String, path: String, firstLine: Int) {
        let size = body.utf8.count
        if size > limits.bodyBytes {
            log.error("the Markdown body is \(InputLimits.describe(bytes: size)); the limit is \(InputLimits.describe(bytes: limits.bodyBytes)) "
                      + "(split it into several pages, or raise limits.body_bytes in site.yaml)",
                      at: SourceLocation(path: path, line: firstLine, column: 1))
            return
        }
        let bytes = Array(body.utf8)
        let hasTable = bytes.contains(0x7C) // no '|', no table
        let mayCrowd = InlineDelimiters.markBytes(in: bytes) > limits.inlineDelimiters
        guard hasTable || mayCrowd else { return }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if hasTable { checkTables(lines, path: path, firstLine: firstLine) }
        if mayCrowd {
            for paragraph in InlineDelimiters.crowded(lines: lines, limit: limits.inlineDelimiters) {
                log.error("this paragraph has \(paragraph.count) emphasis marks (*, _, ~) and closing brackets; the limit is "
                          + "\(limits.inlineDelimiters) (cmark-gfm's time grows with their square: split the paragraph with blank lines, "
                          + "or raise limits.inline_delimiters in site.yaml)",
                          at: SourceLocation(path: path, line: firstLine + paragraph.line, column: 1))
            }
        }
    }

    private func checkTables(_ lines: [ArraySlice<UInt8>], path: String, firstLine: Int) {
        for table in Self.tables(inLines: lines) {
            let rowLines = table.headerLine..<min(lines.count, table.headerLine + table.rows)
            if let wide = rowLines.first(where: { Self.columns(of: lines[$0]) > limits.tableColumns }) {
                log.error("this table row has \(Self.columns(of: lines[wide])) columns; the limit is \(limits.tableColumns) "
                          + "(split the table, or raise limits.table_columns in site.yaml)",
                          at: SourceLocation(path: path, line: firstLine + wide, column: 1))
            } else if table.cells > limits.tableCells {
                log.error("this table would make \(table.columns) columns × \(table.rows) rows = \(table.cells) cells; "
                          + "the limit is \(limits.tableCells) (split the table or attach it as a file)",
                          at: SourceLocation(path: path, line: firstLine + table.headerLine, column: 1))
            }
        }
    }

    /// The most cells a line can make as a table row: its '|'-separated parts (an escaped
    /// '\|' is counted too), without the empty ones before a leading and after a trailing '|'.
    static func columns(of line: ArraySlice<UInt8>) -> Int {
        var cells = line.reduce(1) { $1 == 0x7C ? $0 + 1 : $0 }
        var trimmed = quoted(line)
        while let last = trimmed.last, isSpace(last) { trimmed = trimmed.dropLast() }
        if trimmed.first == 0x7C { cells -= 1 }
        if trimmed.count > 1, trimmed.last == 0x7C { cells -= 1 }
        return max(cells, 1)
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
        return tables(inLines: bytes.split(separator: 0x0A, omittingEmptySubsequences: false))
    }

    /// Lines inside block quotes are read without their '>' markers: a table in a quote is a table.
    static func tables(inLines lines: [ArraySlice<UInt8>]) -> [Table] {
        var tables: [Table] = []
        var k = 1
        while k < lines.count {
            guard let columns = delimiterColumns(quoted(lines[k])), !isBlank(lines[k - 1]) else {
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

    /// Space, tab, CR, and the vertical tab and form feed that cmark-gfm's table scanner also skips.
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C }

    /// A line without any leading white space and '>': generous, so that a delimiter row in
    /// a block quote or list item is found (finding a table that is not there only checks more).
    static func quoted(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.drop { isSpace($0) || $0 == 0x3E }
    }

    /// A line without its block quote markers, as cmark-gfm reads them: each '>' after at
    /// most three spaces, and one space after it.
    static func containerContent(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var rest = line
        while true {
            let indent = rest.prefix(4).prefix { $0 == 0x20 }.count
            guard indent <= 3, rest.dropFirst(indent).first == 0x3E else { return rest }
            rest = rest.dropFirst(indent + 1)
            if rest.first == 0x20 { rest = rest.dropFirst() }
        }
    }

    /// Blank as cmark-gfm means it: only spaces and tabs after the block quote markers. A
    /// vertical tab, form feed or `    >` is text that continues a paragraph or a table, so
    /// calling it blank would end a table or paragraph here that goes on there.
    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        containerContent(line).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

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
