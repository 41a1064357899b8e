import FluentKit

/// A database that forwards to another (the web tier's timing wrapper). The bulk values import
/// needs the driver's own database for what only it offers (COPY on PostgreSQL, prepared
/// multi-row inserts on SQLite), on the same connection and transaction.
public protocol DatabaseWrapper {
    var wrappedDatabase: any Database { get }
}

extension Database {
    /// The driver's database under any wrappers.
    var driverDatabase: any Database {
        var d: any Database = self
        while let w = d as? any DatabaseWrapper { d = w.wrappedDatabase }
        return d
    }
}
