import DXCore
import DXStore
import DXWeb
import Vapor
import XCTest
import XCTVapor

final class RoundsAPITests: XCTestCase {
    let report = "/api/v1/rounds/\(demoRound)/units/339"

    func testMeAndRounds() async throws {
        try await withDemoApp { app, _ in
            let h = try await apiToken(app, "hungha")
            try await app.test(.GET, "/api/v1/me", headers: h) { res async in
                XCTAssertEqual(res.status, .ok)
                let me = json(res)
                XCTAssertEqual(me["username"] as? String, "hungha")
                XCTAssertEqual(me["role"] as? String, "reporter")
                XCTAssertEqual((me["unit"] as? [String: Any])?["code"] as? String, "339")
                XCTAssertEqual((me["unit"] as? [String: Any])?["name"] as? String, "Huyện Hưng Hà")
            }
            try await app.test(.GET, "/api/v1/rounds", headers: h) { res async in
                let r = try? XCTUnwrap(jsonArray(res).first { $0["code"] as? String == demoRound })
                XCTAssertEqual(r?["period"] as? String, "2024")
                XCTAssertEqual(r?["plans"] as? [String], ["KH-CĐS-2024", "83/KH-BCĐ"])
                XCTAssertEqual(r?["deadline"] as? String, "2024-12-20")
                XCTAssertEqual(r?["status"] as? String, "open")
                XCTAssertNotNil(UUID(uuidString: r?["id"] as? String ?? ""))
            }
        }
    }

