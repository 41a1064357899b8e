import DXCore
import DXStore
import DXTestSupport
import Foundation
import SQLKit
import XCTest

/// `dxtrack import values` streamed and written in bulk (issue 14), on both databases: a large
/// file round-trips exactly, a re-import replaces values, one bad row anywhere and nothing is
/// written, and a file over the old 200,000-row cap is accepted. No timing here: speed is
/// measured by scripts/bench-import.sh.
final class BulkValueImportTests: XCTestCase {
    var dir = URL(fileURLWithPath: "/")

    override func setUp() async throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("dxtrack-bulk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() async throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func unitCode(_ n: Int) -> String { String(format: "X%05d", n) }
    func indicatorCode(_ n: Int) -> String { String(format: "CT%03d", n) }

    /// A province with `units` communes, and plan KH-T with 100 rate indicators (the 100th
    /// allows more than 100%).
    func setUpProvince(_ db: String, units: Int) throws {
        var u = "code,name,kind,parent_code\nT1,Tỉnh Thử,province,\n"
        for i in 1...units { u += "\(unitCode(i)),Xã Thử \(i),commune,T1\n" }
        var ind = "plan_code,code,name,measure,allows_over_100\n"
        for i in 1...100 { ind += "KH-T,\(indicatorCode(i)),Tỷ lệ \(i),rate,\(i == 100 ? "true" : "false")\n" }
        for (kind, text) in [("units", u), ("plans", "code,slug,kind,title,issuer_code,horizon_from,horizon_to\nKH-T,kh-t,plan,Kế hoạch thử,T1,2025,2030\n"),
                             ("indicators", ind)] {
            let r = try CLI.run(["import", kind, try write("\(kind).csv", text), "--db", db])
            XCTAssertEqual(r.status, 0, "\(kind): \(r.err)")
        }
    }

    /// Row `i` of a generated file: mostly numerator/denominator, every 7th a stated value with
    /// a fraction, every 11th with a comment that needs quoting.
    func value(_ i: Int, units: Int, period: String, shift: Double = 0) -> DataValue {
        let unit = unitCode(i / 100 % units + 1), indicator = indicatorCode(i % 100 + 1)
        var v = DataValue(planCode: "KH-T", indicatorCode: indicator, unitCode: unit, periodID: period)
        if i % 7 == 0 {
            v.value = Double(i % 1000) / 4 + shift
        } else {
            v.denominator = Double(1000 + i % 97)
            v.numerator = Double(i % 1000) + shift
        }
        if i % 11 == 0 { v.comment = "Ghi chú \(i), \"trích\" dẫn" }
        return v
    }

    func csv(_ values: [DataValue]) -> String {
        func n(_ x: Double?) -> String { x.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? "" }
        var out = "period,unit_code,indicator_code,numerator,denominator,value,comment\n"
        for v in values {
            let comment = v.comment.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" } ?? ""
            out += "\(v.periodID),\(v.unitCode),\(v.indicatorCode),\(n(v.numerator)),\(n(v.denominator)),\(n(v.value)),\(comment)\n"
        }
        return out
    }

    /// What the database holds, by indicator, unit and period, without author and time.
    func stored(_ db: String) throws -> [String: DataValue] {
        let r = try CLI.run(["export", "values", "--format", "json", "--db", db])
        XCTAssertEqual(r.status, 0, r.err)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let values = try decoder.decode([DataValue].self, from: Data(r.out.utf8))
        return Dictionary(values.map { v in
            var v = v
            v.author = nil
            v.updatedAt = nil
            return ("\(v.indicatorCode)/\(v.unitCode)/\(v.periodID)", v)
        }, uniquingKeysWith: { a, _ in a })
    }

    func keyed(_ values: [DataValue]) -> [String: DataValue] {
        Dictionary(values.map { ("\($0.indicatorCode)/\($0.unitCode)/\($0.periodID)", $0) }, uniquingKeysWith: { a, _ in a })
    }

    func testFiftyThousandValuesRoundTripAndAReimportReplacesThem() async throws {
        for db in try await CLI.databases() {
            try setUpProvince(db, units: 250)
            let first = (0..<50_000).map { value($0, units: 250, period: $0 < 25_000 ? "2025Q1" : "2025Q2") }
            let r = try CLI.run(["import", "values", try write("values.csv", csv(first)), "--plan", "KH-T", "--db", db])
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertEqual(r.out, "Số liệu: 50.000 thêm mới, 0 cập nhật, 0 không đổi.\n")
            XCTAssertEqual(try stored(db), keyed(first), db)
            if !db.hasPrefix("sqlite:") {
                // Planned from statistics at once, not after autovacuum's first ANALYZE.
                let figures = try await analyzedColumns(db, "data_values"), rollups = try await analyzedColumns(db, "subtree_rollups")
                XCTAssertGreaterThan(figures, 0, db)
                XCTAssertGreaterThan(rollups, 0, db)
            }

            // Every 5th value changed, a few new ones, the rest the same.
            var second = (0..<50_000).map { value($0, units: 250, period: $0 < 25_000 ? "2025Q1" : "2025Q2", shift: $0 % 5 == 0 ? 1 : 0) }
            second += (0..<300).map { value($0, units: 250, period: "2025Q3") }
            let again = try CLI.run(["import", "values", try write("again.csv", csv(second)), "--plan", "KH-T", "--db", db])
            XCTAssertEqual(again.status, 0, again.err)
            XCTAssertEqual(again.out, "Số liệu: 300 thêm mới, 10.000 cập nhật, 40.000 không đổi.\n")
            XCTAssertEqual(try stored(db), keyed(second), db)
        }
    }

    func testOneBadRowInTheMiddleAndNothingIsWritten() async throws {
        for db in try await CLI.databases() {
            try setUpProvince(db, units: 30)
            let good = (0..<2_000).map { value($0, units: 30, period: "2025Q1") }
            XCTAssertEqual(try CLI.run(["import", "values", try write("good.csv", csv(good)), "--plan", "KH-T", "--db", db]).status, 0)
            let before = try stored(db)
            // The same rows changed, with one bad row at line 1,002 (data row 1,001).
            var lines = csv((0..<2_000).map { value($0, units: 30, period: "2025Q1", shift: 1) }).split(separator: "\n").map(String.init)
            for (bad, expected) in [
                ("2025Q1,X99999,CT001,1,2,,", "Dòng 1002: Số liệu KH-T / CT001 / X99999 / 2025Q1: không có đơn vị mã X99999"),
                ("2025Q1,X00001,CT999,1,2,,", "Dòng 1002: Số liệu KH-T / CT999 / X00001 / 2025Q1: kế hoạch KH-T không có chỉ tiêu CT999"),
                ("2025Q1,X00001,CT001,mười,20,,", "Dòng 1002, cột 'numerator': "),
                ("2025Q5,X00001,CT001,1,2,,", "Dòng 1002, cột 'period': "),
                ("2025Q1,X00001,CT001,30,20,,", "Dòng 1002: Số liệu KH-T / CT001 / X00001 / 2025Q1: tử số lớn hơn mẫu số"),
                ("2025Q1,X00001,CT001,0,0,,", "Dòng 1002: Số liệu KH-T / CT001 / X00001 / 2025Q1: Mẫu số phải lớn hơn 0"),
                ("2025Q1,X00001,CT001,3,0,,", "Dòng 1002: Số liệu KH-T / CT001 / X00001 / 2025Q1: "),
                ("2025Q1,X00001,CT001,-1,20,,", "Dòng 1002: Số liệu KH-T / CT001 / X00001 / 2025Q1: tử số âm"),
                ("2025Q1,X00001,CT001,1,2,,", "Dòng 1002: trùng chỉ tiêu, đơn vị và kỳ với dòng 2"),
            ] {
                lines.insert(bad, at: 1_001)
                defer { lines.remove(at: 1_001) }
                let r = try CLI.run(["import", "values", try write("bad.csv", lines.joined(separator: "\n") + "\n"), "--plan", "KH-T", "--db", db])
                XCTAssertEqual(r.status, 1, bad)
                XCTAssertTrue(r.err.contains(expected), "\(bad): \(r.err)")
                XCTAssertTrue(r.err.hasSuffix("bad.csv: 1 lỗi, không nhập gì.\n"), r.err)
                XCTAssertEqual(try stored(db), before, "nothing written (\(db)): \(bad)")
            }
            // A CSV broken past its header stops the import, still with nothing written.
            let broken = try CLI.run(["import", "values", try write("broken.csv", lines.joined(separator: "\n") + "\n2025Q1,\"X00001,CT001,1,2\n"),
                                      "--plan", "KH-T", "--db", db])
            XCTAssertEqual(broken.status, 1)
            XCTAssertTrue(broken.err.contains("Dòng 2002: dấu ngoặc kép mở nhưng không đóng"), broken.err)
            XCTAssertEqual(try stored(db), before)
        }
    }

    /// A JSON file of values is read element by element with the same checks: it round-trips,
    /// a re-import replaces what changed, and a bad item in the middle is named by its number
    /// with nothing written; a file broken as JSON is refused whole.
    func testAJSONFileIsStreamedWithTheSameChecks() async throws {
        let encoder = JSONEncoder()
        func json(_ values: [DataValue]) throws -> String { String(decoding: try encoder.encode(values), as: UTF8.self) }
        for db in try await CLI.databases() {
            try setUpProvince(db, units: 100)
            let first = (0..<10_000).map { value($0, units: 100, period: "2025Q1") }
            let r = try CLI.run(["import", "values", try write("values.json", try json(first)), "--db", db])
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertEqual(r.out, "Số liệu: 10.000 thêm mới, 0 cập nhật, 0 không đổi.\n")
            XCTAssertEqual(try stored(db), keyed(first), db)

            let second = (0..<10_000).map { value($0, units: 100, period: "2025Q1", shift: $0 % 4 == 0 ? 1 : 0) }
            var bad = second
            bad[5_000].unitCode = "X99999"
            let refused = try CLI.run(["import", "values", try write("bad.json", try json(bad)), "--db", db])
            XCTAssertEqual(refused.status, 1)
            XCTAssertTrue(refused.err.contains("Dòng 5001: Số liệu KH-T / CT001 / X99999 / 2025Q1: không có đơn vị mã X99999"), refused.err)
            XCTAssertTrue(refused.err.hasSuffix("bad.json: 1 lỗi, không nhập gì.\n"), refused.err)
            XCTAssertEqual(try stored(db), keyed(first), "nothing written (\(db))")

            let broken = try json(Array(first.prefix(3)))
            let cut = try CLI.run(["import", "values", try write("broken.json", String(broken.dropLast()) + ", {\"planCode\": "), "--db", db])
            XCTAssertEqual(cut.status, 1)
            XCTAssertTrue(cut.err.contains("không phải JSON hợp lệ của số liệu"), cut.err)
            XCTAssertEqual(try stored(db), keyed(first))

            let again = try CLI.run(["import", "values", try write("again.json", try json(second)), "--db", db])
            XCTAssertEqual(again.status, 0, again.err)
            XCTAssertEqual(again.out, "Số liệu: 0 thêm mới, 2.500 cập nhật, 7.500 không đổi.\n")
            XCTAssertEqual(try stored(db), keyed(second), db)
        }
    }

    /// `body` on the database at `db`, through a runtime of its own.
    func withSQL<T>(_ db: String, _ body: (any SQLDatabase) async throws -> T) async throws -> T {
        let runtime = try StoreRuntime(url: try DatabaseURL(parsing: db))
        do {
            let result = try await body(runtime.database as! any SQLDatabase)
            await runtime.shutdown()
            return result
        } catch {
            await runtime.shutdown()
            throw error
        }
    }

    /// What defines `data_values` beside its rows — the table, its indexes and foreign keys —
    /// which a large import drops in part and makes again inside its transaction.
    func valuesSchema(_ db: String) async throws -> [String] {
        try await withSQL(db) { sql in
            let query: SQLQueryString = db.hasPrefix("sqlite:")
                ? "SELECT name || ' ' || coalesce(sql, '') AS d FROM sqlite_master WHERE tbl_name = 'data_values' ORDER BY 1"
                : """
                  SELECT d FROM (SELECT conname || ' ' || pg_get_constraintdef(oid) AS d FROM pg_constraint \
                  WHERE conrelid = 'data_values'::regclass UNION ALL SELECT indexdef FROM pg_indexes WHERE tablename = 'data_values') x ORDER BY 1
                  """
            return try await sql.raw(query).all().map { try $0.decode(column: "d", as: String.self) }
        }
    }

    /// Rows and sums of `data_values`: any row written, changed or added changes it (the files
    /// below shift every figure), at the cost of one query instead of an export.
    func fingerprint(_ db: String) async throws -> String {
        try await withSQL(db) { sql in
            let row = try await sql.raw("SELECT count(*) AS n, sum(numerator) AS s, sum(value) AS v FROM data_values").first()
            return "\(try row?.decode(column: "n", as: Int.self) ?? -1) \(try row?.decode(column: "s", as: Double?.self) ?? -1) \(try row?.decode(column: "v", as: Double?.self) ?? -1)"
        }
    }

    /// The facts' revision token (M029), which pages kept by a server are checked against.
    func factToken(_ db: String) async throws -> Int64 {
        try await withSQL(db) { sql in
            try await sql.raw("SELECT token FROM fact_revision").first()?.decode(column: "token", as: Int64.self) ?? 0
        }
    }

    /// PostgreSQL: the columns of `table` the planner has statistics for (`ANALYZE`).
    func analyzedColumns(_ db: String, _ table: String) async throws -> Int {
        try await withSQL(db) { sql in
            try await sql.raw("SELECT count(*) AS n FROM pg_stats WHERE tablename = \(bind: table)").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// A file large enough for the import to drop the plain indexes (and on PostgreSQL the
    /// foreign keys) of `data_values` and build them again: imported, the schema is as before;
    /// run dry, cut short in the middle of its last row or in an open quote, or with one bad
    /// row in the middle, nothing is written, the same Vietnamese message names the line, and
    /// the schema is as before.
    func testALargeFileCutShortOrWithABadRowWritesNothingAndKeepsTheSchema() async throws {
        for db in try await CLI.databases() {
            try setUpProvince(db, units: 600)
            let schema = try await valuesSchema(db)
            XCTAssertTrue(schema.contains { $0.contains("data_values_indicator_period") }, "\(schema)")
            let emptyToken = try await factToken(db)
            let first = (0..<60_000).map { value($0, units: 600, period: "2025Q1") }
            let r = try CLI.run(["import", "values", try write("values.csv", csv(first)), "--plan", "KH-T", "--db", db])
            XCTAssertEqual(r.status, 0, r.err)
            // SQLite's import drops the token's row triggers and changes it once instead.
            let importedToken = try await factToken(db)
            XCTAssertNotEqual(importedToken, emptyToken, "a large import changes the facts' token (\(db))")
            XCTAssertEqual(r.out, "Số liệu: 60.000 thêm mới, 0 cập nhật, 0 không đổi.\n")
            let afterFirst = try await valuesSchema(db)
            XCTAssertEqual(afterFirst, schema, db)
            XCTAssertEqual(try stored(db), keyed(first), db)
            let before = try await fingerprint(db)

            let lines = csv((0..<60_000).map { value($0, units: 600, period: $0 % 2 == 0 ? "2025Q1" : "2025Q2", shift: 2) })
                .split(separator: "\n").map(String.init)
            let dry = try CLI.run(["import", "values", try write("dry.csv", lines.joined(separator: "\n") + "\n"), "--plan", "KH-T", "--dry-run", "--db", db])
            XCTAssertEqual(dry.status, 0, dry.err)
            XCTAssertEqual(dry.out, "Số liệu: 30.000 thêm mới, 30.000 cập nhật, 0 không đổi.\nChạy thử: chưa ghi gì vào cơ sở dữ liệu.\n")
            let afterDryRows = try await fingerprint(db)
            XCTAssertEqual(afterDryRows, before, "dry run (\(db))")
            let afterDry = try await valuesSchema(db)
            XCTAssertEqual(afterDry, schema, "dry run (\(db))")

            // The last row (line 60,001) cut after its numerator, and cut inside a quoted comment.
            let last = lines[lines.count - 1]
            let cutNumber = last.split(separator: ",", omittingEmptySubsequences: false).prefix(4).joined(separator: ",")
            for (text, expected) in [
                (lines.dropLast().joined(separator: "\n") + "\n" + cutNumber,
                 "Dòng 60001, cột 'denominator': có tử số thì phải có mẫu số và ngược lại"),
                (lines.dropLast().joined(separator: "\n") + "\n" + cutNumber + ",1000,,\"Ghi chú bị cắ",
                 "Dòng 60001: dấu ngoặc kép mở nhưng không đóng"),
                (lines[..<30_001].joined(separator: "\n") + "\n2025Q1,X00001,CT001,7,5,,\n" + lines[30_001...].joined(separator: "\n") + "\n",
                 "Dòng 30002: Số liệu KH-T / CT001 / X00001 / 2025Q1: tử số lớn hơn mẫu số"),
            ] {
                let refused = try CLI.run(["import", "values", try write("bad.csv", text), "--plan", "KH-T", "--db", db])
                XCTAssertEqual(refused.status, 1, expected)
                XCTAssertTrue(refused.err.contains(expected), "\(expected): \(refused.err)")
                let rows = try await fingerprint(db)
                XCTAssertEqual(rows, before, "nothing written (\(db)): \(expected)")
                let token = try await factToken(db)
                XCTAssertEqual(token, importedToken, "nothing written (\(db)): \(expected)")
                let afterRefused = try await valuesSchema(db)
                XCTAssertEqual(afterRefused, schema, db)
            }
        }
    }

    /// 201,000 rows: more than the 200,000 the buffered reader allowed. SQLite only, to keep
    /// the test short; PostgreSQL runs the same code on the 50,000-row file above.
    func testAFileOverTheOldRowCapIsAccepted() async throws {
        let db = "sqlite:" + TestDatabases.sqlitePath()
        try setUpProvince(db, units: 2_010)
        var text = "period,unit_code,indicator_code,numerator,denominator\n"
        text.reserveCapacity(201_000 * 32)
        for u in 1...2_010 {
            for i in 1...100 { text += "2025Q1,\(unitCode(u)),\(indicatorCode(i)),\(u % 50),50\n" }
        }
        let r = try CLI.run(["import", "values", try write("big.csv", text), "--plan", "KH-T", "--db", db])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "Số liệu: 201.000 thêm mới, 0 cập nhật, 0 không đổi.\n")
    }
}
