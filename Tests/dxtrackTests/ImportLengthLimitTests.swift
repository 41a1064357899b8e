import DXCore
import DXStore
import DXTestSupport
import Foundation
import XCTest

/// JSON files get the CSV reader's limits, field by field: a field over its length is refused
/// with its name and place, and nothing is written. The checks run before the database is
/// touched, so one SQLite file covers them.
final class ImportLengthLimitTests: XCTestCase {
    var db = ""
    var dir = URL(fileURLWithPath: "/")

    override func setUp() async throws {
        db = "sqlite:" + TestDatabases.sqlitePath()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("dxtrack-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        XCTAssertEqual(try CLI.run(["migrate", "--db", db]).status, 0)
    }

    override func tearDown() async throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func write<T: Encodable>(_ value: T, _ name: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try JSONEncoder().encode(value).write(to: url)
        return url.path
    }

    /// Refused with exactly this line among the errors, and the units table still empty.
    func assertRefused(_ args: [String], _ line: String, file: StaticString = #filePath, lineNo: UInt = #line) throws {
        let run = try CLI.run(args + ["--db", db])
        XCTAssertNotEqual(run.status, 0, file: file, line: lineNo)
        XCTAssertTrue(run.err.contains(line), "expected \(line) in \(run.err.prefix(600))", file: file, line: lineNo)
        XCTAssertLessThan(run.err.utf8.count, 4_000, "the message does not quote the long value", file: file, line: lineNo)
        XCTAssertFalse(try CLI.run(["export", "units", "--format", "json", "--db", db]).out.contains("\"code\""), file: file, line: lineNo)
    }

    func testAMillionCharacterUnitNameIsRefusedByName() throws {
        let units = [OrgUnit(code: "99001", name: "Xã Mới", kind: .commune),
                     OrgUnit(code: "99002", name: String(repeating: "a", count: 1_000_000), kind: .commune)]
        try assertRefused(["import", "units", try write(units, "units.json")],
                          "Mục 2: trường 'name' dài 1.000.000 ký tự, tối đa 2.000 ký tự.")
    }

    func testATwentyMegabyteCodeFailsTheDryRunToo() throws {
        let units = [OrgUnit(code: String(repeating: "9", count: 20 * 1_048_576), name: "Xã Mới", kind: .commune)]
        try assertRefused(["import", "units", try write(units, "units.json"), "--dry-run"],
                          "Mục 1: trường 'code' dài 20.971.520 ký tự, tối đa 50 ký tự.")
    }

    func testEveryJSONKindNamesItsField() throws {
        let plan = Plan(code: "KH-01", slug: "kh-01", kind: .plan, title: "Kế hoạch", issuerCode: "34", issued: nil, horizonFrom: 2025, horizonTo: 2025,
                        pillars: [Pillar(code: "1", name: String(repeating: "Trụ cột ", count: 300))])
        let task = PlanTask(code: "1", title: String(repeating: "x", count: 40_000))
        try assertRefused(["import", "plans", try write([PlanContents(plan: plan, tasks: [task])], "plans.json")],
                          "Mục 1: trường 'plan.pillars[0].name' dài 2.400 ký tự, tối đa 2.000 ký tự.")
        try assertRefused(["import", "plans", try write([PlanContents(plan: plan, tasks: [task])], "plans.json")],
                          "Mục 1: trường 'tasks[0].title' dài 40.000 ký tự, tối đa 32.767 ký tự.")

        var indicator = Indicator(code: "1", name: "Tỷ lệ", measure: .rate)
        indicator.numeratorDefinition = String(repeating: "n", count: 33_000)
        try assertRefused(["import", "indicators", try write([IndicatorRow(plan: "KH-01", indicator: indicator)], "indicators.json")],
                          "Mục 1: trường 'indicator.numeratorDefinition' dài 33.000 ký tự, tối đa 32.767 ký tự.")

        var t2 = PlanTask(code: "2", title: "Nhiệm vụ")
        t2.cooperatingUnitCodes = ["34", String(repeating: "C", count: 51)]
        try assertRefused(["import", "tasks", try write([TaskRow(plan: "KH-01", task: t2)], "tasks.json")],
                          "Mục 1: trường 'task.cooperatingUnitCodes[1]' dài 51 ký tự, tối đa 50 ký tự.")

        let values = [DataValue(planCode: "KH-01", indicatorCode: "1", unitCode: "34", periodID: "2025", value: 1),
                      DataValue(planCode: "KH-01", indicatorCode: "1", unitCode: "34", periodID: "2025S1", value: 1,
                                comment: String(repeating: "g", count: 40_000))]
        try assertRefused(["import", "values", try write(values, "values.json")],
                          "Mục 2: trường 'comment' dài 40.000 ký tự, tối đa 32.767 ký tự.")
    }

    func testCSVFilesMeetTheSameFieldLimits() throws {
        let url = dir.appendingPathComponent("units.csv")
        try "code,name,kind\n99001,\(String(repeating: "b", count: 3_000)),commune\n".write(to: url, atomically: true, encoding: .utf8)
        try assertRefused(["import", "units", url.path], "Đơn vị 99001: trường 'name' dài 3.000 ký tự, tối đa 2.000 ký tự.")
    }

    func testAJSONFileOverTheCSVSizeLimitIsRefusedWhole() throws {
        let url = dir.appendingPathComponent("big.json")
        let chunk = Data(repeating: UInt8(ascii: " "), count: 1_048_576)
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let h = try FileHandle(forWritingTo: url)
        for _ in 0..<51 { h.write(chunk) }
        try h.close()
        try assertRefused(["import", "units", url.path], "lớn hơn 50 MB")
    }

    func testAReportSettingsFileWithAnOverlongSubjectIsRefused() throws {
        var settings = ReportSettings(issuingBody: "UBND TỈNH", symbol: "BC-UBND", place: "Thái Bình", date: CalendarDate(year: 2024, month: 12, day: 20)!,
                                      subject: String(repeating: "s", count: 2_001))
        settings.recipients = ["Như trên"]
        let path = try write(settings, "report.json")
        let run = try CLI.run(["report", "--plan", "KH-01", "--template", path, "--period", "2024", "--format", "csv",
                               "--out", dir.appendingPathComponent("r.csv").path, "--db", db])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.err.contains("trường 'subject' dài 2.001 ký tự, tối đa 2.000 ký tự"), run.err)
    }
}

/// The rows `dxtrack export indicators|tasks --format json` writes.
private struct IndicatorRow: Encodable {
    var plan: String
    var indicator: Indicator
}

private struct TaskRow: Encodable {
    var plan: String
    var task: PlanTask
}
