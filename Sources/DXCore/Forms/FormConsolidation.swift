/// Which rows of a form each unit fills, and how the rows units entered become one table.
///
/// A form with one row per unit is filled row by row: each unit enters its own row and the
/// consolidated table puts them together. A form with fixed categories ("Cấp tỉnh", "Cấp
/// huyện"; kinds of procedures) is filled in full by every unit, and the consolidated table
/// adds up the units' numbers category by category; the computed columns are then computed on
/// the sums, so a rate stays a ratio of sums.
extension TableForm {
    /// The rows `unit` fills: its own row of a per-unit form (none when the form's selection
    /// leaves it out), or every category of a fixed form. `units` are the units valid for the
    /// period, in the order of the unit list.
    public func rowsFilled(by unit: OrgUnit, units: [OrgUnit]) -> [FormRowCategory] {
        switch rows {
        case .fixed(let categories): categories
        case .units: rows.resolve(units: units).filter { $0.key == unit.code }
        }
    }
}

/// One unit's entry of one row.
public struct FormEntry: Hashable, Sendable {
    public var unitCode: String
    public var row: FormRowInput

    public init(unitCode: String, row: FormRowInput) {
        self.unitCode = unitCode
        self.row = row
    }
}

extension CompiledTableForm {
    /// The consolidated table of everything units entered for one period. Entries of a per-unit
    /// form count only for the unit's own row. Text and choices of a fixed form are kept when a
    /// single unit gave one, since they cannot be added up.
    public func consolidate(units: [OrgUnit], entries: [FormEntry]) -> FormTable {
        switch form.rows {
        case .units:
            let own = entries.filter { $0.unitCode == $0.row.key }.map(\.row)
            return compute(units: units, inputs: own)
        case .fixed(let categories):
            var inputs: [FormRowInput] = []
            for category in categories {
                let rows = entries.filter { $0.row.key == category.key }.map(\.row)
                var values: [String: FormCellValue] = [:]
                for c in form.columns where c.kind != .computed {
                    let given = rows.compactMap { r -> FormCellValue? in
                        guard let v = r.values[c.key], !v.isEmpty else { return nil }
                        return v
                    }
                    if c.kind == .number {
                        let numbers = given.compactMap(\.number)
                        if !numbers.isEmpty { values[c.key] = .number(numbers.reduce(0, +)) }
                    } else if Set(given).count == 1, let only = given.first {
                        values[c.key] = only
                    }
                }
                inputs.append(FormRowInput(key: category.key, values: values))
            }
            return compute(categories: categories, inputs: inputs)
        }
    }

    /// The identities one entered row breaks, once its computed columns are filled in.
    public func identityViolations(key: String, label: String, values: [String: FormCellValue]) -> [FormIdentityViolation] {
        check(identitiesOf: FormTableRow(key: key, label: label, number: "", cells: computeRow(values)))
    }
}
