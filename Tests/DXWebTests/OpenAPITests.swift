import DXStore
@testable import DXWeb
import Foundation
import Vapor
import XCTest
import XCTVapor

/// The OpenAPI document and the server describe the same API.
final class OpenAPITests: XCTestCase {
    func document(_ app: Application) async throws -> [String: Any] {
        var doc: [String: Any] = [:]
        try await app.test(.GET, "/api/v1/openapi.json") { res async in
            XCTAssertEqual(res.status, .ok, "readable without a token")
            XCTAssertEqual(res.headers.contentType?.subType, "json")
            doc = (try? JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any]) ?? [:]
        }
        return doc
    }

    func testEveryRegisteredAPIRouteIsInTheDocumentAndNothingElse() async throws {
        try await withDemoApp { app, _ in
            let doc = try await document(app)
            XCTAssertEqual(doc["openapi"] as? String, "3.1.0")
            let paths = try XCTUnwrap(doc["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, ops in ops.keys.map { "\($0.uppercased()) \(path)" } })
            let served = Set(app.routes.all.compactMap { route -> String? in
                let parts = route.path.map { c -> String in
                    switch c {
                    case .constant(let s): s
                    case .parameter(let p): "{\(p)}"
                    case .anything: "*"
                    case .catchall: "**"
                    }
                }
                guard parts.starts(with: ["api", "v1"]), parts != ["api", "v1", "openapi.json"] else { return nil }
                return "\(route.method.rawValue) /" + parts.joined(separator: "/")
            })
            XCTAssertEqual(served.subtracting(documented).sorted(), [], "routes the document does not describe")
            XCTAssertEqual(documented.subtracting(served).sorted(), [], "documented routes the server does not have")
        }
    }

    func testEveryOperationDescribesItsErrorsAndEveryReferenceResolves() async throws {
        try await withDemoApp { app, _ in
            let doc = try await document(app)
            let text = OpenAPIDocument.json
            let schemas = try XCTUnwrap((doc["components"] as? [String: Any])?["schemas"] as? [String: Any])
            let refs = try NSRegularExpression(pattern: ##""\$ref": "#/components/schemas/([A-Za-z]+)""##)
                .matches(in: text, range: NSRange(text.startIndex..., in: text))
                .map { String(text[Range($0.range(at: 1), in: text)!]) }
            XCTAssertFalse(refs.isEmpty)
            for r in Set(refs) { XCTAssertNotNil(schemas[r], "#/components/schemas/\(r)") }
            for (path, ops) in try XCTUnwrap(doc["paths"] as? [String: [String: Any]]) {
                for (method, op) in ops {
                    let responses = try XCTUnwrap((op as? [String: Any])?["responses"] as? [String: Any], "\(method) \(path)")
                    XCTAssertNotNil(responses["200"], "\(method) \(path)")
                    XCTAssertNotNil(responses["401"], "\(method) \(path): every operation needs a token")
                }
            }
        }
    }

    /// Errors are the documented `Error` object: a Vietnamese sentence and the status.
    func testTheDocumentedErrorShapeIsWhatTheServerSends() async throws {
        try await withDemoApp { app, _ in
            try await app.test(.GET, "/api/v1/plans/khong-co/indicators", headers: try await apiToken(app, "admin")) { res async in
                XCTAssertEqual(res.status, .notFound)
                let body = json(res)
                XCTAssertEqual(Set(body.keys), ["error", "status"])
                XCTAssertEqual(body["status"] as? Int, 404)
                XCTAssertTrue((body["error"] as? String ?? "").contains("Không có kế hoạch"))
            }
            // Only the documented values of a parameter are taken: a typo is not a quiet "no".
            try await app.test(.GET, "/api/v1/plans/kh-cds-2024/evaluation?period=2024S1&unsubmitted=co", headers: try await apiToken(app, "admin")) { res async in
                XCTAssertEqual(res.status, .badRequest)
                XCTAssertEqual(json(res)["error"] as? String, "Tham số unsubmitted chỉ nhận true hoặc false.")
            }
            try await app.test(.PUT, "/api/v1/rounds", headers: try await apiToken(app, "admin")) { res async in
                XCTAssertEqual(res.status, .methodNotAllowed)
                XCTAssertEqual(res.headers.first(name: .allow), "GET")
            }
            try await app.test(.GET, "/api/v1/plans") { res async in
                XCTAssertEqual(res.status, .unauthorized)
                XCTAssertEqual(json(res)["status"] as? Int, 401)
            }
        }
    }
}
