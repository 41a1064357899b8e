import DXCore
@testable import DXStore
import DXTestSupport
import Foundation
import XCTest

/// Issue 14.5: the national benchmark's shape as a quick smoke in CI — a national root, provinces
/// with communes and 25 departments each, ten rate indicators, one quarter, imported through the
/// command line's bulk path — and `dxtrack evaluate`'s aggregates checked against a direct
/// computation of the rules (a unit's own figure wins, rates add numerators and denominators,
/// reporting units counted), on every test database. Correctness only: the timings are
/// scripts/bench-national.sh's.
final class NationalSmokeTests: XCTestCase {
    struct Row {
        var unit: String
        var indicator: String
        var numerator: Double
        var denominator: Double
    }

    let provinces = ["T1", "T2", "T3"]
    let indicators = (1...10).map { String(format: "CT%03d", $0) }

    func children(of province: String) -> [String] {
        (1...40).map { "\(province)X\(String(format: "%03d", $0))" } + (1...25).map { "S\(province)\(String(format: "%02d", $0))" }
    }

    /// Every unit and indicator, less a few gaps; provinces give their own figure for about a
    /// third of the indicators (which must then win over their units' sum).
    func rows() -> [Row] {
        var out: [Row] = []
        var n = 0
        for (pi, p) in provinces.enumerated() {
            for (ii, i) in indicators.enumerated() where (pi + ii) % 3 == 0 {
                out.append(Row(unit: p, indicator: i, numerator: Double(100 + ii), denominator: Double(400 + pi)))
            }
            for c in children(of: p) {
                for i in indicators {
                    n += 1
                    if n % 13 == 0 { continue }
                    let d = Double(1 + n % 500)
                    out.append(Row(unit: c, indicator: i, numerator: Double(n % 7 == 0 ? 0 : n % (Int(d) + 1)), denominator: d))
                }
            }
        }
        return out
    }

    /// The figure of a province by the rules, computed directly: (numerator, denominator,
    /// reporting units below it).
    func province(_ p: String, _ indicator: String, _ rows: [Row]) -> (n: Double, d: Double, reporting: Int)? {
        let below = Set(children(of: p))
        let kids = rows.filter { $0.indicator == indicator && below.contains($0.unit) }
        if let own = rows.first(where: { $0.unit == p && $0.indicator == indicator }) {
            return (own.numerator, own.denominator, kids.count)
        }
        guard !kids.isEmpty else { return nil }
        return (kids.reduce(0) { $0 + $1.numerator }, kids.reduce(0) { $0 + $1.denominator }, kids.count)
    }

