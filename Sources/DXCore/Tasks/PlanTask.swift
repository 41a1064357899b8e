/// A work item of a plan (nhiệm vụ). Named `PlanTask` so it does not shadow Swift's `Task`.
public struct PlanTask: Hashable, Sendable, Codable {
    /// STT as the document numbers it ("1.1", "2.7").
    public var code: String
    public var title: String
    /// The numbered sub-items "(1) ...; (2) ..." of the title, without their numbers.
    public var subItems: [String]
    public var pillarCode: String?
    public var leadUnitCode: String?
    /// The lead agency as written ("Các sở, ban, ngành" names no single unit).
    public var leadText: String
    public var cooperatingUnitCodes: [String]
    public var cooperatingText: String
    public var deadline: Deadline?
    public var deadlineText: String?
    /// Numbers (số ký hiệu) of the documents cited as evidence.
    public var evidence: [String]

    public init(
        code: String, title: String, subItems: [String] = [], pillarCode: String? = nil,
        leadUnitCode: String? = nil, leadText: String = "", cooperatingUnitCodes: [String] = [],
        cooperatingText: String = "", deadline: Deadline? = nil, deadlineText: String? = nil,
        evidence: [String] = []
    ) {
        self.code = code
        self.title = title
        self.subItems = subItems
        self.pillarCode = pillarCode
        self.leadUnitCode = leadUnitCode
        self.leadText = leadText
        self.cooperatingUnitCodes = cooperatingUnitCodes
        self.cooperatingText = cooperatingText
        self.deadline = deadline
        self.deadlineText = deadlineText
        self.evidence = evidence
    }

    /// The deadline as the document wrote it, or as the system words it.
    public var deadlineLabel: String { deadlineText ?? deadline?.labelVI ?? "" }
}
