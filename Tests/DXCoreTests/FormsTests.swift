import DXCore
import Foundation
import XCTest

/// The §7 example: online and offline cases, their sum and the online rate.
private let casesForm = TableForm(
    code: "BM01", title: "Tình hình tiếp nhận hồ sơ",
    rows: .fixed([
        FormRowCategory(key: "SNV", label: "Sở Nội vụ"),
        FormRowCategory(key: "STP", label: "Sở Tư pháp"),
        FormRowCategory(key: "HH", label: "UBND huyện Hưng Hà"),
    ]),
    columns: [
        FormColumn(key: "1", title: "Trực tuyến", group: ["Số hồ sơ"]),
        FormColumn(key: "2", title: "Trực tiếp", group: ["Số hồ sơ"]),
        FormColumn(key: "3", title: "Tổng", kind: .computed, formula: "(1)+(2)", group: ["Số hồ sơ"]),
        FormColumn(key: "4", title: "Tỷ lệ trực tuyến", kind: .computed, formula: "(1)/(3)*100",
                   format: FormNumberFormat(fractionDigits: 2, percentSign: true)),
    ])

final class FormsExpressionTests: XCTestCase {
    func testParsesVietnameseColumnNotation() throws {
        let e = try FormExpression.parse("(1)/(3)*100")
        XCTAssertEqual(e, .binary(.multiply, .binary(.divide, .column("1"), .column("3")), .number(100)))
        XCTAssertEqual(e.columnReferences, ["1", "3"])
        XCTAssertEqual(try FormExpression.parse(" ( (1) + (2) ) / 2 ").description, "((1)+(2))/2")
        XCTAssertEqual(try FormExpression.parse("online + [truc tiep] - -x").columnReferences,
                       ["online", "truc tiep", "x"])
        XCTAssertEqual(try FormExpression.parse("(1)-((2)-(3))").description, "(1)-((2)-(3))")
        XCTAssertEqual(try FormExpression.parse("2.5*(1)").evaluate { _ in 4 }, .number(10))
    }

    func testEvaluationWithDivisionByZeroAndMissingData() throws {
        let rate = try FormExpression.parse("(1)/(3)*100")
        XCTAssertEqual(rate.evaluate { ["1": 3787, "3": 3798][$0] }.number!, 99.7103, accuracy: 1e-4)
        XCTAssertEqual(rate.evaluate { ["1": 0, "3": 0][$0] }, .divisionByZero)
        XCTAssertEqual(rate.evaluate { ["1": 5][$0] }, .missing)
        XCTAssertEqual(try FormExpression.parse("1/((1)-(1))").evaluate { _ in 2 }, .divisionByZero)
        XCTAssertEqual(FormCellValue.divisionByZeroPlaceholder, "—")
    }

    func testMalformedFormulasGiveVietnameseMessages() {
        for bad in ["", "(1)+", "(1))", "((1)", "1,5*(1)", "(1) $ (2)", "[ ]", "1..2"] {
            XCTAssertThrowsError(try FormExpression.parse(bad), bad) { error in
                let message = (error as! FormExpressionError).message
                XCTAssertTrue(message.hasPrefix("Công thức"), message)
            }
        }
        let deep = String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)
        XCTAssertThrowsError(try FormExpression.parse(deep))
        XCTAssertThrowsError(try FormExpression.parse(String(repeating: "(1)+", count: 400) + "1"))
    }

    func testComparisons() throws {
        let c = try FormComparison.parse("(1) = (2)+(3)+(4)")
        XCTAssertEqual(c.relation, .equal)
        XCTAssertEqual(c.columnReferences, ["1", "2", "3", "4"])
        XCTAssertEqual(try FormComparison.parse("(5)<=(1)").relation, .lessOrEqual)
        XCTAssertThrowsError(try FormComparison.parse("(1)+(2)"))
        XCTAssertThrowsError(try FormComparison.parse("(1)=(2)=(3)"))
    }
}

