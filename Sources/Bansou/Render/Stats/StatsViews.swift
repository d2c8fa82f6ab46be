/// Context types of the statistics page (Templates/stats.mustache).
struct StatsView {
    let storyCount: Int
    let charts: [ChartView]
    let surveySource: String?
}

/// One chart: the inline SVG (its own text alternative) and the same numbers as a table.
struct ChartView {
    let id: String
    let title: String
    let lead: String
    let svg: String
    let table: DataTable
}

struct DataTable {
    /// `label` is the cell's column name, which heads the cell when a phone shows each row as a card.
    struct Cell { let text: String; var key: String? = nil; var label: String? = nil }
    struct Row { let header: String; let cells: [Cell] }
    let corner: String
    let columns: [String]
    let rows: [Row]
    /// Two value columns or more: on a phone each row is a card and each cell carries its
    /// column's name; a table of one value column fits a phone as it is.
    let stacked: Bool

    init(corner: String, columns: [String], rows: [Row]) {
        self.corner = corner
        self.columns = columns
        stacked = columns.count >= 2
        self.rows = rows.map { row in
            Row(header: row.header, cells: row.cells.enumerated().map { k, cell in
                var labelled = cell
                labelled.label = columns.count >= 2 && k < columns.count ? columns[k] : nil
                return labelled
            })
        }
    }
}
