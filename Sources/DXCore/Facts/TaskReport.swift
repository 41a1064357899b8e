import Foundation

/// What a unit reported on one task in one period.
public struct TaskReport: Hashable, Sendable, Codable {
    public var planCode: String
    public var taskCode: String
    public var unitCode: String
    public var periodID: String
    public var status: TaskStatus
    /// "Hoàn thành 25%".
    public var percent: Double?
    public var result: String?
    public var note: String?
    public var author: String?
    public var updatedAt: Date?

    public init(
        planCode: String, taskCode: String, unitCode: String, periodID: String,
        status: TaskStatus, percent: Double? = nil, result: String? = nil, note: String? = nil,
        author: String? = nil, updatedAt: Date? = nil
    ) {
        self.planCode = planCode
        self.taskCode = taskCode
        self.unitCode = unitCode
        self.periodID = periodID
        self.status = status
        self.percent = percent
        self.result = result
        self.note = note
        self.author = author
        self.updatedAt = updatedAt
    }

    /// The status as the appendix column shows it.
    public var statusLabel: String {
        // The appendices write partial progress as "Hoàn thành 25%" whatever the status word.
        if let p = percent, p < 100 {
            return "Hoàn thành \(VNNumber.percent(p))"
        }
        return status.labelVI
    }
}
