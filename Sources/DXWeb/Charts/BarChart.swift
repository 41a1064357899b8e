import DXCore

/// Horizontal bars rendered on the server as SVG. Each item takes two lines: its label across
/// the whole width, then the bar with its value written after it. The drawing is narrow (360
/// units) so that, scaled to a 375 px phone, its text stays near its own size and nothing is cut off;
/// the figures are also given as a table (`figure()`), the chart's text alternative.
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
    var width = 360
    var rowHeight = 44
    var fontSize = 15

    func svg() -> String {
        let height = rowHeight * max(items.count, 1) + 4
        let summary = items.map { "\($0.label): \($0.valueLabel)" }.joined(separator: "; ")
        // The bars leave room at their end for the widest value, so a value is never cut.
        let valueRoom = (items.map { Self.textWidth($0.valueLabel, fontSize) }.max() ?? 0) + 10
        let barWidth = max(width - valueRoom, width / 3)
        // About 0,55 em a character: the label is cut with an ellipsis only when it must be.
        let labelRoom = width * 20 / (fontSize * 11)
        var s = """
        <svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" role="img" aria-label="\(escape(title))">
        <title>\(escape(title))</title><desc>\(escape(summary))</desc>
        """
        for (i, item) in items.enumerated() {
            let y = i * rowHeight
            let w = scaleMax > 0 ? Int((min(max(item.value, 0), scaleMax) / scaleMax * Double(barWidth - 2)).rounded()) : 0
            let barY = y + fontSize + 7
            s += """
            <text x="0" y="\(y + fontSize + 1)" font-size="\(fontSize)">\(escape(Self.clip(item.label, labelRoom)))</text>
            <rect x="1" y="\(barY)" width="\(barWidth - 2)" height="16" fill="#eceff2" stroke="#6b7682" stroke-width="0.75"/>
            <rect x="1" y="\(barY)" width="\(w)" height="16" fill="#15396b"/>
            <text x="\(barWidth + 6)" y="\(barY + 13)" font-size="\(fontSize - 1)" font-weight="600">\(escape(item.valueLabel))</text>
            """
        }
        return s + "</svg>"
    }

    /// The chart in a figure with its figures as a table under a disclosure: the text
    /// alternative a screen reader and a reader who prefers numbers both get.
    func figure() -> String {
        var s = "<figure>" + svg() + "<details><summary>\(t("Số liệu của biểu đồ"))</summary><table class=\"stacked\"><caption>\(escape(title))</caption>"
        s += "<thead><tr><th scope=\"col\">\(t("Mục"))</th><th scope=\"col\">\(t("Giá trị"))</th></tr></thead><tbody>"
        for item in items {
            s += "<tr>" + cell(t("Mục"), escape(item.label)) + cell(t("Giá trị"), escape(item.valueLabel), "num") + "</tr>"
        }
        return s + "</tbody></table></details></figure>"
    }

    /// An estimate of the drawn width: 0,6 em a character, on the generous side.
    static func textWidth(_ s: String, _ size: Int) -> Int { s.count * size * 6 / 10 }

    static func clip(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }
}
