extension APIGraphBuilder {
    /// The names of the API's protocol, its test double and its server: `<Name>API`,
    /// `<Name>APIStub` and `<Name>Server`; `<Name>APIProtocol…` when the client itself is named
    /// `<Name>API` (`--client-name`), and `<Name>APIServer` when it is named `<Name>Server`.
    /// Decided before the models are named, which they reserve: a schema named like one of them
    /// is renamed, as one named like the client is.
    static func protocolNames(name: String, clientTypeName: SwiftName) -> (protocol: SwiftName, stub: SwiftName, server: SwiftName) {
        var base = name + "API"
        if base == clientTypeName.bare { base += "Protocol" }
        let server = name + "Server" == clientTypeName.bare ? name + "APIServer" : name + "Server"
        return (SwiftName(bare: base), SwiftName(bare: base + "Stub"), SwiftName(bare: server))
    }
}
