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
    }

    /// Plan code → indicator code → indicator.
    private(set) var indicators: [String: [String: IndicatorInfo]] = [:]
    private(set) var units: [String: UnitInfo] = [:]

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
        for u in try await UnitModel.query(on: db).field(\.$id).field(\.$code).all() {
            guard let id = u.id else { continue }
            c.units[u.code] = UnitInfo(index: n, id: id.uuidString)
            n += 1
        }
        return c
    }
}
