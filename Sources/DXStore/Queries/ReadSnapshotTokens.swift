import Synchronization

/// The revision tokens one request has read, for a request that writes nothing (a page, a
/// download): the unit table's and the plans' tokens are read once for the whole request
/// instead of before every use of the kept copies — a data-entry page used the unit tree nine
/// times. The request then sees units and plans as they were when it first asked, as a
/// snapshot would; a write by another request shows on the next one. Never given to a request
/// that writes, which must see its own writes.
public final class ReadSnapshotTokens: Sendable {
    private let units = Mutex<Int64?>(nil)
    private let plans = Mutex<PlanContentsCache.Tokens?>(nil)

    public init() {}

    func unitToken(orRead read: () async throws -> Int64?) async rethrows -> Int64? {
        if let t = units.withLock({ $0 }) { return t }
        let t = try await read()
        units.withLock { $0 = t }
        return t
    }

    func planTokens(orRead read: () async throws -> PlanContentsCache.Tokens?) async rethrows -> PlanContentsCache.Tokens? {
        if let t = plans.withLock({ $0 }) { return t }
        let t = try await read()
        plans.withLock { $0 = t }
        // The units' token was read with the plans': the same snapshot.
        if let t { units.withLock { if $0 == nil { $0 = t.units } } }
        return t
    }
}
