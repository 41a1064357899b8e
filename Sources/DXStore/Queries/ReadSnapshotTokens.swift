import Synchronization

/// The three revision tokens, read together in one statement: units (M025), plans (M028) and
/// the facts evaluations and reporting progress read (M029). What was computed from the
/// database under some tokens is what it would compute again while they are the same.
public struct RevisionTokens: Hashable, Sendable {
    public var units: Int64
    public var plans: Int64
    public var facts: Int64
}

/// The revision tokens one request has read, for a request that writes nothing (a page, a
/// download): the tokens are read once for the whole request instead of before every use of
/// the kept copies — a data-entry page used the unit tree nine times. The request then sees
/// units, plans and facts as they were when it first asked, as a snapshot would; a write by
/// another request shows on the next one. A request that writes gets a new one after each of
/// its writes (`startReads()` in DXWeb), so it sees its own writes.
public final class ReadSnapshotTokens: Sendable {
    private let all = Mutex<RevisionTokens?>(nil)

    public init() {}

    func tokens(orRead read: () async throws -> RevisionTokens?) async rethrows -> RevisionTokens? {
        if let t = all.withLock({ $0 }) { return t }
        let t = try await read()
        all.withLock { $0 = t }
        return t
    }
}
