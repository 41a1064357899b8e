/// HTML built from typed values. Text is escaped when it is rendered, so no value can become
/// markup; markup comes only from element and attribute names written in the views. A view is a
/// function returning a `Node`, written with `@HTMLBuilder`:
///
///     Node.ul(.class("tree")) {
///         for u in units { Node.li { Node.strong(u.name); " (\(u.code))" } }
///     }
///
/// A `String` in a builder is text (escaped); `Node.trusted` is the one way to put markup that
/// was built elsewhere (an SVG chart, the layout's parts) and is named so it stands out.
struct Node: Sendable {
    fileprivate enum Kind: Sendable {
        case element(name: String, attributes: [Attribute], children: [Node])
        /// An element without an end tag (`input`, `br`, `meta`).
        case void(name: String, attributes: [Attribute])
        case text(String)
        case trusted(String)
        case fragment([Node])
    }

    fileprivate let kind: Kind

    fileprivate init(_ kind: Kind) { self.kind = kind }

    /// Escaped text.
    static func text(_ s: String) -> Node { Node(.text(s)) }

    /// Markup produced by code of this module (charts, the layout); never data.
    static func trusted(_ html: String) -> Node { Node(.trusted(html)) }

    static func fragment(_ nodes: [Node]) -> Node { Node(.fragment(nodes)) }

    static let empty = Node(.fragment([]))

    static func element(_ name: String, _ attributes: [Attribute], _ children: [Node]) -> Node {
        Node(.element(name: name, attributes: attributes, children: children))
    }

    static func void(_ name: String, _ attributes: [Attribute]) -> Node {
        Node(.void(name: name, attributes: attributes))
    }

    /// The markup, ready to send.
    var html: String {
        var out = ""
        render(into: &out)
        return out
    }

    func render(into out: inout String) {
        switch kind {
        case .text(let s): escape(s, into: &out)
        case .trusted(let s): out += s
        case .fragment(let nodes): for n in nodes { n.render(into: &out) }
        case .void(let name, let attributes):
            out += "<" + name
            for a in attributes { a.render(into: &out) }
            out += ">"
        case .element(let name, let attributes, let children):
            out += "<" + name
            for a in attributes { a.render(into: &out) }
            out += ">"
            for c in children { c.render(into: &out) }
            out += "</" + name + ">"
        }
    }
}

/// One attribute of an element; the value is escaped when rendered. A `nil` value is a boolean
/// attribute (`checked`, `required`), written by name alone.
struct Attribute: Sendable {
    let name: String
    let value: String?

    init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }

    fileprivate func render(into out: inout String) {
        out += " " + name
        if let value {
            out += "=\""
            escape(value, into: &out)
            out += "\""
        }
    }

    static func `class`(_ v: String) -> Attribute { Attribute("class", v) }
    static func id(_ v: String) -> Attribute { Attribute("id", v) }
    static func href(_ route: SiteRoute) -> Attribute { Attribute("href", route.path) }
    /// A link that is not a route of this site (a fragment, a data URL, another site).
    static func href(_ v: String) -> Attribute { Attribute("href", v) }
    static func action(_ route: SiteRoute) -> Attribute { Attribute("action", route.path) }
    static func method(_ v: String) -> Attribute { Attribute("method", v) }
    static func type(_ v: String) -> Attribute { Attribute("type", v) }
    static func name(_ v: String) -> Attribute { Attribute("name", v) }
    static func value(_ v: String) -> Attribute { Attribute("value", v) }
    static func `for`(_ v: String) -> Attribute { Attribute("for", v) }
    static func title(_ v: String) -> Attribute { Attribute("title", v) }
    static func lang(_ v: String) -> Attribute { Attribute("lang", v) }
    static func style(_ v: String) -> Attribute { Attribute("style", v) }
    static func aria(_ name: String, _ v: String) -> Attribute { Attribute("aria-" + name, v) }
    static func data(_ name: String, _ v: String) -> Attribute { Attribute("data-" + name, v) }
    static func flag(_ name: String) -> Attribute { Attribute(name, nil) }
    /// The attribute when `condition` holds, nothing otherwise (`checked`, `selected`, …).
    static func flag(_ name: String, _ condition: Bool) -> Attribute? { condition ? Attribute(name, nil) : nil }
}

