import DXCore
import Foundation

/// DHIS2's dataValueSets JSON (`/api/dataValueSets`):
///
/// ```json
/// {"dataSet": "pBOMPrpg1QX", "completeDate": "2024-07-05", "period": "2024S1", "orgUnit": "DiszpKrYNg8",
///  "dataValues": [{"dataElement": "f7n9E0hX8qk", "categoryOptionCombo": "HllvX50cXC0", "value": "12", "comment": "…"}]}
/// ```
///
/// `period`, `orgUnit` and `dataSet` at the top apply to the values that do not give their own.
enum DataValueSetJSON {
    /// A JSON `true` or `false` (JSONSerialization gives booleans as numbers of type char).
    static func isBoolean(_ any: Any?) -> Bool {
        guard let n = any as? NSNumber, !(any is String) else { return false }
        return String(cString: n.objCType) == "c"
    }

    static func read(_ data: Data, mapping: DHIS2Mapping, errors: inout [String]) -> [DHIS2RawValue]? {
        guard let root = (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) else {
            errors.append("Tệp không phải JSON hợp lệ (dataValueSets của DHIS2).")
            return nil
        }
        guard let set = root as? [String: Any] else {
            errors.append("Tệp JSON không phải một dataValueSet của DHIS2 (cần một đối tượng có \"dataValues\").")
            return nil
        }
        guard let list = set["dataValues"] as? [Any] else {
            errors.append("Tệp JSON không có mảng \"dataValues\" (dataValueSets của DHIS2).")
            return nil
        }
        func string(_ any: Any?) -> String? {
            switch any {
            case let s as String: s.isEmpty ? nil : s
            case let n as NSNumber: n.stringValue
            default: nil
            }
        }
        // The fields the format defines must have its types: a script's mistake is named, not
        // read as something else.
        var wrongTypes: [String] = []
        for k in ["dataSet", "period", "orgUnit", "completeDate", "attributeOptionCombo", "idScheme", "dataElementIdScheme", "orgUnitIdScheme"]
            where set[k] != nil && !(set[k] is String) {
            wrongTypes.append("Trường \"\(k)\" của dataValueSet phải là một chuỗi ký tự.")
        }
        guard wrongTypes.isEmpty else {
            errors += wrongTypes
            return nil
        }
        let setPeriod = string(set["period"]), setUnit = string(set["orgUnit"]), setDataSet = string(set["dataSet"])
        var out: [DHIS2RawValue] = []
        out.reserveCapacity(list.count)
        for (i, item) in list.enumerated() {
            let place = "dataValues[\(i)]"
            guard let dv = item as? [String: Any] else {
                errors.append("\(place): không phải một đối tượng")
                continue
            }
            var typeErrors: [String] = []
            for k in ["dataElement", "period", "orgUnit", "categoryOptionCombo", "attributeOptionCombo", "comment", "storedBy", "lastUpdated", "created"]
                where dv[k] != nil && !(dv[k] is String) {
                typeErrors.append("\(place): trường \"\(k)\" phải là một chuỗi ký tự")
            }
            if let v = dv["value"], !(v is String), !(v is NSNumber && !isBoolean(v)) {
                typeErrors.append("\(place): trường \"value\" phải là một số hoặc một chuỗi ký tự")
            }
            for k in ["followup", "deleted"] where dv[k] != nil && !isBoolean(dv[k]) {
                typeErrors.append("\(place): trường \"\(k)\" phải là true hoặc false")
            }
            guard typeErrors.isEmpty else {
                errors += typeErrors
                continue
            }
            guard let de = string(dv["dataElement"]) else { errors.append("\(place): thiếu dataElement"); continue }
            guard let pe = string(dv["period"]) ?? setPeriod else { errors.append("\(place): thiếu period"); continue }
            guard let ou = string(dv["orgUnit"]) ?? setUnit else { errors.append("\(place): thiếu orgUnit"); continue }
            var tooLong = false
            for (k, v) in [("dataElement", de), ("orgUnit", ou), ("period", pe)] where v.count > FieldLimit.code.maxCharacters {
                errors.append("\(place): \(k) dài \(v.count) ký tự, tối đa \(FieldLimit.code.maxCharacters)")
                tooLong = true
            }
            if tooLong { continue }
            let coc = string(dv["categoryOptionCombo"])
            let deleted = (dv["deleted"] as? NSNumber)?.boolValue ?? false
            out.append(DHIS2RawValue(
                place: place, line: i + 1, dataSet: setDataSet, dataElement: de,
                source: mapping.source(dataElement: de, categoryOptionCombo: coc), disaggregation: coc,
                period: Result { () throws(Period.DHIS2Problem) in try Period.fromDHIS2(pe) },
                orgUnit: ou, value: string(dv["value"]), comment: string(dv["comment"]),
                storedBy: string(dv["storedBy"]), deleted: deleted))
        }
        return out
    }
}

