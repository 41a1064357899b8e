import DXCore
import XCTest

final class WorkflowTests: XCTestCase {
    func testEveryTransitionLegalAndIllegal() throws {
        let legal: [ReportState: [WorkflowAction: ReportState]] = [
            .notStarted: [.submit: .submitted],
            .draft: [.submit: .submitted],
            .returned: [.submit: .submitted],
            .awaitingApproval: [.approve: .submitted, .return: .returned, .reopen: .draft],
            .submitted: [.approve: .approved, .return: .returned, .reopen: .draft],
            .approved: [.return: .returned, .reopen: .draft],
        ]
        for state in ReportState.allCases {
            for action in WorkflowAction.allCases {
                if let to = legal[state]?[action] {
                    XCTAssertEqual(try Workflow.next(state, action), to, "\(state) \(action)")
                } else {
                    XCTAssertThrowsError(try Workflow.next(state, action), "\(state) \(action)") { e in
                        XCTAssertTrue((e as? Workflow.Illegal)?.description.hasPrefix("Không thể ") ?? false)
                    }
                }
            }
        }
        XCTAssertEqual(Workflow.Illegal(from: .approved, action: .submit).description,
                       "Không thể gửi báo cáo khi báo cáo đang ở trạng thái “Đã phê duyệt”.")
    }

    func testWithUnitApprovalASubmissionWaitsForTheHeadOfTheUnit() throws {
        XCTAssertEqual(try Workflow.next(.draft, .submit, unitApproval: true), .awaitingApproval)
        XCTAssertEqual(try Workflow.next(.returned, .submit, unitApproval: true), .awaitingApproval)
        XCTAssertEqual(try Workflow.next(.awaitingApproval, .approve, unitApproval: true), .submitted)
        XCTAssertEqual(try Workflow.next(.submitted, .approve, unitApproval: true), .approved)
        XCTAssertFalse(ReportState.awaitingApproval.isSubmitted)
        XCTAssertFalse(ReportState.awaitingApproval.isEditableByUnit)
    }

    func testWhoMayEditInWhichState() {
        XCTAssertNil(Workflow.editRefusal(role: .reporter, state: .draft, locked: false, lockDate: nil))
        XCTAssertNil(Workflow.editRefusal(role: .reporter, state: .returned, locked: false, lockDate: nil))
        XCTAssertEqual(Workflow.editRefusal(role: .reporter, state: .submitted, locked: false, lockDate: nil),
                       "Báo cáo đã gửi: chỉ sửa được khi bị trả lại hoặc được mở lại.")
        XCTAssertEqual(Workflow.editRefusal(role: .reporter, state: .draft, locked: true, lockDate: CalendarDate(2024, 12, 31)),
                       "Đợt báo cáo đã khóa sổ từ sau ngày 31/12/2024: chỉ cơ quan thường trực được sửa.")
        XCTAssertNil(Workflow.editRefusal(role: .coordinator, state: .submitted, locked: true, lockDate: nil))
        XCTAssertNotNil(Workflow.editRefusal(role: .coordinator, state: .approved, locked: false, lockDate: nil))
        XCTAssertNotNil(Workflow.editRefusal(role: .viewer, state: .draft, locked: false, lockDate: nil))
    }
}

final class AccessPolicyTests: XCTestCase {
    let tree = try! UnitTree([
        OrgUnit(code: "34", name: "Tỉnh", kind: .province),
        OrgUnit(code: "STTTT", name: "Sở TT&TT", kind: .department, parentCode: "34"),
        OrgUnit(code: "STP", name: "Sở Tư pháp", kind: .department, parentCode: "34"),
        OrgUnit(code: "339", name: "Hưng Hà", kind: .district, parentCode: "34"),
        OrgUnit(code: "12616", name: "Đoan Hùng", kind: .commune, parentCode: "339"),
    ])

