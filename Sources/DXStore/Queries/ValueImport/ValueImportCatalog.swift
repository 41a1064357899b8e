import DXCore
import FluentKit
import Foundation

/// Plans, indicators and units read once at the start of a values import, so that checking a
/// row costs dictionary lookups instead of three queries.
struct ValueImportCatalog {
    struct IndicatorInfo {
        /// Dense number of the indicator in this import (for the duplicate-row key).
        let index: UInt64
        /// The id as the staging table takes it (upper-case text, as Fluent writes it on SQLite).
        let id: String
        let isRate: Bool
        let allowsOverHundred: Bool
        let allowsZeroDenominator: Bool
    }

    struct UnitInfo {
        let index: UInt64
        let id: String
        var from: CalendarDate? = nil
        var to: CalendarDate? = nil
    }

    /// Plan code → indicator code → indicator.
    private(set) var indicators: [String: [String: IndicatorInfo]] = [:]
    /// Every version of each code (units with validity, migration 023).
    private(set) var units: [String: [UnitInfo]] = [:]

    /// The version a code names on a figure's last day, as `Store.unit(code:asOf:)` picks it.
    func unit(_ code: String, on day: CalendarDate?) -> UnitInfo? {
        guard let versions = units[code] else { return nil }
        if versions.count == 1 { return versions[0] }
        return UnitVersionPicker.pick(versions, on: day ?? .today(), from: \.from, to: \.to)
    }

    static func load(_ db: any Database) async throws -> ValueImportCatalog {
        var c = ValueImportCatalog()
        var planCodes: [UUID: String] = [:]
        for p in try await PlanModel.query(on: db).all() {
            if let id = p.id {
                planCodes[id] = p.code
                c.indicators[p.code] = [:]
            }
        }
        var n: UInt64 = 0
        for i in try await IndicatorModel.query(on: db).all() {
            guard let id = i.id, let plan = planCodes[i.$plan.id] else { continue }
            c.indicators[plan, default: [:]][i.code] = IndicatorInfo(
                index: n, id: id.uuidString, isRate: i.measure == MeasureKind.rate.rawValue, allowsOverHundred: i.allowsOverHundred,
                allowsZeroDenominator: i.allowsZeroDenominator)
            n += 1
        }
        n = 0
        for u in try await UnitModel.query(on: db).field(\.$id).field(\.$code).field(\.$validFrom).field(\.$validTo).all() {
            guard let id = u.id else { continue }
            c.units[u.code, default: []].append(UnitInfo(index: n, id: id.uuidString, from: u.from, to: u.to))
            n += 1
        }
        return c
    }
}
