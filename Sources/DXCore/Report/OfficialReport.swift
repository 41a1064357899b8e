/// The official report as plain values, independent of the file format: the header, sections
/// I–IV, signature and recipients, and the appendices. Every figure and sentence comes from
/// the evaluations it is built from, so the text and the appendices cannot disagree.
public struct OfficialReport: Sendable, Hashable {
    public var settings: ReportSettings
    public var sections: [ReportSection]
    public var closing: String
    public var appendices: [ReportAppendix]
    /// When the figures were read and whether unsubmitted ones are in; every format prints it.
    public var reading: DataReading? = nil
}

/// What the person issuing the report decides: who issues it, its number and date, who signs
/// and who receives it. Saved as a reusable template.
public struct ReportSettings: Sendable, Hashable, Codable {
    /// "UBND TỈNH THÁI BÌNH"; empty when the issuing body has no parent line.
    public var parentBody: String
    /// "BAN CHỈ ĐẠO VỀ CHUYỂN ĐỔI SỐ".
    public var issuingBody: String
    /// The number of "Số: 83/BC-BCĐ"; `nil` leaves the number blank for the clerk to fill in.
    public var number: Int?
    public var symbol: String
    public var place: String
    public var date: CalendarDate
    /// The summary line under "BÁO CÁO"; built from the period and plan when empty.
    public var subject: String
    /// The opening paragraph before section I; built when empty.
    public var introduction: String
    /// "TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN".
    public var authority: [String]
    public var signerName: String
    public var recipients: [String]
    /// "VT, CNTT" of "- Lưu: VT, CNTT."
    public var archive: String
    /// Which appendices to include.
    public var includeTasks: Bool
    public var includeDocuments: Bool
    /// The indicator whose figures by unit make an appendix, if any.
    public var byUnitIndicator: String?
    /// Table forms whose consolidated tables follow as appendices, by code, in this order
    /// (nil in templates saved before forms existed: none).
    public var formAppendices: [String]?
    /// Whose documents the documents appendix lists; nil (templates saved before it) is the
    /// unit's own tier.
    public var documentScope: DocumentScope?
    /// The task plans of section I in order, as a template stores them (nil in templates saved
    /// with one `tasks_plan_code`); `ReportTemplate.taskPlans` is what code reads.
    public var taskPlans: [ReportTaskPlan]?
    /// Section II written by the coordinator, with figures as references; nil or empty: section
    /// II lists the indicators by pillar.
    public var narrativeBlocks: [NarrativeBlock]?

    public init(parentBody: String = "", issuingBody: String, number: Int? = nil, symbol: String = "BC-UBND",
                place: String, date: CalendarDate, subject: String = "", introduction: String = "",
                authority: [String] = [], signerName: String = "", recipients: [String] = [], archive: String = "VT",
                includeTasks: Bool = true, includeDocuments: Bool = true, byUnitIndicator: String? = nil) {
        self.parentBody = parentBody
        self.issuingBody = issuingBody
        self.number = number
        self.symbol = symbol
        self.place = place
        self.date = date
        self.subject = subject
        self.introduction = introduction
        self.authority = authority
        self.signerName = signerName
        self.recipients = recipients
        self.archive = archive
        self.includeTasks = includeTasks
        self.includeDocuments = includeDocuments
        self.byUnitIndicator = byUnitIndicator
    }

    /// "83/BC-BCĐ", or ".../BC-BCĐ" while the number is not given; numbers below 10 padded.
    public var numberText: String {
        (number.map { VNNumber.padded($0) } ?? "...") + "/" + symbol
    }
}

/// "I. TÌNH HÌNH THỰC HIỆN KẾ HOẠCH" with its numbered items.
public struct ReportSection: Sendable, Hashable {
    /// Roman numeral without the dot: "I".
    public var number: String
    public var title: String
    public var items: [ReportItem]
}

/// "1. Kết quả thực hiện các chỉ tiêu ..." and its paragraphs.
public struct ReportItem: Sendable, Hashable {
    public var number: String?
    public var title: String?
    public var paragraphs: [ReportParagraph]
}

public struct ReportParagraph: Sendable, Hashable {
    public var text: String
    /// Italic cross-references such as "(Chi tiết tại Phụ lục I kèm theo)."
    public var italic: Bool
    /// A source or a long citation, written as a footnote.
    public var footnote: String?

    public init(_ text: String, italic: Bool = false, footnote: String? = nil) {
        self.text = text
        self.italic = italic
        self.footnote = footnote
    }
}

/// What a unit wrote in a section of its report ("Kết quả", "Tồn tại hạn chế", "Đề xuất").
/// The coordinator may edit the text before issuing; `submitted` keeps what the unit sent.
public struct ReportNarrative: Sendable, Hashable {
    public var unitCode: String
    public var unitName: String
    public var section: String
    public var text: String
    /// What the unit submitted, when the coordinator has changed it ("" when left out).
    public var submitted: String?

    public init(unitCode: String = "", unitName: String, section: String, text: String, submitted: String? = nil) {
        self.unitCode = unitCode
        self.unitName = unitName
        self.section = section
        self.text = text
        self.submitted = submitted
    }

    public var edited: Bool { submitted != nil }
}

public struct ReportAppendix: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case indicators, tasks, documents, byUnit, form
    }

    public var kind: Kind
    /// 1 for "Phụ lục I".
    public var number: Int
    public var title: String
    public var landscape: Bool
    /// The table as flat text cells; a form appendix also keeps its computed form table, whose
    /// multi-level header the documents lay out.
    public var table: ReportTable
    public var form: FormTable? = nil
}

/// A table of an appendix: typed cells, so spreadsheets get numbers and documents get text.
public struct ReportTable: Sendable, Hashable {
    public var columns: [ReportColumn]
    public var rows: [ReportRow]
}

public struct ReportColumn: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case text, number, percent }
    public var title: String
    public var kind: Kind
    /// Share of the table's width.
    public var width: Double
}

public struct ReportRow: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A pillar heading spanning the row ("I. Chính quyền số").
        case group
        case item
        case total
    }

    public var kind: Kind
    public var cells: [ReportCell]
}

public enum ReportCell: Sendable, Hashable {
    case text(String)
    case number(Double)
    /// A rate in per cent (56.25 for 56,25%).
    case percent(Double)
    /// An amount with its unit of measure ("5,2% GRDP", "700 doanh nghiệp"): a bare "5,2"
    /// beside percentages reads as a wrong rate.
    case measured(Double, String)
    case empty

    /// As a document shows it: "1.013", "56,25%".
    public var textVI: String {
        switch self {
        case .text(let s): s
        case .number(let x): VNNumber.format(x, fractionDigits: 2)
        case .percent(let x): VNNumber.percent(x)
        case .measured(let x, let unit):
            VNNumber.format(x, fractionDigits: 2, trimZeros: true) + (unit.hasPrefix("%") ? "" : " ") + unit
        case .empty: ""
        }
    }
}
