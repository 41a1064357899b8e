import DXCore
import Foundation

// Shared by the aggregation, evaluation, summary, scoring, ranking and change tests: the demo
// data files read straight from the store's resources, and a seeded random generator for the
// property tests.

/// The demo data set of `Sources/DXStore/Demo/Resources`, decoded with the shapes of
/// `docs/demo-data.md`. Read by path so that DXCore's tests need no dependency on DXStore.
enum DemoResources {
    /// Symlinks resolved, so that the path also holds when the test directory is linked from a
    /// scratch package.
    static let root: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent()  // DXCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Sources/DXStore/Demo/Resources")

    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(path))
    }

    static func decode<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
        try JSONDecoder().decode(T.self, from: data(path))
    }

    struct PlanFile: Decodable {
        var code: String
        var title: String
        var pillars: [Pillar]
        var indicators: [IndicatorRow]
        var tasks: [TaskRow]
    }

    struct IndicatorRow: Decodable {
        var code: String
        var name: String
        var pillar: String?
        var measure: MeasureKind
        var unit: String?
        var aggregation: UnitAggregation
        var temporal: TemporalAggregation
        var direction: Direction
        var targets: [Target]

        var domain: Indicator {
            Indicator(code: code, name: name, pillarCode: pillar, measure: measure, unitOfMeasure: unit,
                      aggregation: aggregation, temporal: temporal, direction: direction, targets: targets)
        }
    }

    struct TaskRow: Decodable {
        var code: String
        var title: String
        var pillar: String?
        var lead: String?
        var leadText: String?
        var deadline: Deadline?

        var domain: PlanTask {
            PlanTask(code: code, title: title, pillarCode: pillar, leadUnitCode: lead, leadText: leadText ?? "",
                     deadline: deadline)
        }
    }

    struct ValueRow: Decodable {
        var plan: String
        var indicator: String
        var unit: String
        var period: String
        var numerator: Double?
        var denominator: Double?
        var value: Double?
        var text: String?
        var judgement: Judgement?

        var domain: DataValue {
            DataValue(planCode: plan, indicatorCode: indicator, unitCode: unit, periodID: period,
                      numerator: numerator, denominator: denominator, value: value, text: text,
                      judgement: judgement, author: "demo")
        }
    }

    struct UnitRow: Decodable {
        var code: String
        var name: String
        var kind: UnitKind
        var parent: String?
        var validTo: CalendarDate?

        var domain: OrgUnit { OrgUnit(code: code, name: name, kind: kind, parentCode: parent, validTo: validTo) }
    }

    struct ReportRow: Decodable {
        var plan: String
        var task: String
        var unit: String
        var period: String
        var status: TaskStatus
        var percent: Double?

        var domain: TaskReport {
            TaskReport(planCode: plan, taskCode: task, unitCode: unit, periodID: period, status: status, percent: percent)
        }
    }

    struct ScoringInputsFile: Decodable {
        struct Row: Decodable {
            var unit: String
            var criterion: String
            var numerator: Double?
            var denominator: Double?
            var value: Double?
            var grade: ScoringGrade?
            var evidence: [String]?
        }

        var scheme: String
        var inputs: [Row]

        var domain: [ScoringInput] {
            inputs.map {
                ScoringInput(unitCode: $0.unit, criterionCode: $0.criterion, numerator: $0.numerator,
                             denominator: $0.denominator, value: $0.value, grade: $0.grade, evidence: $0.evidence ?? [])
            }
        }
    }

    static func plan(_ slug: String) throws -> PlanFile { try decode(PlanFile.self, "plans/\(slug).json") }

    static func values() throws -> [DataValue] { try decode([ValueRow].self, "values.json").map(\.domain) }

    static func units() throws -> UnitTree { try UnitTree(decode([UnitRow].self, "units.json").map(\.domain)) }

    static func taskReports() throws -> [TaskReport] { try decode([ReportRow].self, "taskReports.json").map(\.domain) }
}

/// SplitMix64: a small seeded generator, so that property tests fail the same way every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Short constructors for hand-made cases.
enum Fixture {
    static func unit(_ code: String, _ kind: UnitKind, parent: String? = nil, validTo: CalendarDate? = nil) -> OrgUnit {
        OrgUnit(code: code, name: code, kind: kind, parentCode: parent, validTo: validTo)
    }

    static func value(_ indicator: String, _ unit: String, _ period: String, numerator: Double? = nil,
                      denominator: Double? = nil, value: Double? = nil, text: String? = nil,
                      judgement: Judgement? = nil, author: String? = nil) -> DataValue {
        DataValue(planCode: "KH", indicatorCode: indicator, unitCode: unit, periodID: period, numerator: numerator,
                  denominator: denominator, value: value, text: text, judgement: judgement, author: author)
    }

    static func period(_ id: String) -> Period { Period(identifier: id)! }
}
