import ArgumentParser
import DXCore
import DXImport
import DXStore
import Foundation

/// What `dxtrack import` and `dxtrack export` move.
enum TransferKind: String, ExpressibleByArgument, CaseIterable {
    case units, plans, indicators, tasks, values
    case unitChanges = "unit-changes"
    case unitLinks = "unit-links"

    var labelVI: String {
        switch self {
        case .units: "Đơn vị"
        case .unitChanges: "Thay đổi đơn vị"
        case .unitLinks: "Liên kết đơn vị"
        case .plans: "Kế hoạch"
        case .indicators: "Chỉ tiêu"
        case .tasks: "Nhiệm vụ"
        case .values: "Số liệu"
        }
    }
}

/// JSON rows of `dxtrack export indicators|tasks`: the item with its plan's code.
struct PlanIndicator: Codable {
    var plan: String
    var indicator: Indicator
}

struct PlanTaskRow: Codable {
    var plan: String
    var task: PlanTask
}

extension PlanIndicator: FieldLengthChecked {
    var lengthProblems: [FieldLengthProblem] {
        var c = FieldLengthCheck()
        c.check(plan, "plan", .code)
        c.add(indicator.lengthProblems, under: "indicator")
        return c.problems
    }
}

extension PlanTaskRow: FieldLengthChecked {
    var lengthProblems: [FieldLengthProblem] {
        var c = FieldLengthCheck()
        c.check(plan, "plan", .code)
        c.add(task.lengthProblems, under: "task")
        return c.problems
    }
}

enum TransferFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json
    /// DHIS2 dataValueSets JSON and ADX XML: values only (`DHIS2Transfer.swift`).
    case dhis2JSON = "dhis2-json"
    case adx
}

extension JSONEncoder {
    static var transfer: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }
}

