import DXCore
import DXStore
import DXWeb
import Vapor
import XCTest
import XCTVapor

/// Field lengths on the web and the API: the same limits as the imports, a message naming the
/// field, and nothing stored.
final class InputLengthWebTests: XCTestCase {
    func testAnOverlongFieldIsRefusedOnEveryWayIn() async throws {
        try await withDemoApp { app, _ in
            let admin = try await browser(app, "admin")
            let token = try await apiToken(app, "admin")
            let store = Store(app.db)

            // Set-up: a unit whose name is longer than a name may be.
            try await app.test(.POST, "/setup/units/moi", headers: admin.headers,
                               body: formBody([("_csrf", admin.csrf), ("code", "99001"), ("name", String(repeating: "b", count: 3_000)),
                                               ("kind", "commune"), ("parent", "339")])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("dài 3.000 ký tự, tối đa 2.000 ký tự"), String(res.body.string.prefix(2000)))
            }
            let units = try await store.units()
            XCTAssertNil(units.first { $0.code == "99001" })

            // A table form imported as JSON with an overlong column title.
            var definition: [String: Any] = [:]
            try await app.test(.GET, "/forms/BM01.json", headers: ["Cookie": "dxtrack_session=\(admin.cookie)"]) { res async in definition = json(res) }
            definition["code"] = "BM99"
            var columns = definition["columns"] as? [[String: Any]] ?? []
            XCTAssertFalse(columns.isEmpty)
            columns[0]["title"] = String(repeating: "t", count: 2_500)
            definition["columns"] = columns
            let text = String(decoding: try JSONSerialization.data(withJSONObject: definition), as: UTF8.self)
            try await app.test(.POST, "/forms/import", headers: admin.headers, body: formBody([("_csrf", admin.csrf), ("json", text)])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("columns[0].title") && res.body.string.contains("dài 2.500 ký tự, tối đa 2.000 ký tự"),
                              String(res.body.string.prefix(3000)))
            }
            let imported = try await store.tableForm("BM99")
            XCTAssertNil(imported)

            // API: a code longer than any code is refused by its length, not quoted back.
            let v = try await store.roundUnitStatus(try await store.round(demoRound)!, unitCode: "339")!.version
            try await app.test(.PATCH, "/api/v1/rounds/\(demoRound)/units/339", headers: token,
                               body: try jsonBody(["version": v, "values": [["indicator": String(repeating: "9", count: 60), "numerator": 1]]])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                let errors = json(res)["errors"] as? [[String: Any]] ?? []
                XCTAssertEqual(errors.first?["path"] as? String, "values[0].indicator")
                XCTAssertEqual(errors.first?["message"] as? String, "Dài 60 ký tự, tối đa 50 ký tự.")
                XCTAssertLessThan(res.body.readableBytes, 2_000)
            }
            // A form cell longer than a cell may be.
            try await app.test(.PATCH, "/api/v1/rounds/\(demoRound)/units/339", headers: token,
                               body: try jsonBody(["version": v, "forms": [["form": "BM01", "row": "339", "cells": ["zz": String(repeating: "c", count: 40_000)]]]])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertLessThan(res.body.readableBytes, 2_000, "the cell is not quoted back")
            }
            let round = try await store.round(demoRound)!
            let version = try await store.roundUnitStatus(round, unitCode: "339")!.version
            XCTAssertEqual(version, v, "nothing saved")

            // The reason for returning a report has the length of any other note.
            try await app.test(.POST, "/api/v1/rounds/\(demoRound)/units/TB-SNV/return", headers: token,
                               body: try jsonBody(["comment": String(repeating: "l", count: EntryValidation.maxTextLength + 1)])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity, res.body.string.prefix(300).description)
                XCTAssertEqual((json(res)["errors"] as? [[String: Any]])?.first?["path"] as? String, "comment")
            }
            let state = try await store.roundUnitStatus(round, unitCode: "TB-SNV")?.state
            XCTAssertEqual(state, .submitted)
        }
    }
}

