/// WordprocessingML's units: sizes in half-points, lengths in twips, borders in eighths of a point.
enum WordUnits {
    static func halfPoints(_ points: Double) -> String { String(Int((points * 2).rounded())) }
    static func twips(_ points: Double) -> String { String(Int((points * 20).rounded())) }
    static func eighthPoints(_ points: Double) -> String { String(max(2, Int((points * 8).rounded()))) }

    static func justification(_ alignment: HorizontalAlignment) -> String {
        switch alignment {
        case .left: return "left"
        case .center: return "center"
        case .right: return "right"
        case .justify: return "both"
        }
    }

    static func verticalAlignment(_ alignment: VerticalAlignment) -> String {
        switch alignment {
        case .top: return "top"
        case .center: return "center"
        case .bottom: return "bottom"
        }
    }
}

/// Namespaces and relationship types of the parts.
enum OOXML {
    static let wordMain = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipsNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypesNS = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    static let corePropertiesType = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    static let corePropertiesContentType = "application/vnd.openxmlformats-package.core-properties+xml"
    static let extendedPropertiesContentType = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
    static let wordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml."
}
