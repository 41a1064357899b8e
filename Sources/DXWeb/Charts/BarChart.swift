import DXCore

/// Horizontal bars rendered on the server as SVG: one row per item, the value written at the
/// end of the bar so the chart reads in print and grey scale without a legend.
struct BarChart {
    struct Item {
        var label: String
        var value: Double
        /// Shown after the bar, e.g. "0,8575" or "81,16%".
        var valueLabel: String
    }

    var title: String
    var items: [Item]
    /// The value that fills the whole width (1 for index values, 100 for percentages).
    var scaleMax: Double
    var labelWidth = 220
    var barWidth = 360
    var rowHeight = 22

    func svg() -> String {
        let width = labelWidth + barWidth + 90
        let height = rowHeight * max(items.count, 1) + 8
        let summary = items.map { "\($0.label): \($0.valueLabel)" }.joined(separator: "; ")
        var s = """
        <svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" role="img" aria-label="\(escape(title))">
        <title>\(escape(title))</title><desc>\(escape(summary))</desc>
        """
        for (i, item) in items.enumerated() {
            let y = i * rowHeight + 4
            let w = scaleMax > 0 ? Int((min(max(item.value, 0), scaleMax) / scaleMax * Double(barWidth)).rounded()) : 0
            s += """
            <text x="\(labelWidth - 6)" y="\(y + rowHeight - 8)" text-anchor="end" font-size="13">\(escape(Self.clip(item.label, 34)))</text>
            <rect x="\(labelWidth)" y="\(y + 3)" width="\(barWidth)" height="\(rowHeight - 8)" fill="none" stroke="#999" stroke-width="0.5"/>
            <rect x="\(labelWidth)" y="\(y + 3)" width="\(w)" height="\(rowHeight - 8)" fill="#4a4a4a"/>
            <text x="\(labelWidth + barWidth + 6)" y="\(y + rowHeight - 8)" font-size="13">\(escape(item.valueLabel))</text>
            """
        }
        return s + "</svg>"
    }

    static func clip(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }
}
