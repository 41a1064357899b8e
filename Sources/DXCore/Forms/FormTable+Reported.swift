extension FormTable {
    /// Whether a row's unit has reported: the one coverage rule (`Reported`) on the cells the
    /// unit enters — a 0 is a figure; computed cells say nothing about who reported.
    public func hasReported(_ row: FormTableRow) -> Bool {
        let entered = form.form.columns.filter { $0.kind != .computed }.map { row[$0.key] }
        return Reported.hasReported(numbers: entered.map(\.number),
                                    words: entered.map { if case .text(let t) = $0 { t } else { nil } })
    }
}
