import FluentKit

/// Every migration in order. Append only: a released migration is never edited.
public enum DXMigrations {
    public static let all: [any Migration] = [
        M001CreateUnits(),
        M002CreatePlans(),
        M003CreateIndicators(),
        M004CreateTasks(),
        M005CreateDocuments(),
        M006CreateFacts(),
        M007CreateUsers(),
        M008CreateScoring(),
        M010CreateSessions(),
        M011CreateRounds(),
        M012CreateAudit(),
        M013AddRoundUnitApproval(),
        M014CreateReportTemplates(),
        M015AddAccountLanguage(),
        M016CreateTableForms(),
        M017CreateLoginThrottle(),
        M018AddOwnerUnits(),
        M019AddIndicatorZeroDenominator(),
        M021CreateUnitReportHeadings(),
        M022AddFactSliceIndexes(),
        M023UnitVersions(),
        M024CreateNotices(),
        M025UnitRevision(),
        M026SubtreeRollups(),
        M027UnitsParentIndexAgain(),
        M028PlanRevision(),
        M029FactRevision(),
        M030FactsByUnit(),
    ]
}

/// Runs a schema change in a transaction so a failure leaves nothing half-made
/// (both SQLite and PostgreSQL have transactional DDL).
protocol TransactionalMigration: AsyncMigration {
    func up(_ db: any Database) async throws
    func down(_ db: any Database) async throws
}

extension TransactionalMigration {
    func prepare(on database: any Database) async throws {
        try await database.transaction { try await up($0) }
    }

    func revert(on database: any Database) async throws {
        try await database.transaction { try await down($0) }
    }
}
