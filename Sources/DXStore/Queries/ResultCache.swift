import Synchronization

/// What a page computed from the database, kept under the revision tokens it was read under
/// (`RevisionTokens`) and given again while the database still has them. Nothing can be stale:
/// the tokens are read in each request from the database every instance shares, triggers change
/// them on any write that could change a result, and a result is stored under tokens read
/// before anything it was computed from. A leader's dashboard is read far more often than its
/// figures change; each read costs one single-row statement instead of the evaluation.
public final class ResultCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entries {
        var tokens: RevisionTokens
        var values: [Key: Value] = [:]
    }

    private let latest = Mutex<Entries?>(nil)
    private let capacity: Int

    /// `capacity`: the results kept at most (every unit of the country could be asked for).
    public init(capacity: Int = 128) {
        self.capacity = capacity
    }

    func value(_ key: Key, tokens: RevisionTokens) -> Value? {
        latest.withLock { $0?.tokens == tokens ? $0?.values[key] : nil }
    }

    func store(_ value: Value, key: Key, tokens: RevisionTokens) {
        latest.withLock { entries in
            if entries?.tokens != tokens { entries = Entries(tokens: tokens) }
            if entries!.values.count >= capacity { entries!.values.removeAll() }
            entries!.values[key] = value
        }
    }
}

extension Store {
    /// `compute`'s result, from `cache` while the revision tokens are those it was computed
    /// under. Computed every time without a cache, inside a transaction, or on a database
    /// without the tokens.
    public func cached<Key, Value>(_ cache: ResultCache<Key, Value>?, _ key: Key,
                                   compute: () async throws -> Value) async throws -> Value {
        // The tokens first: what `compute` reads is then no older than they are.
        guard let cache, let tokens = try await revisionTokens() else { return try await compute() }
        if let hit = cache.value(key, tokens: tokens) { return hit }
        let value = try await compute()
        cache.store(value, key: key, tokens: tokens)
        return value
    }
}
