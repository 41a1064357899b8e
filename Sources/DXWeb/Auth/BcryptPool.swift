import DXCore
import Foundation
import Vapor

/// Bcrypt on a small pool of its own threads. A check costs a quarter of a second of CPU by
/// design; on the event loop a burst of logins froze every page, and on the application's
/// thread pool it would queue behind SQLite's work. Here a burst slows logins only. The queue
/// is bounded: past `maxWaiting` a login is told to come back instead of waiting for minutes.
public final class BcryptPool: Sendable {
    private let pool: NIOThreadPool
    private let maxWaiting: Int
    private let waiting = Counter()
    private let checks = Counter()

    /// One thread per two cores: the other half stays with the event loops and the database.
    public init(threads: Int = max(1, System.coreCount / 2), maxWaiting: Int = 64) {
        pool = NIOThreadPool(numberOfThreads: threads)
        self.maxWaiting = maxWaiting
        pool.start()
    }

    /// A bcrypt hash of a random password, never matched: unknown and disabled accounts are
    /// checked against it so that the time of an answer does not tell which names exist. Same
    /// cost as `Credentials.hashPassword`.
    static let dummyHash = "$2b$12$luFIw39muKsKlv/wJRDynuGZjs3dXNtev6KnX9mOotRxhiCCERS.m"

    public struct Busy: AbortError {
        public var status: HTTPResponseStatus { .serviceUnavailable }
        public var reason: String { "Máy chủ đang bận kiểm tra đăng nhập. Vui lòng thử lại sau ít phút." }
        public var headers: HTTPHeaders { ["Retry-After": "30"] }
    }

    public func verify(_ password: String, hash: String?) async throws -> Bool {
        let matched = try await run { Credentials.verify(password, hash: hash ?? Self.dummyHash) }
        return hash != nil && matched
    }

    public func hash(_ password: String) async throws -> String {
        try await run { try Credentials.hashPassword(password) }
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        guard waiting.increment(ifBelow: maxWaiting) else { throw Busy() }
        defer { waiting.decrement() }
        checks.add()
        return try await pool.runIfActive(work)
    }

    /// Bcrypt runs so far: a login costs one whether or not its account exists.
    public var checksPerformed: Int { checks.current }

    public func shutdown() async {
        try? await pool.shutdownGracefully()
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func increment(ifBelow limit: Int) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            guard value < limit else { return false }
            value += 1
            return true
        }

        func decrement() { add(-1) }

        func add(_ n: Int = 1) {
            lock.lock()
            value += n
            lock.unlock()
        }

        var current: Int {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }
}

extension Application {
    private struct BcryptPoolKey: StorageKey { typealias Value = BcryptPool }

    private struct BcryptPoolShutdown: LifecycleHandler {
        let hasher: BcryptPool
        func shutdownAsync(_ application: Application) async { await hasher.shutdown() }
    }

    public internal(set) var bcryptPool: BcryptPool {
        get { storage[BcryptPoolKey.self]! }
        set {
            storage[BcryptPoolKey.self] = newValue
            lifecycle.use(BcryptPoolShutdown(hasher: newValue))
        }
    }

    /// Login guesses allowed per window; tests narrow or widen them.
    private struct LoginLimitsKey: StorageKey { typealias Value = LoginLimits }

    public var loginLimits: LoginLimits {
        get { storage[LoginLimitsKey.self] ?? LoginLimits() }
        set { storage[LoginLimitsKey.self] = newValue }
    }
}

extension Request {
    var bcryptPool: BcryptPool { application.bcryptPool }
}
