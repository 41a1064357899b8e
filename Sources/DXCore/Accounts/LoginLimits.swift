import Foundation

/// How many password guesses are checked per window. A guess is counted before its password
/// is checked, in every bucket it falls in, so parallel requests cannot slip past the limit:
/// the same account from one address (the limit users see), the same account from anywhere
/// (guessing spread over many addresses) and one address against any account (a
/// dictionary of usernames). A successful login gives its place back.
public struct LoginLimits: Sendable, Hashable {
    public var perAccountAndAddress: Int
    public var perAccount: Int
    public var perAddress: Int
    public var window: TimeInterval

    public init(perAccountAndAddress: Int = 5, perAccount: Int = 50, perAddress: Int = 100, window: TimeInterval = 15 * 60) {
        self.perAccountAndAddress = perAccountAndAddress
        self.perAccount = perAccount
        self.perAddress = perAddress
        self.window = window
    }

    public struct Bucket: Sendable, Hashable {
        public var key: String
        public var limit: Int
        /// A success clears the failures of its own account and address; the wider buckets
        /// only get back the place the success took, so an attacker's misses elsewhere stay counted.
        public var clearedBySuccess: Bool
    }

    /// The buckets one attempt counts in. Usernames are compared without case, as the store does.
    public func buckets(username: String, address: String) -> [Bucket] {
        let user = username.lowercased()
        return [
            Bucket(key: "account+address:\(user)|\(address)", limit: perAccountAndAddress, clearedBySuccess: true),
            Bucket(key: "account:\(user)", limit: perAccount, clearedBySuccess: false),
            Bucket(key: "address:\(address)", limit: perAddress, clearedBySuccess: false),
        ]
    }
}
