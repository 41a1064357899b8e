import NIOCore
import NIOPosix
import NIOSSL

/// One reply of an SMTP server: its code and its lines (several for "250-…" continuations).
struct SMTPReply: Sendable {
    var code: Int
    var lines: [String]
    var text: String { lines.joined(separator: " / ") }
}

/// Bytes → replies. A line longer than 4 KiB or without a three-digit code is a protocol error.
final class SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply
    private var lines: [String] = []

    func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let end = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > 4096 { throw SMTPError(kind: .protocolError, description: "Máy chủ thư trả lời một dòng quá dài.") }
            return .needMoreData
        }
        // Bytes, not characters: "\r\n" is one Character in Swift.
        var bytes = Array(buffer.readBytes(length: end - buffer.readerIndex + 1) ?? [])
        while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes.removeLast() }
        let line = String(decoding: bytes, as: UTF8.self)
        let chars = Array(line)
        guard chars.count >= 3, let code = Int(String(chars[0..<3])), (200...599).contains(code) else {
            throw SMTPError(kind: .protocolError, description: "Máy chủ thư trả lời không đúng giao thức SMTP: \"\(line.prefix(80))\".")
        }
        lines.append(chars.count > 4 ? String(chars[4...]) : "")
        if chars.count > 3, chars[3] == "-" { return .continue }
        let reply = SMTPReply(code: code, lines: lines)
        lines = []
        context.fireChannelRead(wrapInboundOut(reply))
        return .continue
    }

    func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        .needMoreData
    }
}

/// Hands replies to the one waiting command, each wait with its own timeout; a closed
/// connection or an error fails the wait (and every later one).
final class SMTPReplyHandler: ChannelInboundHandler {
    typealias InboundIn = SMTPReply
    private var buffered: [SMTPReply] = []
    private var waiting: (promise: EventLoopPromise<SMTPReply>, timer: Scheduled<Void>)?
    private var failure: SMTPError?
    private var context: ChannelHandlerContext?

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }
    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply = unwrapInboundIn(data)
        if let w = waiting {
            waiting = nil
            w.timer.cancel()
            w.promise.succeed(reply)
        } else {
            buffered.append(reply)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let e = error as? SMTPError ?? SMTPError(kind: error is NIOSSLError ? .tls : .protocolError,
                                                 description: "Lỗi kết nối với máy chủ thư: \(error)")
        fail(e)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(SMTPError(kind: .closed, description: "Máy chủ thư đóng kết nối giữa chừng."))
        context.fireChannelInactive()
    }

    private func fail(_ e: SMTPError) {
        if failure == nil { failure = e }
        if let w = waiting {
            waiting = nil
            w.timer.cancel()
            w.promise.fail(failure ?? e)
        }
    }

    /// The next reply, or a failure after `timeout` (the connection is then closed).
    func next(_ promise: EventLoopPromise<SMTPReply>, timeout: TimeAmount, step: String) {
        if !buffered.isEmpty { promise.succeed(buffered.removeFirst()); return }
        if let failure { promise.fail(failure); return }
        let loop = promise.futureResult.eventLoop
        let bound = NIOLoopBound(self, eventLoop: loop)
        let timer = loop.scheduleTask(in: timeout) {
            let handler = bound.value
            guard let w = handler.waiting else { return }
            handler.waiting = nil
            w.promise.fail(SMTPError(kind: .timeout, description: "Máy chủ thư không trả lời \(step) trong \(timeout.nanoseconds / 1_000_000_000) giây."))
            handler.context?.close(promise: nil)
        }
        waiting = (promise, timer)
    }
}

/// One SMTP connection: a command, then its reply, in turn.
struct SMTPConnection: Sendable {
    let channel: any Channel
    private let handler: NIOLoopBound<SMTPReplyHandler>
    let timeout: TimeAmount

    static func connect(host: String, port: Int, timeout: TimeAmount) async throws -> SMTPConnection {
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    try channel.pipeline.syncOperations.addHandler(SMTPReplyHandler())
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: host, port: port).get()
        } catch {
            throw SMTPError(kind: .connect, description: "Không kết nối được máy chủ thư \(host):\(port): \(error).")
        }
        let handler = try await channel.eventLoop.submit {
            NIOLoopBound(try channel.pipeline.syncOperations.handler(type: SMTPReplyHandler.self), eventLoop: channel.eventLoop)
        }.get()
        return SMTPConnection(channel: channel, handler: handler, timeout: timeout)
    }

    /// The next reply of the server (the greeting, or the answer to what was written).
    func reply(step: String) async throws -> SMTPReply {
        let handler = self.handler
        let timeout = self.timeout
        let loop = channel.eventLoop
        return try await loop.flatSubmit {
            let p = loop.makePromise(of: SMTPReply.self)
            handler.value.next(p, timeout: timeout, step: step)
            return p.futureResult
        }.get()
    }

    /// Writes `text` and waits for the reply, whose wait (and timeout) starts before the write.
    func send(_ text: String, step: String) async throws -> SMTPReply {
        let handler = self.handler
        let timeout = self.timeout
        let channel = self.channel
        let pending = try await channel.eventLoop.submit {
            let p = channel.eventLoop.makePromise(of: SMTPReply.self)
            handler.value.next(p, timeout: timeout, step: step)
            return p.futureResult
        }.get()
        do {
            try await channel.writeAndFlush(ByteBuffer(string: text)).get()
        } catch {
            // The handler knows why (a TLS handshake that failed, say); else the connection closed.
            do { _ = try await pending.get() } catch let e as SMTPError where e.kind != .closed { throw e } catch {}
            throw SMTPError(kind: .closed, description: "Máy chủ thư đóng kết nối khi đang gửi \(step).")
        }
        return try await pending.get()
    }

    /// Turns on TLS in place (after the server's 220 to STARTTLS), checking the certificate
    /// against `caFile` or the system's authorities and the host's name.
    func startTLS(host: String, caFile: String?) async throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if let caFile { tls.trustRoots = .file(caFile) }
        let context: NIOSSLContext
        do { context = try NIOSSLContext(configuration: tls) } catch {
            throw SMTPError(kind: .tls, description: "Không dùng được chứng thư cho STARTTLS: \(error).")
        }
        let channel = self.channel
        let isAddress = host.allSatisfy { $0.isNumber || $0 == "." } || host.contains(":")
        try await channel.eventLoop.submit {
            let ssl = try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : host)
            try channel.pipeline.syncOperations.addHandler(ssl, position: .first)
        }.get()
    }

    func close() async {
        try? await channel.close().get()
    }
}
