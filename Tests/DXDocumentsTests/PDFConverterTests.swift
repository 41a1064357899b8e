import DXDocuments
import Foundation
import XCTest

final class PDFConverterTests: XCTestCase {
    func testMissingLibreOfficeGivesAClearVietnameseError() {
        let converter = PDFConverter(executable: URL(fileURLWithPath: "/nonexistent/soffice"))
        XCTAssertFalse(converter.isAvailable)
        XCTAssertThrowsError(try converter.convert(SampleReport.document)) { error in
            XCTAssertEqual(error as? PDFConversionError, .libreOfficeNotFound)
            XCTAssertTrue(error.localizedDescription.hasPrefix("Không tìm thấy LibreOffice"), error.localizedDescription)
        }
        XCTAssertNil(PDFConverter.locateLibreOffice(environment: ["PATH": "/nonexistent"])
            .flatMap { $0.path.hasPrefix("/nonexistent") ? $0 : nil })
    }

    func testFailingConverterReportsItsOutput() throws {
        // A stand-in for soffice that fails: the converter reports its exit status and output.
        let folder = try TestOutput.folder("pdf-failing")
        let script = folder.appendingPathComponent("soffice")
        try "#!/bin/sh\necho 'lỗi giả lập' >&2\nexit 3\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        XCTAssertThrowsError(try PDFConverter(executable: script).convert(Data("x".utf8))) { error in
            XCTAssertEqual(error as? PDFConversionError, .conversionFailed(status: 3, output: "lỗi giả lập\n"))
            XCTAssertEqual(error.localizedDescription, "LibreOffice không chuyển được văn bản sang PDF (mã thoát 3): lỗi giả lập")
        }
        let slow = folder.appendingPathComponent("slow-soffice")
        try "#!/bin/sh\nexec sleep 30\n".write(to: slow, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: slow.path)
        XCTAssertThrowsError(try PDFConverter(executable: slow, timeout: 0.5).convert(Data("x".utf8))) { error in
            XCTAssertEqual(error as? PDFConversionError, .timedOut(seconds: 0))
        }
    }

    func testConvertsTheWorkbookWithLibreOffice() throws {
        let converter = PDFConverter()
        guard converter.isAvailable else {
            try ExternalTools.missing("LibreOffice (soffice)", install: ExternalTools.libreOfficeInstall, file: #filePath, line: #line)
        }
        let pdf = try converter.convert(XLSXWriter().write(SampleWorkbook.workbook), fileExtension: "xlsx")
        XCTAssertEqual(String(decoding: pdf.prefix(5), as: UTF8.self), "%PDF-")
    }
}