final class FormsTableTests: XCTestCase {
    func testComputedColumnsAndTotalsAreRatiosOfSums() throws {
        let form = try CompiledTableForm(casesForm)
        let table = form.compute(categories: form.form.rows.resolve(units: []), inputs: [
            FormRowInput(key: "SNV", values: ["1": .number(90), "2": .number(10)]),
            FormRowInput(key: "STP", values: ["1": .number(10), "2": .number(90)]),
            FormRowInput(key: "HH", values: ["1": .number(0), "2": .number(0)]),
        ])
        XCTAssertEqual(table.rows.map { $0["3"] }, [.number(100), .number(100), .number(0)])
        XCTAssertEqual(table.rows[0]["4"], .number(90))
        XCTAssertEqual(table.rows[2]["4"], .divisionByZero)
        XCTAssertEqual(table.display(table.rows[2], "4"), "—")
        XCTAssertEqual(table.display(table.rows[2], "1"), "0")  // zero cases show as 0

        let totals = try XCTUnwrap(table.totals)
        XCTAssertEqual(totals.label, "Tổng")
        XCTAssertEqual(totals["1"], .number(100))
        XCTAssertEqual(totals["3"], .number(200))
        // 100/200 = 50%, not the average of 90%, 10% (and the undefined third rate).
        XCTAssertEqual(totals["4"], .number(50))
        XCTAssertEqual(table.display(totals, "4"), "50,00%")
        XCTAssertEqual(table.display(table.rows[0], "4", locale: .en), "90.00%")
    }

    func testSumRuleOnRatesIsStillPossibleAndMissingRowsAreSkipped() throws {
        var def = casesForm
        def.columns[3].total = .none
        def.columns[0].format = FormNumberFormat()
        let form = try CompiledTableForm(def)
        let table = form.compute(categories: form.form.rows.resolve(units: []), inputs: [
            FormRowInput(key: "SNV", values: ["1": .number(1_445_521), "2": .number(1)]),
        ])
        XCTAssertEqual(table.totals?["1"], .number(1_445_521))
        XCTAssertEqual(table.totals?["4"], .empty)
        XCTAssertEqual(table.rows[1]["3"], .empty)  // no data: not zero
        XCTAssertEqual(table.display(table.totals!, "1"), "1.445.521")
    }

    func testIdentityFlagsTheBadRow() throws {
        let def = TableForm(
            code: "BM02", title: "Kết quả giải quyết TTHC",
            rows: .fixed([FormRowCategory(key: "a", label: "Sở Nội vụ"),
                          FormRowCategory(key: "b", label: "Sở Tư pháp")]),
            columns: [
                FormColumn(key: "1", title: "Tổng số", group: ["Tổng hồ sơ nhận giải quyết"]),
                FormColumn(key: "2", title: "Trực tiếp", group: ["Tổng hồ sơ nhận giải quyết", "Trong đó"]),
                FormColumn(key: "3", title: "Trực tuyến", group: ["Tổng hồ sơ nhận giải quyết", "Trong đó"]),
                FormColumn(key: "4", title: "Kỳ trước chuyển sang", group: ["Tổng hồ sơ nhận giải quyết", "Trong đó"]),
            ],
            identities: [FormIdentity(rule: "(1) = (2)+(3)+(4)",
                                      message: "Tổng số = Trực tiếp + Trực tuyến + Kỳ trước chuyển sang")])
        let form = try CompiledTableForm(def)
        let table = form.compute(categories: form.form.rows.resolve(units: []), inputs: [
            FormRowInput(key: "a", values: ["1": .number(120), "2": .number(20), "3": .number(90), "4": .number(10)]),
            FormRowInput(key: "b", values: ["1": .number(120), "2": .number(20), "3": .number(88), "4": .number(10)]),
        ])
        XCTAssertEqual(table.violations.map(\.rowKey), ["b", ""])  // the bad row, and so the totals
        let v = table.violations[0]
        XCTAssertEqual(v.left, 120)
        XCTAssertEqual(v.right, 118)
        XCTAssertEqual(v.message, "Tổng số = Trực tiếp + Trực tuyến + Kỳ trước chuyển sang")
        XCTAssertTrue(v.description.hasPrefix("Dòng \"Sở Tư pháp\": không thỏa mãn \"Tổng số = Trực tiếp"),
                      v.description)
    }

