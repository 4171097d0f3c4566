/// Server URLs as the client uses them by default.
enum ServerURL {
    /// The server's URL with its variables replaced by their defaults.
    static func withDefaults(_ server: Server) -> String {
        var url = server.url
        for variable in server.variables {
            url = url.replacingOccurrences(of: "{\(variable.name)}", with: variable.defaultValue)
        }
        return url
    }
}
