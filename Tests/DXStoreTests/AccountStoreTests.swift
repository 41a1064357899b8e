import DXCore
import DXStore
import DXTestSupport
import XCTest

final class AccountStoreTests: XCTestCase {
    func testTokensFindTheirAccountUntilRevoked() async throws {
        try await TestDatabases.each { rt in
            try await rt.store.upsertUnits(StoreRoundTripTests.units)
            let a = Account(username: "hung.ha", displayName: "Cán bộ Hưng Hà", role: .reporter, unitCode: "339")
            try await rt.store.createAccount(a, passwordHash: "$2b$12$fakehashfortest")
            await assertThrows(try await rt.store.createAccount(a, passwordHash: "x"), containing: "đã tồn tại")
            await assertThrows(
                try await rt.store.createAccount(Account(username: "có dấu", displayName: "", role: .viewer, unitCode: "34"), passwordHash: "x"),
                containing: "không hợp lệ")
            await assertThrows(
                try await rt.store.createAccount(Account(username: "ghost", displayName: "", role: .viewer, unitCode: "404"), passwordHash: "x"),
                containing: "không có đơn vị mã 404")
            try await rt.store.createToken(username: "hung.ha", tokenHash: "abc123")
            let found = try await rt.store.account(tokenHash: "abc123")
            XCTAssertEqual(found, a, rt.url.kindName)
            let r1 = try await rt.store.account(tokenHash: "other")
            XCTAssertNil(r1)
            let r2 = try await rt.store.revokeTokens(username: "hung.ha")
            XCTAssertEqual(r2, 1)
            let r3 = try await rt.store.account(tokenHash: "abc123")
            XCTAssertNil(r3)
        }
    }
}
