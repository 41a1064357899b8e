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

    func svg() -> String {
        let left = 44.0, right = 24.0, top = 26.0
        let plotW = Double(width) - left - right
        let step = points.count <= 1 ? plotW : plotW / Double(points.count - 1)
        let widest = points.map { textWidth($0.label) }.max() ?? 0
        let slanted = widest + 8 > step
        let showValues = (points.map { textWidth($0.valueLabel) }.max() ?? 0) + 6 <= step
        let bottom = slanted ? 24 + widest * 0.72 : 30.0
        let plotH = 170.0
        let height = Int((top + plotH + bottom).rounded(.up))
        let values = points.compactMap(\.value) + (target.map { [$0] } ?? [])
        let top0 = max(values.max() ?? 1, 1)
        let yMax = Self.niceCeiling(top0)
        func x(_ i: Int) -> Double { points.count <= 1 ? left + plotW / 2 : left + step * Double(i) }
        func y(_ v: Double) -> Double { top + plotH * (1 - v / yMax) }
        // A point without a value may still have a label: "—" for a rate of 0/0, which is a figure.
        let summary = points.map { "\($0.label): \($0.value == nil && $0.valueLabel.isEmpty ? t("chưa có số liệu") : $0.valueLabel)" }.joined(separator: "; ")
        let fs = fontSize
        var s = """
        <svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" role="img" aria-label="\(escape(title))">
        <title>\(escape(title))</title><desc>\(escape(summary))</desc>
        <line x1="\(left)" y1="\(top + plotH)" x2="\(left + plotW)" y2="\(top + plotH)" stroke="#333"/>
        <line x1="\(left)" y1="\(top)" x2="\(left)" y2="\(top + plotH)" stroke="#333"/>
        <text x="\(left - 6)" y="\(top + 5)" text-anchor="end" font-size="\(fs - 1)">\(escape(VNNumber.format(yMax, fractionDigits: 2)))</text>
        <text x="\(left - 6)" y="\(top + plotH + 5)" text-anchor="end" font-size="\(fs - 1)">0</text>
        """
        if let goal = target {
            s += "<line x1=\"\(left)\" y1=\"\(y(goal))\" x2=\"\(left + plotW)\" y2=\"\(y(goal))\" stroke=\"#a4161a\" stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/>"
            // Under the line and in the middle: the points' values are written above them.
            s += "<text x=\"\(left + plotW / 2)\" y=\"\(min(y(goal) + Double(fs) + 4, top + plotH - 4))\" text-anchor=\"middle\" font-size=\"\(fs - 1)\" fill=\"#a4161a\">\(escape(targetLabel ?? t("Mục tiêu")))</text>"
        }
        if let mark, mark.beforePoint > 0, mark.beforePoint < points.count {
            let mx = (x(mark.beforePoint - 1) + x(mark.beforePoint)) / 2
            s += "<line class=\"mark\" x1=\"\(mx)\" y1=\"\(top)\" x2=\"\(mx)\" y2=\"\(top + plotH)\" stroke=\"#8a4b00\" stroke-dasharray=\"3 3\"/>"
            s += "<text x=\"\(mx + 4)\" y=\"\(top - 8)\" font-size=\"\(fs - 2)\" fill=\"#8a4b00\">\(escape(mark.label))</text>"
        }
        var path = ""
        for (i, p) in points.enumerated() {
            if let v = p.value {
                path += (path.isEmpty || points[i - 1].value == nil ? "M" : "L") + "\(x(i)) \(y(v)) "
            }
        }
        if !path.isEmpty { s += "<path d=\"\(path)\" fill=\"none\" stroke=\"#15396b\" stroke-width=\"2.5\"/>" }
        for (i, p) in points.enumerated() {
            let ly = top + plotH + Double(fs) + 6
            if slanted {
                s += "<text x=\"\(x(i))\" y=\"\(ly)\" text-anchor=\"end\" font-size=\"\(fs)\" transform=\"rotate(-45 \(x(i)) \(ly))\">\(escape(p.label))</text>"
            } else {
                s += "<text x=\"\(x(i))\" y=\"\(ly)\" text-anchor=\"\(anchor(i))\" font-size=\"\(fs)\">\(escape(p.label))</text>"
            }
            if let v = p.value {
                s += "<circle cx=\"\(x(i))\" cy=\"\(y(v))\" r=\"4.5\" fill=\"#fff\" stroke=\"#15396b\" stroke-width=\"2.5\"/>"
                if showValues {
                    s += "<text x=\"\(x(i))\" y=\"\(y(v) - 9)\" text-anchor=\"\(anchor(i))\" font-size=\"\(fs)\" font-weight=\"600\">\(escape(p.valueLabel))</text>"
                }
            } else {
                s += "<text x=\"\(x(i))\" y=\"\(top + plotH - 6)\" text-anchor=\"middle\" font-size=\"\(fs - 1)\" fill=\"#4d5966\">—</text>"
            }
        }
        return s + "</svg>"
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
