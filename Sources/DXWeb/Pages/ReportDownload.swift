import DXCore
import DXDocuments
import DXReports
import Foundation
import Vapor

/// The report files the dashboard links to.
enum ReportDownload {
    enum Format: String, CaseIterable {
        case docx, xlsx, csv, html, pdf

        var contentType: String {
            switch self {
            case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            case .csv: "text/csv; charset=utf-8"
            case .html: "text/html; charset=utf-8"
            case .pdf: "application/pdf"
            }
        }

        var label: String {
            switch self {
            case .docx: "Word (DOCX)"
            case .xlsx: t("Phụ lục Excel (XLSX)")
            case .csv: t("Phụ lục I (CSV)")
            case .html: t("Xem trước")
            case .pdf: "PDF"
            }
        }
    }

    /// Blocks while LibreOffice converts a PDF: call it off the event loop.
    static func render(_ report: OfficialReport, _ format: Format) throws -> Data {
        switch format {
        case .docx: try DOCXWriter().write(ReportDocument.model(report))
        case .xlsx: try XLSXWriter().write(ReportSpreadsheet.workbook(report))
        case .csv: ReportSpreadsheet.csv(report.appendices[0], reading: report.reading)
        case .html: try HTMLWriter().write(ReportDocument.model(report))
        case .pdf: try PDFConverter().convert(ReportDocument.model(report))
        }
    }

    /// The file as a response: rendered off the event loop, downloaded as an attachment except
    /// the HTML preview, which may be framed by our own pages and carries its own inline styles
    /// but runs no script.
    static func response(_ req: Request, _ report: OfficialReport, _ format: Format, name: String) async throws -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        let data = try await req.application.threadPool.runIfActive { try render(report, format) }
        req.application.metrics.report(format: format.rawValue, nanoseconds: DispatchTime.now().uptimeNanoseconds - started)
        var headers: HTTPHeaders = ["Content-Type": format.contentType]
        if format == .html {
            headers.add(name: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'")
            headers.add(name: "X-Frame-Options", value: "SAMEORIGIN")
        } else {
            headers.add(name: .contentDisposition, value: "attachment; filename=\"\(name).\(format.rawValue)\"")
        }
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
