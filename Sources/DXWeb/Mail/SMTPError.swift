/// Why a message was not delivered: the step and what the server said, in Vietnamese (kept in
/// the outbox row and shown on the round page).
struct SMTPError: Error, CustomStringConvertible, Sendable {
    enum Kind: Sendable { case connect, timeout, closed, protocolError, rejected, tls, authentication }
    var kind: Kind
    var description: String

    static func rejected(_ step: String, _ reply: SMTPReply) -> SMTPError {
        SMTPError(kind: step == "AUTH" ? .authentication : .rejected,
                  description: "Máy chủ thư từ chối \(step): \(reply.code) \(reply.text)")
    }
}
