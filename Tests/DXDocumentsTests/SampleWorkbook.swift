import DXDocuments

/// Two appendices as sheets: indicator results under a two-level header with percentages and a
/// status drop-down, and the list of documents issued with dates.
enum SampleWorkbook {
    static let statusOptions = ["Hoàn thành", "Đang triển khai", "Chưa triển khai"]

    static let results: [(String, Int, Int, String)] = [
        ("Dịch vụ công trực tuyến toàn trình", 9, 16, "Hoàn thành"),
        ("Hồ sơ công việc cấp tỉnh xử lý trên môi trường mạng", 5, 16, "Đang triển khai"),
        ("Kiểm tra qua môi trường số", 1, 16, "Chưa triển khai"),
        ("Ký số văn bản điện tử cấp huyện", 15, 16, "Hoàn thành"),
    ]

    static var indicators: Worksheet {
        var rows = [
            SheetRow([SheetCell(.text("STT"), style: .header), SheetCell(.text("Chỉ tiêu"), style: .header),
                      SheetCell(.text("Kết quả thực hiện"), style: .header), SheetCell(.empty, style: .header),
                      SheetCell(.empty, style: .header), SheetCell(.text("Trạng thái"), style: .header)], height: 20),
            SheetRow.header(["", "", "Đạt", "Tổng", "Tỷ lệ", ""]),
        ]
        for (index, result) in results.enumerated() {
            rows.append(SheetRow([
                SheetCell(.number(Double(index + 1)), style: CellStyle.body.with { $0.horizontalAlignment = .center }),
                SheetCell(.text(result.0)),
                SheetCell(.number(Double(result.1))),
                SheetCell(.number(Double(result.2))),
                SheetCell(.percent(Double(result.1) / Double(result.2))),
                SheetCell(.text(result.3)),
            ]))
        }
        rows.append(SheetRow([SheetCell(.empty, style: .group), SheetCell(.text("Tổng"), style: .group),
                              SheetCell(.number(1_445_521), style: CellStyle.group.with { $0.numberFormat = .integer }),
                              SheetCell(.empty, style: .group), SheetCell(.empty, style: .group), SheetCell(.empty, style: .group)]))
        return Worksheet(
            name: "Phụ lục I - Chỉ tiêu",
            columnWidths: [6, 50, 10, 10, 12, 18],
            rows: rows,
            headerRowCount: 2,
            mergedRanges: [
                CellRange(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 0),
                CellRange(firstRow: 0, firstColumn: 1, lastRow: 1, lastColumn: 1),
                CellRange(firstRow: 0, firstColumn: 2, lastRow: 0, lastColumn: 4),
                CellRange(firstRow: 0, firstColumn: 5, lastRow: 1, lastColumn: 5),
            ],
            validations: [ListValidation(range: CellRange(firstRow: 2, firstColumn: 5, lastRow: 200, lastColumn: 5),
                                         options: statusOptions, prompt: "Chọn trạng thái của chỉ tiêu",
                                         errorMessage: "Chỉ chọn một trong các trạng thái có trong danh sách.")]
        )
    }

    static var documents: Worksheet {
        Worksheet(
            name: "Phụ lục IV - Văn bản",
            columnWidths: [6, 18, 60, 14, 30],
            rows: [
                SheetRow.header(["STT", "Số ký hiệu", "Trích yếu", "Ngày ban hành", "Cơ quan ban hành"]),
                SheetRow([SheetCell(.number(1)), SheetCell(.text("08/2024/NQ-HĐND")),
                          SheetCell(.text("Quy định mức thu lệ phí đối với thủ tục hành chính qua dịch vụ công trực tuyến")),
                          SheetCell(.date(year: 2024, month: 6, day: 27)), SheetCell(.text("Hội đồng nhân dân tỉnh Thái Bình"))]),
                SheetRow([SheetCell(.number(2)), SheetCell(.text("83/KH-BCĐ")),
                          SheetCell(.text("Kế hoạch hoạt động của Ban Chỉ đạo về chuyển đổi số tỉnh Thái Bình năm 2024")),
                          SheetCell(.date(year: 2024, month: 5, day: 27)), SheetCell(.text("Ban Chỉ đạo về chuyển đổi số tỉnh"))]),
            ],
            headerRowCount: 1,
            frozenColumnCount: 2
        )
    }

    static var workbook: Workbook { Workbook(sheets: [indicators, documents]) }
}
