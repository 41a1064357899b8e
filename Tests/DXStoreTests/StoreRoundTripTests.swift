import DXCore
import DXStore
import DXTestSupport
import XCTest

final class StoreRoundTripTests: XCTestCase {
    static let units = [
        OrgUnit(code: "34", name: "Tỉnh Thái Bình", kind: .province, validTo: CalendarDate(2025, 6, 30), successorCode: "33"),
        OrgUnit(code: "33", name: "Tỉnh Hưng Yên", kind: .province),
        OrgUnit(code: "TB-STTTT", name: "Sở Thông tin và Truyền thông", kind: .department, parentCode: "34"),
        OrgUnit(code: "339", name: "Huyện Hưng Hà", kind: .district, parentCode: "34", validTo: CalendarDate(2025, 6, 30)),
        OrgUnit(code: "12586", name: "Thị trấn Hưng Hà", kind: .commune, parentCode: "339"),
    ]

    static let plan = PlanContents(
        plan: Plan(code: "83/KH-BCĐ", slug: "83-kh-bcd-2024", kind: .plan, title: "Kế hoạch hoạt động năm 2024",
                   issuerCode: "34", issued: CalendarDate(2024, 5, 27), horizonFrom: 2024, horizonTo: 2024,
                   pillars: [Pillar(code: "1", name: "Chính quyền số"), Pillar(code: "1.1", name: "Dịch vụ công"),
                             Pillar(code: "2", name: "Kinh tế số")]),
        indicators: [
            Indicator(code: "1", name: "Tỷ lệ hồ sơ xử lý trên môi trường mạng", pillarCode: "1", measure: .rate,
                      numeratorDefinition: "Số hồ sơ xử lý trên mạng", denominatorDefinition: "Tổng số hồ sơ",
                      targets: [Target(year: 2024, level: .province, comparator: .ge, value: 90, text: "90% cấp tỉnh"),
                                Target(year: 2024, level: .district, comparator: .ge, value: 80, text: "80% cấp huyện"),
                                Target(year: 2024, level: .commune, comparator: .ge, value: 60, text: "60% cấp xã")]),
            Indicator(code: "1.2", name: "Tỷ lệ hồ sơ quá hạn", pillarCode: "1.1", measure: .rate, direction: .lowerIsBetter,
                      targets: [Target(year: 2024, comparator: .lt, value: 5)]),
            Indicator(code: "2", name: "Kinh tế số trong GRDP", pillarCode: "2", measure: .amount, unitOfMeasure: "% GRDP",
                      aggregation: .none, targets: [Target(year: 2024, comparator: .range, value: 6, upper: 8, text: "6-8% GRDP")]),
            Indicator(code: "3", name: "Doanh nghiệp số", pillarCode: "2", measure: .count, unitOfMeasure: "doanh nghiệp",
                      temporal: .flow, targets: [Target(year: 2025, comparator: .gt, value: 700)]),
            Indicator(code: "4", name: "Xếp hạng DTI", measure: .rank, aggregation: .none,
                      targets: [Target(year: 2025, comparator: .rankAtMost, value: 15)]),
            Indicator(code: "5", name: "Phổ cập 4G/5G", measure: .qualitative, aggregation: .none,
                      targets: [Target(year: 2025, comparator: .judgement, text: "Phổ cập")]),
            Indicator(code: "6", name: "Dữ liệu mở", measure: .rate, targets: [Target(year: 2024, comparator: .eq, value: 100),
                                                                              Target(year: 2030, comparator: .le, value: 100)]),
        ],
        tasks: [
            PlanTask(code: "1.1", title: "Chính sách dịch vụ công trực tuyến", subItems: ["Lệ phí 0 đồng", "Giảm thời gian"],
                     pillarCode: "1", leadUnitCode: "TB-STTTT", leadText: "Sở Thông tin và Truyền thông",
                     cooperatingUnitCodes: ["339"], cooperatingText: "UBND huyện",
                     deadline: .month(year: 2024, month: 6), deadlineText: "Tháng 6/2024", evidence: ["08/2024/NQ-HĐND"]),
            PlanTask(code: "2.1", title: "Duy trì chuyên trang", pillarCode: "2", leadText: "Các sở, ban, ngành",
                     deadline: .ongoing),
            PlanTask(code: "2.2", title: "Báo cáo quý", pillarCode: "2", deadline: .quarterly),
            PlanTask(code: "2.3", title: "Trung tâm dữ liệu", deadline: .quarter(year: 2024, quarter: 4)),
        ])

