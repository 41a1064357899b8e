import DXCore
import Foundation

/// A trend across periods as SVG: points joined by a line, each point labelled with its value,
/// missing periods left as gaps (never drawn as zero), and the target as a dashed line.
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
    var width = 640
    var height = 240

    func svg() -> String {
        let left = 50.0, right = 20.0, top = 20.0, bottom = 40.0
        let plotW = Double(width) - left - right, plotH = Double(height) - top - bottom
        let values = points.compactMap(\.value) + (target.map { [$0] } ?? [])
        let top0 = max(values.max() ?? 1, 1)
        let yMax = Self.niceCeiling(top0)
        func x(_ i: Int) -> Double { points.count <= 1 ? left + plotW / 2 : left + plotW * Double(i) / Double(points.count - 1) }
        func y(_ v: Double) -> Double { top + plotH * (1 - v / yMax) }
        // A point without a value may still have a label: "—" for a rate of 0/0, which is a figure.
        let summary = points.map { "\($0.label): \($0.value == nil && $0.valueLabel.isEmpty ? t("chưa có số liệu") : $0.valueLabel)" }.joined(separator: "; ")
        var s = """
        <svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" role="img" aria-label="\(escape(title))">
        <title>\(escape(title))</title><desc>\(escape(summary))</desc>
        <line x1="\(left)" y1="\(top + plotH)" x2="\(left + plotW)" y2="\(top + plotH)" stroke="#333"/>
        <line x1="\(left)" y1="\(top)" x2="\(left)" y2="\(top + plotH)" stroke="#333"/>
        <text x="\(left - 6)" y="\(top + 4)" text-anchor="end" font-size="12">\(escape(VNNumber.format(yMax, fractionDigits: 2)))</text>
        <text x="\(left - 6)" y="\(top + plotH + 4)" text-anchor="end" font-size="12">0</text>
        """
        if let goal = target {
            s += "<line x1=\"\(left)\" y1=\"\(y(goal))\" x2=\"\(left + plotW)\" y2=\"\(y(goal))\" stroke=\"#000\" stroke-dasharray=\"6 4\"/>"
            s += "<text x=\"\(left + plotW)\" y=\"\(y(goal) - 4)\" text-anchor=\"end\" font-size=\"12\">\(escape(targetLabel ?? t("Mục tiêu")))</text>"
        }
        if let mark, mark.beforePoint > 0, mark.beforePoint < points.count {
            let mx = (x(mark.beforePoint - 1) + x(mark.beforePoint)) / 2
            s += "<line class=\"mark\" x1=\"\(mx)\" y1=\"\(top)\" x2=\"\(mx)\" y2=\"\(top + plotH)\" stroke=\"#8a4b00\" stroke-dasharray=\"3 3\"/>"
            s += "<text x=\"\(mx + 4)\" y=\"\(top + 10)\" font-size=\"12\" fill=\"#8a4b00\">\(escape(mark.label))</text>"
        }
        var path = ""
        for (i, p) in points.enumerated() {
            if let v = p.value {
                path += (path.isEmpty || points[i - 1].value == nil ? "M" : "L") + "\(x(i)) \(y(v)) "
            }
        }
        if !path.isEmpty { s += "<path d=\"\(path)\" fill=\"none\" stroke=\"#222\" stroke-width=\"2\"/>" }
        for (i, p) in points.enumerated() {
            s += "<text x=\"\(x(i))\" y=\"\(top + plotH + 18)\" text-anchor=\"middle\" font-size=\"12\">\(escape(p.label))</text>"
            if let v = p.value {
                s += "<circle cx=\"\(x(i))\" cy=\"\(y(v))\" r=\"4\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"2\"/>"
                s += "<text x=\"\(x(i))\" y=\"\(y(v) - 8)\" text-anchor=\"middle\" font-size=\"12\">\(escape(p.valueLabel))</text>"
            } else {
                s += "<text x=\"\(x(i))\" y=\"\(top + plotH - 6)\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">—</text>"
            }
        }
        return s + "</svg>"
    }

    /// 1, 2, 2.5, 5 × 10ⁿ above the largest value, so the axis has a round top.
    static func niceCeiling(_ x: Double) -> Double {
        guard x > 0 else { return 1 }
        let p = pow(10, log10(x).rounded(.down))
        for m in [1.0, 2, 2.5, 5, 10] where m * p >= x { return m * p }
        return 10 * p
    }
}

