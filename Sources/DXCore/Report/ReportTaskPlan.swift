/// One task plan reported on in section I (I.2, I.3, …) with its own appendix, in the order the
/// template lists them (seed 000: the Steering Committee's 2024 activity plan, then plan
/// 121/KH-UBND of 2023).
public struct ReportTaskPlan: Sendable, Hashable, Codable {
    /// The plan's code or slug.
    public var code: String
    /// How many tasks the plan document says it sets, when only part of them is entered (the
    /// seed's activity plan sets 49 tasks and its half-year report lists the 31 of the first six
    /// months). It is a fact of the plan's text, read once; what is counted comes from the
    /// stored tasks, and a stated total below the stored count is ignored.
    public var statedTotal: Int?

    public init(code: String, statedTotal: Int? = nil) {
        self.code = code
        self.statedTotal = statedTotal
    }

    /// The period a task plan is evaluated over in a report of `period`: the report's own
    /// period, unless the plan ended before that period's year — then its last year, as the
    /// seed reports plan 121/KH-UBND "(năm 2023)" in the half-year report of 2024.
    public static func period(for plan: Plan, in period: Period) -> Period {
        period.start.year > plan.horizonTo ? Period.year(plan.horizonTo) : period
    }
}