    func testReadPatchIdempotentConflictAndInvalid() async throws {
        try await withDemoApp { app, _ in
            let h = try await apiToken(app, "hungha")
            try await app.test(.GET, report, headers: h) { res async in
                XCTAssertEqual(res.status, .ok)
                let r = json(res)
                XCTAssertEqual(r["state"] as? String, "draft")
                XCTAssertEqual(r["version"] as? Int, 1)
                let values = r["values"] as? [[String: Any]] ?? []
                XCTAssertEqual(values.count, 16)
                let v3 = values.first { $0["indicator"] as? String == "3" }
                XCTAssertEqual(v3?["numerator"] as? Double, 3787)
                XCTAssertEqual(v3?["denominator"] as? Double, 3798)
                XCTAssertEqual((r["narrative"] as? [String: String])?["Tồn tại hạn chế"], "Số liệu Chính quyền số của báo cáo tính từ 01/01/2024 đến 30/11/2024.")
            }
            let body: [String: Any] = ["version": 1, "values": [["indicator": "1", "numerator": 80, "denominator": 100]], "narrative": ["Kết quả": "Tốt."]]
            for _ in 0..<2 {
                try await app.test(.PATCH, report, headers: h, body: try jsonBody(body)) { res async in
                    XCTAssertEqual(res.status, .ok, res.body.string)
                    XCTAssertEqual(json(res)["version"] as? Int, 2, "repeating the same request changes nothing")
                }
            }
            var changed = body
            changed["values"] = [["indicator": "1", "numerator": 81]]
            try await app.test(.PATCH, report, headers: h, body: try jsonBody(changed)) { res async in
                XCTAssertEqual(res.status, .conflict)
                let c = json(res)
                XCTAssertEqual(c["currentVersion"] as? Int, 2)
                XCTAssertTrue((c["error"] as? String ?? "").contains("Báo cáo đã được người khác thay đổi"))
                XCTAssertTrue((c["changes"] as? [String] ?? []).contains { $0.contains("Chỉ tiêu 1 – tử số: (trống) → 80") })
            }
            changed["version"] = 2
            try await app.test(.PATCH, report, headers: h, body: try jsonBody(changed)) { res async in
                XCTAssertEqual(res.status, .ok)
                let v1 = (json(res)["values"] as? [[String: Any]])?.first { $0["indicator"] as? String == "1" }
                XCTAssertEqual(v1?["numerator"] as? Double, 81, "a partial patch keeps the other fields")
                XCTAssertEqual(v1?["denominator"] as? Double, 100)
                XCTAssertEqual(v1?["value"] as? Double, 81)
            }
            let invalid: [String: Any] = ["version": 3, "values": [["indicator": "1", "numerator": 120], ["indicator": "99", "value": 1]],
                                          "tasks": [["task": "1.1", "status": "done"]], "narrative": ["Lạ": "x"]]
            try await app.test(.PATCH, report, headers: h, body: try jsonBody(invalid)) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                let errors = json(res)["errors"] as? [[String: Any]] ?? []
                let byPath = Dictionary(errors.map { ($0["path"] as? String ?? "", $0["message"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
                XCTAssertEqual(byPath["values[0].numerator"], "Tử số (120) lớn hơn mẫu số (100): tỷ lệ không được vượt 100% với chỉ tiêu này.")
                XCTAssertEqual(byPath["values[1].indicator"], "Chỉ tiêu “99” không thuộc báo cáo của đơn vị này.")
                XCTAssertEqual(byPath["tasks[0].task"], "Nhiệm vụ “1.1” không thuộc báo cáo của đơn vị này.")
                XCTAssertEqual(byPath["narrative.Lạ"], "Phần thuyết minh “Lạ” không có trong đợt báo cáo này.")
            }
            try await app.test(.PATCH, report, headers: h, body: try jsonBody(["values": []])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("\"path\":\"version\""))
            }
            try await app.test(.PATCH, report, headers: try await apiToken(app, "sotuphap"), body: try jsonBody(changed)) { res async in
                XCTAssertEqual(res.status, .forbidden)
                XCTAssertEqual(json(res)["error"] as? String, "Bạn không có quyền nhập, sửa số liệu của đơn vị này.")
            }
            try await app.test(.GET, "/api/v1/audit?round=\(demoRound)&unit=339", headers: h) { res async in
                XCTAssertEqual(res.status, .ok)
                let entries = jsonArray(res)
                let e = entries.first { $0["field"] as? String == "indicator.1.numerator" && $0["new"] as? String == "81" }
                XCTAssertEqual(e?["user"] as? String, "hungha")
                XCTAssertEqual(e?["old"] as? String, "80")
                XCTAssertNotNil(e?["at"] as? String)
                XCTAssertEqual(entries.filter { $0["field"] as? String == "indicator.1.numerator" }.count, 2, "the repeated request wrote nothing")
            }
        }
    }

    /// The answer to a save is made from what the save wrote, not read back: it must be what a
    /// read gives right after, for figures, tasks, narrative and the report's own row.
    func testTheAnswerToASaveIsWhatAReadGivesAfterIt() async throws {
        try await withDemoApp { app, url in
            // Each save's answer beside a read right after it.
            func saves(_ report: String, _ h: HTTPHeaders, _ patches: [[String: Any]]) async throws -> (first: [String: Any], versions: Int) {
                var before: [String: Any] = [:]
                try await app.test(.GET, report, headers: h) { res async in before = json(res) }
                var version = before["version"] as? Int ?? 0
                for (n, patch) in patches.enumerated() {
                    var body = patch
                    body["version"] = version
                    var answer: [String: Any] = [:]
                    try await app.test(.PATCH, report, headers: h, body: try jsonBody(body)) { res async in
                        XCTAssertEqual(res.status, .ok, "\(url.kindName) \(report) patch \(n): \(res.body.string)")
                        answer = json(res)
                    }
                    try await app.test(.GET, report, headers: h) { res async in
                        XCTAssertEqual(NSDictionary(dictionary: answer), NSDictionary(dictionary: json(res)), "\(url.kindName) \(report) patch \(n)")
                    }
                    version = answer["version"] as? Int ?? version
                }
                return (before, version - (before["version"] as? Int ?? 0))
            }

            // A department leading tasks, its approved report opened again: figures, tasks, narrative.
            try await Store(app.db).createAccount(Account(username: "sotttt", displayName: "Cán bộ báo cáo Sở TT&TT", role: .reporter,
                                                          unitCode: "TB-STTTT"), passwordHash: "x")
            let leader = "/api/v1/rounds/\(demoRound)/units/TB-STTTT"
            try await app.test(.POST, leader + "/reopen", headers: try await apiToken(app, "dieuphoi"), body: try jsonBody([:])) { res async in
                XCTAssertEqual(res.status, .ok, res.body.string)
            }
            let h = try await apiToken(app, "sotttt")
            var shown: [String: Any] = [:]
            try await app.test(.GET, leader, headers: h) { res async in shown = json(res) }
            let rate = (shown["values"] as? [[String: Any]] ?? []).first { $0["measure"] as? String == "rate" }?["indicator"] as? String ?? ""
            let task = (shown["tasks"] as? [[String: Any]])?.first?["task"] as? String ?? ""
            let section = (shown["sections"] as? [String])?.first ?? ""
            XCTAssertFalse(rate.isEmpty || task.isEmpty || section.isEmpty, "\(url.kindName): a rate, a task and a section to write")
            let led = try await saves(leader, h, [
                ["values": [["indicator": rate, "numerator": 80, "denominator": 100]],
                 "tasks": [["task": task, "result": "Đã hoàn thành phần việc.", "percent": 100, "status": nil]],
                 "narrative": [section: "  Tốt hơn kỳ trước. "]],
                ["values": [["indicator": rate, "numerator": 81]], "tasks": [["task": task, "status": "done"]], "narrative": [section: ""]],
                ["values": [["indicator": rate, "numerator": 81]]],  // the same figure: nothing changes
            ])
            XCTAssertEqual(led.versions, 2, "\(url.kindName): the third patch changed nothing")

            // A report nobody has written in yet: the first save starts it.
            let started = try await saves("/api/v1/rounds/\(demoRound)/units/TB-STP", try await apiToken(app, "sotuphap"),
                                          [["narrative": [section: "Đã triển khai."]]])
            XCTAssertEqual(started.first["state"] as? String, "notStarted")
            XCTAssertEqual(started.versions, 1)
        }
    }

    func testTheWholeWorkflowThroughTheAPI() async throws {
        try await withDemoApp { app, _ in
            let h = try await apiToken(app, "hungha")
            let c = try await apiToken(app, "dieuphoi")
            func post(_ action: String, _ headers: HTTPHeaders, _ body: [String: Any] = [:], _ status: HTTPStatus,
                      _ check: (([String: Any]) -> Void)? = nil) async throws {
                try await app.test(.POST, report + "/" + action, headers: headers, body: try jsonBody(body)) { res async in
                    XCTAssertEqual(res.status, status, "\(action): \(res.body.string)")
                    check?(json(res))
                }
            }
            try await post("submit", h, [:], .unprocessableEntity) { b in
                XCTAssertTrue((b["error"] as? String ?? "").hasPrefix("Báo cáo chưa đủ để gửi"))
                XCTAssertTrue((b["errors"] as? [[String: Any]] ?? []).contains { $0["path"] as? String == "narrative.Kết quả" })
            }
            var values: [[String: Any]] = []
            for code in ["1", "2", "6", "7", "8", "9", "10", "11", "12", "14", "15"] { values.append(["indicator": code, "comment": "Chưa có số liệu"]) }
            try await app.test(.PATCH, report, headers: h, body: try jsonBody(["version": 1, "values": values, "narrative": ["Kết quả": "Xong."]])) { res async in
                XCTAssertEqual(res.status, .ok)
            }
            try await post("approve", h, [:], .forbidden)
            try await post("submit", h, ["version": 1], .conflict) { b in XCTAssertEqual(b["currentVersion"] as? Int, 2) }
            try await post("submit", h, [:], .ok) { b in
                XCTAssertEqual(b["state"] as? String, "submitted")
                XCTAssertEqual(b["late"] as? Bool, true)
            }
            try await post("submit", h, [:], .conflict) { b in
                XCTAssertEqual(b["error"] as? String, "Không thể gửi báo cáo khi báo cáo đang ở trạng thái “Đã gửi”.")
            }
            try await app.test(.PATCH, report, headers: h, body: try jsonBody(["version": 3, "narrative": ["Đề xuất": "x"]])) { res async in
                XCTAssertEqual(res.status, .conflict)
                XCTAssertEqual(json(res)["error"] as? String, "Báo cáo đã gửi: chỉ sửa được khi bị trả lại hoặc được mở lại.")
            }
            try await post("return", c, [:], .unprocessableEntity) { b in XCTAssertEqual(b["error"] as? String, "Phải ghi lý do trả lại báo cáo.") }
            try await post("return", c, ["comment": "Bổ sung chỉ tiêu 8."], .ok) { b in
                XCTAssertEqual(b["state"] as? String, "returned")
                XCTAssertEqual(b["returnComment"] as? String, "Bổ sung chỉ tiêu 8.")
            }
            try await post("reopen", c, [:], .conflict)
            try await app.test(.PATCH, report, headers: h, body: try jsonBody(["version": 4, "values": [["indicator": "8", "numerator": 3, "denominator": 10]]])) { res async in
                XCTAssertEqual(res.status, .ok)
            }
            try await post("submit", h, [:], .ok)
            try await post("approve", c, [:], .ok) { b in XCTAssertEqual(b["state"] as? String, "approved") }
            try await app.test(.PATCH, report, headers: c, body: try jsonBody(["version": 7, "narrative": ["Đề xuất": "x"]])) { res async in
                XCTAssertEqual(res.status, .conflict, "approved reports are locked for everyone")
            }
            try await post("reopen", h, [:], .forbidden)
            try await post("reopen", c, [:], .ok) { b in XCTAssertEqual(b["state"] as? String, "draft") }
            try await post("approve", c, [:], .conflict)
            try await post("archive", c, [:], .notFound)
            try await app.test(.GET, "/api/v1/audit?round=\(demoRound)&unit=339", headers: c) { res async in
                let states = jsonArray(res).filter { $0["field"] as? String == "state" }.compactMap { $0["new"] as? String }
                XCTAssertEqual(states, ["draft", "approved", "submitted", "returned", "submitted"], "newest first")
                XCTAssertEqual(jsonArray(res).first { $0["field"] as? String == "state.comment" }?["new"] as? String, "Bổ sung chỉ tiêu 8.")
            }
        }
    }

    func testInARoundWithUnitApprovalTheHeadOfTheUnitSendsTheReportUp() async throws {
        try await withDemoApp { app, _ in
            try await makeAccount(app, "pheduyet", .approver, "339")
            let round = try await Store(app.db).createRound(
                ReportingRound(code: "bc-q4-2024", title: "Quý IV/2024", periodID: "2024Q4", planCodes: ["KH-CĐS-2024"],
                               indicatorScope: .none, taskScope: .none, narrativeSections: ["Kết quả"],
                               defaultDeadline: CalendarDate(2024, 12, 20), unitApproval: true),
                unitCodes: ["339"], by: Actor(username: "dieuphoi"))
            let path = "/api/v1/rounds/\(round.code)/units/339"
            let h = try await apiToken(app, "hungha"), a = try await apiToken(app, "pheduyet"), c = try await apiToken(app, "dieuphoi")
            try await app.test(.PATCH, path, headers: h, body: try jsonBody(["version": 0, "narrative": ["Kết quả": "Xong."]])) { res async in
                XCTAssertEqual(res.status, .ok)
            }
            try await app.test(.POST, path + "/submit", headers: h, body: try jsonBody([:])) { res async in
                XCTAssertEqual(json(res)["state"] as? String, "awaitingApproval")
                XCTAssertNil(json(res)["submittedAt"], "not gone up yet")
            }
            try await app.test(.GET, "/api/v1/rounds/\(round.code)/completeness", headers: c) { res async in
                XCTAssertEqual(jsonArray(res).first?["timeliness"] as? String, "drafting")
            }
            try await app.test(.POST, path + "/approve", headers: h, body: try jsonBody([:])) { res async in
                XCTAssertEqual(res.status, .forbidden)
            }
            try await app.test(.POST, path + "/approve", headers: a, body: try jsonBody([:])) { res async in
                XCTAssertEqual(json(res)["state"] as? String, "submitted")
                XCTAssertEqual(json(res)["late"] as? Bool, true)
            }
            try await app.test(.POST, path + "/approve", headers: a, body: try jsonBody([:])) { res async in
                XCTAssertEqual(res.status, .forbidden)
                XCTAssertEqual(json(res)["error"] as? String, "Phê duyệt cuối cùng thuộc cơ quan thường trực.")
            }
            try await app.test(.POST, path + "/approve", headers: c, body: try jsonBody([:])) { res async in
                XCTAssertEqual(json(res)["state"] as? String, "approved")
            }
            try await app.test(.GET, "/api/v1/rounds", headers: c) { res async in
                XCTAssertEqual(jsonArray(res).first { $0["code"] as? String == "bc-q4-2024" }?["unitApproval"] as? Bool, true)
            }
        }
    }

    func testCompletenessIsScopedAndMarksLateSubmissions() async throws {
        try await withDemoApp { app, _ in
            try await app.test(.GET, "/api/v1/rounds/\(demoRound)/completeness", headers: try await apiToken(app, "dieuphoi")) { res async in
                XCTAssertEqual(res.status, .ok)
                let list = jsonArray(res)
                XCTAssertEqual(list.count, 32)
                let byUnit = Dictionary(uniqueKeysWithValues: list.map { ($0["unit"] as? String ?? "", $0) })
                XCTAssertEqual(byUnit["TB-STC"]?["late"] as? Bool, true)
                XCTAssertEqual(byUnit["TB-STC"]?["state"] as? String, "submitted")
                XCTAssertEqual(byUnit["TB-STTTT"]?["late"] as? Bool, false)
                XCTAssertEqual(byUnit["TB-STTTT"]?["state"] as? String, "approved")
                XCTAssertEqual(byUnit["TB-STTTT"]?["submittedAt"] as? String, "2024-12-18T02:00:00Z")
                XCTAssertEqual(byUnit["TB-CA"]?["state"] as? String, "returned")
                XCTAssertEqual(byUnit["339"]?["state"] as? String, "draft")
                XCTAssertEqual(byUnit["TB-STP"]?["state"] as? String, "notStarted")
                XCTAssertNil(byUnit["TB-STP"]?["submittedAt"])
            }
            try await app.test(.GET, "/api/v1/rounds/\(demoRound)/completeness", headers: try await apiToken(app, "hungha")) { res async in
                XCTAssertEqual(jsonArray(res).map { $0["unit"] as? String }, ["339"])
            }
            try await app.test(.GET, "/api/v1/rounds/khong-co/completeness", headers: try await apiToken(app, "hungha")) { res async in
                XCTAssertEqual(res.status, .notFound)
                XCTAssertEqual(json(res)["error"] as? String, "Không có đợt báo cáo \"khong-co\".")
            }
        }
    }
}
