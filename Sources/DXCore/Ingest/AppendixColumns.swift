/// What a column of an appendix holds, told by its header.
public enum ColumnRole: String, Sendable, Hashable, CaseIterable, Codable {
    case number = "stt"
    case target = "muc-tieu"
    case result = "ket-qua"
    case note = "ghi-chu"
    case judgement = "danh-gia"
    case task = "nhiem-vu"
    case lead = "chu-tri"
    case cooperating = "phoi-hop"
    case deadline = "thoi-han"
    case documentNumber = "so-ky-hieu"
    case summary = "trich-yeu"
    case issued = "ngay-ban-hanh"
    case issuer = "co-quan-ban-hanh"
    case signer = "nguoi-ky"
    /// The unit a row of a per-unit table is about ("Đơn vị", "Xã, thị trấn").
    case unit = "don-vi"
    /// A column of a per-unit table that holds one indicator's value for each unit.
    case value = "gia-tri"
    case ignored = "bo-qua"

    public var labelVI: String {
        switch self {
        case .number: "STT"
        case .target: "Mục tiêu"
        case .result: "Kết quả"
        case .note: "Ghi chú"
        case .judgement: "Đánh giá"
        case .task: "Nhiệm vụ"
        case .lead: "Cơ quan chủ trì"
        case .cooperating: "Cơ quan phối hợp"
        case .deadline: "Thời gian hoàn thành"
        case .documentNumber: "Số, ký hiệu"
        case .summary: "Trích yếu"
        case .issued: "Ngày ban hành"
        case .issuer: "Cơ quan ban hành"
        case .signer: "Người ký"
        case .unit: "Đơn vị (mỗi dòng một đơn vị)"
        case .value: "Giá trị chỉ tiêu"
        case .ignored: "Bỏ qua"
        }
    }

    /// The role a header names, first match wins ("Cơ quan chủ trì" before "Cơ quan").
    public static func guess(header: String) -> ColumnRole? {
        let h = LintText.fold(header)
        let words: [(String, ColumnRole)] = [
            ("stt", .number), ("tt", .number), ("so tt", .number),
            ("co quan chu tri", .lead), ("don vi chu tri", .lead), ("chu tri", .lead),
            ("co quan phoi hop", .cooperating), ("don vi phoi hop", .cooperating), ("phoi hop", .cooperating),
            ("thoi gian hoan thanh", .deadline), ("thoi han", .deadline), ("thoi gian", .deadline),
            ("so ky hieu", .documentNumber), ("so, ky hieu", .documentNumber), ("so hieu", .documentNumber), ("so van ban", .documentNumber),
            ("trich yeu", .summary), ("ngay ban hanh", .issued), ("ngay", .issued),
            ("co quan ban hanh", .issuer), ("lanh dao ky", .signer), ("nguoi ky", .signer),
            ("muc tieu", .target), ("chi tieu", .target),
            ("ket qua", .result), ("tinh hinh thuc hien", .result), ("thuc hien", .result),
            ("danh gia", .judgement), ("muc do hoan thanh", .judgement), ("ghi chu", .note),
            ("nhiem vu", .task), ("noi dung", .task), ("ten nhiem vu", .task),
        ]
        if ["stt", "tt", "so tt"].contains(h) { return .number }
        if let role = words.first(where: { h == $0.0 || (h.hasPrefix($0.0) && $0.0.count > 3) })?.1 { return role }
        // "Đơn vị", "Tên đơn vị", "Xã, thị trấn", "Sở, ban, ngành": the unit a row is about —
        // but "Đơn vị tính" (ĐVT) is a unit of measure.
        let bare = String(h.map { $0.isLetter || $0.isNumber ? $0 : " " }).split(separator: " ").joined(separator: " ")
        if bare.hasPrefix("don vi tinh") || bare == "dvt" { return nil }
        let units = ["don vi", "ten don vi", "co quan don vi", "dia phuong", "xa thi tran", "xa phuong", "xa phuong thi tran",
                     "huyen thanh pho", "huyen thi xa thanh pho", "so ban nganh", "so nganh", "ten xa", "ten huyen", "xa", "huyen"]
        return units.contains(bare) || bare.hasPrefix("ten don vi") ? .unit : nil
    }
}

/// What kind of appendix a table is, from the roles of its columns.
public enum AppendixKind: String, Sendable, Hashable, Codable {
    /// Targets and results of indicators (Phụ lục 01 of a half-year report).
    case indicators
    /// Tasks with their lead agencies and results.
    case tasks
    /// A list of documents issued: number, date, summary.
    case documents
    /// A row a unit (commune, department), a column an indicator: each unit's values.
    case units

