/// A finite number held as decimal digits, so that rounding happens on the decimal a person
/// would write and not on the binary value behind it: 56.245 is stored as 56.2449999…, yet
/// a report that says 56,245 must print 56,25 with two digits.
struct DecimalDigits: Sendable, Equatable {
    var negative: Bool
    /// Most significant first; never empty.
    var digits: [UInt8]
    /// value = digits × 10^exponent
    var exponent: Int

    /// Doubles carry 15 significant decimal digits reliably; anything past that is the noise of
    /// binary arithmetic (0.145 × 100 = 14.499999999999998), which must not decide a rounding.
    static let reliableDigits = 15

    init(negative: Bool, digits: [UInt8], exponent: Int) {
        self.negative = negative
        self.digits = digits.isEmpty ? [0] : digits
        self.exponent = exponent
    }

    /// nil for NaN and infinities.
    init?(_ x: Double) {
        guard x.isFinite else { return nil }
        // Swift prints the shortest text that reads back as the same Double: the decimal
        // that was meant, before any binary approximation.
        var text = Substring(x.description)
        var negative = false
        if text.first == "-" { negative = true; text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let power = Int(text[text.index(after: e)...]) else { return nil }
            exponent = power
            text = text[..<e]
        }
        var digits: [UInt8] = []
        var seenPoint = false
        for ch in text {
            if ch == "." { seenPoint = true; continue }
            guard let v = ch.wholeNumberValue else { return nil }
            digits.append(UInt8(v))
            if seenPoint { exponent -= 1 }
        }
        self.init(negative: negative, digits: digits, exponent: exponent)
        trimLeadingZeros()
        if digits.count > Self.reliableDigits {
            round(dropping: digits.count - Self.reliableDigits)
        }
    }

    /// Exact, for integers of any size (Int.min included).
    init(_ n: Int) {
        var magnitude = n.magnitude
        var digits: [UInt8] = []
        repeat {
            digits.append(UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        self.init(negative: n < 0, digits: digits.reversed(), exponent: 0)
    }

    var isZero: Bool { digits.allSatisfy { $0 == 0 } }

    private mutating func trimLeadingZeros() {
        if let first = digits.firstIndex(where: { $0 != 0 }) {
            digits.removeFirst(first)
        } else {
            digits = [0]
        }
    }

    /// Removes the `k` least significant digits, rounding half away from zero. Working on the
    /// magnitude makes "away from zero" simply "up".
    private mutating func round(dropping k: Int) {
        guard k > 0 else { return }
        if digits.count <= k {
            digits = Array(repeating: 0, count: k + 1 - digits.count) + digits
        }
        let roundUp = digits[digits.count - k] >= 5
        digits.removeLast(k)
        exponent += k
        if roundUp {
            var i = digits.count - 1
            while i >= 0 {
                if digits[i] == 9 {
                    digits[i] = 0
                    i -= 1
                } else {
                    digits[i] += 1
                    break
                }
            }
            if i < 0 { digits.insert(1, at: 0) }
        }
        trimLeadingZeros()
    }

    /// Rounded to at most `fractionDigits` digits after the point.
    func rounded(fractionDigits: Int) -> DecimalDigits {
        var copy = self
        copy.round(dropping: -fractionDigits - exponent)
        return copy
    }

    /// Renders with exactly `fractionDigits` digits after the separator (fewer if `trimZeros`).
    /// Call on an already rounded value; extra digits would be cut, not rounded.
    func text(fractionDigits: Int, trimZeros: Bool, grouping: Character?, decimal: Character) -> String {
        var all = digits
        if exponent > -fractionDigits {
            all += Array(repeating: 0, count: exponent + fractionDigits)
        } else if exponent < -fractionDigits {
            all.removeLast(min(all.count, -fractionDigits - exponent))
        }
        if all.count <= fractionDigits {
            all = Array(repeating: 0, count: fractionDigits + 1 - all.count) + all
        }
        var integerPart = all[..<(all.count - fractionDigits)].drop(while: { $0 == 0 })
        if integerPart.isEmpty { integerPart = [0] }
        var fractionPart = all[(all.count - fractionDigits)...]
        if trimZeros {
            while fractionPart.last == 0 { fractionPart = fractionPart.dropLast() }
        }

        var out = ""
        // A value that rounds to zero is shown as "0", never "-0".
        if negative, !(integerPart.allSatisfy { $0 == 0 } && fractionPart.allSatisfy { $0 == 0 }) {
            out.append("-")
        }
        let count = integerPart.count
        for (i, d) in integerPart.enumerated() {
            if let grouping, i > 0, (count - i) % 3 == 0 { out.append(grouping) }
            out.append(Character(String(d)))
        }
        if !fractionPart.isEmpty {
            out.append(decimal)
            for d in fractionPart { out.append(Character(String(d))) }
        }
        return out
    }
}
