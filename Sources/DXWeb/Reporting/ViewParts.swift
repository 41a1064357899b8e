import DXCore

/// Typed parts the reporting, set-up and report-template pages share. Names stay inside this
/// namespace so that element helpers added to `Node` elsewhere cannot collide with them.
enum ViewParts {
    /// The message after a successful change.
    static func flash(_ text: String?) -> Node {
        guard let text else { return .empty }
        return .p(.class("ok"), Attribute("role", "status"), text: text)
    }

    /// A refusal said in one line.
    static func alert(_ text: String?) -> Node {
        guard let text else { return .empty }
        return .p(.class("err"), Attribute("role", "alert"), text: text)
    }

    /// A refusal said in a box.
    static func errorBox(_ text: String?) -> Node {
        guard let text else { return .empty }
        return .div(.class("box errbox"), Attribute("role", "alert")) { text }
    }

    /// The box listing a form's errors under a heading.
    static func errorList(_ heading: String, _ messages: [String], id: String? = nil) -> Node {
        .div(.class("box errbox"), Attribute("role", "alert"), id.map { .id($0) }) {
            Node.strong(text: heading)
            Node.ul { for m in messages { Node.li(text: m) } }
        }
    }

    /// The trail of links above a page's title.
    static func crumbs(_ links: [(href: String, text: String)]) -> Node {
        .p(.class("crumbs")) {
            for (n, l) in links.enumerated() {
                if n > 0 { " › " }
                Node.a(.href(l.href), text: l.text)
            }
        }
    }

    /// A label around its text and control: `<label>Text <input …></label>`.
    static func field(_ label: String, _ control: Node, _ attributes: Attribute?...) -> Node {
        .element("label", attributes.compactMap { $0 }, [.text(label + " "), control])
    }

    /// A checkbox with its label after it.
    static func check(_ name: String, value: String, checked: Bool, label: String) -> Node {
        .label(.class("check")) {
            Node.input(.type("checkbox"), .name(name), .value(value), .flag("checked", checked))
            " " + label
        }
    }

    static func textarea(_ attributes: Attribute?..., text: String) -> Node {
        .element("textarea", attributes.compactMap { $0 }, [.text(text)])
    }

    /// `<option value="…">` for each value, the chosen one selected, after an optional blank.
    static func options<T>(_ all: [T], selected: String?, value: (T) -> String, label: (T) -> String, blank: String? = nil) -> Node {
        .group {
            if let blank { Node.option(.value(""), text: blank) }
            for x in all { Node.option(.value(value(x)), .flag("selected", value(x) == selected), text: label(x)) }
        }
    }
}
