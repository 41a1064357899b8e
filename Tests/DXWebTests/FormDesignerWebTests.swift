import DXCore
import DXStore
import DXWeb
import Foundation
import Vapor
import XCTest
import XCTVapor

/// Designing table forms (biểu mẫu) on the web: the coordinator's designer, the JSON export and
/// import, and who may change forms.
final class FormDesignerWebTests: XCTestCase {
    /// A form with a two-level header ("Hồ sơ" › "Trong đó") and a computed rate, as the
    /// designer posts it, with one blank column row that is skipped.
    static let fields: [(String, String)] = [
        ("code", "BM09"), ("title", "Hồ sơ trực tuyến theo huyện"), ("rowHeader", "Đơn vị"), ("numbered", "1"), ("showColumnNumbers", "1"),
        ("totalsLabel", "Tổng cộng"), ("rows", "units"), ("unitKinds", "district"), ("unitCodes", ""), ("categories", ""),
        ("c.0.key", "1"), ("c.0.title", "Trực tuyến"), ("c.0.kind", "number"), ("c.0.formula", ""), ("c.0.choices", ""),
        ("c.0.group", "Hồ sơ > Trong đó"), ("c.0.total", ""), ("c.0.digits", ""), ("c.0.unit", "hồ sơ"), ("c.0.required", "1"),
        ("c.1.key", "2"), ("c.1.title", "Trực tiếp, bưu chính"), ("c.1.kind", "number"), ("c.1.formula", ""), ("c.1.choices", ""),
        ("c.1.group", "Hồ sơ > Trong đó"), ("c.1.total", "sum"), ("c.1.digits", "0"), ("c.1.unit", "hồ sơ"),
        ("c.2.key", "3"), ("c.2.title", "Tổng số"), ("c.2.kind", "computed"), ("c.2.formula", "(1)+(2)"), ("c.2.choices", ""),
        ("c.2.group", "Hồ sơ"), ("c.2.total", ""), ("c.2.digits", ""), ("c.2.unit", ""),
        ("c.3.key", "4"), ("c.3.title", "Tỷ lệ trực tuyến"), ("c.3.kind", "computed"), ("c.3.formula", "(1)/(3)*100"), ("c.3.choices", ""),
        ("c.3.group", ""), ("c.3.total", "formula"), ("c.3.digits", "2"), ("c.3.percent", "1"), ("c.3.unit", ""),
        ("c.4.key", ""), ("c.4.title", ""), ("c.4.kind", "number"), ("c.4.formula", ""), ("c.4.choices", ""),
        ("c.4.group", ""), ("c.4.total", ""), ("c.4.digits", ""), ("c.4.unit", ""),
        ("identities", "(3) = (1)+(2) | Tổng số = trực tuyến + trực tiếp"),
    ]

    static let expected = TableForm(
        code: "BM09", title: "Hồ sơ trực tuyến theo huyện", rows: .units(FormUnitSelection(unitKinds: [.district])),
        columns: [
            FormColumn(key: "1", title: "Trực tuyến", group: ["Hồ sơ", "Trong đó"], required: true, unitOfMeasure: "hồ sơ"),
            FormColumn(key: "2", title: "Trực tiếp, bưu chính", group: ["Hồ sơ", "Trong đó"], unitOfMeasure: "hồ sơ"),
            FormColumn(key: "3", title: "Tổng số", kind: .computed, formula: "(1)+(2)", group: ["Hồ sơ"]),
            FormColumn(key: "4", title: "Tỷ lệ trực tuyến", kind: .computed, formula: "(1)/(3)*100",
                       format: FormNumberFormat(fractionDigits: 2, percentSign: true)),
        ],
        identities: [FormIdentity(rule: "(3) = (1)+(2)", message: "Tổng số = trực tuyến + trực tiếp")], totalsLabel: "Tổng cộng")