    public var labelVI: String {
        switch self {
        case .indicators: "Bảng chỉ tiêu"
        case .tasks: "Bảng nhiệm vụ"
        case .documents: "Danh mục văn bản"
        case .units: "Bảng theo đơn vị"
        }
    }
}

/// How one table is read: its kind and which column holds what. Guessed from the headers;
/// a person may correct it (the page, or `--columns` on the command line).
public struct AppendixMapping: Sendable, Hashable, Codable {
    public var table: Int
    public var kind: AppendixKind?
    /// Role of each column, by 0-based column.
    public var roles: [ColumnRole?]
    /// For a value column of a per-unit table, the indicator it holds (its code), by 0-based
    /// column; a column without one is matched to an indicator by its header.
    public var indicators: [Int: String] = [:]

    public init(table: Int, kind: AppendixKind?, roles: [ColumnRole?], indicators: [Int: String] = [:]) {
        self.table = table
        self.kind = kind
        self.roles = roles
        self.indicators = indicators
    }

    public init(guessing table: LintTable) {
        let headers = table.rows.first?.map(\.text) ?? []
        var roles = headers.map(ColumnRole.guess(header:))
        // A row a unit: the columns of figures beside the unit's name are its indicators.
        if let unit = roles.firstIndex(of: .unit), !roles.contains(.task), !roles.contains(.documentNumber) {
            let body = table.rows.dropFirst()
            for c in roles.indices where c != unit && roles[c] != .number && roles[c] != .note {
                let cells = body.map { c < $0.count ? $0[c].text.trimmingCharacters(in: .whitespaces) : "" }.filter { !$0.isEmpty }
                let figures = cells.filter(Self.isFigure)
                if !cells.isEmpty, figures.count * 2 > cells.count { roles[c] = .value }
            }
        }
        // A report's "Kết quả" beside a "Ghi chú" holds the status words; with a "Mục tiêu"
        // too, the result is a figure and the note its judgement.
        if roles.contains(.target), !roles.contains(.judgement), let note = roles.firstIndex(of: .note) { roles[note] = .judgement }
        self.init(table: table.number, kind: Self.kind(of: roles), roles: roles)
    }

    /// "85", "1.234,5", "56,25%", "60/90": a cell that is a value of a per-unit table.
    static func isFigure(_ s: String) -> Bool {
        LintNumbers.cellNumber(s) != nil || s.range(of: #"^\d{1,3}(\.\d{3})*\s*/\s*\d{1,3}(\.\d{3})*$"#, options: .regularExpression) != nil
    }

    /// The kind of table these roles make.
    public static func kind(of roles: [ColumnRole?]) -> AppendixKind? {
        if roles.contains(.documentNumber) && (roles.contains(.summary) || roles.contains(.issued)) { return .documents }
        if roles.contains(.task) && (roles.contains(.lead) || roles.contains(.result)) { return .tasks }
        if roles.contains(.unit) && roles.contains(.value) { return .units }
        if roles.contains(.target) && roles.contains(.result) { return .indicators }
        return nil
    }

    public func column(_ role: ColumnRole) -> Int? { roles.firstIndex(of: role) }

    /// "1:stt,2:nhiem-vu,…": the mapping as the command line writes it (1-based columns); a
    /// value column with its indicator chosen as "3:gia-tri=1.2".
    public var spec: String {
        roles.enumerated().map { c, role in
            "\(c + 1):\(role?.rawValue ?? ColumnRole.ignored.rawValue)" + (role == .value ? indicators[c].map { "=" + $0 } ?? "" : "")
        }.joined(separator: ",")
    }

    /// Reads `spec` over this mapping; a Vietnamese sentence for what it cannot read.
    public mutating func apply(spec: String) throws(IngestError) {
        for item in spec.split(separator: ",") {
            let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let c = Int(parts[0]), c >= 1 else {
                throw IngestError("Cột “\(item)” phải viết dạng số-cột:vai-trò, ví dụ 3:ket-qua.")
            }
            // "3:gia-tri=1.2": a value column and the indicator it holds.
            let named = parts[1].split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let role = ColumnRole(rawValue: named[0]) else {
                throw IngestError("Vai trò “\(named[0])” không có; dùng một trong: \(ColumnRole.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            if named.count == 2 {
                guard role == .value, !named[1].isEmpty else {
                    throw IngestError("Cột \(c): chỉ cột gia-tri mới ghi kèm mã chỉ tiêu, dạng \(c):gia-tri=MÃ.")
                }
                indicators[c - 1] = named[1]
            } else {
                indicators[c - 1] = nil
            }
            while roles.count < c { roles.append(nil) }
            roles[c - 1] = role == .ignored ? nil : role
        }
        kind = Self.kind(of: roles)
    }
}

public struct IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
