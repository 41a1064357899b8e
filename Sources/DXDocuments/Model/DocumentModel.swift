import Foundation

/// A format-neutral document: what to say and how it is laid out, not how a file format
/// encodes it. `DOCXWriter` turns it into WordprocessingML; other writers may follow.
public struct DocumentModel: Sendable, Hashable {
    /// Sections in reading order; each starts on a new page and has its own page setup.
    public var sections: [DocumentSection]
    public var metadata: DocumentMetadata

    public init(sections: [DocumentSection], metadata: DocumentMetadata = DocumentMetadata()) {
        self.sections = sections
        self.metadata = metadata
    }
}

/// What shows in the file's properties dialog.
public struct DocumentMetadata: Sendable, Hashable {
    public var title: String?
    public var subject: String?
    public var creator: String?
    /// Left out of the file when nil, so output stays byte-identical across runs.
    public var created: Date?

    public init(title: String? = nil, subject: String? = nil, creator: String? = nil, created: Date? = nil) {
        self.title = title
        self.subject = subject
        self.creator = creator
        self.created = created
    }
}
