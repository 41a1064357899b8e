import DXCore
import Foundation

/// ADX (IHE QRPH aggregate data exchange, namespace `urn:ihe:qrph:adx:2015`) as DHIS2 reads and
/// writes it: a `group` per unit, period (start/duration, `2024-01-01/P3M`) and data set; a
/// `dataValue` per data element, its disaggregation as `CATEGORY="OPTION"` attributes, a number
/// in `value`; a non-numeric value, or a comment, in `annotation`.
enum ADXReader {
    static let namespace = "urn:ihe:qrph:adx:2015"

    /// The values of an ADX file, parsed as the spreadsheet parts are: no DOCTYPE or entities,
    /// UTF-8 only, texts bounded, streamed.
    static func read(_ data: Data, name: String, mapping: DHIS2Mapping, maxValues: Int, errors: inout [String]) -> [DHIS2RawValue]? {
        let h = Handler(mapping: mapping, maxValues: maxValues)
        do {
            try XLSXXML.parse(data, part: name, limits: .default, handler: h)
        } catch {
            switch error.reason {
            case .malformedXML(_, let line, let detail): errors.append("Tệp \(name) có lỗi cấu trúc XML ở dòng \(line): \(detail)")
            case .doctype: errors.append("Tệp \(name) có khai báo DOCTYPE hoặc ENTITY: không đọc (tệp ADX không cần, và chúng có thể dùng để tấn công).")
            case .unsupportedEncoding: errors.append("Tệp \(name) không dùng bảng mã UTF-8.")
            case .textTooLong(_, let limit): errors.append("Tệp \(name) có đoạn văn bản dài quá \(VNNumber.format(Double(limit))) ký tự.")
            case .unreadable(let why): errors.append(why)
            default: errors.append("Tệp \(name): \(error.description)")
            }
            return nil
        }
        guard h.sawRoot else {
            errors.append("Tệp \(name) không có phần tử gốc <adx>.")
            return nil
        }
        errors += h.errors
        return h.values
    }

    final class Handler: XLSXXMLHandler {
        let mapping: DHIS2Mapping
        let maxValues: Int
        var values: [DHIS2RawValue] = []
        var errors: [String] = []
        var sawRoot = false
        private var line = 0
        private var group: (orgUnit: String?, period: Result<Period, Period.DHIS2Problem>?, dataSet: String?, line: Int)?
        private var current: DHIS2RawValue?
        private var inAnnotation = false
        private var annotation = ""
        private var depth = 0

        init(mapping: DHIS2Mapping, maxValues: Int) {
            self.mapping = mapping
            self.maxValues = maxValues
        }

        var wantsText: Bool { inAnnotation }

        func position(line: Int) { self.line = line }

        func start(_ name: String, _ a: [String: String]) throws(XLSXError) {
            depth += 1
            if depth == 1 {
                guard name == "adx" else {
                    throw XLSXError(.unreadable("Tệp XML không phải ADX: phần tử gốc là <\(name)>, cần <adx xmlns=\"\(ADXReader.namespace)\">."))
                }
                guard a.values.contains(ADXReader.namespace) else {
                    throw XLSXError(.unreadable("Tệp XML có <adx> nhưng không có không gian tên \(ADXReader.namespace)."))
                }
                sawRoot = true
                return
            }
            switch name {
            case "group":
                let period = a["period"].map { p in Result { () throws(Period.DHIS2Problem) in try Period.fromADX(p) } }
                group = (a["orgUnit"], period, a["dataSet"], line)
                if a["orgUnit"] == nil { errors.append("Dòng \(line): <group> thiếu thuộc tính orgUnit") }
                if a["period"] == nil { errors.append("Dòng \(line): <group> thiếu thuộc tính period") }
            case "dataValue":
                guard let g = group, let ou = g.orgUnit, let period = g.period else {
                    if group == nil { errors.append("Dòng \(line): <dataValue> nằm ngoài <group>") }
                    return
                }
                guard values.count < maxValues else {
                    throw XLSXError(.unreadable("Tệp có hơn \(VNNumber.format(Double(maxValues))) giá trị: hãy chia thành nhiều tệp."))
                }
                guard let de = a["dataElement"], !de.isEmpty else {
                    errors.append("Dòng \(line): <dataValue> thiếu thuộc tính dataElement")
                    return
                }
                for (k, v) in [("dataElement", de), ("orgUnit", ou)] where v.count > FieldLimit.code.maxCharacters {
                    errors.append("Dòng \(line): \(k) dài \(v.count) ký tự, tối đa \(FieldLimit.code.maxCharacters)")
                    return
                }
                var disaggregation = a
                for k in ["dataElement", "value", "deleted", "storedBy", "lastUpdated", "created", "followup"] { disaggregation[k] = nil }
                let source = mapping.source(dataElement: de, adxAttributes: disaggregation)
                current = DHIS2RawValue(
                    place: "Dòng \(line)", line: line, dataSet: g.dataSet, dataElement: de, source: source,
                    disaggregation: disaggregation.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";"),
                    period: period, orgUnit: ou, value: a["value"], comment: nil, storedBy: a["storedBy"],
                    deleted: a["deleted"] == "true")
            case "annotation":
                if current != nil {
                    inAnnotation = true
                    annotation = ""
                }
            default:
                break
            }
        }

