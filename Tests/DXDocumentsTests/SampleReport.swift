import DXDocuments

/// A report shaped like the province's half-year report (`shared/seeds/000_*.txt`): header
/// block, title, sections I–IV with a footnote, signature and recipients, then a portrait
/// appendix and a landscape appendix whose 7-column table runs over several pages.
enum SampleReport {
    static let number = DocumentNumber(83, symbol: "BC-BCĐ")
    static let date = OfficialDate(day: 5, month: 7, year: 2024)
    static let issuer = "Ban Chỉ đạo về chuyển đổi số tỉnh Thái Bình"
    static let summaryLine = "Số mục tiêu hoàn thành: 09/16 chỉ tiêu đạt 56,25%."
    static let appendixHeaders = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
                                  "Thời gian hoàn thành", "Kết quả", "Ghi chú"]
    static let footnoteText = "Tỷ lệ tính trên 16 chỉ tiêu của Kế hoạch chuyển đổi số tỉnh Thái Bình năm 2024."

    static var citation: DocumentCitation {
        DocumentCitation(kind: "Báo cáo", number: number, date: date, issuer: issuer)
    }

    static var document: DocumentModel {
        DocumentModel(
            sections: [mainSection, appendixI, appendixII],
            metadata: DocumentMetadata(title: "Báo cáo kết quả chuyển đổi số 6 tháng đầu năm 2024",
                                       creator: "Ban Chỉ đạo về chuyển đổi số tỉnh Thái Bình")
        )
    }

    static var header: OfficialHeader {
        OfficialHeader(parentBody: "UBND tỉnh Thái Bình", issuingBody: "Ban Chỉ đạo về chuyển đổi số",
                       number: number, place: "Thái Bình", date: date)
    }

    // MARK: Main text

    static var mainSection: DocumentSection {
        var blocks: [Block] = [header.block]
        blocks += DocumentTitle(
            kind: "Báo cáo",
            subject: ["Kết quả chuyển đổi số 6 tháng đầu năm 2024, phương hướng nhiệm vụ 6 tháng cuối năm 2024 tỉnh Thái Bình"],
            note: "(Tại Hội nghị Sơ kết 6 tháng đầu năm 2024 về chuyển đổi số và triển khai Đề án 06)"
        ).blocks
        blocks.append(body("Thực hiện Nghị quyết, Đề án, Kế hoạch về chuyển đổi số năm 2024 tỉnh Thái Bình, Kế hoạch hoạt động của Ban Chỉ đạo về chuyển đổi số tỉnh năm 2024. Trên cơ sở tổng hợp báo cáo, số liệu của các ngành, địa phương, Sở Thông tin và Truyền thông – Cơ quan Thường trực Ban Chỉ đạo về Chuyển đổi số tỉnh Thái Bình báo cáo kết quả chuyển đổi số tỉnh Thái Bình 6 tháng đầu năm 2024, với các nội dung sau:"))
        blocks.append(heading("I. TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM 2024"))
        blocks.append(heading("1. Kết quả thực hiện các chỉ tiêu theo Kế hoạch chuyển đổi số tỉnh Thái Bình năm 2024"))
        blocks.append(body("Kế hoạch chuyển đổi số tỉnh Thái Bình năm 2024 đặt ra 16 mục tiêu:"))
        blocks.append(.paragraph(Paragraph([.text("- " + summaryLine), .footnote(Footnote(footnoteText))])))
        blocks.append(body("- Số mục tiêu hoàn thành từ 50%: 05/16 chỉ tiêu đạt 31,25%."))
        blocks.append(body("- Số mục tiêu hoàn thành dưới 50%: 01 chỉ tiêu 30% hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi trường số và hệ thống ứng dụng công nghệ thông tin."))
        blocks.append(.paragraph(Paragraph([.text("(Chi tiết tại Phụ lục I kèm theo).", italic: true)])))
        blocks.append(heading("2. Kết quả thực hiện nhiệm vụ theo Kế hoạch hoạt động của Ban Chỉ đạo"))
        blocks.append(body("Kế hoạch hoạt động của Ban Chỉ đạo về chuyển đổi số tỉnh Thái Bình năm 2024 đặt ra 49 nhiệm vụ (6 tháng đầu năm 31 nhiệm vụ):"))
        blocks.append(body("- Số nhiệm vụ đã hoàn thành: 05/31 nhiệm vụ đạt 16,13%."))
        blocks.append(body("- Số nhiệm vụ đã và đang triển khai (nhiệm vụ thường xuyên): 25/31 nhiệm vụ đạt 80,65%."))
        blocks.append(body("- Số nhiệm vụ chưa triển khai: 01 nhiệm vụ."))
        blocks.append(.paragraph(Paragraph([.text("(Chi tiết tại Phụ lục II kèm theo).", italic: true)])))
        blocks.append(heading("II. KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ 6 THÁNG ĐẦU NĂM 2024"))
        blocks.append(heading("1. Công tác chỉ đạo, điều hành, thể chế số"))
        for text in narrative { blocks.append(body(text)) }
        blocks.append(heading("III. ĐÁNH GIÁ CHUNG"))
        blocks.append(heading("1. Ưu điểm"))
        blocks.append(body("- Ủy ban nhân dân tỉnh, Ban Chỉ đạo về chuyển đổi số tỉnh đã ban hành cơ bản đầy đủ các văn bản chỉ đạo triển khai chuyển đổi số; các cấp, các ngành vào cuộc quyết liệt."))
        blocks.append(heading("2. Tồn tại, hạn chế, vướng mắc"))
        blocks.append(body("- Nguồn nhân lực công nghệ thông tin phục vụ cho chuyển đổi số còn thiếu, khối lượng nhiệm vụ ngày càng nhiều nên chưa đáp ứng được yêu cầu thực tiễn."))
        blocks.append(heading("IV. PHƯƠNG HƯỚNG NHIỆM VỤ"))
        blocks.append(body("1. Tiếp tục quán triệt triển khai thực hiện nghiêm túc, có hiệu quả các văn bản chỉ đạo của Chính phủ, Ủy ban quốc gia về chuyển đổi số."))
        blocks.append(body("2. Tổ chức đánh giá, xếp hạng chỉ số chuyển đổi số của các cơ quan nhà nước trên địa bàn tỉnh Thái Bình năm 2024."))
        blocks.append(body("Trên đây là báo cáo kết quả chuyển đổi số 6 tháng đầu năm 2024 tỉnh Thái Bình, Ban Chỉ đạo về chuyển đổi số tỉnh trân trọng báo cáo./."))
        blocks.append(SignatureBlock(
            recipients: ["Bộ Thông tin và Truyền thông (để b/c)", "Thường trực Tỉnh ủy (để b/c)",
                         "Chủ tịch, các PCT UBND tỉnh", "Các thành viên Ban Chỉ đạo", "Các sở, ban, ngành",
                         "UBND các huyện, thành phố"],
            archive: "VT, CNTT",
            authority: ["TM. Ban Chỉ đạo", "Trưởng ban"],
            signerName: "Nguyễn Khắc Thận"
        ).block)
        return Decree30.mainSection(blocks)
    }

    static let narrative = [
        "- Các cấp, các ngành tiếp tục đẩy mạnh triển khai thực hiện Nghị quyết số 02-NQ/TU ngày 19/11/2021 của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số tỉnh Thái Bình đến năm 2025, định hướng đến năm 2030; Quyết định số 571/QĐ-UBND ngày 17/3/2022 của Ủy ban nhân dân tỉnh phê duyệt Đề án chuyển đổi số tỉnh Thái Bình đến năm 2025, định hướng đến năm 2030.",
        "- Ban Chỉ đạo về chuyển đổi số tỉnh tổ chức Hội nghị tổng kết chuyển đổi số năm 2023 và phương hướng nhiệm vụ năm 2024; ban hành Kế hoạch hoạt động năm 2024.",
        "- Chỉ đạo 100% các sở, ban, ngành, UBND các huyện, thành phố trên địa bàn tỉnh ban hành kế hoạch chuyển đổi số năm 2024 của đơn vị, địa phương; 100% Ban Chỉ đạo UBND các huyện, thành phố ban hành Kế hoạch hoạt động năm 2024.",
        "- Hội đồng nhân dân tỉnh ban hành Nghị quyết số 08/2024/NQ-HĐND ngày 27/6/2024 quy định mức thu lệ phí thuộc thẩm quyền ban hành của Hội đồng nhân dân tỉnh đối với các tổ chức, cá nhân thực hiện thủ tục hành chính qua dịch vụ công trực tuyến trên địa bàn tỉnh Thái Bình.",
        "- Trung tâm dữ liệu của tỉnh từng bước được nâng cấp phục vụ chuyển đổi số theo hướng sử dụng công nghệ điện toán đám mây: 80/100 máy chủ thực hiện triển khai theo công nghệ ảo hóa đạt 80%; các dữ liệu quan trọng của tỉnh được sao lưu dự phòng trên đám mây của doanh nghiệp cung cấp dịch vụ.",
        "- Sở Thông tin và Truyền thông chủ trì, phối hợp với đơn vị cung cấp dịch vụ hoàn thành triển khai Kho dữ liệu điện tử trực tuyến của người dân, tổ chức là một thành phần của Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh để lưu trữ dữ liệu giải quyết thủ tục hành chính.",
    ]

    static func body(_ text: String) -> Block { .paragraph(Paragraph([.text(text)])) }

    static func heading(_ text: String) -> Block {
        .paragraph(Paragraph([.text(text, bold: true)], keepWithNext: true))
    }

    // MARK: Appendices

    /// Portrait, with a group row and a vertical merge.
    static var appendixI: DocumentSection {
        let page = PageSetup(orientation: .portrait)
        let width = page.textWidth
        let table = Table(
            columnWidths: [width * 0.08, width * 0.42, width * 0.34, width * 0.16],
            rows: [
                TableRow.header(["TT", "Mục tiêu", "Kết quả", "Ghi chú"]),
                TableRow([TableCell(text: "I", alignment: .center),
                          TableCell(text: "Phát triển Chính quyền số, nâng cao hiệu quả, hiệu lực hoạt động của bộ máy chính quyền các cấp", columnSpan: 3)],
                         isBold: true),
                TableRow([TableCell(text: "1", alignment: .center, verticalMerge: .restart),
                          TableCell(text: "Phấn đấu 80% dịch vụ công trực tuyến mức độ 4 hoặc toàn trình, được cung cấp trên nhiều phương tiện truy cập khác nhau.", verticalMerge: .restart),
                          TableCell(text: "100% dịch vụ công trực tuyến toàn trình được cung cấp trên nhiều phương tiện."),
                          TableCell(text: "Hoàn thành", alignment: .center, verticalAlignment: .center)]),
                TableRow([TableCell.mergedFromAbove(), TableCell.mergedFromAbove(),
                          TableCell(text: "Tích hợp 100% thủ tục lên Cổng Dịch vụ công quốc gia."),
                          TableCell(text: "Hoàn thành", alignment: .center, verticalAlignment: .center)]),
                TableRow([TableCell(text: "2", alignment: .center),
                          TableCell(text: "Phấn đấu 90% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng."),
                          TableCell(text: "96,16% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng."),
                          TableCell(text: "Hoàn thành", alignment: .center, verticalAlignment: .center)]),
            ],
            headerRowCount: 1,
            textPointSize: 13
        )
        return AppendixHeading(number: 1, title: "Kết quả thực hiện các chỉ tiêu theo Kế hoạch chuyển đổi số tỉnh Thái Bình năm 2024",
                               citation: citation)
            .section(orientation: .portrait, content: [.table(table)])
    }

    static let pillars = ["Nhận thức số", "Thể chế số", "Hạ tầng số", "Nhân lực số", "An toàn thông tin mạng",
                          "Hoạt động chính quyền số", "Hoạt động kinh tế số", "Hoạt động xã hội số"]
    static let tasks = [
        "Rà soát, xóa các vùng lõm sóng trên địa bàn, bảo đảm tốc độ mạng viễn thông di động",
        "Hướng dẫn định mức chi cho ứng dụng công nghệ thông tin, chuyển đổi số",
        "Triển khai bồi dưỡng, tập huấn kỹ năng số cho công chức, viên chức, người lao động trên nền tảng học trực tuyến",
        "Chính sách chuyển đổi số doanh nghiệp nhỏ và vừa",
        "Triển khai Kho dữ liệu điện tử trực tuyến của người dân, tổ chức",
        "Tổ chức diễn tập thực chiến bảo đảm an toàn thông tin, ứng cứu sự cố mạng",
        "Phổ cập tài khoản định danh và xác thực điện tử, tài khoản dịch vụ công trực tuyến",
    ]
    static let leads = ["Sở Thông tin và Truyền thông", "Sở Tài chính", "Văn phòng UBND tỉnh", "Công an tỉnh"]
    static let statuses = ["Hoàn thành", "Đang triển khai", "Chưa triển khai"]

    /// Landscape: a 7-column table of 8 pillars × 7 tasks (64 rows) under two repeated header
    /// rows (titles, then column numbers).
    static var appendixII: DocumentSection {
        let page = PageSetup(orientation: .landscape)
        let shares = [0.05, 0.33, 0.14, 0.16, 0.10, 0.12, 0.10]
        let widths = shares.map { page.textWidth * $0 }
        var rows = [TableRow.header(appendixHeaders),
                    TableRow.header((1...7).map { "(\($0))" })]
        for (pillarIndex, pillar) in pillars.enumerated() {
            rows.append(TableRow([TableCell(text: String(pillarIndex + 1), alignment: .center),
                                  TableCell(text: pillar, columnSpan: 6)], isBold: true))
            for (taskIndex, task) in tasks.enumerated() {
                let serial = (pillarIndex * tasks.count + taskIndex)
                rows.append(TableRow([
                    TableCell(text: "\(pillarIndex + 1).\(taskIndex + 1)", alignment: .center),
                    TableCell(text: task),
                    TableCell(text: leads[serial % leads.count]),
                    TableCell(text: "Các sở, ban, ngành; UBND các huyện, thành phố"),
                    TableCell(text: "Tháng \(serial % 12 + 1)/2024", alignment: .center),
                    TableCell(text: statuses[serial % statuses.count], alignment: .center),
                    TableCell(text: ""),
                ]))
            }
        }
        let table = Table(columnWidths: widths, rows: rows, headerRowCount: 2, textPointSize: 12)
        return AppendixHeading(number: 2, title: "Kết quả thực hiện nhiệm vụ theo Kế hoạch hoạt động của Ban Chỉ đạo về chuyển đổi số tỉnh Thái Bình năm 2024",
                               citation: citation)
            .section(orientation: .landscape, content: [.table(table)])
    }
}
