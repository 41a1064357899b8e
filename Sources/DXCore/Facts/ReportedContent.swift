import Foundation

/// What a unit entered for one item, reduced to what decides whether it has reported.
///
/// **The one coverage rule** (docs/evaluation.md §1): a unit has reported an item when its
/// counted report holds a figure, a judgement or a note for it. Any number is a figure — 0 and
/// 0/0 too ("no dossiers this period" is an answer, not a gap). Coverage in the indicator
/// appendix, the form line of the report, the dashboard and the check before submitting all
/// ask `hasReported`, so they cannot disagree. Which reports count is `DataStatus`'s rule.
public protocol ReportedContent {
    /// The numbers as entered (numerator, denominator, value; a table form's number cells).
    var enteredNumbers: [Double?] { get }
    var enteredJudgement: Judgement? { get }
    /// The words as entered: the result text and the note.
    var enteredWords: [String?] { get }
}

extension ReportedContent {
    public var hasReported: Bool {
        Reported.hasReported(numbers: enteredNumbers, judgement: enteredJudgement, words: enteredWords)
    }
}

/// The rule itself, for content of any shape (a table form's row: its number cells and its words).
public enum Reported {
    public static func hasReported(numbers: [Double?], judgement: Judgement? = nil, words: [String?]) -> Bool {
        numbers.contains { $0 != nil } || judgement != nil
            || words.contains { !($0 ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }
}

extension DataValue: ReportedContent {
    public var enteredNumbers: [Double?] { [numerator, denominator, value] }
    public var enteredJudgement: Judgement? { judgement }
    public var enteredWords: [String?] { [text, comment] }
}

extension IndicatorEntry: ReportedContent {
    public var enteredNumbers: [Double?] { [numerator, denominator, value] }
    public var enteredJudgement: Judgement? { judgement }
    public var enteredWords: [String?] { [text, comment] }
}
