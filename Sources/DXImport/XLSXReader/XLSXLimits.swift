/// Bounds that keep a hostile or accidental spreadsheet from exhausting memory or time.
///
/// Defaults follow Apache POI and openpyxl (`ooxml-notes.md`): at most 1,000 zip entries; each
/// part at most 64 MiB once decompressed, 256 MiB in all; a part that inflates more than
/// 100 times is a zip bomb once it is past 100 KiB; 100,000 rows per sheet (far more than any
/// reporting template, far fewer than Excel's 1,048,576) and 500,000 cells with a value (a
/// sheet of 100,000 rows × 5 columns reads in about 3 s and 250 MB in a release build).
public struct XLSXLimits: Hashable, Sendable {
    /// Size of the .xlsx file itself.
    public var maxFileSize: Int = 50 * 1_048_576
    public var maxEntries: Int = 1_000
    /// Decompressed size of one part (a sheet, the shared strings).
    public var maxEntrySize: Int = 64 * 1_048_576
    /// Decompressed size of all parts together (declared sizes, and what is actually read).
    public var maxTotalSize: Int = 256 * 1_048_576
    /// Largest accepted decompressed/compressed ratio of a part...
    public var maxCompressionRatio: Int = 100
    /// ...checked once this much of the part has been decompressed.
    public var compressionRatioGrace: Int = 100 * 1024
    /// Rows of one sheet, counted and as the highest row number.
    public var maxRows: Int = 100_000
    /// Cells with a value in one sheet (and shared strings in a workbook).
    public var maxCells: Int = 500_000
    /// Characters of one text (Excel's own limit is 32,767).
    public var maxTextLength: Int = 32_767
    /// Merged ranges of one sheet.
    public var maxMergedRanges: Int = 100_000

    public init() {}

    public static let `default` = XLSXLimits()
}
