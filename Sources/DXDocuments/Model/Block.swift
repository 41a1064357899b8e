/// A block-level element of a section.
public enum Block: Sendable, Hashable {
    case paragraph(Paragraph)
    case table(Table)
}
