import Foundation
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

    /// The interface language is stored on the account: new accounts read Vietnamese, a chosen
    /// language comes back with the account, its sessions and its tokens, and the change is audited.
    func testTheInterfaceLanguageRoundTrips() async throws {
        try await TestDatabases.each { rt in
            try await rt.store.upsertUnits(StoreRoundTripTests.units)
            try await rt.store.createAccount(Account(username: "vi.user", displayName: "", role: .viewer, unitCode: "34"), passwordHash: "x")
            try await rt.store.createAccount(Account(username: "en.user", displayName: "", role: .viewer, unitCode: "34", language: .en),
                                             passwordHash: "x")
            let vi = try await rt.store.account(username: "vi.user")?.account.language
            XCTAssertEqual(vi, .vi, rt.url.kindName)
            let en = try await rt.store.account(username: "en.user")?.account.language
            XCTAssertEqual(en, .en, rt.url.kindName)

            try await rt.store.setLanguage(username: "vi.user", .en, by: Actor(username: "vi.user"))
            try await rt.store.createSession(username: "vi.user", tokenHash: "s1", csrfToken: "c", expiresAt: Date().addingTimeInterval(60), ip: nil)
            let session = try await rt.store.session(tokenHash: "s1")
            XCTAssertEqual(session?.account.language, .en, rt.url.kindName)
            try await rt.store.createToken(username: "vi.user", tokenHash: "t1")
            let byToken = try await rt.store.account(tokenHash: "t1")
            XCTAssertEqual(byToken?.language, .en)
            let listed = try await rt.store.accounts().first { $0.username == "vi.user" }
            XCTAssertEqual(listed?.language, .en)
            let audit = try await rt.store.auditEntries(roundCode: nil, unitCodes: nil, subjectCode: "vi.user")
            XCTAssertEqual(audit.map { "\($0.field): \($0.old ?? "") → \($0.new ?? "")" }, ["language: vi → en"])
            await assertThrows(try await rt.store.setLanguage(username: "ghost", .en, by: .system), containing: "ghost")
        }
    }
}