    func testTwoLevelHeaderLayout() throws {
        let def = TableForm(
            code: "BM02", title: "Kết quả giải quyết TTHC",
            columns: [
                FormColumn(key: "1", title: "Tổng số", group: ["Tổng hồ sơ nhận giải quyết"]),
                FormColumn(key: "2", title: "Trực tiếp, bưu chính", group: ["Tổng hồ sơ nhận giải quyết", "Trong đó"]),
                FormColumn(key: "3", title: "Trực tuyến", group: ["Tổng hồ sơ nhận giải quyết", "Trong đó"]),
                FormColumn(key: "4", title: "Kỳ trước chuyển sang", group: ["Tổng hồ sơ nhận giải quyết", "Trong đó"]),
                FormColumn(key: "5", title: "Trước hạn", group: ["Kết quả giải quyết", "Đã giải quyết"]),
                FormColumn(key: "6", title: "Đúng hạn", group: ["Kết quả giải quyết", "Đã giải quyết"]),
                FormColumn(key: "7", title: "Quá hạn", group: ["Kết quả giải quyết", "Đã giải quyết"]),
                FormColumn(key: "8", title: "Trong hạn", group: ["Kết quả giải quyết", "Đang giải quyết"]),
                FormColumn(key: "9", title: "Quá hạn", group: ["Kết quả giải quyết", "Đang giải quyết"]),
                FormColumn(key: "10", title: "Tỷ lệ đúng hạn", kind: .computed,
                           formula: "((5)+(6))/((5)+(6)+(7))*100", unitOfMeasure: "%"),
            ])
        XCTAssertEqual(def.validate(), [])
        let layout = def.headerLayout()
        XCTAssertEqual(layout.rowCount, 4)  // three title rows and the numbering row
        XCTAssertEqual(layout.columnCount, 12)
        func cell(_ text: String, row: Int? = nil) -> FormHeaderCell? {
            layout.cells.first { $0.text == text && (row == nil || $0.row == row) }
        }
        let stt = try XCTUnwrap(cell("STT"))
        XCTAssertEqual([stt.row, stt.column, stt.rowSpan, stt.columnSpan], [0, 0, 3, 1])
        XCTAssertEqual(cell("Đơn vị")?.rowSpan, 3)
        let total = try XCTUnwrap(cell("Tổng hồ sơ nhận giải quyết"))
        XCTAssertEqual([total.row, total.column, total.rowSpan, total.columnSpan], [0, 2, 1, 4])
        let result = try XCTUnwrap(cell("Kết quả giải quyết"))
        XCTAssertEqual([result.row, result.column, result.columnSpan], [0, 6, 5])
        let sum = try XCTUnwrap(cell("Tổng số"))
        XCTAssertEqual([sum.row, sum.column, sum.rowSpan], [1, 2, 2])  // spans down beside "Trong đó"
        XCTAssertEqual(cell("Trong đó")?.columnSpan, 3)
        XCTAssertEqual(cell("Đã giải quyết").map { [$0.row, $0.column, $0.columnSpan] }, [1, 6, 3])
        XCTAssertEqual(cell("Đang giải quyết").map { [$0.column, $0.columnSpan] }, [9, 2])
        let rate = try XCTUnwrap(cell("Tỷ lệ đúng hạn (%)"))
        XCTAssertEqual([rate.row, rate.column, rate.rowSpan], [0, 11, 3])
        XCTAssertEqual(layout.rows[2].map(\.text), ["Trực tiếp, bưu chính", "Trực tuyến", "Kỳ trước chuyển sang",
                                                    "Trước hạn", "Đúng hạn", "Quá hạn", "Trong hạn", "Quá hạn"])
        XCTAssertEqual(layout.rows[3].first?.text, "A")
        XCTAssertEqual(layout.rows[3].last?.text, "(10) = ((5)+(6))/((5)+(6)+(7))*100")
        // Every grid position of the title rows is covered exactly once.
        var covered = Array(repeating: Array(repeating: 0, count: layout.columnCount), count: layout.rowCount)
        for c in layout.cells {
            for r in c.row..<(c.row + c.rowSpan) { for k in c.column..<(c.column + c.columnSpan) { covered[r][k] += 1 } }
        }
        XCTAssertTrue(covered.allSatisfy { $0.allSatisfy { $0 == 1 } }, "\(covered)")
    }