@resultBuilder
enum HTMLBuilder {
    static func buildExpression(_ node: Node) -> Node { node }
    static func buildExpression(_ text: String) -> Node { .text(text) }
    static func buildExpression(_ nodes: [Node]) -> Node { .fragment(nodes) }
    static func buildBlock(_ parts: Node...) -> Node { .fragment(parts) }
    static func buildOptional(_ node: Node?) -> Node { node ?? .empty }
    static func buildEither(first: Node) -> Node { first }
    static func buildEither(second: Node) -> Node { second }
    static func buildArray(_ nodes: [Node]) -> Node { .fragment(nodes) }
    static func buildLimitedAvailability(_ node: Node) -> Node { node }
}

extension Node {
    /// Any element with content.
    static func el(_ name: String, _ attributes: Attribute?..., @HTMLBuilder content: () -> Node = { .empty }) -> Node {
        .element(name, attributes.compactMap { $0 }, [content()])
    }

    /// An element whose content is one text.
    static func el(_ name: String, _ attributes: Attribute?..., text: String) -> Node {
        .element(name, attributes.compactMap { $0 }, [.text(text)])
    }
}

// The elements the views use, each in two forms: with a builder, and with one text.
extension Node {
    static func div(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("div", a.compactMap { $0 }, [c()]) }
    static func span(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("span", a.compactMap { $0 }, [c()]) }
    static func span(_ a: Attribute?..., text: String) -> Node { .element("span", a.compactMap { $0 }, [.text(text)]) }
    static func p(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("p", a.compactMap { $0 }, [c()]) }
    static func p(_ a: Attribute?..., text: String) -> Node { .element("p", a.compactMap { $0 }, [.text(text)]) }
    static func h1(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("h1", a.compactMap { $0 }, [c()]) }
    static func h1(_ a: Attribute?..., text: String) -> Node { .element("h1", a.compactMap { $0 }, [.text(text)]) }
    static func h2(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("h2", a.compactMap { $0 }, [c()]) }
    static func h2(_ a: Attribute?..., text: String) -> Node { .element("h2", a.compactMap { $0 }, [.text(text)]) }
    static func h3(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("h3", a.compactMap { $0 }, [c()]) }
    static func h3(_ a: Attribute?..., text: String) -> Node { .element("h3", a.compactMap { $0 }, [.text(text)]) }
    static func strong(_ a: Attribute?..., text: String) -> Node { .element("strong", a.compactMap { $0 }, [.text(text)]) }
    static func strong(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("strong", a.compactMap { $0 }, [c()]) }
    static func em(_ a: Attribute?..., text: String) -> Node { .element("em", a.compactMap { $0 }, [.text(text)]) }
    static func small(_ a: Attribute?..., text: String) -> Node { .element("small", a.compactMap { $0 }, [.text(text)]) }
    static func small(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("small", a.compactMap { $0 }, [c()]) }
    static func code(_ a: Attribute?..., text: String) -> Node { .element("code", a.compactMap { $0 }, [.text(text)]) }
    static func a(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("a", a.compactMap { $0 }, [c()]) }
    static func a(_ a: Attribute?..., text: String) -> Node { .element("a", a.compactMap { $0 }, [.text(text)]) }
    /// A link to a page of this site.
    static func link(_ route: SiteRoute, _ text: String, _ a: Attribute?...) -> Node {
        .element("a", [.href(route)] + a.compactMap { $0 }, [.text(text)])
    }
    static func ul(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("ul", a.compactMap { $0 }, [c()]) }
    static func ol(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("ol", a.compactMap { $0 }, [c()]) }
    static func li(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("li", a.compactMap { $0 }, [c()]) }
    static func li(_ a: Attribute?..., text: String) -> Node { .element("li", a.compactMap { $0 }, [.text(text)]) }
    static func dl(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("dl", a.compactMap { $0 }, [c()]) }
    static func dt(_ a: Attribute?..., text: String) -> Node { .element("dt", a.compactMap { $0 }, [.text(text)]) }
    static func dd(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("dd", a.compactMap { $0 }, [c()]) }
    static func dd(_ a: Attribute?..., text: String) -> Node { .element("dd", a.compactMap { $0 }, [.text(text)]) }
    static func section(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("section", a.compactMap { $0 }, [c()]) }
    static func details(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("details", a.compactMap { $0 }, [c()]) }
    static func summary(_ a: Attribute?..., text: String) -> Node { .element("summary", a.compactMap { $0 }, [.text(text)]) }
    static func summary(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("summary", a.compactMap { $0 }, [c()]) }
    static func table(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("table", a.compactMap { $0 }, [c()]) }
    static func caption(_ a: Attribute?..., text: String) -> Node { .element("caption", a.compactMap { $0 }, [.text(text)]) }
    static func thead(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("thead", a.compactMap { $0 }, [c()]) }
    static func tbody(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("tbody", a.compactMap { $0 }, [c()]) }
    static func tr(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("tr", a.compactMap { $0 }, [c()]) }
    static func th(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("th", a.compactMap { $0 }, [c()]) }
    static func th(_ a: Attribute?..., text: String) -> Node { .element("th", a.compactMap { $0 }, [.text(text)]) }
    static func td(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("td", a.compactMap { $0 }, [c()]) }
    static func td(_ a: Attribute?..., text: String) -> Node { .element("td", a.compactMap { $0 }, [.text(text)]) }
    static func form(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("form", a.compactMap { $0 }, [c()]) }
    static func fieldset(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("fieldset", a.compactMap { $0 }, [c()]) }
    static func legend(_ a: Attribute?..., text: String) -> Node { .element("legend", a.compactMap { $0 }, [.text(text)]) }
    static func label(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("label", a.compactMap { $0 }, [c()]) }
    static func label(_ a: Attribute?..., text: String) -> Node { .element("label", a.compactMap { $0 }, [.text(text)]) }
    static func button(_ a: Attribute?..., text: String) -> Node { .element("button", a.compactMap { $0 }, [.text(text)]) }
    static func button(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("button", a.compactMap { $0 }, [c()]) }
    static func select(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("select", a.compactMap { $0 }, [c()]) }
    static func option(_ a: Attribute?..., text: String) -> Node { .element("option", a.compactMap { $0 }, [.text(text)]) }
    static func textarea(_ a: Attribute?..., text: String) -> Node { .element("textarea", a.compactMap { $0 }, [.text(text)]) }
    static func input(_ a: Attribute?...) -> Node { .void("input", a.compactMap { $0 }) }
    static func br() -> Node { .void("br", []) }
    static func hr() -> Node { .void("hr", []) }
    static func nav(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("nav", a.compactMap { $0 }, [c()]) }
    static func figure(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("figure", a.compactMap { $0 }, [c()]) }
    static func figcaption(_ a: Attribute?..., text: String) -> Node { .element("figcaption", a.compactMap { $0 }, [.text(text)]) }

