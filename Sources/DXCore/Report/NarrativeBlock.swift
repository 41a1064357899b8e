/// One numbered part of section II as the coordinator writes it in the template ("2. Hạ tầng
/// số" and its paragraphs). Figures in the text are references to stored facts
/// (`FigureReference`), filled in when the report is built, so a number is never typed twice.
public struct NarrativeBlock: Sendable, Hashable, Codable {
    public var heading: String
    /// Paragraphs separated by line breaks; may hold `[[…]]` references.
    public var text: String

    public init(heading: String, text: String) {
        self.heading = heading
        self.text = text
    }

    /// The blocks as one text, each headed by a line "# Heading": how the template editor shows
    /// them in a single field that works without JavaScript.
    public static func joined(_ blocks: [NarrativeBlock]) -> String {
        blocks.map { "# \($0.heading)\n\($0.text)" }.joined(separator: "\n\n")
    }

    /// Reads the text of `joined`: a line starting with "#" opens a block; text before the first
    /// heading becomes a block without heading. Blank lines inside a block are dropped.
    public static func split(_ text: String) -> [NarrativeBlock] {
        var blocks: [NarrativeBlock] = []
        var current: (heading: String, lines: [String])?
        func close() {
            guard let c = current else { return }
            let body = c.lines.joined(separator: "\n")
            if !c.heading.isEmpty || !body.isEmpty { blocks.append(NarrativeBlock(heading: c.heading, text: body)) }
        }
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") {
                close()
                current = (VNText.clean(String(line.drop(while: { $0 == "#" }))), [])
            } else if !line.isEmpty {
                if current == nil { current = ("", []) }
                current!.lines.append(line)
            }
        }
        close()
        return blocks
    }

    /// The references of every block, with the block they are in (1-based).
    public static func references(_ blocks: [NarrativeBlock]) -> [(block: Int, part: FigureText.Part)] {
        blocks.enumerated().flatMap { i, b in FigureText.parse(b.text).filter(\.isReference).map { (i + 1, $0) } }
    }

    /// What is wrong with the references as written (syntax, period, task status); whether the
    /// plans, indicators and units exist is the store's check. Field `sectionII`.
    public static func problems(_ blocks: [NarrativeBlock]) -> [FieldIssue] {
        var out: [FieldIssue] = []
        for (i, b) in blocks.enumerated() {
            for part in FigureText.parse(b.text) {
                if case .malformed(let token, let reason) = part {
                    out.append(.error("sectionII", "Mục II.\(i + 1): tham chiếu “\(token)” không hợp lệ: \(reason)"))
                }
            }
        }
        return out
    }
}
