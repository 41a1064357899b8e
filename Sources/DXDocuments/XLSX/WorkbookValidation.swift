import Foundation

/// Checks what Excel would otherwise refuse with "We found a problem with some content".
enum WorkbookValidation {
    static let forbiddenNameCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    static func check(_ workbook: Workbook) throws {
        guard !workbook.sheets.isEmpty else { throw WorkbookError.noSheets }
        var seen: Set<String> = []
        for (index, sheet) in workbook.sheets.enumerated() {
            try checkName(sheet.name, position: index + 1)
            let key = XMLText.sanitized(sheet.name).lowercased()
            guard seen.insert(key).inserted else { throw WorkbookError.duplicateSheetName(name: sheet.name) }
            try checkContent(sheet)
        }
    }

    static func checkName(_ raw: String, position: Int) throws {
        let name = XMLText.sanitized(raw)
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw WorkbookError.emptySheetName(sheet: position) }
        // Excel counts UTF-16 units; NFC keeps a Vietnamese letter to one.
        guard name.utf16.count <= 31 else { throw WorkbookError.sheetNameTooLong(name: name, length: name.utf16.count) }
        if let bad = name.first(where: { forbiddenNameCharacters.contains($0) }) {
            throw WorkbookError.forbiddenCharacterInSheetName(name: name, character: bad)
        }
        guard !name.hasPrefix("'"), !name.hasSuffix("'") else {
            throw WorkbookError.sheetNameStartsOrEndsWithApostrophe(name: name)
        }
        guard name.lowercased() != "history" else { throw WorkbookError.reservedSheetName(name: name) }
    }

    private static func checkContent(_ sheet: Worksheet) throws {
        let name = sheet.name
        guard sheet.rows.count <= CellRange.maximumRows else {
            throw WorkbookError.tooManyRows(sheet: name, rows: sheet.rows.count)
        }
        guard (0...sheet.rows.count).contains(sheet.headerRowCount), sheet.frozenColumnCount >= 0 else {
            throw WorkbookError.headerRowCountOutOfRange(sheet: name, headerRows: sheet.headerRowCount)
        }
        for (rowIndex, row) in sheet.rows.enumerated() {
            guard row.cells.count <= CellRange.maximumColumns else {
                throw WorkbookError.tooManyColumns(sheet: name, row: rowIndex + 1, columns: row.cells.count)
            }
            for (columnIndex, cell) in row.cells.enumerated() {
                let reference = CellRange.cellReference(row: rowIndex, column: columnIndex)
                switch cell.value {
                case .number(let value), .percent(let value):
                    guard value.isFinite else { throw WorkbookError.nonFiniteNumber(sheet: name, cell: reference) }
                case .date(let year, let month, let day):
                    guard ExcelDate.serial(year: year, month: month, day: day) != nil else {
                        throw WorkbookError.invalidDate(sheet: name, cell: reference)
                    }
                case .empty, .text:
                    break
                }
            }
        }
        for (index, range) in sheet.mergedRanges.enumerated() {
            guard range.isWellFormed else { throw WorkbookError.invalidRange(sheet: name, range: range.reference) }
            for other in sheet.mergedRanges[..<index] where other.overlaps(range) {
                throw WorkbookError.overlappingMerges(sheet: name, first: other.reference, second: range.reference)
            }
        }
        for validation in sheet.validations {
            let reference = validation.range.reference
            guard validation.range.isWellFormed else { throw WorkbookError.invalidRange(sheet: name, range: reference) }
            guard !validation.options.isEmpty else { throw WorkbookError.emptyValidationList(sheet: name, range: reference) }
            for option in validation.options where option.contains(",") || option.contains("\"") || option.isEmpty {
                throw WorkbookError.invalidValidationOption(sheet: name, option: option)
            }
            let length = validation.options.joined(separator: ",").count
            guard length <= 255 else {
                throw WorkbookError.validationListTooLong(sheet: name, range: reference, length: length)
            }
        }
    }
}

/// Excel's day numbers: day 1 is 1900-01-01, and 1900-02-29, which never existed, is counted
/// (Lotus 1-2-3's bug kept for compatibility), so dates from March 1900 are one day further.
enum ExcelDate {
    static func serial(year: Int, month: Int, day: Int) -> Int? {
        guard (1900...9999).contains(year), (1...12).contains(month),
              (1...daysInMonth(year: year, month: month)).contains(day) else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day) - daysFromCivil(year: 1899, month: 12, day: 30)
        // Before 1900-03-01 Excel has not yet counted its phantom 29 February.
        return days < 61 ? days - 1 : days
    }

    private static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
