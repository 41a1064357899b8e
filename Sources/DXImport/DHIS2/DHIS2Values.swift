import DXCore
import Foundation

/// A DHIS2 data value as a file gives it, before the parts of one indicator are put together.
struct DHIS2RawValue {
    /// Where it is, for messages: "dataValues[3]" or "Dòng 12".
    var place: String
    var line: Int
    var dataSet: String?
    var dataElement: String
    /// The indicator part it carries, or nil when its combination is not known.
    var source: DHIS2Source?
    var disaggregation: String?
    var period: Result<Period, Period.DHIS2Problem>
    var orgUnit: String
    var value: String?
    var comment: String?
    var storedBy: String?
    var deleted = false
}

/// A DHIS2 file read into dxtrack values: the rows for the values import (each with the line
/// or item of its first DHIS2 value), the errors and warnings, all naming their place.
public struct DHIS2Read: Sendable {
    public enum Shape: String, Sendable {
        case dataValueSetJSON = "DHIS2 dataValueSets JSON"
        case adx = "ADX"
    }

    public var shape: Shape
    public var rows: [(line: Int, value: DataValue)] = []
    public var errors: [String] = []
    public var warnings: [String] = []
    /// Whether the file itself could not be read (not JSON, malformed XML, no `dataValues`),
    /// as opposed to values in it that are wrong.
    public var unreadable = false
    /// How each row's line is named in messages (JSON has no lines: items are named).
    var places: [Int: String] = [:]

    /// A message of the values import ("Dòng N: …") with the row's place as this file names it.
    public func located(_ message: String) -> String {
        guard shape == .dataValueSetJSON, message.hasPrefix("Dòng "),
              let colon = message.firstIndex(of: ":"),
              let n = Int(message[message.index(message.startIndex, offsetBy: 5)..<colon]),
              let place = places[n] else { return message }
        return place + message[colon...]
    }

    /// Puts the parts of each indicator, unit and period together into one value each.
    mutating func combine(_ raw: [DHIS2RawValue], defaultPlan: String?, mapping: DHIS2Mapping) {
        var index: [String: Int] = [:]
        var firstPlace: [String: String] = [:]
        var rowPlaces: [String] = []
        for r in raw {
            if r.deleted {
                warnings.append("\(r.place): bỏ qua giá trị đã xóa (deleted = true)")
                continue
            }
            let before = errors.count
            func fail(_ m: String) { errors.append("\(r.place): \(m)") }
            let period: Period?
            switch r.period {
            case .success(let p): period = p
            case .failure(let e): fail(e.message); period = nil
            }
            guard let source = r.source else {
                fail("dataElement \(FieldLimit.excerpt(r.dataElement)) với phân tổ \(FieldLimit.excerpt(r.disaggregation ?? "")) không có trong tệp ánh xạ")
                continue
            }
            let plan = source.planCode ?? defaultPlan ?? r.dataSet.map(mapping.planCode(dataSet:))
            if plan == nil { fail("không rõ kế hoạch của số liệu: ghi dataSet trong tệp hoặc chọn kế hoạch (--plan, ?plan=)") }
            let unit = mapping.unitCode(r.orgUnit)
            if let period, let problem = mapping.unitProblem(r.orgUnit, on: period.end) { fail(problem) }
            var v = DataValue(planCode: plan ?? "", indicatorCode: source.indicatorCode, unitCode: unit, periodID: period?.identifier ?? "")
            let text = r.value.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            if let text {
                switch source.part {
                case .value, .numerator, .denominator:
                    if let x = Double(text), x.isFinite {
                        switch source.part {
                        case .numerator: v.numerator = x
                        case .denominator: v.denominator = x
                        default: v.value = x
                        }
                    } else {
                        fail("\(source.part.labelVI) \"\(FieldLimit.excerpt(text))\" của dataElement \(FieldLimit.excerpt(r.dataElement)) không phải là số")
                    }
                case .text: v.text = text
                case .judgement:
                    v.judgement = Judgement(rawValue: text) ?? Judgement.allCases.first { VNText.searchKey($0.labelVI) == VNText.searchKey(text) }
                    if v.judgement == nil { fail("đánh giá \"\(FieldLimit.excerpt(text))\" không hợp lệ (met, partlyMet, notMet)") }
                }
            } else if r.comment == nil {
                fail("dataElement \(FieldLimit.excerpt(r.dataElement)) không có giá trị")
            }
            guard errors.count == before, let period else { continue }
            v.comment = r.comment
            v.author = r.storedBy
            let key = [v.planCode, v.indicatorCode, unit, period.identifier].joined(separator: "\u{1F}")
            let partKey = key + "\u{1F}" + (text == nil ? "comment" : source.part.rawValue)
            if let first = firstPlace[partKey] {
                fail("trùng \(text == nil ? "ghi chú" : source.part.labelVI) của chỉ tiêu \(v.indicatorCode), đơn vị \(unit), kỳ \(period.identifier) với \(first)")
                continue
            }
            firstPlace[partKey] = r.place
            if let i = index[key] {
                var w = rows[i].value
                w.numerator = w.numerator ?? v.numerator
                w.denominator = w.denominator ?? v.denominator
                w.value = w.value ?? v.value
                w.text = w.text ?? v.text
                w.judgement = w.judgement ?? v.judgement
                w.comment = w.comment ?? v.comment
                w.author = w.author ?? v.author
                rows[i].value = w
            } else {
                index[key] = rows.count
                rows.append((r.line, v))
                rowPlaces.append(r.place)
                places[r.line] = r.place
            }
        }
        for (i, row) in rows.enumerated() where (row.value.numerator == nil) != (row.value.denominator == nil) {
            errors.append("\(rowPlaces[i]): chỉ tiêu \(row.value.indicatorCode), đơn vị \(row.value.unitCode), kỳ \(row.value.periodID): có tử số thì phải có mẫu số và ngược lại")
        }
    }
}

