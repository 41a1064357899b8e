import VaporCSQLite

/// What every SQLite connection of this process is set to when it opens. sqlite-nio opens its
/// connections itself (one per event loop, again after a failure) and offers no hook, so the
/// settings are an automatic extension (`sqlite3_auto_extension`), run by SQLite inside every
/// `sqlite3_open`:
///
/// - a page cache of 32 MiB instead of 2 MiB: a province's page reads some 15,000 rows by
///   index, scattered over the file; with the default cache each of them cost a `pread`;
/// - reads through a memory map of up to 1 GiB: a page found in the operating system's cache
///   is read in place instead of copied by a system call.
///
/// Neither changes what is stored or how transactions behave.
enum SQLiteConnectionSettings {
    static let pragmas = "PRAGMA cache_size = -32768; PRAGMA mmap_size = 1073741824;"
    static let lockWaitMilliseconds: Int32 = 5_000

    private static let installed: Bool = {
        let entry: @convention(c) (OpaquePointer?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, OpaquePointer?) -> Int32 = { db, _, _ in
            // The settings read the schema, so they wait for a lock like any statement
            // (sqlite-nio sets its own busy handler only after the open): under a burst of new
            // pool connections one of them met another's WAL recovery and failed at once.
            _ = sqlite_nio_sqlite3_busy_timeout(db, SQLiteConnectionSettings.lockWaitMilliseconds)
            // A setting that fails leaves SQLite's default, which works, only slower.
            _ = sqlite_nio_sqlite3_exec(db, SQLiteConnectionSettings.pragmas, nil, nil, nil)
            // `sqlite3_open` answers with the connection's last error after its extensions: an
            // empty statement clears it, so a setting that could not be applied never fails the
            // open.
            _ = sqlite_nio_sqlite3_exec(db, "", nil, nil, nil)
            return SQLITE_OK
        }
        // SQLite declares the entry point without parameters and calls it with these three.
        return sqlite_nio_sqlite3_auto_extension(unsafeBitCast(entry, to: (@convention(c) () -> Void).self)) == SQLITE_OK
    }()

    /// Idempotent; before the first connection opens.
    static func install() {
        _ = installed
    }
}
