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

    func svg() -> Node {
        let height = rowHeight * max(items.count, 1) + 4
        let summary = items.map { "\($0.label): \($0.valueLabel)" }.joined(separator: "; ")
        // The bars leave room at their end for the widest value, so a value is never cut.
        let valueRoom = (items.map { Self.textWidth($0.valueLabel, fontSize) }.max() ?? 0) + 10
        let barWidth = max(width - valueRoom, width / 3)
        // About 0,55 em a character: the label is cut with an ellipsis only when it must be.
        let labelRoom = width * 20 / (fontSize * 11)
        return ChartSVG.svg(width: width, height: height, title: title, summary: summary) {
            for (i, item) in items.enumerated() { row(i, item, barWidth: barWidth, labelRoom: labelRoom) }
        }
    }

    /// One item: its label, then the bar with its value after it.
    func row(_ i: Int, _ item: Item, barWidth: Int, labelRoom: Int) -> Node {
        let y = i * rowHeight
        let w = scaleMax > 0 ? Int((min(max(item.value, 0), scaleMax) / scaleMax * Double(barWidth - 2)).rounded()) : 0
        let barY = y + fontSize + 7
        return .group {
            Node.el("text", .attr("x", 0), .attr("y", y + fontSize + 1), .attr("font-size", fontSize), text: Self.clip(item.label, labelRoom))
            Node.el("rect", .attr("x", 1), .attr("y", barY), .attr("width", barWidth - 2), .attr("height", 16),
                    .attr("fill", "#eceff2"), .attr("stroke", "#6b7682"), .attr("stroke-width", "0.75"))
            Node.el("rect", .attr("x", 1), .attr("y", barY), .attr("width", w), .attr("height", 16), .attr("fill", "#15396b"))
            Node.el("text", .attr("x", barWidth + 6), .attr("y", barY + 13), .attr("font-size", fontSize - 1), .attr("font-weight", 600),
                    text: item.valueLabel)
        }
    }

    /// The chart in a figure with its figures as a table under a disclosure: the text
    /// alternative a screen reader and a reader who prefers numbers both get.
    func figure() -> Node {
        .figure {
            svg()
            Node.details {
                Node.summary(text: t("Số liệu của biểu đồ"))
                Node.table(.class("stacked")) {
                    Node.caption(text: title)
                    Node.columnHeads([t("Mục"), t("Giá trị")])
                    Node.tbody {
                        for item in items {
                            Node.tr {
                                cell(t("Mục")) { item.label }
                                cell(t("Giá trị"), "num") { item.valueLabel }
                            }
                        }
                    }
                }
            }
        }
    }

    /// An estimate of the drawn width: 0,6 em a character, on the generous side.
    static func textWidth(_ s: String, _ size: Int) -> Int { s.count * size * 6 / 10 }

    static func clip(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }
}

/// The outer element of a chart: sized, named for screen readers, with its figures as its description.
enum ChartSVG {
    static func svg(width: Int, height: Int, title: String, summary: String, @HTMLBuilder content: () -> Node) -> Node {
        Node.el("svg", .class("chart"), Attribute("xmlns", "http://www.w3.org/2000/svg"), .attr("viewBox", "0 0 \(width) \(height)"),
                .attr("width", width), .attr("height", height), .role("img"), .aria("label", title)) {
            Node.el("title", text: title)
            Node.el("desc", text: summary)
            content()
        }
    }
}