    func testRoleTimesScope() {
        let district = Account(username: "hh", displayName: "", role: .reporter, unitCode: "339")
        XCTAssertTrue(AccessPolicy.allows(district, .edit, unit: "339", in: tree))
        XCTAssertTrue(AccessPolicy.allows(district, .edit, unit: "12616", in: tree), "a district acts on its communes")
        XCTAssertFalse(AccessPolicy.allows(district, .edit, unit: "34", in: tree))
        XCTAssertFalse(AccessPolicy.allows(district, .edit, unit: "STP", in: tree))
        XCTAssertFalse(AccessPolicy.allows(district, .approve, unit: "339", in: tree))
        let coordinator = Account(username: "dp", displayName: "", role: .coordinator, unitCode: "STTTT")
        XCTAssertEqual(AccessPolicy.scope(of: coordinator, in: tree), "34", "the standing agency runs the province")
        XCTAssertTrue(AccessPolicy.allows(coordinator, .approve, unit: "12616", in: tree))
        XCTAssertTrue(AccessPolicy.allows(coordinator, .reopen, unit: "STP", in: tree))
        let deptReporter = Account(username: "stp", displayName: "", role: .reporter, unitCode: "STP")
        XCTAssertEqual(AccessPolicy.scope(of: deptReporter, in: tree), "STP")
        let viewer = Account(username: "ld", displayName: "", role: .viewer, unitCode: "34")
        XCTAssertTrue(AccessPolicy.allows(viewer, .read, unit: "12616", in: tree))
        XCTAssertFalse(AccessPolicy.allows(viewer, .edit, unit: "12616", in: tree))
        var disabled = coordinator
        disabled.disabled = true
        XCTAssertFalse(AccessPolicy.allows(disabled, .read, unit: "34", in: tree))
        for p in Permission.allCases {
            XCTAssertEqual(AccessPolicy.roleAllows(.administrator, p), true)
            XCTAssertEqual(AccessPolicy.roleAllows(.viewer, p), p == .read)
        }
    }

    let districtCoordinator = Account(username: "dp-hh", displayName: "", role: .coordinator, unitCode: "339")
    let standingAgency = Account(username: "dp", displayName: "", role: .coordinator, unitCode: "STTTT")
    let departmentCoordinator = Account(username: "dp-stp", displayName: "", role: .coordinator, unitCode: "STP")

    func testOwnedThingsNeedTheirOwnerInScope() {
        let hh = districtCoordinator
        XCTAssertFalse(AccessPolicy.actsForTop(hh, in: tree))
        XCTAssertTrue(AccessPolicy.actsForTop(standingAgency, in: tree))
        XCTAssertTrue(AccessPolicy.actsForTop(departmentCoordinator, in: tree), "a department's coordinator acts for the province")
        XCTAssertFalse(AccessPolicy.actsForTop(Account(username: "stp", displayName: "", role: .reporter, unitCode: "STP"), in: tree))
        XCTAssertTrue(AccessPolicy.allows(hh, .manageRounds, owner: "339", in: tree))
        XCTAssertTrue(AccessPolicy.allows(hh, .setUp, owner: "12616", in: tree))
        XCTAssertFalse(AccessPolicy.allows(hh, .manageRounds, owner: "34", in: tree))
        XCTAssertFalse(AccessPolicy.allows(hh, .setUp, owner: "STP", in: tree))
        XCTAssertTrue(AccessPolicy.allows(standingAgency, .manageRounds, owner: "339", in: tree))
        XCTAssertTrue(AccessPolicy.allows(departmentCoordinator, .setUp, owner: "34", in: tree))
        // No owner (rows written before owners were stored) or an unknown one: the top only.
        XCTAssertFalse(AccessPolicy.allows(hh, .manageRounds, owner: nil, in: tree))
        XCTAssertFalse(AccessPolicy.allows(hh, .setUp, owner: "gone", in: tree))
        XCTAssertTrue(AccessPolicy.allows(standingAgency, .manageRounds, owner: nil, in: tree))
        XCTAssertTrue(AccessPolicy.allows(standingAgency, .setUp, owner: "gone", in: tree))
        // The role still decides first.
        let reporter = Account(username: "hh", displayName: "", role: .reporter, unitCode: "339")
        XCTAssertFalse(AccessPolicy.allows(reporter, .setUp, owner: "339", in: tree))
        var disabled = standingAgency
        disabled.disabled = true
        XCTAssertFalse(AccessPolicy.allows(disabled, .manageRounds, owner: nil, in: tree))
    }

