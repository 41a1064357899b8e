import DXCore
import DXImport
import Foundation
import XCTest

/// The streamed reader reads what the buffered one reads — records, fields and line numbers —
/// whatever the chunk size, and refuses the same broken files with the same messages.
final class CSVStreamTests: XCTestCase {
    func records(_ text: String, chunk: Int) throws -> (header: [String], delimiter: Character, records: [CSVRecord]) {
        var s = try CSVStream(data: Data(text.utf8), chunkSize: chunk)
        var out: [CSVRecord] = []
        while let r = try s.next() { out.append(r) }
        return (s.header, s.delimiter, out)
    }

    func testSameRecordsAsTheBufferedReaderAtEveryChunkSize() throws {
        let texts = [
            "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n\r\n3,,last",
            "\u{FEFF}Kỳ;Mã đơn vị;Giá trị\n2024Q2;34;\"56,25\"\n2024Q2;336;1.445.521\n",
            "a\tb\rx\ty\r\rz\tw\r",
            "h1,h2\n\"a\r\nb\",Đắk Lắk\r\n\n\nc,d",
            "only,header\n",
        ]
        for text in texts {
            let buffered = try CSVReader.read(Data(text.utf8))
            for chunk in [1, 2, 3, 7, 1 << 20] {
                let streamed = try records(text, chunk: chunk)
                XCTAssertEqual(streamed.header, buffered.header, "chunk \(chunk): \(text.debugDescription)")
                XCTAssertEqual(streamed.delimiter, buffered.delimiter)
                XCTAssertEqual(streamed.records, buffered.records, "chunk \(chunk): \(text.debugDescription)")
            }
        }
    }

    func testBrokenFilesGiveTheSameMessages() {
        for (text, expected) in [("a,b\n1,\"open", "Dòng 2: dấu ngoặc kép mở nhưng không đóng"),
                                 ("a,b\n\"x\"y,2", "Dòng 2: có ký tự ngay sau dấu ngoặc kép đóng (trong ô, dấu ngoặc kép phải viết đôi \"\")")] {
            XCTAssertThrowsError(try records(text, chunk: 3)) { e in XCTAssertEqual("\(e)", expected) }
        }
        XCTAssertThrowsError(try {
            var s = try CSVStream(data: Data([0x61, 0x0A, 0x4D, 0xE3, 0x0A]), chunkSize: 2)
            _ = try s.next()
        }()) { e in
            XCTAssertEqual((e as? CSVError)?.reason, .notUTF8)
        }
        XCTAssertThrowsError(try CSVStream(data: Data())) { e in XCTAssertEqual((e as? CSVError)?.reason, .empty) }
    }

    func testARecordOverItsLimitIsRefusedWithItsLine() {
        var limits = CSVStream.Limits()
        limits.maxRecordBytes = 100
        let text = "a,b\n1,2\n\"" + String(repeating: "x", count: 500)
        XCTAssertThrowsError(try {
            var s = try CSVStream(data: Data(text.utf8), limits: limits, chunkSize: 16)
            while try s.next() != nil {}
        }()) { e in
            XCTAssertEqual((e as? CSVError)?.reason, .recordTooLong(limit: 100))
            XCTAssertEqual((e as? CSVError)?.line, 3)
        }
    }

    func testTheValuesStreamChecksRowsLikeTheBufferedReader() throws {
        let csv = "period,orgUnit,dataElement,value,deleted\n2024Q1,34,1,5,\n2024X,34,1,mười,\n2024Q1,35,1,1,true\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("values-\(UUID().uuidString).csv")
        try csv.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let opened = try DataValueStream.open(path: url.path, defaultPlanCode: "KH")
        var stream = try XCTUnwrap(opened.stream)
        var lines: [Int] = [], errors: [String] = [], skipped: [String] = []
        while let next = try stream.next() {
            let (line, outcome) = next
            lines.append(line)
            switch outcome {
            case .value(let v): XCTAssertEqual(v, DataValue(planCode: "KH", indicatorCode: "1", unitCode: "34", periodID: "2024Q1", value: 5))
            case .invalid(let e): errors += e.map(\.description)
            case .skipped(let w): skipped.append(w)
            }
        }
        XCTAssertEqual(lines, [2, 3, 4])
        let buffered = try DataValueCSV.read(Data(csv.utf8), defaultPlanCode: "KH")
        XCTAssertEqual(errors, buffered.errors.map(\.description))
        XCTAssertEqual(skipped, buffered.warnings)
        XCTAssertEqual(errors.count, 2)
    }
}
