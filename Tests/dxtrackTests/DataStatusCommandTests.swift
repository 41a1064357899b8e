import DXCore
import DXStore
import DXTestSupport
import Foundation
import XCTest

/// `dxtrack evaluate` and `dxtrack report` count only submitted figures unless asked, and say
/// when the figures were read.
final class DataStatusCommandTests: XCTestCase {
    /// Hưng Hà's draft 1.234/1.500 for indicator 3, written through the store as the web form does.
    private func saveDraft(_ db: String) async throws {
        let runtime = try StoreRuntime(url: try DatabaseURL(parsing: db))
        do {
            let found = try await runtime.store.round("bc-nam-2024")
            let round = try XCTUnwrap(found)
            let report = try await runtime.store.unitReport(round, unitCode: "339")
            let hh = try XCTUnwrap(report)
            _ = try await runtime.store.saveReport(round, unitCode: "339",
                                                   patch: ReportPatch(values: [ItemKey(plan: "KH-CĐS-2024", code: "3"): IndicatorEntry(numerator: 1234, denominator: 1500)]),
                                                   baseVersion: hh.status.version, by: Actor(username: "hungha"))
        } catch {
            await runtime.shutdown()
            throw error
        }
        await runtime.shutdown()
    }

    func testEvaluateCountsADraftOnlyWhenAskedAndSaysWhenItRead() async throws {
        for db in try await CLI.databases() {
            XCTAssertEqual(try CLI.run(["demo", "--db", db]).status, 0)
            try await saveDraft(db)
            let args = ["evaluate", "--plan", "KH-CĐS-2024", "--period", "2024", "--unit", "339", "--db", db]
            let official = try CLI.run(args)
            XCTAssertEqual(official.status, 0, official.err)
            XCTAssertTrue(official.out.contains("Số liệu tính đến "), official.out)
            XCTAssertFalse(official.out.contains("1.234/1.500"), official.out)
            XCTAssertFalse(official.out.contains(DataReading.unsubmittedWarningVI))
            let lines = official.out.split(separator: "\n").map(String.init)
            XCTAssertNotNil(lines.first { $0.range(of: #"^Số liệu tính đến \d{1,2} giờ \d{2} ngày \d{2}/\d{2}/\d{4}$"#, options: .regularExpression) != nil },
                            official.out)

            let preview = try CLI.run(args + ["--include-unsubmitted"])
            XCTAssertEqual(preview.status, 0, preview.err)
            XCTAssertTrue(preview.out.contains("1.234/1.500"), preview.out)
            XCTAssertTrue(preview.out.contains(DataReading.unsubmittedWarningVI), preview.out)

            let json = try CLI.run(args + ["--include-unsubmitted", "--format", "json"])
            let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
            XCTAssertEqual(doc["includesUnsubmitted"] as? Bool, true)
            XCTAssertNotNil(doc["dataReadAt"] as? String)
        }
    }

    func testReportWritesTheWarningOnlyForAPreview() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dxtrack-status-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for db in try await CLI.databases() {
            XCTAssertEqual(try CLI.run(["demo", "--db", db]).status, 0)
            let html = dir.appendingPathComponent("bao-cao.html")
            let args = ["report", "--plan", "KH-CĐS-2024", "--period", "2024", "--unit", "339", "--format", "html", "--out", html.path, "--db", db]
            XCTAssertEqual(try CLI.run(args).status, 0)
            var text = try String(contentsOf: html, encoding: .utf8)
            XCTAssertTrue(text.contains("Số liệu tính đến "))
            XCTAssertFalse(text.contains(DataReading.unsubmittedWarningVI))
            let r = try CLI.run(args + ["--include-unsubmitted"])
            XCTAssertEqual(r.status, 0, r.err)
            text = try String(contentsOf: html, encoding: .utf8)
            XCTAssertTrue(text.contains(DataReading.unsubmittedWarningVI))
        }
    }
}
