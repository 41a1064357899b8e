import Foundation

/// Where the data lives: `sqlite:PATH` or `postgres://user:password@host:port/database`.
public enum DatabaseURL: Equatable, Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    public static let defaultSQLitePath = "./data/dxtrack.sqlite"
    public static let `default` = DatabaseURL.sqlite(path: defaultSQLitePath)

    public struct Invalid: Error, CustomStringConvertible, LocalizedError {
        public let text: String
        public var description: String {
            "Địa chỉ cơ sở dữ liệu không hợp lệ: \"\(text)\". Dùng sqlite:ĐƯỜNG_DẪN (ví dụ sqlite:./data/dxtrack.sqlite) hoặc postgres://người_dùng:mật_khẩu@máy:cổng/tên_csdl."
        }
        public var errorDescription: String? { description }
    }

    public init(parsing text: String) throws(Invalid) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("sqlite:") {
            var path = String(t.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty, !path.hasSuffix("/") else { throw Invalid(text: text) }
            self = .sqlite(path: path)
        } else if t.hasPrefix("postgres://") || t.hasPrefix("postgresql://") {
            guard let comps = URLComponents(string: t), let host = comps.host, !host.isEmpty,
                  comps.path.count > 1, comps.user != nil
            else { throw Invalid(text: text) }
            if let port = comps.port, !(1...65535).contains(port) { throw Invalid(text: text) }
            self = .postgres(url: t)
        } else {
            throw Invalid(text: text)
        }
    }

    /// `--db` wins over `DATABASE_URL`, which wins over the default file.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(Invalid) -> DatabaseURL {
        if let o = option { return try DatabaseURL(parsing: o) }
        if let e = environment["DATABASE_URL"], !e.isEmpty { return try DatabaseURL(parsing: e) }
        return .default
    }

    /// The name `/healthz` reports.
    public var kindName: String {
        switch self {
        case .sqlite: "sqlite"
        case .postgres: "postgres"
        }
    }

    /// For messages: never prints a password.
    public var description: String {
        switch self {
        case .sqlite(let p): return "sqlite:\(p)"
        case .postgres(let u):
            guard var c = URLComponents(string: u) else { return "postgres://…" }
            if c.password != nil { c.password = "***" }
            return c.string ?? "postgres://…"
        }
    }
}