    func testUnitsPlansIndicatorsAndTasksComeBackAsTheyWent() async throws {
        try await TestDatabases.each { rt in
            let store = rt.store
            _ = try await store.load(Dataset(units: Self.units, plans: [Self.plan]))
            let units = try await store.units()
            XCTAssertEqual(Set(units), Set(Self.units), rt.url.kindName)
            let back = try await store.planContents(slugOrCode: "83-kh-bcd-2024")
            XCTAssertEqual(back?.plan, Self.plan.plan, rt.url.kindName)
            XCTAssertEqual(back?.indicators, Self.plan.indicators, rt.url.kindName)
            XCTAssertEqual(back?.tasks, Self.plan.tasks, rt.url.kindName)
            let byCode = try await store.planContents(slugOrCode: "83/KH-BCĐ")
            XCTAssertEqual(byCode?.plan.slug, "83-kh-bcd-2024")
        }
    }

    func testFactsRoundTripAndLoadingTwiceChangesNothing() async throws {
        try await TestDatabases.each { rt in
            let store = rt.store
            let values = [
                DataValue(planCode: "83/KH-BCĐ", indicatorCode: "1", unitCode: "339", periodID: "2024S1",
                          numerator: 3787, denominator: 3798, comment: "Số liệu của huyện"),
                DataValue(planCode: "83/KH-BCĐ", indicatorCode: "5", unitCode: "34", periodID: "2024",
                          text: "Đã phủ sóng 4G toàn tỉnh", judgement: .met),
                DataValue(planCode: "83/KH-BCĐ", indicatorCode: "2", unitCode: "34", periodID: "2024N9", value: 5.2),
            ]
            let reports = [TaskReport(planCode: "83/KH-BCĐ", taskCode: "1.1", unitCode: "34", periodID: "2024S1",
                                      status: .inProgress, percent: 25, result: "Hoàn thành 25%", note: "Chuyển 2025")]
            let set = Dataset(units: Self.units, plans: [Self.plan], values: values, taskReports: reports)
            let first = try await store.load(set)
            XCTAssertEqual(first.added["dataValues"], 3)
            XCTAssertEqual(first.added["taskReports"], 1)
            let second = try await store.load(set)
            XCTAssertTrue(second.changedNothing, "\(rt.url.kindName): \(second)")

            let back = try await store.values(planCode: "83/KH-BCĐ").sorted { $0.indicatorCode < $1.indicatorCode }
            XCTAssertEqual(back.count, 3)
            XCTAssertEqual(back[0].numerator, 3787)
            XCTAssertEqual(back[0].denominator, 3798)
            XCTAssertEqual(back[0].unitCode, "339")
            XCTAssertEqual(back[0].effectiveValue!, 99.7104, accuracy: 0.0001)
            XCTAssertEqual(back[1].value, 5.2)
            XCTAssertEqual(back[2].judgement, .met)
            let s1 = try await store.values(planCode: "83/KH-BCĐ", periodID: "2024S1")
            XCTAssertEqual(s1.map(\.indicatorCode), ["1"])
            let rep = try await store.taskReports(planCode: "83/KH-BCĐ")
            XCTAssertEqual(rep.first?.status, .inProgress)
            XCTAssertEqual(rep.first?.percent, 25)
            let periods = try await store.reportedPeriods(planCode: "83/KH-BCĐ").map(\.identifier)
            XCTAssertEqual(periods, ["2024", "2024N9", "2024S1"])
        }
    }

    func testVietnameseTextIsStoredInNFC() async throws {
        try await TestDatabases.each { rt in
            let decomposed = "Huyện Hưng Hà".decomposedStringWithCanonicalMapping
            XCTAssertNotEqual(Array(decomposed.unicodeScalars), Array("Huyện Hưng Hà".unicodeScalars))
            try await rt.store.upsertUnits([OrgUnit(code: "339", name: decomposed, kind: .district)])
            let name = try await rt.store.unit(code: "339")?.name
            XCTAssertEqual(name.map { Array($0.unicodeScalars) }, Array("Huyện Hưng Hà".precomposedStringWithCanonicalMapping.unicodeScalars))
        }
    }
}
