import DXStore
import XCTest

final class DatabaseURLTests: XCTestCase {
    func testSQLiteAndPostgresAddressesAreRecognised() throws {
        XCTAssertEqual(try DatabaseURL(parsing: "sqlite:./data/x.sqlite"), .sqlite(path: "./data/x.sqlite"))
        XCTAssertEqual(try DatabaseURL(parsing: "sqlite:/tmp/a.db"), .sqlite(path: "/tmp/a.db"))
        XCTAssertEqual(try DatabaseURL(parsing: "postgres://u:p@localhost:5432/db").kindName, "postgres")
        XCTAssertEqual(try DatabaseURL(parsing: "postgresql://u@h/db").kindName, "postgres")
    }

    func testMalformedAddressesAreRejectedInVietnamese() {
        for bad in ["", "mysql://x", "sqlite:", "sqlite:/tmp/", "postgres://", "postgres://host", "postgres://u@h:99999/db", "./file.sqlite"] {
            XCTAssertThrowsError(try DatabaseURL(parsing: bad), bad) { error in
                XCTAssertTrue(String(describing: error).hasPrefix("Địa chỉ cơ sở dữ liệu không hợp lệ"), "\(error)")
            }
        }
    }

    func testOptionWinsOverEnvironmentWhichWinsOverDefault() throws {
        XCTAssertEqual(try DatabaseURL.resolve(option: nil, environment: [:]), .sqlite(path: "./data/dxtrack.sqlite"))
        XCTAssertEqual(try DatabaseURL.resolve(option: nil, environment: ["DATABASE_URL": "sqlite:e.db"]), .sqlite(path: "e.db"))
        XCTAssertEqual(try DatabaseURL.resolve(option: "sqlite:o.db", environment: ["DATABASE_URL": "sqlite:e.db"]), .sqlite(path: "o.db"))
    }

    func testDescriptionHidesThePassword() throws {
        XCTAssertEqual(try DatabaseURL(parsing: "postgres://u:secret@h:5432/db").description, "postgres://u:***@h:5432/db")
    }
}
