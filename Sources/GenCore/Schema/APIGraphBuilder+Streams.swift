/// Success responses read as they arrive: a sequential media type (`text/event-stream`, JSON
/// Lines) item by item, or raw bytes chunk by chunk, so that a chat shows its answer as it is
/// written and a large download never sits in memory.
extension APIGraphBuilder {
    /// The names a stream beside a buffered method adds: `chatStream`, `chatStreamWithResponse`.
    static let streamTwins = ["Stream", "StreamWithResponse"]

    /// The media type an operation's stream reads, if any.
    struct StreamMedia {
        var media: MediaType
        var encoding: BodyEncoding
        /// A buffered method sits beside the stream: the success responses also offer a body
        /// that is not sequential (JSON), or the stream is the bytes of a body read whole too.
        var isTwin: Bool
    }

    /// The first sequential media type of a success response; else the raw bytes of the
    /// first success body, when the client would read it as `Data`.
    func streamMedia(of operation: Operation) -> StreamMedia? {
        let successes = operation.responses.filter { $0.statusCode.hasPrefix("2") }
        let encodings = successes.flatMap(\.content).map { ($0, BodyEncoding(contentType: $0.contentType, type: nil)) }
        if let (media, encoding) = encodings.first(where: { $0.1.isSequential }) {
            return StreamMedia(media: media, encoding: encoding, isTwin: encodings.contains { !$0.1.isSequential })
        }
        guard let body = successes.first(where: { !$0.content.isEmpty }), let media = preferredMedia(body.content),
              BodyEncoding(contentType: media.contentType, type: nil) == .data, responseType(media, hint: TypeNameHint("")) == .data
        else { return nil }
        return StreamMedia(media: media, encoding: .data, isTwin: true)
    }

    /// An `itemSchema` only the stream's media type uses: elsewhere (a request body, an error
    /// response, `multipart/mixed`) the body is sent or read whole.
    func warnUnusedItemSchemas(_ operation: Operation, streamMedia: StreamMedia?) {
        for media in operation.requestBody?.content ?? [] {
            guard let items = media.itemSchema else { continue }
            diagnostics.warning("the 'itemSchema' of a request body is not used: the body is sent whole, as the bytes given",
                                at: items.location)
        }
        for response in operation.responses {
            for media in response.content {
                guard let items = media.itemSchema, items !== streamMedia?.media.itemSchema else { continue }
                diagnostics.warning("the 'itemSchema' of '\(media.contentType)' in response '\(response.statusCode)' is not used: "
                                    + "only a success response's Server-Sent Events or JSON Lines are read item by item; "
                                    + "this body is read whole", at: items.location)
            }
        }
    }

    func stream(_ streamMedia: StreamMedia, of operation: APIOperation) -> APIStream {
        let naming = schemas.naming
        let twin = streamMedia.isTwin ? "Stream" : ""
        let hint = TypeNameHint(naming.typeName(operation.methodName.bare) + (streamMedia.encoding == .eventStream ? "Event" : "Item"))
        let itemType: TypeRef
        switch streamMedia.encoding {
        case .eventStream: itemType = eventDataType(streamMedia.media, hint: hint)
        case .jsonLines: itemType = (streamMedia.media.itemSchema ?? streamMedia.media.schema).map { schemas.typeRef(for: $0, hint: hint) } ?? .json
        default: itemType = .data
        }
        return APIStream(
            methodName: SwiftName(bare: operation.methodName.bare + twin),
            withResponseName: SwiftName(bare: operation.methodName.bare + twin + "WithResponse"),
            encoding: streamMedia.encoding, contentType: streamMedia.media.contentType, itemType: itemType,
            isTwin: streamMedia.isTwin)
    }

    /// What an event's `data` decodes as. A 3.1-style `schema` describes the data itself (as
    /// LLM APIs write it); a 3.2 `itemSchema` describes the whole event, whose `data` is a string
    /// with its JSON's schema in `contentSchema`. Without either, the data is text.
    private func eventDataType(_ media: MediaType, hint: TypeNameHint) -> TypeRef {
        guard let itemSchema = media.itemSchema else {
            return media.schema.map { schemas.typeRef(for: $0, hint: hint) } ?? .string
        }
        guard let data = schemas.inspected(itemSchema).properties.first(where: { $0.name == "data" }).map({ schemas.inspected($0.schema) })
        else {
            diagnostics.warning("the 'itemSchema' of '\(media.contentType)' has no 'data' property; each event's data is read as text",
                                at: itemSchema.location)
            return .string
        }
        if let content = data.contentSchema {
            return schemas.typeRef(for: content, hint: hint)
        }
        if let type = data.contentMediaType, BodyEncoding.isJSON(type) {
            return .json
        }
        return .string
    }
}
