import Foundation

/// What happened to units on a day of a reorganisation, one row of a change file.
public enum UnitChangeKind: String, Sendable, Codable, CaseIterable {
    /// Several units (or one) continue as one unit.
    case merge
    /// One unit is shared among several.
    case divide
    /// A unit gets another name or code: a new version, the same place in the tree.
    case rename
    /// Units go under another parent: a new version each, the same name and code.
    case move
    /// A unit ends; what it still holds goes to its parent (or the unit named).
    case abolish

    /// The file's word for it, English or Vietnamese.
    public init?(word: String) {
        switch VNText.searchKey(word) {
        case "merge", "merged", "sap nhap", "hop nhat": self = .merge
        case "divide", "divided", "chia tach", "chia": self = .divide
        case "rename", "renamed", "doi ten": self = .rename
        case "move", "moved", "chuyen", "dieu chuyen": self = .move
        case "abolish", "abolished", "giai the", "bai bo": self = .abolish
        default: return nil
        }
    }

    public var labelVI: String {
        switch self {
        case .merge: "sáp nhập"
        case .divide: "chia tách"
        case .rename: "đổi tên"
        case .move: "chuyển"
        case .abolish: "giải thể"
        }
    }
}

/// One row of a change file. `date` is the first day of the new arrangement: predecessors end
/// the day before (1/7/2025 closes them on 30/6/2025).
public struct UnitChange: Sendable, Hashable {
    public var line: Int
    public var date: CalendarDate
    public var kind: UnitChangeKind
    public var fromCodes: [String]
    public var toCodes: [String]
    /// Per target, the part of the predecessor it takes (divide); nil where none is given.
    public var shares: [Double?]
    /// A rename's new name; a merge into one of its own units may give one too.
    public var name: String?
    /// Of a division's targets, the one that carries the predecessor's work by default.
    public var defaultTo: String?

    public init(line: Int, date: CalendarDate, kind: UnitChangeKind, fromCodes: [String], toCodes: [String],
                shares: [Double?] = [], name: String? = nil, defaultTo: String? = nil) {
        self.line = line
        self.date = date
        self.kind = kind
        self.fromCodes = fromCodes
        self.toCodes = toCodes
        self.shares = shares
        self.name = name
        self.defaultTo = defaultTo
    }
}

/// A closed version and one of its successors.
public struct UnitLink: Sendable, Hashable {
    public var predecessorID: UUID
    public var successorID: UUID
    public var kind: UnitChangeKind
    public var date: CalendarDate
    /// The predecessor's part that went to this successor (1 for a merge); nil when unknown.
    public var share: Double?
    /// The successor that carries on the predecessor's accounts and work.
    public var isDefault: Bool

    public init(predecessorID: UUID, successorID: UUID, kind: UnitChangeKind, date: CalendarDate,
                share: Double?, isDefault: Bool) {
        self.predecessorID = predecessorID
        self.successorID = successorID
        self.kind = kind
        self.date = date
        self.share = share
        self.isDefault = isDefault
    }
}


