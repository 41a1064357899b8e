/// A drop-down of allowed values on a range (a task's status, for instance).
public struct ListValidation: Sendable, Hashable {
    public var range: CellRange
    /// The choices; none may contain a comma or a double quote, and together they must fit in
    /// Excel's 255-character inline list.
    public var options: [String]
    public var allowsBlank: Bool
    /// Shown when the cell is selected.
    public var prompt: String?
    /// Shown when a value outside the list is typed.
    public var errorMessage: String?

    public init(range: CellRange, options: [String], allowsBlank: Bool = true, prompt: String? = nil,
                errorMessage: String? = nil) {
        self.range = range
        self.options = options
        self.allowsBlank = allowsBlank
        self.prompt = prompt
        self.errorMessage = errorMessage
    }

    /// `"A,B,C"` as Excel stores an inline list.
    var formula: String { "\"" + options.joined(separator: ",") + "\"" }
}
