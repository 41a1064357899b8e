import DXImport
import Foundation
import XCTest

/// `JSONArrayStream` hands out each element of a top-level array whole, whatever the chunk
/// boundaries, strings and nesting, and refuses what is not one array.
final class JSONArrayStreamTests: XCTestCase {
    func elements(_ text: String) throws(JSONArrayStream.Failure) -> [String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("json-stream-\(UUID().uuidString).json")
        try? Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var s = try JSONArrayStream(path: url.path)
        var out: [String] = []
        while let e = try s.next() { out.append(String(decoding: e, as: UTF8.self)) }
        return out
    }

    func testElementsWithStringsNestingAndEscapes() throws {
        XCTAssertEqual(try elements("[]"), [])
        XCTAssertEqual(try elements(" \n[ ]\n"), [])
        XCTAssertEqual(try elements("\u{FEFF}[1, \"a\"]"), ["1", "\"a\""])
        XCTAssertEqual(try elements(#"[{"a": "x,]}\"y", "b": [1, {"c": 2}]}, {"d": null}]"#),
                       [#"{"a": "x,]}\"y", "b": [1, {"c": 2}]}"#, #"{"d": null}"#])
        // Elements are decodable on their own.
        let v = try elements(#"[{"planCode":"KH","indicatorCode":"1","unitCode":"01","periodID":"2025Q1","value":2.5}]"#)
        XCTAssertEqual(v.count, 1)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(v[0].utf8)))
    }

    func testMoreThanOneChunk() throws {
        let items = (0..<100_000).map { "{\"n\": \($0), \"s\": \"dòng \($0), \\\"trích\\\"\"}" }
        let got = try elements("[" + items.joined(separator: ",\n") + "]")
        XCTAssertEqual(got, items)
    }

    func testWhatIsNotOneArrayIsRefused() {
        for (text, message) in [
            ("{\"a\": 1}", "mảng JSON"),
            ("[1, 2", "kết thúc giữa chừng"),
            ("[1, 2,]", "dấu phẩy thừa"),
            ("[1,,2]", "phần tử rỗng"),
            ("[1] x", "sau dấu ]"),
            ("[1}]", "dấu } thừa"),
        ] {
            XCTAssertThrowsError(try elements(text), text) { e in
                XCTAssertTrue((e as? JSONArrayStream.Failure)?.message.contains(message) == true, "\(text): \(e)")
            }
        }
    }
}
