/// Where a task stands in time against a reporting period (domain §5: due in the period,
/// ongoing and overdue tasks must be told apart).
public enum TaskTiming: String, Hashable, Sendable, Codable, CaseIterable {
    /// A one-off task due within the period.
    case dueInPeriod
    /// "Thường xuyên", "Hằng quý": part of every period.
    case recurring
    /// No deadline stated: work of the plan as a whole, so part of every period of it.
    case undated
    /// Due before the period started and not done: still owed, and overdue.
    case carriedOver
    /// Due before the period started and done: reported in an earlier period.
    case doneEarlier
    /// Due after the period ends.
    case dueLater

    /// The tasks a period's report accounts for: "6 tháng đầu năm 31 nhiệm vụ".
    public var isInScope: Bool {
        switch self {
        case .dueInPeriod, .recurring, .undated, .carriedOver: true
        case .doneEarlier, .dueLater: false
        }
    }
}

/// A task with its reported status for a period.
public struct TaskLine: Hashable, Sendable {
    public var task: PlanTask
    /// `nil` when the unit reported nothing on the task: "Chưa có báo cáo", not "Chưa triển khai".
    public var report: TaskReport?
    public var timing: TaskTiming
    /// A one-off task past its deadline on the report's date and not done.
    public var isOverdue: Bool

    public var status: TaskStatus? { report?.status }
    public var isDone: Bool { report?.status == .done }
}

/// Tasks of a plan against one period: what is in scope, counts by status, overdue tasks.
public struct TaskSummary: Hashable, Sendable {
    public var period: Period
    /// The day overdue is judged on.
    public var asOf: CalendarDate
    /// Every task, in document order.
    public var lines: [TaskLine]

    /// - Parameters:
    ///   - reports: reports of any unit and period; those for `period` (and `unitCode`, when
    ///     given) are used. Of two reports on one task the later `updatedAt` wins, else the later
    ///     in the array.
    ///   - asOf: the day overdue is judged on; by default the day after the period, when the
    ///     report is written — a task due 30/06 is not late on 30/06.
    public init(tasks: [PlanTask], reports: [TaskReport], period: Period, unitCode: String? = nil,
                asOf: CalendarDate? = nil) {
        let day = asOf ?? period.end.adding(days: 1)
        var byTask: [String: TaskReport] = [:]
        for r in reports where r.periodID == period.identifier && (unitCode == nil || r.unitCode == unitCode) {
            if let old = byTask[r.taskCode], let a = old.updatedAt, let b = r.updatedAt, a > b { continue }
            byTask[r.taskCode] = r
        }
        self.period = period
        self.asOf = day
        lines = tasks
            .sorted { HierarchicalCode.less($0.code, $1.code) }
            .map { task in
                let report = byTask[task.code]
                let done = report?.status == .done
                let timing = TaskSummary.timing(task.deadline, period: period, done: done)
                let overdue = timing.isInScope && !done && (task.deadline?.isOverdue(on: day) ?? false)
                return TaskLine(task: task, report: report, timing: timing, isOverdue: overdue)
            }
    }

    static func timing(_ deadline: Deadline?, period: Period, done: Bool) -> TaskTiming {
        guard let deadline else { return .undated }
        guard let due = deadline.dueDate else { return .recurring }
        if due > period.end { return .dueLater }
        if due < period.start { return done ? .doneEarlier : .carriedOver }
        return .dueInPeriod
    }

    public var inScope: [TaskLine] { lines.filter(\.timing.isInScope) }

    public var overdue: [TaskLine] { lines.filter(\.isOverdue) }

    /// In-scope tasks with a status; `nil` counts the tasks nobody reported on.
    public func lines(_ status: TaskStatus?) -> [TaskLine] { inScope.filter { $0.status == status } }

    public func count(_ status: TaskStatus?) -> Int { lines(status).count }

    /// "Đã và đang triển khai": deployed or in progress.
    public var underway: [TaskLine] { inScope.filter { $0.status?.isUnderway == true } }

    /// In-scope tasks grouped by the top-level pillars, in the pillars' order; tasks whose pillar
    /// is missing or unknown come last under `pillar == nil`. Empty groups are left out.
    public func byPillar(_ pillars: [Pillar]) -> [TaskPillarGroup] {
        let tops = pillars.filter { $0.parentCode == nil }
        var groups = tops.map { TaskPillarGroup(pillar: $0, lines: []) }
        var others: [TaskLine] = []
        for line in inScope {
            if let code = line.task.pillarCode,
               let i = tops.firstIndex(where: { HierarchicalCode.isWithin(code, $0.code) }) {
                groups[i].lines.append(line)
            } else {
                others.append(line)
            }
        }
        if !others.isEmpty { groups.append(TaskPillarGroup(pillar: nil, lines: others)) }
        return groups.filter { !$0.lines.isEmpty }
    }
}

extension TaskSummary {
    /// In-scope tasks grouped by lead agency, for "task status by lead agency": by
    /// `leadUnitCode`, else by the lead as written ("Các sở, ban, ngành"), else under an empty
    /// key. Groups come in the order their first task appears.
    public func byLead() -> [TaskLeadGroup] {
        var order: [String] = []
        var groups: [String: TaskLeadGroup] = [:]
        for line in inScope {
            let code = line.task.leadUnitCode
            let text = VNText.clean(line.task.leadText)
            let key = code.map { "unit:" + $0 } ?? "text:" + text
            if groups[key] == nil {
                order.append(key)
                groups[key] = TaskLeadGroup(leadUnitCode: code, leadText: text, lines: [])
            }
            groups[key]!.lines.append(line)
        }
        return order.map { groups[$0]! }
    }
}

/// The in-scope tasks led by one agency.
public struct TaskLeadGroup: Hashable, Sendable {
    public var leadUnitCode: String?
    /// The lead as the first of its tasks writes it; may be empty.
    public var leadText: String
    public var lines: [TaskLine]

    public func count(_ status: TaskStatus?) -> Int { lines.count(where: { $0.status == status }) }

    public var overdue: [TaskLine] { lines.filter(\.isOverdue) }
}

/// The in-scope tasks of one pillar ("Thể chế số").
public struct TaskPillarGroup: Hashable, Sendable {
    /// `nil` for tasks without a known pillar.
    public var pillar: Pillar?
    public var lines: [TaskLine]

    public func count(_ status: TaskStatus?) -> Int { lines.count(where: { $0.status == status }) }
}
