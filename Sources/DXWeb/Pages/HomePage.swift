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
        Layout.page(title: t("Kế hoạch")) {
            Node.h1(text: t("Kế hoạch, chương trình chuyển đổi số"))
            if m.plans.isEmpty {
                Node.p {
                    t("Chưa có kế hoạch nào. Chạy")
                    " "
                    Node.code(text: "dxtrack demo")
                    " "
                    t("để nạp dữ liệu mẫu.")
                }
            } else {
                Node.ul(.class("cards")) { m.plans.map(card) }
            }
        }
    }

    static func card(_ s: PlanSummary) -> Node {
        let p = s.plan
        let issued = p.issued.map { " " + t("ngày %@", VNDate.numeric($0)) } ?? ""
        let years = p.horizonFrom == p.horizonTo ? t("năm %@", p.horizonFrom) : "\(p.horizonFrom)–\(p.horizonTo)"
        return .li {
            Node.a(.href(.plan(slug: p.slug))) { Node.strong(text: t("%@ số %@", p.kind.label, p.code)) }
            issued
            Node.div { p.title }
            Node.div(.class("meta")) { "\(s.issuerName) · \(years)" }
            Node.div(.class("meta")) {
                t("%@ chỉ tiêu · %@ nhiệm vụ", VNNumber.format(Double(s.indicatorCount), fractionDigits: 0),
                  VNNumber.format(Double(s.taskCount), fractionDigits: 0))
            }
        }
    }
}
