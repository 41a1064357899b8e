import DXCore
import DXStore

enum HomePage {
    struct Model {
        var plans: [PlanSummary]
    }

    static func query(_ store: Store) async throws -> Model {
        Model(plans: try await store.planSummaries())
    }

    static func render(_ m: Model) -> String {
        var b = "<h1>\(t("Kế hoạch, chương trình chuyển đổi số"))</h1>"
        if m.plans.isEmpty {
            b += "<p>\(t("Chưa có kế hoạch nào. Chạy")) <code>dxtrack demo</code> \(t("để nạp dữ liệu mẫu."))</p>"
        } else {
            b += "<ul class=\"cards\">"
            for s in m.plans {
                let p = s.plan
                let issued = p.issued.map { " " + t("ngày %@", VNDate.numeric($0)) } ?? ""
                b += """
                <li><a href="\(SiteRoute.plan(slug: p.slug).path)"><strong>\(escape(t("%@ số %@", p.kind.label, p.code)))</strong></a>\(escape(issued))
                <div>\(escape(p.title))</div>
                <div class="meta">\(escape(s.issuerName)) · \(p.horizonFrom == p.horizonTo ? t("năm %@", p.horizonFrom) : "\(p.horizonFrom)–\(p.horizonTo)")</div>
                <div class="meta">\(t("%@ chỉ tiêu · %@ nhiệm vụ", VNNumber.format(Double(s.indicatorCount), fractionDigits: 0), VNNumber.format(Double(s.taskCount), fractionDigits: 0)))</div></li>
                """
            }
            b += "</ul>"
        }
        return Layout.page(title: t("Kế hoạch"), body: b)
    }
}
