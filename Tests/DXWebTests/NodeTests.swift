@testable import DXWeb
import XCTest

/// Typed HTML: data is text wherever it goes, so escaping is structural, not remembered.
final class NodeTests: XCTestCase {
    func testTextAndAttributeValuesAreEscapedWhereverTheyGo() {
        let hostile = "<script>alert('x')</script> & \"q\""
        let node = Node.a(.href(hostile), .title(hostile)) {
            hostile
            Node.strong(text: hostile)
        }
        XCTAssertEqual(node.html, """
            <a href="&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;" \
            title="&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;">\
            &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;\
            <strong>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</strong></a>
            """)
    }

    func testVoidElementsFlagsConditionsAndLoops() {
        let rows = ["Hưng Hà", "Kiến Xương"]
        let chosen = "Kiến Xương"
        let node = Node.form(.method("post"), .action(.units)) {
            Node.select(.name("unit")) {
                for r in rows { Node.option(.value(r), .flag("selected", r == chosen), text: r) }
            }
            if rows.isEmpty { Node.p(text: "không có") } else { Node.input(.type("checkbox"), .flag("checked")) }
            Node.br()
        }
        XCTAssertEqual(node.html, """
            <form method="post" action="/units"><select name="unit"><option value="Hưng Hà">Hưng Hà</option>\
            <option value="Kiến Xương" selected>Kiến Xương</option></select><input type="checkbox" checked><br></form>
            """)
    }

    func testTrustedMarkupIsTheOnlyWayInForMarkup() {
        XCTAssertEqual(Node.div(.class("chart")) { Node.trusted("<svg></svg>") }.html, "<div class=\"chart\"><svg></svg></div>")
        XCTAssertEqual(Node.div(.class("chart")) { "<svg></svg>" }.html, "<div class=\"chart\">&lt;svg&gt;&lt;/svg&gt;</div>")
    }
}