        func end(_ name: String) throws(XLSXError) {
            depth -= 1
            switch name {
            case "annotation":
                inAnnotation = false
            case "dataValue":
                guard var v = current else { return }
                let note = annotation.trimmingCharacters(in: .whitespacesAndNewlines)
                if !note.isEmpty {
                    // DHIS2 carries a text value in the annotation; for a number it is a comment.
                    if let s = v.source, !s.part.isNumeric, v.value == nil { v.value = note } else { v.comment = note }
                }
                annotation = ""
                values.append(v)
                current = nil
            case "group":
                group = nil
            default:
                break
            }
        }

        func text(_ text: String) throws(XLSXError) {
            annotation += text
        }
    }
}

extension DHIS2Writer {
    /// `&`, `<`, `>`, `"` escaped; characters XML 1.0 cannot carry dropped.
    static func xmlEscape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(c)
            default:
                if c.value < 0x20 || (0xFFFE...0xFFFF).contains(c.value) { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// An ADX message: one group per unit and period, in the order the values come.
    public static func adx(_ values: [DataValue], planCode: String, mapping: DHIS2Mapping = .codes, exported: Date = Date()) throws(Refusal) -> Data {
        let out = try items(values, mapping: mapping)
        var order: [String] = []
        var groups: [String: [DHIS2OutValue]] = [:]
        for i in out {
            let k = i.orgUnit + "\u{1F}" + i.period.identifier
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(i)
        }
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        x += "<adx xmlns=\"\(ADXReader.namespace)\" exported=\"\(isoTime().string(from: exported))\">\n"
        let dataSet = xmlEscape(mapping.dataSet(planCode))
        for k in order {
            let list = groups[k]!
            let g = list[0]
            // `items` keeps only periods DHIS2 has, which all have an ADX form.
            let period = (try? g.period.adxPeriod()) ?? ""
            x += "  <group orgUnit=\"\(xmlEscape(g.orgUnit))\" period=\"\(period)\" dataSet=\"\(dataSet)\">\n"
            func element(_ target: DHIS2Target, value: String?, note: String?, storedBy: String?) {
                x += "    <dataValue dataElement=\"\(xmlEscape(target.dataElement))\""
                for (c, o) in target.adxAttributes.sorted(by: { $0.key < $1.key }) { x += " \(c)=\"\(xmlEscape(o))\"" }
                if let value { x += " value=\"\(value)\"" }
                if let s = storedBy { x += " storedBy=\"\(xmlEscape(s))\"" }
                if let note {
                    x += "><annotation>\(xmlEscape(note))</annotation></dataValue>\n"
                } else {
                    x += "/>\n"
                }
            }
            for i in list {
                if i.part.isNumeric {
                    element(i.target, value: i.value, note: i.comment, storedBy: i.storedBy)
                } else {
                    element(i.target, value: nil, note: i.value, storedBy: i.storedBy)
                    // The annotation holds the text itself: a comment goes on the plain value.
                    if let c = i.comment { element(i.valueTarget, value: nil, note: c, storedBy: i.storedBy) }
                }
            }
            x += "  </group>\n"
        }
        x += "</adx>\n"
        return Data(x.utf8)
    }
}