    func testUnitChangesStayInsideTheScope() {
        let hh = districtCoordinator
        let commune = tree["12616"]!, district = tree["339"]!, stp = tree["STP"]!
        XCTAssertTrue(AccessPolicy.allowsUnitChange(hh, stored: commune, parentCode: "339", successorCode: nil, in: tree), "its commune")
        XCTAssertTrue(AccessPolicy.allowsUnitChange(hh, stored: nil, parentCode: "339", successorCode: nil, in: tree), "a new commune")
        XCTAssertTrue(AccessPolicy.allowsUnitChange(hh, stored: nil, parentCode: "12616", successorCode: "339", in: tree))
        XCTAssertFalse(AccessPolicy.allowsUnitChange(hh, stored: stp, parentCode: "34", successorCode: nil, in: tree), "a provincial department")
        XCTAssertFalse(AccessPolicy.allowsUnitChange(hh, stored: commune, parentCode: "34", successorCode: nil, in: tree), "moving out")
        XCTAssertFalse(AccessPolicy.allowsUnitChange(hh, stored: nil, parentCode: "34", successorCode: nil, in: tree), "adding beside itself")
        XCTAssertFalse(AccessPolicy.allowsUnitChange(hh, stored: district, parentCode: "34", successorCode: nil, in: tree),
                       "its own entry belongs to the province's list")
        XCTAssertFalse(AccessPolicy.allowsUnitChange(hh, stored: commune, parentCode: "339", successorCode: "STP", in: tree), "successor elsewhere")
        XCTAssertFalse(AccessPolicy.allowsUnitChange(hh, stored: nil, parentCode: nil, successorCode: nil, in: tree), "a new top-level unit")
        XCTAssertTrue(AccessPolicy.allowsUnitChange(standingAgency, stored: stp, parentCode: "34", successorCode: nil, in: tree))
        XCTAssertTrue(AccessPolicy.allowsUnitChange(standingAgency, stored: commune, parentCode: "34", successorCode: nil, in: tree))
        XCTAssertTrue(AccessPolicy.allowsUnitChange(standingAgency, stored: nil, parentCode: nil, successorCode: nil, in: tree))
        XCTAssertTrue(AccessPolicy.allowsUnitChange(standingAgency, stored: tree["34"]!, parentCode: nil, successorCode: nil, in: tree))
    }

    func testARoundListsOnlyUnitsInScope() {
        XCTAssertEqual(AccessPolicy.outOfScope(districtCoordinator, units: ["12616", "STP", "339", "34", "nowhere"], in: tree), ["STP", "34", "nowhere"])
        XCTAssertEqual(AccessPolicy.outOfScope(standingAgency, units: ["12616", "STP", "34"], in: tree), [])
    }

    func testUnitSelectionByKindDepthAndList() throws {
        let p = Period.year(2024)
        XCTAssertEqual(try UnitSelection(root: "34", kinds: [.department]).resolve(in: tree, period: p).map(\.code), ["STTTT", "STP"])
        XCTAssertEqual(try UnitSelection(root: "34", kinds: [.district, .commune]).resolve(in: tree, period: p).map(\.code), ["339", "12616"])
        XCTAssertEqual(try UnitSelection(root: "34", kinds: [.district, .commune], directOnly: true).resolve(in: tree, period: p).map(\.code), ["339"])
        XCTAssertEqual(try UnitSelection(root: "34", kinds: [], codes: ["12616", "STP"]).resolve(in: tree, period: p).map(\.code), ["12616", "STP"])
        XCTAssertThrowsError(try UnitSelection(root: "34", codes: ["nope"]).resolve(in: tree, period: p)) { e in
            XCTAssertEqual((e as? UnitSelection.Problem)?.description, "Không có đơn vị mã nope.")
        }
        XCTAssertThrowsError(try UnitSelection(root: "34").resolve(in: tree, period: p))
    }