/// Reads a DHIS2 file of either shape, recognised by its content rather than its name.
public enum DHIS2Reader {
    /// Whether `data` looks like a DHIS2 file: a JSON object (dxtrack's own JSON is an array)
    /// or XML.
    public static func shape(of data: Data) -> DHIS2Read.Shape? {
        var bytes = data.prefix(4096).makeIterator()
        var first = bytes.next()
        if first == 0xEF { _ = bytes.next(); _ = bytes.next(); first = bytes.next() }
        while let b = first, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { first = bytes.next() }
        switch first {
        case UInt8(ascii: "{"): return .dataValueSetJSON
        case UInt8(ascii: "<"): return .adx
        default: return nil
        }
    }

    /// The file read by its shape; nil when it is neither a JSON object nor XML.
    public static func read(_ data: Data, name: String, mapping: DHIS2Mapping = .codes, defaultPlan: String? = nil,
                            limits: CSVReader.Limits = CSVReader.Limits()) -> DHIS2Read? {
        guard let shape = shape(of: data) else { return nil }
        var out = DHIS2Read(shape: shape)
        guard data.count <= limits.maxBytes else {
            out.unreadable = true
            out.errors.append("Tệp \(name) lớn hơn \(VNNumber.format(Double(limits.maxBytes / 1_048_576))) MB: hãy chia thành nhiều tệp.")
            return out
        }
        let raw: [DHIS2RawValue]?
        switch shape {
        case .dataValueSetJSON: raw = DataValueSetJSON.read(data, mapping: mapping, errors: &out.errors)
        case .adx: raw = ADXReader.read(data, name: name, mapping: mapping, maxValues: limits.maxRecords * 10, errors: &out.errors)
        }
        guard let raw else {
            out.unreadable = true
            return out
        }
        // Values the reader could not take are already named; the rest are still checked, so
        // that one pass names every problem.
        out.combine(raw, defaultPlan: defaultPlan, mapping: mapping)
        if !out.errors.isEmpty { out.rows = [] }
        return out
    }
}
