/// A run of pages sharing one page setup. A landscape appendix after portrait text is a
/// second section.
public struct DocumentSection: Sendable, Hashable {
    public var page: PageSetup
    public var pageNumbering: PageNumbering
    public var blocks: [Block]

    public init(page: PageSetup = PageSetup(), pageNumbering: PageNumbering = .none, blocks: [Block]) {
        self.page = page
        self.pageNumbering = pageNumbering
        self.blocks = blocks
    }

    /// Width left for text between the side margins.
    public var textWidth: Length { page.textWidth }
}

public enum PageOrientation: Sendable, Hashable {
    case portrait
    case landscape
}

/// A4 paper, the only size state documents use.
public struct PageSetup: Sendable, Hashable {
    public var orientation: PageOrientation
    public var margins: PageMargins

    public init(orientation: PageOrientation = .portrait, margins: PageMargins = .decree30) {
        self.orientation = orientation
        self.margins = margins
    }

    public static let a4ShortSide = Length(twips: 11906)
    public static let a4LongSide = Length(twips: 16838)

    public var width: Length { orientation == .portrait ? Self.a4ShortSide : Self.a4LongSide }
    public var height: Length { orientation == .portrait ? Self.a4LongSide : Self.a4ShortSide }
    public var textWidth: Length { width - margins.left - margins.right }
    public var textHeight: Length { height - margins.top - margins.bottom }
}

/// Margins as seen on the page as printed (for landscape too: `left` is the left of the
/// landscape page).
public struct PageMargins: Sendable, Hashable {
    public var top: Length
    public var bottom: Length
    public var left: Length
    public var right: Length
    /// Distance from the paper's top edge to the header text (the page number).
    public var header: Length
    public var footer: Length

    public init(top: Length, bottom: Length, left: Length, right: Length,
                header: Length = .mm(10), footer: Length = .mm(10)) {
        self.top = top
        self.bottom = bottom
        self.left = left
        self.right = right
        self.header = header
        self.footer = footer
    }

    /// NĐ 30/2020 allows top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm. The page number
    /// sits 10 mm from the top so that it stays inside a 20 mm top margin.
    public static let decree30 = PageMargins(top: .mm(20), bottom: .mm(20), left: .mm(30), right: .mm(15))

    /// Whether every margin lies in the ranges of NĐ 30/2020 (checked to the millimetre).
    public var isWithinDecree30Ranges: Bool {
        func inRange(_ length: Length, _ range: ClosedRange<Double>) -> Bool {
            range.contains((length.millimetres * 10).rounded() / 10)
        }
        return inRange(top, 20...25) && inRange(bottom, 20...25)
            && inRange(left, 30...35) && inRange(right, 15...20)
    }
}

/// Where page numbers go. State documents put them centred in the top margin and leave them off
/// the first page.
public enum PageNumbering: Sendable, Hashable {
    case none
    /// Centred in the header. `onFirstPage: false` hides the number on the section's first page;
    /// `restartAt` starts the section's count anew (each appendix is numbered on its own).
    case headerCentred(onFirstPage: Bool, restartAt: Int? = nil)

    /// The main text of a state document: numbered from page 2.
    public static let fromSecondPage = PageNumbering.headerCentred(onFirstPage: false)
}