/// One DHIS2 data value to be written.
struct DHIS2OutValue {
    var target: DHIS2Target
    /// Where the indicator's plain value goes: ADX carries a comment there when the indicator
    /// has only a text or a judgement (whose annotation is the value itself).
    var valueTarget: DHIS2Target
    var period: Period
    var orgUnit: String
    var part: DHIS2Part
    /// The value as DHIS2 stores it (a string), nil for a comment alone.
    var value: String?
    var comment: String?
    var storedBy: String?
    var lastUpdated: Date?
}

/// Writes dxtrack values for DHIS2.
public enum DHIS2Writer {
    public enum Format: String, Sendable, CaseIterable {
        case json = "dhis2-json"
        case adx
    }

    /// Why values cannot be written for DHIS2 (a period DHIS2 has no type for).
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// `1445521`, `56.25`: what DHIS2 stores for a number.
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        var s = String(format: "%.10f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// The DHIS2 values of dxtrack values, or the refusal naming every period DHIS2 cannot hold.
    static func items(_ values: [DataValue], mapping: DHIS2Mapping) throws(Refusal) -> [DHIS2OutValue] {
        var out: [DHIS2OutValue] = []
        var refused: [String: String] = [:]
        // A fixed order (period, unit, indicator), whatever order the database returned.
        let sorted = values.sorted { a, b in
            (a.periodID, a.unitCode, a.indicatorCode) < (b.periodID, b.unitCode, b.indicatorCode)
        }
        for v in sorted {
            guard let period = Period(identifier: v.periodID) else { continue }
            guard period.isDHIS2 else {
                refused[v.periodID] = Period.notInDHIS2(period).message
                continue
            }
            let unit = mapping.orgUnit(v.unitCode, on: period.end)
            var parts: [(DHIS2Part, String)] = []
            if let x = v.value { parts.append((.value, number(x))) }
            if let x = v.numerator { parts.append((.numerator, number(x))) }
            if let x = v.denominator { parts.append((.denominator, number(x))) }
            if let t = v.text { parts.append((.text, t)) }
            if let j = v.judgement { parts.append((.judgement, j.rawValue)) }
            var comment = v.comment
            let valueTarget = mapping.target(plan: v.planCode, indicator: v.indicatorCode, part: .value)
            if parts.isEmpty, comment != nil {
                out.append(DHIS2OutValue(target: valueTarget, valueTarget: valueTarget, period: period,
                                         orgUnit: unit, part: .value, value: nil, comment: comment, storedBy: v.author, lastUpdated: v.updatedAt))
                continue
            }
            for (part, value) in parts {
                out.append(DHIS2OutValue(target: mapping.target(plan: v.planCode, indicator: v.indicatorCode, part: part), valueTarget: valueTarget, period: period,
                                         orgUnit: unit, part: part, value: value, comment: comment, storedBy: v.author, lastUpdated: v.updatedAt))
                comment = nil
            }
        }
        guard refused.isEmpty else {
            throw Refusal(message: "Không xuất được cho DHIS2: " + refused.sorted { $0.key < $1.key }.map(\.value).joined(separator: "; ")
                          + ". Hãy chọn kỳ khác (--period).")
        }
        return out
    }

    /// A formatter per call: Foundation's formatters are not `Sendable`.
    static func isoTime() -> ISO8601DateFormatter {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }

    /// A dataValueSet as DHIS2 imports it. `idScheme` tells DHIS2 how to read the identifiers
    /// (`CODE` without a mapping).
    public static func json(_ values: [DataValue], planCode: String, mapping: DHIS2Mapping = .codes, idScheme: String = "CODE") throws(Refusal) -> Data {
        let out = try items(values, mapping: mapping)
        let time = isoTime()
        var list: [[String: Any]] = []
        list.reserveCapacity(out.count)
        for i in out {
            var dv: [String: Any] = ["dataElement": i.target.dataElement, "period": i.period.identifier, "orgUnit": i.orgUnit]
            if let c = i.target.categoryOptionCombo { dv["categoryOptionCombo"] = c }
            if let v = i.value { dv["value"] = v }
            if let c = i.comment { dv["comment"] = c }
            if let s = i.storedBy { dv["storedBy"] = s }
            if let d = i.lastUpdated { dv["lastUpdated"] = time.string(from: d) }
            list.append(dv)
        }
        let set: [String: Any] = ["dataSet": mapping.dataSet(planCode), "dataElementIdScheme": idScheme, "orgUnitIdScheme": idScheme,
                                  "idScheme": idScheme, "dataValues": list]
        do {
            return try JSONSerialization.data(withJSONObject: set, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        } catch {
            throw Refusal(message: "Không ghi được JSON: \(error)")
        }
    }
}
