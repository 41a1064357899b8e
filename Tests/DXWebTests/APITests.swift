import DXStore
import DXWeb
import Vapor
import XCTest
import XCTVapor

final class APITests: XCTestCase {
    struct PlanDTO: Decodable {
        var code, slug, kind, title: String
        var indicatorCount, taskCount: Int
    }

    func testWithoutATokenTheAPIAnswers401WithAJSONError() async throws {
        try await withDemoApp { app, _ in
            for path in ["/api/v1/plans", "/api/v1/units", "/api/v1/periods/2024Q1"] {
                try await app.test(.GET, path) { res async in
                    XCTAssertEqual(res.status, .unauthorized, path)
                    XCTAssertEqual(res.headers.contentType?.subType, "json")
                    XCTAssertTrue(res.body.string.contains("\"error\":\"Thiếu mã truy cập"), res.body.string)
                    XCTAssertEqual(res.headers.first(name: .wwwAuthenticate), "Bearer")
                }
            }
            try await app.test(.GET, "/api/v1/plans", headers: ["Authorization": "Bearer dxt_wrong"]) { res async in
                XCTAssertEqual(res.status, .unauthorized)
                XCTAssertTrue(res.body.string.contains("không hợp lệ"))
            }
        }
    }

    func testPlansListCountsIndicatorsAndTasks() async throws {
        try await withDemoApp { app, _ in
            let token = try await adminToken(app)
            try await app.test(.GET, "/api/v1/plans", headers: ["Authorization": "Bearer \(token)"]) { res async throws in
                XCTAssertEqual(res.status, .ok)
                let plans = try JSONDecoder().decode([PlanDTO].self, from: Data(res.body.readableBytesView))
                let plan2024 = try XCTUnwrap(plans.first { $0.slug == "kh-cds-2024" })
                XCTAssertEqual(plan2024.indicatorCount, 16)
                XCTAssertEqual(plan2024.kind, "plan")
                let activity = try XCTUnwrap(plans.first { $0.code == "83/KH-BCĐ" })
                XCTAssertEqual(activity.taskCount, 31)
                XCTAssertEqual(plans.first { $0.code == "121/KH-UBND" }?.taskCount, 75)
            }
        }
    }

    func testIndicatorsTasksUnitsAndPeriods() async throws {
        try await withDemoApp { app, _ in
            let auth: HTTPHeaders = ["Authorization": "Bearer \(try await adminToken(app))"]
            try await app.test(.GET, "/api/v1/plans/kh-cds-2024/indicators", headers: auth) { res async throws in
                XCTAssertEqual(res.status, .ok)
                let list = try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]]
                XCTAssertEqual(list?.count, 16)
                XCTAssertNotNil(list?.first?["targets"])
            }
            try await app.test(.GET, "/api/v1/plans/83%2FKH-BC%C4%90/tasks", headers: auth) { res async throws in
                XCTAssertEqual(res.status, .ok)
                let list = try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]]
                XCTAssertEqual(list?.count, 31)
            }
            try await app.test(.GET, "/api/v1/plans/khong-co/tasks", headers: auth) { res async in
                XCTAssertEqual(res.status, .notFound)
                XCTAssertTrue(res.body.string.contains("Không có kế hoạch"))
            }
            try await app.test(.GET, "/api/v1/units", headers: auth) { res async throws in
                let list = try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]]
                XCTAssertEqual(list?.first?["code"] as? String, "34")
                XCTAssertTrue(list?.contains { $0["name"] as? String == "Huyện Hưng Hà" } ?? false)
            }
            try await app.test(.GET, "/api/v1/periods/2024S1", headers: auth) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains("\"label\":\"6 tháng đầu năm 2024\""))
                XCTAssertTrue(res.body.string.contains("\"cutOffFrom\":\"2023-12-15\""))
                XCTAssertTrue(res.body.string.contains("\"cutOffTo\":\"2024-06-14\""))
            }
            try await app.test(.GET, "/api/v1/periods/2024Q5", headers: auth) { res async in
                XCTAssertEqual(res.status, .badRequest)
                XCTAssertTrue(res.body.string.contains("Mã kỳ báo cáo không hợp lệ"))
            }
        }
    }

    func testARevokedTokenNoLongerWorks() async throws {
        try await withDemoApp { app, _ in
            let token = try await adminToken(app)
            _ = try await Store(app.db).revokeTokens(username: DemoData.adminUsername)
            try await app.test(.GET, "/api/v1/plans", headers: ["Authorization": "Bearer \(token)"]) { res async in
                XCTAssertEqual(res.status, .unauthorized)
            }
        }
    }
}

final class APIScopeTests: XCTestCase {
    func testAUnitsTokenSeesOnlyItsSubtree() async throws {
        try await withDemoApp { app, _ in
            let store = Store(app.db)
            try await store.createAccount(.init(username: "hungha-test", displayName: "Hưng Hà", role: .reporter, unitCode: "339"),
                                          passwordHash: try Credentials.hashPassword("mat-khau-dai"))
            let token = Credentials.newToken()
            try await store.createToken(username: "hungha-test", tokenHash: Credentials.tokenHash(token))
            try await app.test(.GET, "/api/v1/units", headers: ["Authorization": "Bearer \(token)"]) { res async throws in
                let list = try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]] ?? []
                let codes = list.compactMap { $0["code"] as? String }
                XCTAssertTrue(codes.contains("339"))
                XCTAssertFalse(codes.contains("34"), "the province is above the account's unit")
                XCTAssertFalse(codes.contains("TB-STTTT"))
                XCTAssertTrue(list.allSatisfy { ($0["code"] as? String) == "339" || ($0["parentCode"] as? String) == "339" })
            }
        }
    }
}
