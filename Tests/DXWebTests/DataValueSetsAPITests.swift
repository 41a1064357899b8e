import DXCore
import DXStore
import DXWeb
import Foundation
import Vapor
import XCTest
import XCTVapor

/// `POST` and `GET /api/v1/dataValueSets` (issue 19.4): DHIS2's JSON and ADX, the account's role
/// and unit scope, DHIS2's import summary with Vietnamese conflicts, nothing written on refusal.
final class DataValueSetsAPITests: XCTestCase {
    let plan = "KH-CĐS-2024"
    let path = "/api/v1/dataValueSets"

    func set(_ unit: String, _ values: [[String: Any]], period: String = "2024S1") -> [String: Any] {
        ["dataSet": plan, "period": period, "orgUnit": unit, "dataValues": values]
    }

    func stored(_ app: Application, unit: String, period: String) async throws -> [String: DataValue] {
        Dictionary(try await Store(app.db).values(planCode: plan, periodID: period, includeUnsubmitted: true)
            .filter { $0.unitCode == unit }.map { ($0.indicatorCode, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func testAReporterPushesTheirOwnUnitsFiguresAndReadsThemBack() async throws {
        try await withDemoApp { app, _ in
            let h = try await apiToken(app, "hungha")
            let body = set("339", [["dataElement": "16_NUM", "value": "250"], ["dataElement": "16_DEN", "value": "286", "comment": "từ DHIS2"],
                                   ["dataElement": "2", "value": 75.5]])
            try await app.test(.POST, path, headers: h, body: try jsonBody(body)) { res async in
                XCTAssertEqual(res.status, .ok, res.body.string)
                let s = json(res)
                XCTAssertEqual(s["status"] as? String, "SUCCESS")
                XCTAssertEqual(s["responseType"] as? String, "ImportSummary")
                XCTAssertEqual((s["importCount"] as? [String: Int])?["imported"], 2)
                XCTAssertEqual(s["description"] as? String, "Đã nhập: 2 thêm mới, 0 cập nhật, 0 không đổi.")
            }
            let v = try await stored(app, unit: "339", period: "2024S1")
            XCTAssertEqual(v["16"]?.numerator, 250)
            XCTAssertEqual(v["16"]?.denominator, 286)
            XCTAssertEqual(v["16"]?.comment, "từ DHIS2")
            XCTAssertEqual(v["2"]?.value, 75.5)

            // The same again changes nothing.
            try await app.test(.POST, path, headers: h, body: try jsonBody(body)) { res async in
                XCTAssertEqual((json(res)["importCount"] as? [String: Int])?["ignored"], 2, res.body.string)
            }
            // Read back as JSON and as ADX.
            try await app.test(.GET, "\(path)?plan=kh-cds-2024&period=2024S1&orgUnit=339", headers: h) { res async in
                XCTAssertEqual(res.status, .ok, res.body.string)
                let dvs = json(res)["dataValues"] as? [[String: Any]] ?? []
                XCTAssertTrue(dvs.contains { $0["dataElement"] as? String == "16_NUM" && $0["value"] as? String == "250" && $0["orgUnit"] as? String == "339" })
                XCTAssertTrue(dvs.allSatisfy { $0["orgUnit"] as? String == "339" && $0["period"] as? String == "2024S1" })
            }
            var adx = h
            adx.replaceOrAdd(name: .accept, value: "application/adx+xml")
            try await app.test(.GET, "\(path)?plan=kh-cds-2024&period=2024S1&orgUnit=339", headers: adx) { res async in
                XCTAssertEqual(res.headers.contentType?.subType, "adx+xml")
                XCTAssertTrue(res.body.string.contains("<group orgUnit=\"339\" period=\"2024-01-01/P6M\" dataSet=\"\(self.plan)\">"), res.body.string)
                XCTAssertTrue(res.body.string.contains("<dataValue dataElement=\"16_DEN\" value=\"286\""), res.body.string)
            }
            // ADX in: the same figures changed, the content type as DHIS2 sends it.
            var post = h
            post.replaceOrAdd(name: .contentType, value: "application/adx+xml")
            let xml = """
            <adx xmlns="urn:ihe:qrph:adx:2015" exported="2024-07-08T19:30:00Z">
              <group orgUnit="339" period="2024-01-01/P6M" dataSet="\(plan)">
                <dataValue dataElement="16_NUM" value="260"/>
                <dataValue dataElement="16_DEN" value="286"><annotation>từ DHIS2</annotation></dataValue>
              </group>
            </adx>
            """
            try await app.test(.POST, path, headers: post, body: ByteBuffer(string: xml)) { res async in
                XCTAssertEqual(res.status, .ok, res.body.string)
                XCTAssertEqual((json(res)["importCount"] as? [String: Int])?["updated"], 1)
            }
            let after = try await stored(app, unit: "339", period: "2024S1")
            XCTAssertEqual(after["16"]?.numerator, 260)
        }
    }

    func testAnotherUnitsFiguresAreForbiddenAndNothingIsWritten() async throws {
        try await withDemoApp { app, _ in
            let before = try await stored(app, unit: "338", period: "2024S1")
            // Hưng Hà's reporter writing for Kiến Xương, mixed with their own unit's figure.
            let mixed: [String: Any] = ["dataSet": plan, "period": "2024S1", "dataValues": [
                ["dataElement": "5", "orgUnit": "339", "value": "7"], ["dataElement": "5", "orgUnit": "338", "value": "7"]]]
            try await app.test(.POST, path, headers: try await apiToken(app, "hungha"), body: try jsonBody(mixed)) { res async in
                XCTAssertEqual(res.status, .forbidden, res.body.string)
                let s = json(res)
                XCTAssertEqual(s["status"] as? String, "ERROR")
                let conflicts = s["conflicts"] as? [[String: String]] ?? []
                XCTAssertEqual(conflicts.map { $0["object"] }, ["orgUnit 338"])
                XCTAssertEqual(conflicts.first?["value"], "Đơn vị 338 ngoài phạm vi của tài khoản: Bạn không có quyền nhập, sửa số liệu của đơn vị này.")
            }
            // A department's reporter on Hưng Hà; a viewer on anything.
            for user in ["sotuphap", "lanhdao"] {
                try await app.test(.POST, path, headers: try await apiToken(app, user), body: try jsonBody(set("339", [["dataElement": "5", "value": "7"]]))) { res async in
                    XCTAssertEqual(res.status, .forbidden, "\(user): \(res.body.string)")
                }
            }
            try await app.test(.GET, "\(path)?plan=kh-cds-2024&orgUnit=338", headers: try await apiToken(app, "hungha")) { res async in
                XCTAssertEqual(res.status, .forbidden)
                XCTAssertEqual(json(res)["error"] as? String, "Bạn không có quyền xem dữ liệu của đơn vị này.")
            }
            try await app.test(.POST, path, body: try jsonBody(set("339", [["dataElement": "5", "value": "7"]]))) { res async in
                XCTAssertEqual(res.status, .unauthorized)
            }
            let after338 = try await stored(app, unit: "338", period: "2024S1")
            XCTAssertEqual(after338, before)
            let after339 = try await stored(app, unit: "339", period: "2024S1")
            XCTAssertNil(after339["5"], "not even the reporter's own figure")
        }
    }

    func testBadBodiesAreRefusedWithConflictsAndNothingIsWritten() async throws {
        try await withDemoApp { app, _ in
            let h = try await apiToken(app, "admin")
            let before = try await stored(app, unit: "338", period: "2024S1")
            let bad = set("338", [["dataElement": "5", "value": "7"], ["dataElement": "99", "value": "1"],
                                  ["dataElement": "5", "orgUnit": "99999", "value": "1"]])
            try await app.test(.POST, path, headers: h, body: try jsonBody(bad)) { res async in
                XCTAssertEqual(res.status, .conflict, res.body.string)
                let s = json(res)
                XCTAssertEqual(s["status"] as? String, "ERROR")
                XCTAssertEqual((s["importCount"] as? [String: Int])?["imported"], 0)
                let conflicts = s["conflicts"] as? [[String: String]] ?? []
                XCTAssertEqual(conflicts.map { $0["object"] ?? "" }, ["dataValues[1]", "dataValues[2]"])
                XCTAssertEqual(conflicts.first?["value"], "Số liệu \(self.plan) / 99 / 338 / 2024S1: kế hoạch \(self.plan) không có chỉ tiêu 99")
                XCTAssertEqual(conflicts.last?["value"], "Số liệu \(self.plan) / 5 / 99999 / 2024S1: không có đơn vị mã 99999")
            }
            try await app.test(.POST, path, headers: h, body: try jsonBody(set("338", [["dataElement": "5", "value": "7"]], period: "2024N9"))) { res async in
                XCTAssertEqual(res.status, .conflict)
                let c = (json(res)["conflicts"] as? [[String: String]])?.first
                XCTAssertEqual(c?["object"], "dataValues[0]")
                XCTAssertTrue(c?["value"]?.contains("là kỳ cộng dồn 9 tháng, DHIS2 không có loại kỳ này") == true, "\(String(describing: c))")
            }
            for body in ["{\"dataValues\": [", "<adx xmlns=\"urn:ihe:qrph:adx:2015\"><group></adx>", "kỳ,đơn vị\n", "[]"] {
                try await app.test(.POST, path, headers: h, body: ByteBuffer(string: body)) { res async in
                    XCTAssertEqual(res.status, .badRequest, "\(body): \(res.body.string)")
                    XCTAssertEqual(json(res)["status"] as? String, "ERROR", body)
                    XCTAssertFalse((json(res)["description"] as? String ?? "").isEmpty, body)
                }
            }
            try await app.test(.POST, "\(path)?dryRun=yes", headers: h, body: try jsonBody(set("338", [["dataElement": "5", "value": "7"]]))) { res async in
                XCTAssertEqual(res.status, .badRequest)
            }
            try await app.test(.POST, "\(path)?dryRun=true", headers: h, body: try jsonBody(set("338", [["dataElement": "5", "value": "7"]]))) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertEqual((json(res)["importCount"] as? [String: Int])?["imported"], 1)
            }
            let after = try await stored(app, unit: "338", period: "2024S1")
            XCTAssertEqual(after, before)
            try await app.test(.GET, "\(path)?plan=kh-cds-2024&period=2024N9", headers: h) { res async in
                XCTAssertEqual(res.status, .badRequest)
            }
            try await app.test(.GET, path, headers: h) { res async in
                XCTAssertEqual(res.status, .badRequest)
                XCTAssertEqual(json(res)["error"] as? String, "Thiếu tham số plan (mã hoặc slug của kế hoạch).")
            }
        }
    }

    /// A reporter cannot write over figures of a report already sent up; a coordinator can.
    func testASentReportIsNotOverwrittenByAReporter() async throws {
        try await withDemoApp { app, _ in
            let store = Store(app.db)
            let found = try await store.round(demoRound)
            let round = try XCTUnwrap(found)
            _ = try await store.transition(round, unitCode: "339", action: .submit, comment: nil, baseVersion: nil, by: Actor(username: "hungha"))
            let body = set("339", [["dataElement": "5", "value": "7"]], period: "2024")
            try await app.test(.POST, path, headers: try await apiToken(app, "hungha"), body: try jsonBody(body)) { res async in
                XCTAssertEqual(res.status, .conflict, res.body.string)
                XCTAssertTrue(res.body.string.contains("đã gửi lên"), res.body.string)
            }
            try await app.test(.POST, path, headers: try await apiToken(app, "dieuphoi"), body: try jsonBody(body)) { res async in
                XCTAssertEqual(res.status, .ok, res.body.string)
            }
        }
    }
}