    func testRoundDeadlinesDefaultFromTheCutOff() {
        let r = ReportingRound(code: "q1", title: "Quý I", periodID: "2024Q1", planCodes: ["P"],
                               deadlines: [.commune: CalendarDate(2024, 3, 18)], defaultDeadline: Period.quarter(2024, 1).defaultDeadline())
        XCTAssertEqual(r.defaultDeadline, CalendarDate(2024, 3, 20))
        XCTAssertEqual(r.deadline(for: .department), CalendarDate(2024, 3, 20))
        XCTAssertEqual(r.deadline(for: .commune), CalendarDate(2024, 3, 18))
        XCTAssertTrue(r.problems().isEmpty)
        var bad = r
        bad.deadlines[.district] = CalendarDate(2024, 3, 10)
        bad.code = "Q 1"
        let messages = bad.problems().map(\.message)
        XCTAssertTrue(messages.contains("Hạn nộp của cấp huyện phải sau ngày chốt số liệu 14/03/2024."), "\(messages)")
        XCTAssertTrue(messages.contains("Mã đợt chỉ gồm chữ thường không dấu, số và dấu gạch ngang."))
    }
}

final class EntryValidationTests: XCTestCase {
    let rate = Indicator(code: "3", name: "Tỷ lệ văn bản ký số", measure: .rate)
    let count = Indicator(code: "7", name: "Số doanh nghiệp số", measure: .count)

    func messages(_ e: IndicatorEntry, _ i: Indicator, previous: Double? = nil) -> [String] {
        EntryValidation.check(e.normalized(for: i), indicator: i, previous: previous, changeFactor: 3, path: "v").map(\.message)
    }

    func testNumbersTypedTheVietnameseOrTheEnglishWay() {
        var issues: [FieldIssue] = []
        XCTAssertEqual(EntryValidation.number("1.234,5", path: "a", issues: &issues), 1234.5)
        XCTAssertEqual(EntryValidation.number("1,234.5", path: "a", issues: &issues), 1234.5)
        XCTAssertEqual(EntryValidation.number(" 3.787 ", path: "a", issues: &issues), 3787)
        XCTAssertNil(EntryValidation.number("", path: "a", issues: &issues))
        XCTAssertTrue(issues.isEmpty)
        XCTAssertNil(EntryValidation.number("12a", path: "x.numerator", issues: &issues))
        XCTAssertEqual(issues, [.error("x.numerator", "\"12a\" không phải là số hợp lệ: có ký tự \"a\".")])
    }

    func testRateRules() {
        XCTAssertEqual(messages(IndicatorEntry(numerator: 3799, denominator: 3798), rate),
                       ["Tử số (3.799) lớn hơn mẫu số (3.798): tỷ lệ không được vượt 100% với chỉ tiêu này."])
        var over = rate
        over.allowsOverHundred = true
        XCTAssertEqual(messages(IndicatorEntry(numerator: 3799, denominator: 3798), over), [])
        XCTAssertEqual(messages(IndicatorEntry(numerator: -1, denominator: 5), rate), ["Tử số không được là số âm."])
        XCTAssertEqual(messages(IndicatorEntry(numerator: 1), rate), ["Nhập mẫu số đi cùng tử số."])
        XCTAssertEqual(messages(IndicatorEntry(denominator: 1), rate), ["Nhập tử số đi cùng mẫu số."])
        XCTAssertEqual(messages(IndicatorEntry(numerator: 0, denominator: 0), rate),
                       ["Mẫu số phải lớn hơn 0: chỉ tiêu này không cho phép 0/0. Nếu kỳ này không phát sinh, để trống tử số, mẫu số và ghi lý do vào ô Ghi chú."])
        XCTAssertEqual(messages(IndicatorEntry(value: 101), rate), ["Tỷ lệ không được vượt 100% với chỉ tiêu này."])
        XCTAssertEqual(IndicatorEntry(numerator: 3787, denominator: 3798).normalized(for: rate).value, 99.71)
    }