    func testNationalAggregatesMatchADirectComputation() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dxtrack-national-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func write(_ name: String, _ text: String) throws -> String {
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        var units = "code,name,kind,parent_code\nVN,Cả nước,other,\n"
        for p in provinces {
            units += "\(p),Tỉnh \(p),province,VN\n"
            for c in children(of: p) { units += "\(c),Đơn vị \(c),\(c.hasPrefix("S") ? "department" : "commune"),\(p)\n" }
        }
        var ind = "plan_code,code,name,measure\n"
        for i in indicators { ind += "KH-T,\(i),Tỷ lệ \(i),rate\n" }
        let rows = rows()
        var values = "period,unit_code,indicator_code,numerator,denominator\n"
        for r in rows { values += "2025Q1,\(r.unit),\(r.indicator),\(Int(r.numerator)),\(Int(r.denominator))\n" }
        let files = [("units", try write("units.csv", units)),
                     ("plans", try write("plans.csv", "code,slug,kind,title,issuer_code,horizon_from,horizon_to\nKH-T,kh-t,plan,Kế hoạch thử,VN,2025,2030\n")),
                     ("indicators", try write("indicators.csv", ind)), ("values", try write("values.csv", values))]

        for db in try await CLI.databases() {
            for (kind, path) in files {
                let r = try CLI.run(["import", kind, path, "--db", db] + (kind == "values" ? ["--plan", "KH-T"] : []))
                XCTAssertEqual(r.status, 0, "\(db) \(kind): \(r.err)")
            }
            func evaluate(_ unit: String) throws -> EvaluationDocument {
                let r = try CLI.run(["evaluate", "--plan", "KH-T", "--period", "2025Q1", "--unit", unit, "--format", "json", "--db", db])
                XCTAssertEqual(r.status, 0, "\(db) \(unit): \(r.err)")
                return try JSONDecoder().decode(EvaluationDocument.self, from: Data(r.out.utf8))
            }
            let national = try evaluate("VN")
            XCTAssertEqual(national.indicators.map(\.code), indicators)
            for row in national.indicators {
                let figures = provinces.compactMap { province($0, row.code, rows) }
                XCTAssertEqual(row.numerator, figures.reduce(0) { $0 + $1.n }, "\(db) VN \(row.code)")
                XCTAssertEqual(row.denominator, figures.reduce(0) { $0 + $1.d }, "\(db) VN \(row.code)")
                XCTAssertEqual(row.source, .aggregated, "\(db) VN \(row.code)")
                XCTAssertEqual(row.coverage.expected, provinces.count)
                XCTAssertEqual(row.coverage.reporting, figures.count)
            }
            // The rollups the import kept: equal to the recursive computation in SQL, and to the
            // rules computed here (the provinces' own figures win at the country).
            let runtime = try StoreRuntime(url: try DatabaseURL(parsing: db))
            let (stored, direct) = try await runtime.store.rollupCheck(planCode: "KH-T")
            let ids = try await runtime.store.unitIDs()
            await runtime.shutdown()
            XCTAssertEqual(stored, direct, "\(db): rollups as computed over the subtree")
            for i in indicators {
                for p in provinces {
                    let below = Set(children(of: p))
                    let kids = rows.filter { $0.indicator == i && below.contains($0.unit) }
                    let g = try XCTUnwrap(stored[try XCTUnwrap(ids[p])]?[i]?["2025Q1"], "\(db) \(p) \(i)")
                    XCTAssertEqual(g.numerator, kids.reduce(0) { $0 + $1.numerator }, "\(db) \(p) \(i)")
                    XCTAssertEqual(g.denominator, kids.reduce(0) { $0 + $1.denominator }, "\(db) \(p) \(i)")
                    XCTAssertEqual(g.reportingChildren, kids.count, "\(db) \(p) \(i)")
                }
                let figures = provinces.compactMap { province($0, i, rows) }
                let g = try XCTUnwrap(stored[try XCTUnwrap(ids["VN"])]?[i]?["2025Q1"], "\(db) VN \(i)")
                XCTAssertEqual(g.numerator, figures.reduce(0) { $0 + $1.n }, "\(db) VN \(i)")
                XCTAssertEqual(g.denominator, figures.reduce(0) { $0 + $1.d }, "\(db) VN \(i)")
                XCTAssertEqual(g.reportingChildren, figures.count, "\(db) VN \(i)")
            }
            for p in provinces {
                let doc = try evaluate(p)
                for row in doc.indicators {
                    let direct = try XCTUnwrap(province(p, row.code, rows))
                    XCTAssertEqual(row.numerator, direct.n, "\(db) \(p) \(row.code)")
                    XCTAssertEqual(row.denominator, direct.d, "\(db) \(p) \(row.code)")
                    let own = rows.contains { $0.unit == p && $0.indicator == row.code }
                    XCTAssertEqual(row.source, own ? .reported : .aggregated, "\(db) \(p) \(row.code): the province's own figure wins")
                    XCTAssertEqual(row.coverage.expected, children(of: p).count)
                    XCTAssertEqual(row.coverage.reporting, direct.reporting, "\(db) \(p) \(row.code)")
                }
            }
        }
    }
}
