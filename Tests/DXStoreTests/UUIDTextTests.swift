@testable import DXStore
import Foundation
import XCTest

/// `UUID(text:)` reads what `UUID(uuidString:)` reads, and refuses what it refuses.
final class UUIDTextTests: XCTestCase {
    func testItReadsEveryUUIDAsFoundationDoesInEitherCase() {
        for _ in 0..<1_000 {
            let id = UUID()
            XCTAssertEqual(UUID(text: id.uuidString), id)
            XCTAssertEqual(UUID(text: id.uuidString.lowercased()), id)
        }
        XCTAssertEqual(UUID(text: "00000000-0000-0000-0000-000000000000"), UUID(uuidString: "00000000-0000-0000-0000-000000000000"))
        XCTAssertEqual(UUID(text: "ffffffff-FFFF-ffff-FFFF-ffffffffffff"), UUID(uuidString: "ffffffff-FFFF-ffff-FFFF-ffffffffffff"))
    }

    func testItRefusesWhatIsNotAUUID() {
        let id = UUID().uuidString.lowercased()
        let bad = [
            "", "x", String(id.dropLast()), id + "0", "g" + id.dropFirst(),
            id.replacingOccurrences(of: "-", with: ""),
            String(id.prefix(8)) + "_" + id.dropFirst(9),
            "0000000-00000-0000-0000-000000000000",
            "00000000-0000-0000-0000-00000000000é",
        ]
        for text in bad {
            XCTAssertNil(UUID(text: text), text)
            XCTAssertNil(UUID(uuidString: text), "Foundation refuses \(text) too")
        }
    }
}
