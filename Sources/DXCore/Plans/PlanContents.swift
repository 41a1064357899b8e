/// A plan with everything it contains.
public struct PlanContents: Sendable, Hashable, Codable {
    public var plan: Plan
    public var indicators: [Indicator]
    public var tasks: [PlanTask]

    public init(plan: Plan, indicators: [Indicator] = [], tasks: [PlanTask] = []) {
        self.plan = plan
        self.indicators = indicators
        self.tasks = tasks
    }
}
