import DXCore
import DXImport
import Foundation
import Vapor

/// "Kiểm tra báo cáo": anyone signed in uploads a report (.docx or .txt) and sees its own
/// numbers checked against each other (`ReportLinter`), each finding marked in the text.
/// Nothing is stored: the file is read, checked and forgotten.
struct LintController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.register(.GET, .lint, use: form)
        routes.register(.POST, .lint, body: .collect(maxSize: ByteCount(value: UploadLimits.maxBodyBytes)), use: check)
    }

    func form(req: Request) async throws -> Response {
        _ = try req.requireAccount()
        return html(LintPage.render(name: nil, paragraphs: [], findings: nil, error: nil, csrf: req.csrf))
    }

    func check(req: Request) async throws -> Response {
        _ = try req.requireAccount()
        guard let upload = try await MultipartUpload.file(req) else {
            let r = html(LintPage.render(name: nil, paragraphs: [], findings: nil, error: t("Chưa chọn tệp báo cáo."), csrf: req.csrf))
            r.status = .badRequest
            return r
        }
        let document: LintDocument
        switch URL(fileURLWithPath: upload.name).pathExtension.lowercased() {
        case "docx":
            do { document = try DOCXText.document(data: upload.data) } catch {
                return refused(req, upload.name, t("Không đọc được tệp Word: %@", error.message))
            }
        case "txt":
            guard let text = String(data: upload.data, encoding: .utf8) else {
                return refused(req, upload.name, t("Tệp văn bản phải mã hóa UTF-8."))
            }
            document = LintDocument(text: text)
        default:
            return refused(req, upload.name, t("Chỉ kiểm tra được tệp .docx hoặc .txt."))
        }
        let findings = ReportLinter.lint(document)
        return html(LintPage.render(name: upload.name, paragraphs: document.paragraphs, findings: findings, error: nil, csrf: req.csrf))
    }

    func refused(_ req: Request, _ name: String, _ message: String) -> Response {
        let r = html(LintPage.render(name: name, paragraphs: [], findings: nil, error: message, csrf: req.csrf))
        r.status = .unprocessableEntity
        return r
    }
}

enum LintPage {
    static func render(name: String?, paragraphs: [String], findings: [LintFinding]?, error: String?, csrf: String) -> String {
        var b = "<h1>\(t("Kiểm tra báo cáo"))</h1>"
        b += "<p>\(t("Tải lên một báo cáo (.docx hoặc .txt): các con số trong báo cáo được đối chiếu với nhau — phân số với tỷ lệ phần trăm, các phần với tổng, số lượng với danh sách kê ra. Tệp không được lưu lại."))</p>"
        if let error { b += "<div class=\"box errbox\" role=\"alert\">\(escape(error))</div>" }
        b += "<form method=\"post\" action=\"\(SiteRoute.lint.path)\" enctype=\"multipart/form-data\" class=\"stack\">\(CSRFMiddleware.field(csrf))"
        b += "<label>\(t("Tệp báo cáo")) <input type=\"file\" name=\"file\" accept=\".docx,.txt\" required></label>"
        b += "<button type=\"submit\" class=\"primary\">\(t("Kiểm tra"))</button></form>"
        guard let findings, let name else { return Layout.page(title: t("Kiểm tra báo cáo"), body: b) }

        let errors = findings.filter { $0.severity == .error }.count
        b += "<h2>\(escape(name))</h2>"
        b += findings.isEmpty
            ? "<p class=\"ok\" role=\"status\">\(t("Không thấy mâu thuẫn nào giữa các con số."))</p>"
            : "<p role=\"status\">\(t("%@ phát hiện, trong đó %@ lỗi.", findings.count, errors))</p>"
        if !findings.isEmpty {
            b += "<table><thead><tr><th>\(t("Mức"))</th><th>\(t("Vị trí"))</th><th>\(t("Báo cáo ghi"))</th><th>\(t("Tính lại"))</th><th>\(t("Nhận xét"))</th></tr></thead><tbody>"
            for (i, f) in findings.enumerated() {
                b += "<tr><td><span class=\"badge \(badge(f.severity))\">\(escape(f.severity.rawValue))</span></td>"
                b += "<td><a href=\"#doan-\(f.paragraph)\">\(escape(place(f)))</a></td><td>\(escape(f.stated))</td><td>\(escape(f.computed))</td>"
                b += "<td id=\"phat-hien-\(i + 1)\">\(escape(f.message))</td></tr>"
            }
            b += "</tbody></table>"
        }
        // The text, with each finding's quote marked in its paragraph.
        b += "<h2>\(t("Nội dung báo cáo"))</h2><div class=\"lint-text\">"
        let byParagraph = Dictionary(grouping: findings, by: \.paragraph)
        for (i, text) in paragraphs.enumerated() {
            let marks = byParagraph[i + 1] ?? []
            b += "<p id=\"doan-\(i + 1)\"><span class=\"hint\">\(i + 1)</span> \(marked(text, marks))</p>"
        }
        b += "</div>"
        return Layout.page(title: t("Kiểm tra báo cáo"), body: b)
    }

    static func place(_ f: LintFinding) -> String {
        guard let table = f.table else { return t("đoạn %@", f.paragraph) }
        return t("bảng %@", table) + (f.row.map { t(", dòng %@", $0) } ?? "") + (f.column.map { t(", cột %@", $0) } ?? "")
    }

    static func badge(_ s: LintSeverity) -> String {
        switch s {
        case .error: "ev-not"
        case .warning: "s-progress"
        case .note: "ev-none"
        }
    }

    /// The paragraph escaped, with the first finding's quote inside `<mark>` (the others are
    /// listed in the table; marks never overlap).
    static func marked(_ text: String, _ findings: [LintFinding]) -> String {
        for f in findings {
            let quote = f.quote.hasSuffix("…") ? String(f.quote.dropLast()) : f.quote
            guard !quote.isEmpty, let r = text.range(of: quote) else { continue }
            return escape(String(text[..<r.lowerBound])) + "<mark title=\"\(escape(f.message))\">" + escape(String(text[r]))
                + "</mark>" + escape(String(text[r.upperBound...]))
        }
        return escape(text)
    }
}