extension JSONDecoder {
    static var transfer: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }
}

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập đơn vị, kế hoạch hoặc số liệu từ tệp CSV/JSON. / Import units, plans or figures from a CSV or JSON file.",
        discussion: """
        units: CSV (code, name, kind, parent_code, valid_from, valid_to, successor_code; mỗi dòng một phiên bản, một mã có thể nhiều dòng nếu thời gian hiệu lực không trùng / one version a row, a code on several rows whose validity does not overlap), danh mục chính thức 2025 hoặc 2024 / the official 2025 or 2024 lists, hoặc JSON; `--official 2024|2025`: danh mục kèm theo dxtrack / the lists shipped with dxtrack.
        unit-links: liên kết giữa các phiên bản đơn vị đã có / links between existing unit versions (date, change, from_codes, to_codes, share, name — như / as `dxtrack export unit-links`); nhập sau units / import after units.
        unit-changes: bảng ánh xạ chính thức 2024→2025 / the official mapping (`--official`: bản kèm theo dxtrack / the shipped copy), hoặc / or CSV (date, change, from_codes, to_codes, share, name); change = merge | divide | rename | move | abolish, mã cách nhau bởi / codes separated by ";". Đơn vị cũ kết thúc hiệu lực ngày trước `date` / predecessors end the day before `date`.
        plans: CSV (code, slug, kind, title, issuer_code, issued, horizon_from, horizon_to, pillars) chỉ phần đầu kế hoạch / plan headings only; JSON: cả chỉ tiêu và nhiệm vụ / with indicators and tasks.
        indicators: CSV mỗi dòng một mục tiêu / one row per target (plan_code, code, name, pillar, measure, ..., target_year, target_level, target_comparator, target_value, target_upper, target_text).
        tasks: CSV (plan_code, code, title, pillar, lead_unit, lead_text, cooperating_units, cooperating_text, deadline, deadline_text, sub_items, evidence).
        values: CSV (period, unit_code, indicator_code, numerator, denominator, value, text, comment; tên cột của DHIS2 cũng được / DHIS2 column names accepted) hoặc JSON; dataValueSets JSON hoặc ADX XML của DHIS2 (nhận theo nội dung / recognised by content; --mapping, xem docs/import-export.md); hoặc mẫu Excel .xlsx của báo cáo đã điền / or a filled .xlsx report template (--round, [--unit]), kiểm tra như biểu mẫu web / checked as the web form is.
        Tất cả trong một giao dịch: có một dòng lỗi thì không ghi gì. / One transaction: one bad row and nothing is written.
        """)

    @Argument(help: "units | plans | indicators | tasks | values | unit-changes | unit-links")
    var kind: TransferKind

    @Argument(help: "Tệp CSV hoặc JSON; với --official: năm của danh mục (2024, 2025) / A CSV or JSON file; with --official: the list's year")
    var source: String?

    @Flag(help: "Dùng danh mục, bảng ánh xạ chính thức kèm theo dxtrack / Use the official lists or mapping shipped with dxtrack")
    var official = false

    /// The file's name in messages (the official file's name with --official).
    var file: String { official ? officialFile.map { "\($0.rawValue) (kèm theo dxtrack)" } ?? (source ?? "") : (source ?? "") }

    var officialFile: OfficialData.File? {
        switch kind {
        case .units: source.flatMap(Int.init).flatMap(OfficialData.unitList(year:))
        case .unitChanges: .mapping
        default: nil
        }
    }

    @Option(help: "Kế hoạch của các dòng số liệu không ghi mã kế hoạch / The plan of value rows without a plan column")
    var plan: String?

    @Option(help: "Đợt báo cáo của tệp .xlsx (mẫu Excel của báo cáo) / The round of an .xlsx report template")
    var round: String?

    @Option(help: "Đơn vị của tệp .xlsx; mặc định đơn vị ghi trong tệp / The unit of an .xlsx template; by default the one the file names")
    var unit: String?

    @Option(help: "Tệp ánh xạ CSV mã dxtrack ↔ mã DHIS2 cho tệp DHIS2 / A CSV mapping dxtrack codes to DHIS2 identifiers, for DHIS2 files")
    var mapping: String?

    @Flag(help: "Chỉ kiểm tra và in những gì sẽ thay đổi, không ghi / Check and print what would change, write nothing")
    var dryRun = false

    /// The previous design (one upsert per value, file held in memory), for the benchmark's
    /// reference only.
    @Flag(help: .hidden)
    var rowByRow = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if official {
            guard kind == .units || kind == .unitChanges else {
                throw ValidationError("--official chỉ dùng với units (2024 hoặc 2025) và unit-changes. / --official is for units and unit-changes only.")
            }
            if kind == .units, officialFile == nil {
                throw ValidationError("Hãy ghi năm của danh mục: dxtrack import units --official 2024 hoặc 2025. / Name the list's year: 2024 or 2025.")
            }
            if kind == .unitChanges, source != nil {
                throw ValidationError("Với --official không cần tên tệp. / No file with --official.")
            }
        } else if source == nil {
            throw ValidationError("Thiếu tên tệp (hoặc --official). / Missing the file (or --official).")
        }
    }

    func readSource() throws -> Data {
        if official, let f = officialFile {
            do { return try OfficialData.data(f) } catch { throw CLIError(String(describing: error)) }
        }
        do { return try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw CLIError("Không đọc được tệp \(file).")
        }
    }

    func run() async throws {
        let lower = file.lowercased()
        if kind == .values, !rowByRow, let shape = DHIS2Transfer.sniff(file) { return try await importDHIS2(shape) }
        if mapping != nil { throw CLIError("--mapping chỉ dùng cho tệp DHIS2 (dataValueSets JSON hoặc ADX) của số liệu.") }
        if kind == .values, !rowByRow, lower.hasSuffix(".json") { return try await importValuesJSON() }
        if kind == .values, !rowByRow, !lower.hasSuffix(".xlsx") { return try await importValuesCSV() }
        let data = try readSource()
        if kind == .unitChanges { return try await importUnitChanges(data) }
        if kind == .unitLinks { return try await importUnitLinks(data) }
        if kind == .values, file.lowercased().hasSuffix(".xlsx") { return try await importWorkbook(data) }
        let isJSON = file.lowercased().hasSuffix(".json")
        // A JSON file gets the CSV reader's limits: its size, its number of rows, and (below)
        // the length of every field.
        let limits = CSVReader.Limits()
        if isJSON, data.count > limits.maxBytes {
            throw CLIError("Tệp \(file) lớn hơn \(VNNumber.format(Double(limits.maxBytes / 1_048_576))) MB: hãy chia thành nhiều tệp.")
        }
        var warnings: [String] = []
        var parseErrors: [String] = []
        var units: [OrgUnit] = [], plans: [PlanContents] = [], headers: [Plan] = [], values: [(line: Int, value: DataValue)] = []
        var indicators: [(planCode: String, indicator: Indicator)] = [], tasks: [(planCode: String, task: PlanTask)] = []
        do {
            switch (kind, isJSON) {
            case (.units, true): (units, parseErrors) = UnitCSV.versions(try decode([OrgUnit].self, data))
            case (.plans, true): plans = try decode([PlanContents].self, data)
            case (.values, true): values = try decode([DataValue].self, data).enumerated().map { ($0.offset + 1, $0.element) }
            case (.indicators, true): indicators = try decode([PlanIndicator].self, data).map { ($0.plan, $0.indicator) }
            case (.tasks, true): tasks = try decode([PlanTaskRow].self, data).map { ($0.plan, $0.task) }
            case (.plans, false):
                let r = SetupCSV.plans(try CSVReader.read(data))
                (headers, warnings, parseErrors) = (r.items, r.warnings, r.errors.map(\.description))
            case (.indicators, false):
                let r = SetupCSV.indicators(try CSVReader.read(data))
                (indicators, warnings, parseErrors) = (r.items, r.warnings, r.errors.map(\.description))
            case (.tasks, false):
                let r = SetupCSV.tasks(try CSVReader.read(data))
                (tasks, warnings, parseErrors) = (r.items, r.warnings, r.errors.map(\.description))
            case (.unitChanges, _), (.unitLinks, _): break
            case (.units, false):
                let table = try CSVReader.read(data)
                if UnitCSV.matches(table.header) {
                    let r = UnitCSV.read(table)
                    (units, warnings, parseErrors) = (r.units, r.warnings, r.errors.map(\.description))
                } else {
                    let r = OfficialUnitList.parse(table)
                    (units, parseErrors) = (r.units, r.errors.map(\.description))
                    print("Danh mục đơn vị hành chính \(r.shape == .twoLevel2025 ? "2025 (hai cấp)" : "2024 (ba cấp)"): \(VNNumber.format(Double(r.provinces.count))) tỉnh, \(VNNumber.format(Double(r.districts.count))) huyện, \(VNNumber.format(Double(r.communes.count))) xã.")
                }
            case (.values, false):
                let r = try DataValueCSV.read(data, defaultPlanCode: plan)
                (values, warnings, parseErrors) = (r.rows.map { ($0.line, $0.value) }, r.warnings, r.errors.map(\.description))
            }
        } catch let e as CLIError {
            throw e
        } catch let e as CSVError {
            throw CLIError("Tệp \(file): \(e.message)")
        }
        // Values are streamed (`importValuesCSV`, `importValuesJSON`) and have no cap; these
        // files are held whole, so their size and rows are bounded.
        if isJSON {
            let rows = max(units.count, plans.count, indicators.count, tasks.count)
            if rows > limits.maxRecords {
                throw CLIError("Tệp \(file) có \(VNNumber.format(Double(rows))) mục, nhiều hơn giới hạn \(VNNumber.format(Double(limits.maxRecords))) mục: hãy chia thành nhiều tệp.")
            }
        }
        let shortCode = { (code: String) in code.count > 40 ? String(code.prefix(40)) + "…" : code }
        let item = { (n: Int, csvLabel: String) in isJSON ? "Mục \(n + 1)" : csvLabel }
        parseErrors += Self.lengthErrors(units) { item($0, "Đơn vị \(shortCode($1.code))") }
        parseErrors += Self.lengthErrors(plans) { n, _ in item(n, "") }
        parseErrors += Self.lengthErrors(headers) { item($0, "Kế hoạch \(shortCode($1.code))") }
        parseErrors += Self.lengthErrors(indicators.map { PlanIndicator(plan: $0.planCode, indicator: $0.indicator) }) {
            item($0, "Chỉ tiêu \(shortCode($1.indicator.code)) của kế hoạch \(shortCode($1.plan))")
        }
        parseErrors += Self.lengthErrors(tasks.map { PlanTaskRow(plan: $0.planCode, task: $0.task) }) {
            item($0, "Nhiệm vụ \(shortCode($1.task.code)) của kế hoạch \(shortCode($1.plan))")
        }
        parseErrors += Self.lengthErrors(values.map(\.value)) { n, _ in item(n, "Dòng \(values[n].line)") }
        for w in warnings { print("Lưu ý: \(w)") }
        guard parseErrors.isEmpty else { throw refusal(parseErrors) }

        let runtime = try await database.openMigrated()
        let outcome: ImportOutcome
        do {
            switch kind {
            case .units: outcome = try await runtime.store.importUnits(units, dryRun: dryRun)
            case .plans: outcome = isJSON ? try await runtime.store.importPlans(plans, dryRun: dryRun)
                : try await runtime.store.importPlanHeaders(headers, dryRun: dryRun)
            case .indicators: outcome = try await runtime.store.importIndicators(indicators, dryRun: dryRun)
            case .tasks: outcome = try await runtime.store.importTasks(tasks, dryRun: dryRun)
            case .unitChanges, .unitLinks: return
            case .values: outcome = rowByRow ? try await runtime.store.importValuesRowByRow(values, dryRun: dryRun)
                : try await runtime.store.importValues(values, dryRun: dryRun)
            }
        } catch {
            await runtime.shutdown()
            throw CLIError(String(describing: error))
        }
        await runtime.shutdown()
        guard outcome.errors.isEmpty else { throw refusal(outcome.errors, total: outcome.errors.count + outcome.omittedErrors) }
        for note in outcome.notes { print("Lưu ý: \(note)") }
        let n = { (x: Int) in VNNumber.format(Double(x)) }
        print("\(kind.labelVI): \(n(outcome.created)) thêm mới, \(n(outcome.updated)) cập nhật, \(n(outcome.unchanged)) không đổi.")
        if dryRun { print("Chạy thử: chưa ghi gì vào cơ sở dữ liệu.") }
    }

    /// Every field over its limit, one line each, with where it is.
    static func lengthErrors<T: FieldLengthChecked>(_ items: [T], where place: (Int, T) -> String) -> [String] {
        items.enumerated().flatMap { n, x in x.lengthProblems.map { "\(place(n, x)): \($0)." } }
    }

    func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        do { return try JSONDecoder.transfer.decode(type, from: data) } catch {
            throw CLIError("Tệp \(file) không phải JSON hợp lệ của \(kind.labelVI.lowercased()): \(error)")
        }
    }

    /// Every error on its own line, then one sentence; nothing was written.
    func refusal(_ errors: [String], total: Int? = nil) -> CLIError {
        let total = total ?? errors.count
        for e in errors.prefix(200) { FileHandle.standardError.write(Data("\(e)\n".utf8)) }
        if total > 200 { FileHandle.standardError.write(Data("… và \(total - 200) lỗi khác\n".utf8)) }
        return CLIError("\(file): \(VNNumber.format(Double(total))) lỗi, không nhập gì.")
    }
}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Xuất đơn vị, kế hoạch hoặc số liệu ra CSV/JSON mà dxtrack import đọc lại được. / Export units, plans or figures as CSV or JSON that dxtrack import reads back.")

    @Argument(help: "units | unit-links | plans | indicators | tasks | values")
    var kind: TransferKind

    @Option(help: "csv | json | dhis2-json | adx (dhis2-json, adx: chỉ số liệu / values only)")
    var format: TransferFormat = .csv

    @Option(help: "Chỉ kế hoạch này (chỉ tiêu, nhiệm vụ, số liệu) / Only this plan (indicators, tasks, figures)")
    var plan: String?

    @Option(help: "Tệp kết quả; mặc định in ra màn hình / Output file; standard output by default")
    var out: String?

    @Option(help: "dhis2-json, adx: tệp ánh xạ CSV mã dxtrack ↔ mã DHIS2 / a CSV mapping dxtrack codes to DHIS2 identifiers")
    var mapping: String?

    @Option(help: "dhis2-json, adx: chỉ kỳ này / only this period (2024Q1, 2024S1, 2024)")
    var period: String?

    @Option(help: "dhis2-json: cách DHIS2 đọc mã trong tệp ánh xạ: code | uid / how DHIS2 reads the mapped identifiers")
    var idScheme: DHIS2IDScheme = .code

    @Flag(help: "dhis2-json, adx: cả số liệu chưa gửi, chưa được duyệt / also figures not yet submitted or approved")
    var includeUnsubmitted = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        if format == .dhis2JSON || format == .adx { return try await exportDHIS2() }
        let runtime = try await database.openMigrated()
        let data: Data
        do {
            let store = runtime.store
            switch (kind, format) {
            case (.units, .csv): data = Data(UnitCSV.write(try await store.allUnitVersions()).utf8)
            case (.units, .json): data = try JSONEncoder.transfer.encode(try await store.allUnitVersions())
            case (.unitChanges, _): throw CLIError("Không xuất thay đổi đơn vị; hãy xuất units (có ngày hiệu lực) và unit-links. / unit-changes cannot be exported; export units (with their validity) and unit-links.")
            case (.unitLinks, .csv): data = Data(UnitChangeFile.write(try await store.unitLinkChanges()).utf8)
            case (.unitLinks, _): throw CLIError("Liên kết đơn vị chỉ xuất ra CSV. / unit-links are exported as CSV only.")
            case (.plans, .json): data = try JSONEncoder.transfer.encode(try await store.allPlanContents())
            case (.plans, .csv): data = Data(SetupCSV.write(try await store.allPlanContents().map(\.plan)).utf8)
            case (.indicators, _), (.tasks, _):
                let contents = try await store.allPlanContents().filter { c in plan.map { c.plan.code == $0 || c.plan.slug == $0 } ?? true }
                if let plan, contents.isEmpty { throw CLIError("Không có kế hoạch \(plan).") }
                let inds = contents.flatMap { c in c.indicators.map { (planCode: c.plan.code, indicator: $0) } }
                let tks = contents.flatMap { c in c.tasks.map { (planCode: c.plan.code, task: $0) } }
                switch (kind, format) {
                case (.indicators, .csv): data = Data(SetupCSV.write(indicators: inds).utf8)
                case (.indicators, _): data = try JSONEncoder.transfer.encode(inds.map { PlanIndicator(plan: $0.planCode, indicator: $0.indicator) })
                case (_, .csv): data = Data(SetupCSV.write(tasks: tks).utf8)
                default: data = try JSONEncoder.transfer.encode(tks.map { PlanTaskRow(plan: $0.planCode, task: $0.task) })
                }
            case (.values, _):
                var values: [DataValue] = []
                var codes = plan.map { [$0] } ?? []
                if plan == nil { codes = try await store.allPlanContents().map(\.plan.code) }
                for code in codes {
                    guard let p = try await store.plan(slugOrCode: code) else { throw CLIError("Không có kế hoạch \(code).") }
                    // A transfer moves what is stored, drafts included; the receiving side applies the
                    // same data-status rule to it.
                    values += try await store.values(planCode: p.code, includeUnsubmitted: true)
                }
                values.sort(by: DataValue.transferOrder)
                data = format == .csv ? Data(("\u{FEFF}" + DataValueCSV.write(values)).utf8) : try JSONEncoder.transfer.encode(values)
            case (_, .dhis2JSON), (_, .adx):
                throw CLIError("Định dạng \(format.rawValue) chỉ dùng cho số liệu (dxtrack export values).")
            }
        } catch {
            await runtime.shutdown()
            throw (error as? CLIError) ?? CLIError(String(describing: error))
        }
        await runtime.shutdown()
        try write(data)
    }

    func write(_ data: Data) throws {
        guard let out else {
            FileHandle.standardOutput.write(data)
            return
        }
        do { try data.write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
            throw CLIError("Không ghi được tệp \(out).")
        }
        print("Đã ghi \(out).")
    }
}