    func testInputParsingAndChecks() throws {
        var def = casesForm
        def.columns.append(FormColumn(key: "5", title: "Đánh giá", kind: .choice, choices: ["Đạt", "Chưa đạt"]))
        let form = try CompiledTableForm(def)
        XCTAssertEqual(try form.parseInput("1.445.521", column: "1"), .number(1_445_521))
        XCTAssertEqual(try form.parseInput(" ", column: "1"), .empty)
        XCTAssertEqual(try form.parseInput("chua dat", column: "5"), .text("Chưa đạt"))
        XCTAssertThrowsError(try form.parseInput("nhiều", column: "1")) { e in
            XCTAssertTrue("\(e)".contains("Trực tuyến"), "\(e)")
        }
        XCTAssertThrowsError(try form.parseInput("Tốt", column: "5"))
        XCTAssertThrowsError(try form.parseInput("5", column: "3"))
        XCTAssertEqual(form.check(FormRowInput(key: "x", values: ["1": .text("a"), "3": .number(1)])).count, 2)
    }
}

final class FormsDefinitionTests: XCTestCase {
    func testJSONRoundTripWithDefaults() throws {
        let json = """
        {"code": "BM01", "title": "Hồ sơ",
         "rows": {"source": "units", "unitKinds": ["department", "district"]},
         "columns": [
           {"key": "1", "title": "Trực tuyến"},
           {"key": "2", "title": "Trực tiếp"},
           {"key": "3", "title": "Tổng", "formula": "(1)+(2)"},
           {"key": "4", "title": "Tỷ lệ", "kind": "computed", "formula": "(1)/(3)*100",
            "format": {"fractionDigits": 2}}
         ],
         "identities": [{"rule": "(3) >= (1)"}]}
        """
        let form = try JSONDecoder().decode(TableForm.self, from: Data(json.utf8))
        XCTAssertEqual(form.columns[0].kind, .number)
        XCTAssertEqual(form.columns[0].total, .sum)
        XCTAssertEqual(form.columns[2].kind, .computed)
        XCTAssertEqual(form.columns[3].total, .formula)
        XCTAssertEqual(form.totalsLabel, "Tổng")
        XCTAssertEqual(form.validate(), [])
        let again = try JSONDecoder().decode(TableForm.self, from: JSONEncoder().encode(form))
        XCTAssertEqual(again, form)

        let units = [OrgUnit(code: "01", name: "Tỉnh", kind: .province),
                     OrgUnit(code: "S1", name: "Sở Nội vụ", kind: .department, parentCode: "01"),
                     OrgUnit(code: "336", name: "Huyện Hưng Hà", kind: .district, parentCode: "01")]
        XCTAssertEqual(form.rows.resolve(units: units).map(\.key), ["S1", "336"])

        let noTotals = try JSONDecoder().decode(TableForm.self, from: Data("""
        {"code": "X", "title": "Y", "totalsLabel": null, "columns": [{"key": "a", "title": "A"}]}
        """.utf8))
        XCTAssertNil(noTotals.totalsLabel)
    }

