/// Codes like "1", "1.2", "2.7", "1.1.a" that number pillars, indicators and tasks.
public enum HierarchicalCode {
    public static func parent(of code: String) -> String? {
        guard let dot = code.lastIndex(of: ".") else { return nil }
        return String(code[..<dot])
    }

    public static func depth(of code: String) -> Int {
        code.split(separator: ".").count
    }

    /// Document order: "1.2" < "1.10" < "2", "1.1" < "1.1.a".
    public static func less(_ a: String, _ b: String) -> Bool {
        let pa = a.split(separator: "."), pb = b.split(separator: ".")
        for (x, y) in zip(pa, pb) where x != y {
            switch (Int(x), Int(y)) {
            case let (i?, j?): return i < j
            case (_?, nil): return true
            case (nil, _?): return false
            default: return x < y
            }
        }
        return pa.count < pb.count
    }

    /// Whether `code` is `ancestor` or below it.
    public static func isWithin(_ code: String, _ ancestor: String) -> Bool {
        code == ancestor || code.hasPrefix(ancestor + ".")
    }
}
