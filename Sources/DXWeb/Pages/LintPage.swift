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
        Layout.page(title: t("Kiểm tra báo cáo")) {
            Node.h1(text: t("Kiểm tra báo cáo"))
            Node.p(text: t("Tải lên một báo cáo (.docx hoặc .txt): các con số trong báo cáo được đối chiếu với nhau — phân số với tỷ lệ phần trăm, các phần với tổng, số lượng với danh sách kê ra. Tệp không được lưu lại."))
            if let error { Node.div(.class("box errbox"), .role("alert")) { error } }
            Node.form(.method("post"), .action(.lint), Attribute("enctype", "multipart/form-data"), .class("stack")) {
                csrfField(csrf)
                Node.label {
                    t("Tệp báo cáo")
                    " "
                    Node.input(.type("file"), .name("file"), Attribute("accept", ".docx,.txt"), .flag("required"))
                }
                Node.button(.type("submit"), .class("primary"), text: t("Kiểm tra"))
            }
            if let findings, let name { result(name: name, paragraphs: paragraphs, findings: findings) }
        }
    }

    static func result(name: String, paragraphs: [String], findings: [LintFinding]) -> Node {
        let errors = findings.filter { $0.severity == .error }.count
        // The text, with each finding's quote marked in its paragraph.
        let byParagraph = Dictionary(grouping: findings, by: \.paragraph)
        return .group {
            Node.h2(text: name)
            if findings.isEmpty {
                Node.p(.class("ok"), .role("status"), text: t("Không thấy mâu thuẫn nào giữa các con số."))
            } else {
                Node.p(.role("status"), text: t("%@ phát hiện, trong đó %@ lỗi.", findings.count, errors))
                findingsTable(findings)
            }
            Node.h2(text: t("Nội dung báo cáo"))
            Node.div(.class("lint-text")) {
                for (i, text) in paragraphs.enumerated() {
                    Node.p(.id("doan-\(i + 1)")) {
                        Node.span(.class("hint"), text: "\(i + 1)")
                        " "
                        marked(text, byParagraph[i + 1] ?? [])
                    }
                }
            }
        }
    }

    static func findingsTable(_ findings: [LintFinding]) -> Node {
        .table {
            Node.columnHeads([t("Mức"), t("Vị trí"), t("Báo cáo ghi"), t("Tính lại"), t("Nhận xét")], scoped: false)
            Node.tbody {
                for (i, f) in findings.enumerated() {
                    Node.tr {
                        Node.td { Node.span(.class("badge \(badge(f.severity))"), text: f.severity.rawValue) }
                        Node.td { Node.a(.href("#doan-\(f.paragraph)"), text: place(f)) }
                        Node.td(text: f.stated)
                        Node.td(text: f.computed)
                        Node.td(.id("phat-hien-\(i + 1)"), text: f.message)
                    }
                }
            }
        }
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

    /// The paragraph with the first finding's quote inside `<mark>` (the others are listed in
    /// the table; marks never overlap).
    static func marked(_ text: String, _ findings: [LintFinding]) -> Node {
        for f in findings {
            let quote = f.quote.hasSuffix("…") ? String(f.quote.dropLast()) : f.quote
            guard !quote.isEmpty, let r = text.range(of: quote) else { continue }
            return .group {
                String(text[..<r.lowerBound])
                Node.mark(.title(f.message), text: String(text[r]))
                String(text[r.upperBound...])
            }
        }
        return .text(text)
    }
}