    func testACoordinatorDesignsAFormAndItsJSONComesBackIdentical() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            let store = Store(app.db)
            try await app.test(.GET, "/forms", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                let page = res.body.string
                XCTAssertTrue(page.contains("<tr data-form=\"BM01\">") && page.contains("<tr data-form=\"BM02\">"), page)
                XCTAssertTrue(page.contains("href=\"/forms/BM01/table\""))
                XCTAssertTrue(page.contains("href=\"/forms/new\""))
                XCTAssertTrue(page.contains(">Biểu mẫu</a>"), "in the user bar")
            }
            try await app.test(.GET, "/forms/new", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains("name=\"c.3.key\""))
                XCTAssertFalse(res.body.string.contains("name=\"c.4.key\""))
            }
            // More column rows, nothing saved, what was typed kept.
            try await app.test(.POST, "/forms/new", headers: b.headers, body: formBody([("_csrf", b.csrf), ("action", "addColumns")] + Self.fields)) { res async in
                XCTAssertEqual(res.status, .ok)
                let page = res.body.string
                XCTAssertTrue(page.contains("name=\"c.7.key\""))
                XCTAssertFalse(page.contains("name=\"c.8.key\""))
                XCTAssertTrue(page.contains("value=\"Hồ sơ &gt; Trong đó\""))
                XCTAssertTrue(page.contains("<th colspan=\"3\" scope=\"colgroup\">Hồ sơ</th>"), "the preview follows the valid unsaved form")
            }
            let before = try await store.tableForm("BM09")
            XCTAssertNil(before)

            try await app.test(.POST, "/forms/new", headers: b.headers, body: formBody([("_csrf", b.csrf), ("action", "save")] + Self.fields)) { res async in
                XCTAssertEqual(res.status, .seeOther, res.body.string)
                XCTAssertEqual(res.headers.first(name: .location), "/forms/BM09?msg=saved")
            }
            let saved = try await store.tableForm("BM09")
            XCTAssertEqual(saved, Self.expected)
            let audit = try await store.auditEntries(subjectCode: "BM09")
            XCTAssertEqual(audit.map(\.field), ["created"])
            XCTAssertEqual(audit.first?.username, "dieuphoi")

            try await app.test(.GET, "/forms/BM09?msg=saved", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                let page = res.body.string
                XCTAssertTrue(page.contains("Đã lưu biểu mẫu."))
                // Header preview: STT and the label span the three title rows, groups span their columns.
                XCTAssertTrue(page.contains("<th scope=\"col\" rowspan=\"3\">STT</th><th scope=\"col\" rowspan=\"3\">Đơn vị</th>"), page)
                XCTAssertTrue(page.contains("<th colspan=\"3\" scope=\"colgroup\">Hồ sơ</th><th scope=\"col\" rowspan=\"3\">Tỷ lệ trực tuyến</th>"))
                XCTAssertTrue(page.contains("<th colspan=\"2\" scope=\"colgroup\">Trong đó</th><th scope=\"col\" rowspan=\"2\">Tổng số</th>"))
                XCTAssertTrue(page.contains("<th scope=\"col\">Trực tuyến (hồ sơ)</th>"))
                XCTAssertTrue(page.contains("<th scope=\"col\">(3) = (1) + (2)</th>") || page.contains("<th scope=\"col\">(3) = (1)+(2)</th>"), page)
                XCTAssertTrue(page.contains("id=\"form-designer\""))
                XCTAssertTrue(page.contains("value=\"Hồ sơ &gt; Trong đó\""), "the groups as typed")
            }
            try await app.test(.GET, "/forms", headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("<tr data-form=\"BM09\"><td>BM09</td><td><a href=\"/forms/BM09\">Hồ sơ trực tuyến theo huyện</a></td><td class=\"num\">4</td>"), res.body.string)
            }

            // Export, then import as a new code: the same definition.
            var exported = Data()
            try await app.test(.GET, "/forms/BM09.json", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertEqual(res.headers.contentType?.description, "application/json; charset=utf-8")
                XCTAssertEqual(res.headers.first(name: .contentDisposition), "attachment; filename=\"bieu-mau-BM09.json\"")
                exported = Data(res.body.readableBytesView)
            }
            XCTAssertEqual(try TableForm.fromJSON(exported), Self.expected)
            let renamed = String(decoding: exported, as: UTF8.self).replacingOccurrences(of: "\"code\" : \"BM09\"", with: "\"code\" : \"BM10\"")
            XCTAssertNotEqual(renamed, String(decoding: exported, as: UTF8.self))
            try await app.test(.POST, "/forms/import", headers: b.headers, body: formBody([("_csrf", b.csrf), ("json", renamed)])) { res async in
                XCTAssertEqual(res.status, .seeOther, res.body.string)
                XCTAssertEqual(res.headers.first(name: .location), "/forms/BM10?msg=imported")
            }
            var copy = Self.expected
            copy.code = "BM10"
            let imported = try await store.tableForm("BM10")
            XCTAssertEqual(imported, copy)

            // The same code again: refused unless "replace" is ticked.
            var changed = Self.expected
            changed.code = "BM10"
            changed.title = "Hồ sơ trực tuyến (sửa)"
            let changedJSON = String(decoding: changed.toJSON(), as: UTF8.self)
            try await app.test(.POST, "/forms/import", headers: b.headers, body: formBody([("_csrf", b.csrf), ("json", changedJSON)])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Đã có biểu mẫu mã BM10."))
                XCTAssertTrue(res.body.string.contains("Hồ sơ trực tuyến (sửa)"), "the pasted JSON is kept")
            }
            let unchanged = try await store.tableForm("BM10")
            XCTAssertEqual(unchanged?.title, "Hồ sơ trực tuyến theo huyện")
            try await app.test(.POST, "/forms/import", headers: b.headers, body: formBody([("_csrf", b.csrf), ("json", changedJSON), ("replace", "1")])) { res async in
                XCTAssertEqual(res.status, .seeOther)
            }
            let replaced = try await store.tableForm("BM10")
            XCTAssertEqual(replaced, changed)

            // Editing an existing form keeps its code and changes the rest.
            let edit = Self.fields.map { $0.0 == "title" ? ("title", "Hồ sơ trực tuyến của các huyện") : $0 }.filter { $0.0 != "code" }
            try await app.test(.POST, "/forms/BM09", headers: b.headers, body: formBody([("_csrf", b.csrf), ("action", "save")] + edit)) { res async in
                XCTAssertEqual(res.status, .seeOther, res.body.string)
                XCTAssertEqual(res.headers.first(name: .location), "/forms/BM09?msg=saved")
            }
            let edited = try await store.tableForm("BM09")
            XCTAssertEqual(edited?.title, "Hồ sơ trực tuyến của các huyện")
        }
    }

    func testAWrongFormIsRefusedWithEveryProblemNextToItsFieldAndNothingIsSaved() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            let store = Store(app.db)
            let bad = Self.fields.map { f -> (String, String) in
                switch f.0 {
                case "code": ("code", "BM/1")
                case "c.1.key": ("c.1.key", "1")  // the same key as the first column
                case "c.3.formula": ("c.3.formula", "(1)/(9)*100")
                case "c.2.formula": ("c.2.formula", "(1)+")
                default: f
                }
            }
            try await app.test(.POST, "/forms/new", headers: b.headers, body: formBody([("_csrf", b.csrf), ("action", "save")] + bad)) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                let page = res.body.string
                XCTAssertTrue(page.contains("Chưa lưu được biểu mẫu:"))
                XCTAssertTrue(page.contains("Mã biểu mẫu &quot;BM/1&quot; chỉ được gồm chữ không dấu, chữ số và các dấu - _ . (tối đa 40 ký tự)"), page)
                XCTAssertTrue(page.contains("Mã cột &quot;1&quot; bị trùng"))
                XCTAssertTrue(page.contains("Cột (4): công thức tham chiếu cột (9) không có trong biểu mẫu"))
                XCTAssertTrue(page.contains("<p class=\"err\" id=\"err-c.2\">Cột (3): "), "a formula that does not parse")
                // Next to their fields, and what was typed is kept.
                XCTAssertTrue(page.contains("id=\"err-code\""))
                XCTAssertTrue(page.contains("<p class=\"err\" id=\"err-c.1\">Mã cột &quot;1&quot; bị trùng</p>"))
                XCTAssertTrue(page.contains("<p class=\"err\" id=\"err-c.3\">Cột (4): công thức tham chiếu cột (9)"))
                XCTAssertTrue(page.contains("value=\"BM/1\""))
                XCTAssertTrue(page.contains("value=\"(1)/(9)*100\""))
            }
            // Lines of the text areas that do not read.
            let lines = Self.fields.map { f -> (String, String) in
                switch f.0 {
                case "rows": ("rows", "fixed")
                case "categories": ("categories", "tinh | Cấp tỉnh\nhuyen")
                case "identities": ("identities", "(3) = (1)+(2) | Tổng | nhiều")
                default: f
                }
            }
            try await app.test(.POST, "/forms/new", headers: b.headers, body: formBody([("_csrf", b.csrf), ("action", "save")] + lines)) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                let page = res.body.string
                XCTAssertTrue(page.contains("Dòng cố định thứ 2 “huyen” phải có dạng “mã | tên” hoặc “mã | tên | số thứ tự”."), page)
                XCTAssertTrue(page.contains("Quy tắc kiểm tra thứ 1: sai số cho phép “nhiều” phải là một số."))
            }
            let forms = try await store.tableForms()
            XCTAssertEqual(forms.map(\.code), ["BM01", "BM02"])

            // JSON that is not a form, and a form that is not valid.
            try await app.test(.POST, "/forms/import", headers: b.headers, body: formBody([("_csrf", b.csrf), ("json", "{\"code\": \"BM11\", ")])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Tệp JSON không phải là biểu mẫu hợp lệ: nội dung không phải JSON hợp lệ"), res.body.string)
            }
            var duplicate = Self.expected
            duplicate.code = "BM11"
            duplicate.columns[1].key = "1"
            try await app.test(.POST, "/forms/import", headers: b.headers,
                               body: formBody([("_csrf", b.csrf), ("json", String(decoding: duplicate.toJSON(), as: UTF8.self))])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Mã cột &quot;1&quot; bị trùng"))
            }
            // Beyond the limit, refused before it is read.
            let big = "{\"code\": \"BM11\", \"title\": \"" + String(repeating: "x", count: 300 * 1024) + "\", \"columns\": []}"
            try await app.test(.POST, "/forms/import", headers: b.headers, body: formBody([("_csrf", b.csrf), ("json", big)])) { res async in
                XCTAssertEqual(res.status, .payloadTooLarge)
                XCTAssertTrue(res.body.string.contains("Nội dung JSON quá lớn: tối đa 256 KB."))
            }
            let after = try await store.tableForms()
            XCTAssertEqual(after.map(\.code), ["BM01", "BM02"])
        }
    }

    func testAFormIsImportedFromAnUploadedFile() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            try await app.test(.GET, "/forms", headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("enctype=\"multipart/form-data\""))
                XCTAssertTrue(res.body.string.contains("<input type=\"file\" name=\"file\""))
            }
            func upload(_ parts: [(name: String, file: String?, content: String)]) -> (HTTPHeaders, ByteBuffer) {
                let boundary = "----dxtrack" + UUID().uuidString
                var body = ""
                for p in parts {
                    body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(p.name)\"" + (p.file.map { "; filename=\"\($0)\"\r\nContent-Type: application/json" } ?? "")
                    body += "\r\n\r\n\(p.content)\r\n"
                }
                body += "--\(boundary)--\r\n"
                return (["Cookie": "dxtrack_session=\(b.cookie)", "Content-Type": "multipart/form-data; boundary=\(boundary)"], ByteBuffer(string: body))
            }
            var form = Self.expected
            form.code = "BM12"
            let (headers, body) = upload([("_csrf", nil, b.csrf), ("file", "BM12.json", String(decoding: form.toJSON(), as: UTF8.self)), ("json", nil, "")])
            try await app.test(.POST, "/forms/import", headers: headers, body: body) { res async in
                XCTAssertEqual(res.status, .seeOther, res.body.string)
                XCTAssertEqual(res.headers.first(name: .location), "/forms/BM12?msg=imported")
            }
            let saved = try await Store(app.db).tableForm("BM12")
            XCTAssertEqual(saved, form)
            // A file that is not a form: refused, its content shown back.
            let (h2, b2) = upload([("_csrf", nil, b.csrf), ("file", "notes.json", "[1, 2]")])
            try await app.test(.POST, "/forms/import", headers: h2, body: b2) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Tệp JSON không phải là biểu mẫu hợp lệ"), res.body.string)
                XCTAssertTrue(res.body.string.contains(">[1, 2]</textarea>"))
            }
            // Without the token, multipart is refused like any form.
            let (h3, b3) = upload([("file", "BM12.json", String(decoding: form.toJSON(), as: UTF8.self))])
            try await app.test(.POST, "/forms/import", headers: h3, body: b3) { res async in
                XCTAssertEqual(res.status, .forbidden)
            }
        }
    }

    func testOnlyCoordinatorsAndAdministratorsChangeForms() async throws {
        try await withDemoApp { app, _ in
            let store = Store(app.db)
            let coordinator = try await browser(app, "dieuphoi")
            // Without the CSRF token.
            for path in ["/forms/new", "/forms/import", "/forms/BM01"] {
                try await app.test(.POST, path, headers: coordinator.headers, body: formBody([("action", "save")] + Self.fields)) { res async in
                    XCTAssertEqual(res.status, .forbidden, path)
                    XCTAssertTrue(res.body.string.contains("CSRF"), path)
                }
            }
            let reporter = try await browser(app, "hungha")
            try await app.test(.POST, "/forms/new", headers: reporter.headers, body: formBody([("_csrf", reporter.csrf), ("action", "save")] + Self.fields)) { res async in
                XCTAssertEqual(res.status, .forbidden)
                XCTAssertTrue(res.body.string.contains("Chỉ cơ quan thường trực hoặc quản trị mới được thiết lập"))
            }
            try await app.test(.GET, "/forms/new", headers: reporter.headers) { res async in
                XCTAssertEqual(res.status, .forbidden)
            }
            let viewer = try await browser(app, "lanhdao")
            let stored = try await store.tableForm("BM01")
            let bm01 = String(decoding: try XCTUnwrap(stored).toJSON(), as: UTF8.self)
            try await app.test(.POST, "/forms/import", headers: viewer.headers, body: formBody([("_csrf", viewer.csrf), ("json", bm01), ("replace", "1")])) { res async in
                XCTAssertEqual(res.status, .forbidden)
            }
            try await app.test(.POST, "/forms/BM01", headers: viewer.headers, body: formBody([("_csrf", viewer.csrf), ("action", "save")] + Self.fields)) { res async in
                XCTAssertEqual(res.status, .forbidden)
            }
            let forms = try await store.tableForms()
            XCTAssertEqual(forms.map(\.code), ["BM01", "BM02"])
            // Everyone signed in reads the list and a form, without the designer.
            for b in [reporter, viewer] {
                try await app.test(.GET, "/forms", headers: b.headers) { res async in
                    XCTAssertEqual(res.status, .ok)
                    XCTAssertTrue(res.body.string.contains("<tr data-form=\"BM02\">"))
                    XCTAssertFalse(res.body.string.contains("/forms/new"))
                    XCTAssertFalse(res.body.string.contains("/forms/import"))
                }
                try await app.test(.GET, "/forms/BM02", headers: b.headers) { res async in
                    XCTAssertEqual(res.status, .ok)
                    let page = res.body.string
                    XCTAssertTrue(page.contains("<th colspan=\"4\" scope=\"colgroup\">Tổng hồ sơ nhận giải quyết</th>") || page.contains("Tổng hồ sơ nhận giải quyết</th>"), page)
                    XCTAssertFalse(page.contains("id=\"form-designer\""))
                    XCTAssertTrue(page.contains("<table id=\"columns\">"))
                }
            }
            try await app.test(.GET, "/forms", headers: ["Content-Type": "text/html"]) { res async in
                XCTAssertEqual(res.status, .seeOther, "visitors are sent to the login page")
            }
        }
    }

    func testAnEnglishAccountSeesTheDesignerInEnglish() async throws {
        try await withDemoApp { app, _ in
            try await Store(app.db).setLanguage(username: DemoData.adminUsername, .en, by: .system)
            let b = try await browser(app, DemoData.adminUsername)
            let pages: [(String, [String])] = [
                ("/forms", ["<h1>Table forms</h1>", ">Table forms</a>", "Import a form from a JSON file", "View the consolidated table", "Create a form"]),
                ("/forms/BM02", ["Preview of the table header", "Edit the form", "Add column rows", "Header groups", "Computed by formula", "Save the form"]),
                ("/forms/new", ["Form code (letters without diacritics, digits, - _ .)", "One row per unit", "Create a form"]),
                ("/forms/BM01/table?period=2024", ["Download:", "Reporting period"]),
            ]
            for (path, expected) in pages {
                try await app.test(.GET, path, headers: b.headers) { res async in
                    XCTAssertEqual(res.status, .ok, path)
                    let body = res.body.string
                    XCTAssertTrue(body.contains("<html lang=\"en\">"), path)
                    for e in expected { XCTAssertTrue(body.contains(e), "\(path) lacks \(e)") }
                }
            }
        }
    }
}
