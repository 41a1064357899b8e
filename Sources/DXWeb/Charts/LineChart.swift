import DXCore
import Foundation

/// A trend across periods as SVG: points joined by a line, missing periods left as gaps (never
/// drawn as zero), and the target as a dashed line. The drawing is 360 units wide so that its
/// text stays readable scaled to a 375 px phone: when the periods are too many for their labels
/// side by side, the period labels are slanted and the values are left to the table under the
/// chart (`figure()`), which is also the chart's text alternative.
struct LineChart {
    struct Point {
        var label: String
        var value: Double?
        var valueLabel: String
    }

    var title: String
    var points: [Point]
    var target: Double?
    var targetLabel: String?
    /// A day that changed what the line measures (the 2025 reform), drawn between the last
    /// point before it and the first one after.
    var mark: (beforePoint: Int, label: String)?
    var width = 360
    var fontSize = 14

    /// Estimated drawn width of a label at the chart's size.
    func textWidth(_ s: String) -> Double { Double(s.count * fontSize) * 0.6 }

    /// Where things are drawn, worked out once from the points.
    struct Frame {
        let left = 44.0, right = 24.0, top = 26.0, plotH = 170.0
        var plotW: Double
        var step: Double
        var slanted: Bool
        var showValues: Bool
        var bottom: Double
        var yMax: Double
        var count: Int

        func x(_ i: Int) -> Double { count <= 1 ? left + plotW / 2 : left + step * Double(i) }
        func y(_ v: Double) -> Double { top + plotH * (1 - v / yMax) }
        var height: Int { Int((top + plotH + bottom).rounded(.up)) }
    }

    func frame() -> Frame {
        let plotW = Double(width) - 44 - 24
        let step = points.count <= 1 ? plotW : plotW / Double(points.count - 1)
        let widest = points.map { textWidth($0.label) }.max() ?? 0
        let slanted = widest + 8 > step
        let showValues = (points.map { textWidth($0.valueLabel) }.max() ?? 0) + 6 <= step
        let values = points.compactMap(\.value) + (target.map { [$0] } ?? [])
        return Frame(plotW: plotW, step: step, slanted: slanted, showValues: showValues,
                     bottom: slanted ? 24 + widest * 0.72 : 30.0, yMax: Self.niceCeiling(max(values.max() ?? 1, 1)), count: points.count)
    }

    func svg() -> Node {
        let f = frame()
        // A point without a value may still have a label: "—" for a rate of 0/0, which is a figure.
        let summary = points.map { "\($0.label): \($0.value == nil && $0.valueLabel.isEmpty ? t("chưa có số liệu") : $0.valueLabel)" }.joined(separator: "; ")
        return ChartSVG.svg(width: width, height: f.height, title: title, summary: summary) {
            axes(f)
            targetLine(f)
            reformLine(f)
            line(f)
            for i in points.indices { point(i, f) }
        }
    }

    func axes(_ f: Frame) -> Node {
        let fs = fontSize
        return .group {
            Node.el("line", .attr("x1", f.left), .attr("y1", f.top + f.plotH), .attr("x2", f.left + f.plotW), .attr("y2", f.top + f.plotH), .attr("stroke", "#333"))
            Node.el("line", .attr("x1", f.left), .attr("y1", f.top), .attr("x2", f.left), .attr("y2", f.top + f.plotH), .attr("stroke", "#333"))
            Node.el("text", .attr("x", f.left - 6), .attr("y", f.top + 5), .attr("text-anchor", "end"), .attr("font-size", fs - 1),
                    text: VNNumber.format(f.yMax, fractionDigits: 2))
            Node.el("text", .attr("x", f.left - 6), .attr("y", f.top + f.plotH + 5), .attr("text-anchor", "end"), .attr("font-size", fs - 1), text: "0")
        }
    }