    /// A hidden field.
    static func hidden(_ name: String, _ value: String) -> Node { .input(.type("hidden"), .name(name), .value(value)) }

    /// Several nodes as one, built with the builder (a view's parts).
    static func group(@HTMLBuilder content c: () -> Node) -> Node { c() }
}

// Added for the pages, charts, forms and sign-in (views16a).
extension Attribute {
    /// Any attribute with a value that is not a string: SVG geometry, sizes, counts.
    static func attr(_ name: String, _ v: any CustomStringConvertible) -> Attribute { Attribute(name, v.description) }
    static func scope(_ v: String) -> Attribute { Attribute("scope", v) }
    static func role(_ v: String) -> Attribute { Attribute("role", v) }
}

extension Node {
    /// The nodes with `separator` between them ("a · b · c").
    static func joined(_ nodes: [Node], separator: String) -> Node {
        var out: [Node] = []
        for (i, n) in nodes.enumerated() {
            if i > 0 { out.append(.text(separator)) }
            out.append(n)
        }
        return .fragment(out)
    }

    /// A table's head: one row of column headers (`scope="col"` unless `scoped` is false).
    static func columnHeads(_ labels: [String], scoped: Bool = true) -> Node {
        .thead { Node.tr { labels.map { Node.th(scoped ? .scope("col") : nil, text: $0) } } }
    }

    static func figcaption(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("figcaption", a.compactMap { $0 }, [c()]) }
    static func legend(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("legend", a.compactMap { $0 }, [c()]) }
    static func mark(_ a: Attribute?..., text: String) -> Node { .element("mark", a.compactMap { $0 }, [.text(text)]) }
    static func caption(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("caption", a.compactMap { $0 }, [c()]) }
    static func dt(_ a: Attribute?..., @HTMLBuilder content c: () -> Node) -> Node { .element("dt", a.compactMap { $0 }, [c()]) }
    static func meta(_ a: Attribute?...) -> Node { .void("meta", a.compactMap { $0 }) }
}
