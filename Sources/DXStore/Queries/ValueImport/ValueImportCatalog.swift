import DXCore
import FluentKit
import Foundation

/// Plans, indicators and units read once at the start of a values import, so that checking a
/// row costs dictionary lookups instead of three queries.
///
/// Indicators and units are numbered by the order of their ids as text (`index`), which is
/// also the order of the ids as PostgreSQL's `uuid`: rows sorted by (indicator, unit, period)
/// numbers go into `data_values`' unique key in its own order, so that each insert lands next
/// to the previous one instead of at a random page of the index.
struct ValueImportCatalog {
    struct IndicatorInfo {
        /// Rank of the id among the indicators' ids (for the row key and the write order).
        var index: UInt64
        /// The id as `data_values` holds it (upper-case text, as Fluent writes it on SQLite).
        let id: String
        let isRate: Bool
        let allowsOverHundred: Bool
        let allowsZeroDenominator: Bool
    }

    struct UnitInfo {
        var index: UInt64
        let id: String
        var from: CalendarDate? = nil
        var to: CalendarDate? = nil
    }

    /// Plan code → indicator code → indicator.
    private(set) var indicators: [String: [String: IndicatorInfo]] = [:]
    /// Every version of each code (units with validity, migration 023).
    private(set) var units: [String: [UnitInfo]] = [:]
    /// Ids by `index`.
    private(set) var indicatorIDs: [String] = []
    private(set) var unitIDs: [String] = []

    /// The version a code names on a figure's last day, as `Store.unit(code:asOf:)` picks it.
    func unit(_ code: String, on day: () -> CalendarDate?) -> UnitInfo? {
        guard let versions = units[code] else { return nil }
        if versions.count == 1 { return versions[0] }
        return UnitVersionPicker.pick(versions, on: day() ?? .today(), from: \.from, to: \.to)
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
        for i in try await IndicatorModel.query(on: db).all() {
            guard let id = i.id, let plan = planCodes[i.$plan.id] else { continue }
            c.indicators[plan, default: [:]][i.code] = IndicatorInfo(
                index: 0, id: id.uuidString, isRate: i.measure == MeasureKind.rate.rawValue, allowsOverHundred: i.allowsOverHundred,
                allowsZeroDenominator: i.allowsZeroDenominator)
        }
        for u in try await UnitModel.query(on: db).field(\.$id).field(\.$code).field(\.$validFrom).field(\.$validTo).all() {
            guard let id = u.id else { continue }
            c.units[u.code, default: []].append(UnitInfo(index: 0, id: id.uuidString, from: u.from, to: u.to))
        }
        c.indicatorIDs = c.indicators.values.flatMap { $0.values.map(\.id) }.sorted()
        c.unitIDs = c.units.values.flatMap { $0.map(\.id) }.sorted()
        let indicatorRank = Dictionary(uniqueKeysWithValues: c.indicatorIDs.enumerated().map { ($1, UInt64($0)) })
        let unitRank = Dictionary(uniqueKeysWithValues: c.unitIDs.enumerated().map { ($1, UInt64($0)) })
        c.indicators = c.indicators.mapValues { byCode in
            byCode.mapValues { var i = $0; i.index = indicatorRank[i.id] ?? 0; return i }
        }
        c.units = c.units.mapValues { versions in versions.map { var u = $0; u.index = unitRank[u.id] ?? 0; return u } }
        return c
    }
}
