import Foundation

extension TableForm {
    /// Reads a form exported as JSON (by the designer or by hand) and validates it: every
    /// problem, including a JSON that does not describe a form, comes back in Vietnamese.
    public static func fromJSON(_ data: Data) throws(FormDefinitionError) -> TableForm {
        let form: TableForm
        do {
            form = try JSONDecoder().decode(TableForm.self, from: data)
        } catch let error as DecodingError {
            throw FormDefinitionError(problems: [.invalidJSON(Self.describe(error))])
        } catch {
            throw FormDefinitionError(problems: [.invalidJSON("không đọc được JSON")])
        }
        let problems = form.validate()
        guard problems.isEmpty else { throw FormDefinitionError(problems: problems) }
        return form
    }

    /// The form as JSON, keys sorted and indented, so that exports diff well.
    public func toJSON() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            let p = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return p.isEmpty ? "gốc" : String(p.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = context.codingPath.isEmpty ? "" : " trong \(path(context.codingPath))"
            return "thiếu trường \"\(key.stringValue)\"\(at)"
        case .typeMismatch(_, let context):
            return "trường \(path(context.codingPath)) sai kiểu dữ liệu"
        case .valueNotFound(_, let context):
            return "trường \(path(context.codingPath)) không được để trống"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "nội dung không phải JSON hợp lệ" }
            return "giá trị của \(path(context.codingPath)) không hợp lệ"
        @unknown default:
            return "không đọc được JSON"
        }
    }
}

extension FormTable {
    /// The table as text rows, as an appendix or a CSV export shows it: STT (when the form
    /// numbers rows), the row label, then every column formatted; the totals row last, with an
    /// empty STT.
    public func displayRows(locale: DisplayLocale = .vi) -> [[String]] {
        let numbered = form.form.numbered
        var out: [[String]] = []
        for row in rows + (totals.map { [$0] } ?? []) {
            var line: [String] = numbered ? [row.number] : []
            line.append(row.label)
            for c in form.form.columns { line.append(display(row, c.key, locale: locale)) }
            out.append(line)
        }
        return out
    }
}