    func testCountsAreWholeAndNotNegative() {
        XCTAssertEqual(messages(IndicatorEntry(value: -3), count), ["Số lượng không được là số âm."])
        XCTAssertEqual(messages(IndicatorEntry(value: 2.5), count), ["Số lượng phải là số nguyên."])
        XCTAssertEqual(messages(IndicatorEntry(value: -1), Indicator(code: "a", name: "", measure: .amount)), ["Giá trị không được là số âm."])
        XCTAssertEqual(messages(IndicatorEntry(value: 0), Indicator(code: "r", name: "", measure: .rank)), ["Thứ hạng phải là số nguyên từ 1 trở lên."])
        XCTAssertEqual(messages(IndicatorEntry(value: 3), Indicator(code: "q", name: "", measure: .qualitative)), [])
    }

    func testABigMoveAgainstThePreviousPeriodWarnsButDoesNotBlock() {
        let issues = EntryValidation.check(IndicatorEntry(value: 700), indicator: count, previous: 100, changeFactor: 3, path: "v")
        XCTAssertEqual(issues.map(\.severity), [.warning])
        XCTAssertEqual(issues.first?.message, "Giá trị thay đổi hơn 3 lần so với kỳ trước (100 → 700). Kiểm tra lại nếu không đúng.")
        XCTAssertTrue(EntryValidation.check(IndicatorEntry(value: 250), indicator: count, previous: 100, changeFactor: 3, path: "v").isEmpty)
        XCTAssertEqual(EntryValidation.check(IndicatorEntry(value: 20), indicator: count, previous: 100, changeFactor: 3, path: "v").map(\.severity), [.warning])
    }

    func testTaskRules() {
        XCTAssertEqual(EntryValidation.check(TaskEntry(status: .done), path: "t").map(\.message), ["Nhiệm vụ đã hoàn thành phải ghi rõ kết quả."])
        XCTAssertEqual(EntryValidation.check(TaskEntry(status: .done, percent: 50, result: "x"), path: "t").map(\.message),
                       ["Nhiệm vụ “Hoàn thành” phải đạt 100% (hoặc để trống tỷ lệ)."])
        XCTAssertEqual(EntryValidation.check(TaskEntry(status: .inProgress, percent: 150), path: "t").map(\.message), ["Tỷ lệ hoàn thành phải từ 0 đến 100."])
        XCTAssertTrue(EntryValidation.check(TaskEntry(status: .inProgress, percent: 40), path: "t").isEmpty)
    }

    func testRequiredAnswersBeforeSubmitting() {
        let missing = EntryValidation.missingBeforeSubmit(
            indicators: [("a", nil), ("b", IndicatorEntry(comment: "Chưa có số liệu")), ("c", IndicatorEntry(value: 3))],
            tasks: [("t", TaskEntry(result: "x")), ("u", TaskEntry(status: .inProgress))],
            narrative: ["Đề xuất": "x"], sections: ["Kết quả", "Đề xuất"], sectionPath: { "n.\($0)" })
        XCTAssertEqual(missing.map(\.path), ["a.value", "t.status", "n.Kết quả"])
        XCTAssertEqual(missing.map(\.message), [
            "Chưa có số liệu: nhập số liệu, hoặc ghi rõ lý do vào ô Ghi chú (ví dụ “Chưa có số liệu”).",
            "Chưa chọn tình trạng thực hiện nhiệm vụ.", "Chưa viết phần “Kết quả”.",
        ])
    }

    func testCompletenessSentence() {
        func e(_ s: ReportState, late: Bool = false) -> CompletenessEntry {
            CompletenessEntry(unitCode: "x", unitName: "x", unitKind: .department, state: s, deadline: CalendarDate(2024, 12, 20),
                              submittedAt: nil, late: late, version: 1)
        }
        let s = CompletenessSummary([e(.approved), e(.submitted, late: true), e(.draft), e(.returned), e(.notStarted)])
        XCTAssertEqual(s.sentenceVI, "Đã gửi 02/05 đơn vị (40%), trong đó đúng hạn 01, muộn 01; đang soạn 02; chưa bắt đầu 01.")
        XCTAssertTrue(e(.draft).isOverdue(today: CalendarDate(2024, 12, 21)))
        XCTAssertFalse(e(.draft).isOverdue(today: CalendarDate(2024, 12, 20)))
    }
}