    func targetLine(_ f: Frame) -> Node {
        guard let goal = target else { return .empty }
        let fs = fontSize
        return .group {
            Node.el("line", .attr("x1", f.left), .attr("y1", f.y(goal)), .attr("x2", f.left + f.plotW), .attr("y2", f.y(goal)),
                    .attr("stroke", "#a4161a"), .attr("stroke-dasharray", "6 4"), .attr("stroke-width", "1.5"))
            // Under the line and in the middle: the points' values are written above them.
            Node.el("text", .attr("x", f.left + f.plotW / 2), .attr("y", min(f.y(goal) + Double(fs) + 4, f.top + f.plotH - 4)),
                    .attr("text-anchor", "middle"), .attr("font-size", fs - 1), .attr("fill", "#a4161a"), text: targetLabel ?? t("Mục tiêu"))
        }
    }

    func reformLine(_ f: Frame) -> Node {
        guard let mark, mark.beforePoint > 0, mark.beforePoint < points.count else { return .empty }
        let mx = (f.x(mark.beforePoint - 1) + f.x(mark.beforePoint)) / 2
        return .group {
            Node.el("line", .class("mark"), .attr("x1", mx), .attr("y1", f.top), .attr("x2", mx), .attr("y2", f.top + f.plotH),
                    .attr("stroke", "#8a4b00"), .attr("stroke-dasharray", "3 3"))
            Node.el("text", .attr("x", mx + 4), .attr("y", f.top - 8), .attr("font-size", fontSize - 2), .attr("fill", "#8a4b00"), text: mark.label)
        }
    }

    /// The line through the points with a value, broken where a period has none.
    func line(_ f: Frame) -> Node {
        var path = ""
        for (i, p) in points.enumerated() {
            if let v = p.value {
                path += (path.isEmpty || points[i - 1].value == nil ? "M" : "L") + "\(f.x(i)) \(f.y(v)) "
            }
        }
        guard !path.isEmpty else { return .empty }
        return Node.el("path", .attr("d", path), .attr("fill", "none"), .attr("stroke", "#15396b"), .attr("stroke-width", "2.5"))
    }

    func point(_ i: Int, _ f: Frame) -> Node {
        let p = points[i], fs = fontSize, x = f.x(i)
        let ly = f.top + f.plotH + Double(fs) + 6
        return .group {
            if f.slanted {
                Node.el("text", .attr("x", x), .attr("y", ly), .attr("text-anchor", "end"), .attr("font-size", fs),
                        .attr("transform", "rotate(-45 \(x) \(ly))"), text: p.label)
            } else {
                Node.el("text", .attr("x", x), .attr("y", ly), .attr("text-anchor", anchor(i)), .attr("font-size", fs), text: p.label)
            }
            if let v = p.value {
                Node.el("circle", .attr("cx", x), .attr("cy", f.y(v)), .attr("r", 4.5), .attr("fill", "#fff"), .attr("stroke", "#15396b"), .attr("stroke-width", 2.5))
                if f.showValues {
                    Node.el("text", .attr("x", x), .attr("y", f.y(v) - 9), .attr("text-anchor", anchor(i)), .attr("font-size", fs),
                            .attr("font-weight", 600), text: p.valueLabel)
                }
            } else {
                Node.el("text", .attr("x", x), .attr("y", f.top + f.plotH - 6), .attr("text-anchor", "middle"), .attr("font-size", fs - 1),
                        .attr("fill", "#4d5966"), text: "—")
            }
        }
    }

    /// The first and last labels lean inwards so they are not cut at the edges.
    private func anchor(_ i: Int) -> String {
        guard points.count > 1 else { return "middle" }
        return i == 0 ? "start" : i == points.count - 1 ? "end" : "middle"
    }

    /// 1, 2, 2.5, 5 × 10ⁿ above the largest value, so the axis has a round top.
    static func niceCeiling(_ x: Double) -> Double {
        guard x > 0 else { return 1 }
        let p = pow(10, log10(x).rounded(.down))
        for m in [1.0, 2, 2.5, 5, 10] where m * p >= x { return m * p }
        return 10 * p
    }
}
