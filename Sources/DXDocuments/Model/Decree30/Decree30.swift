/// Layout constants of NĐ 30/2020/NĐ-CP, Phụ lục I, used by the ready-made blocks.
public enum Decree30 {
    /// Body text, points (the decree allows 13–14).
    public static let bodyPointSize: Double = 14
    /// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (12–13): 13 pt bold needs about 96 mm, more than
    /// the right column has beside the issuing body, so the smaller size keeps it on one line.
    public static let nationalNamePointSize: Double = 12
    /// "Độc lập - Tự do - Hạnh phúc" (13–14).
    public static let mottoPointSize: Double = 13
    /// Issuing body, number and the place/date line (12–13).
    public static let headerPointSize: Double = 13
    /// "Nơi nhận:" and its list.
    public static let recipientsHeadingPointSize: Double = 12
    public static let recipientsPointSize: Double = 11

    /// Text width of an A4 portrait page with the default margins.
    public static var portraitTextWidth: Length { PageSetup(orientation: .portrait).textWidth }
    public static var landscapeTextWidth: Length { PageSetup(orientation: .landscape).textWidth }

    /// The main text: A4 portrait, page numbers from page 2.
    public static func mainSection(_ blocks: [Block]) -> DocumentSection {
        DocumentSection(page: PageSetup(orientation: .portrait), pageNumbering: .fromSecondPage, blocks: blocks)
    }
}