    func testDefinitionProblemsAreListedInVietnamese() {
        let bad = TableForm(
            code: "", title: "Sai",
            rows: .fixed([FormRowCategory(key: "a", label: "A"), FormRowCategory(key: "a", label: "B")]),
            columns: [
                FormColumn(key: "1", title: "Một", group: ["G"]),
                FormColumn(key: "2", title: "Hai", kind: .computed, formula: "(1)+(9)"),
                FormColumn(key: "3", title: "Ba", kind: .computed, formula: "(4)*2", group: ["G"]),
                FormColumn(key: "4", title: "Bốn", kind: .computed, formula: "(3)+1"),
                FormColumn(key: "5", title: "Năm", kind: .computed, formula: "(1)+"),
                FormColumn(key: "6", title: "Sáu", kind: .text),
                FormColumn(key: "7", title: "Bảy", kind: .computed, formula: "(6)+(7)"),
                FormColumn(key: "1", title: "Trùng"),
                FormColumn(key: "8", title: "Tám", kind: .choice),
            ],
            identities: [FormIdentity(rule: "(1) = (99)"), FormIdentity(rule: "(1)")])
        let problems = bad.validate()
        let texts = problems.map(\.description)
        XCTAssertTrue(problems.contains(.emptyCode))
        XCTAssertTrue(problems.contains(.duplicateColumnKey("1")))
        XCTAssertTrue(problems.contains(.unknownColumn(in: "2", reference: "9")))
        XCTAssertTrue(problems.contains(.cycle(["3", "4"])), "\(texts)")
        XCTAssertTrue(texts.contains("Các công thức tham chiếu vòng tròn: (3) → (4) → (3)"), "\(texts)")
        XCTAssertTrue(problems.contains(.nonNumericReference(in: "7", reference: "6")))
        XCTAssertTrue(problems.contains(.selfReference("7")))
        XCTAssertTrue(problems.contains(.choiceWithoutChoices("8")))
        XCTAssertTrue(problems.contains(.groupNotContiguous("G")))
        XCTAssertTrue(problems.contains(.unknownColumnInIdentity(index: 0, reference: "99")))
        XCTAssertTrue(problems.contains(.duplicateRowKey("a")))
        XCTAssertTrue(texts.contains { $0.hasPrefix("Cột (5): Công thức \"(1)+\" không hợp lệ") }, "\(texts)")
        XCTAssertTrue(texts.contains { $0.hasPrefix("Quy tắc kiểm tra thứ 2: ") }, "\(texts)")
        XCTAssertTrue(texts.contains("Cột (2): công thức tham chiếu cột (9) không có trong biểu mẫu"), "\(texts)")
        XCTAssertThrowsError(try CompiledTableForm(bad)) { e in
            XCTAssertTrue("\(e)".hasPrefix("Biểu mẫu không hợp lệ:\n- "))
        }
    }

    func testJSONImportGivesVietnameseProblems() throws {
        XCTAssertThrowsError(try TableForm.fromJSON(Data("{\"code\": \"X\"}".utf8))) { e in
            XCTAssertEqual("\(e)", "Biểu mẫu không hợp lệ:\n- Tệp JSON không phải là biểu mẫu hợp lệ: thiếu trường \"title\"")
        }
        XCTAssertThrowsError(try TableForm.fromJSON(Data("không phải JSON".utf8))) { e in
            XCTAssertTrue("\(e)".contains("nội dung không phải JSON hợp lệ"), "\(e)")
        }
        let bad = #"{"code": "X", "title": "Y", "columns": [{"key": "1", "title": "A", "kind": "so"}]}"#
        XCTAssertThrowsError(try TableForm.fromJSON(Data(bad.utf8))) { e in
            XCTAssertTrue("\(e)".contains("columns[0].kind"), "\(e)")
        }
        let cyclic = #"{"code": "X", "title": "Y", "columns": [{"key": "1", "title": "A", "formula": "(2)"}, {"key": "2", "title": "B", "formula": "(1)*2"}]}"#
        XCTAssertThrowsError(try TableForm.fromJSON(Data(cyclic.utf8))) { e in
            XCTAssertEqual((e as? FormDefinitionError)?.problems, [.cycle(["1", "2"])])
        }
        let form = try TableForm.fromJSON(casesForm.toJSON())
        XCTAssertEqual(form, casesForm)
    }

    func testDisplayRowsForAppendicesAndExports() throws {
        let form = try CompiledTableForm(casesForm)
        let table = form.compute(categories: form.form.rows.resolve(units: []), inputs: [
            FormRowInput(key: "SNV", values: ["1": .number(3787), "2": .number(11)]),
            FormRowInput(key: "HH", values: ["1": .number(0), "2": .number(0)]),
        ])
        XCTAssertEqual(table.displayRows(), [
            ["1", "Sở Nội vụ", "3.787", "11", "3.798", "99,71%"],
            ["2", "Sở Tư pháp", "", "", "", ""],
            ["3", "UBND huyện Hưng Hà", "0", "0", "0", "—"],
            ["", "Tổng", "3.787", "11", "3.798", "99,71%"],
        ])
    }
}
