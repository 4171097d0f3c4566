import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking  // URLRequest and HTTPURLResponse live here on Linux
#endif
import RelayRest

/// Prints each request's method and path, and the status that came back.
struct LoggingMiddleware: HTTPMiddleware {
    func intercept(
        _ request: URLRequest,
        next: @Sendable (URLRequest) async throws -> (Data, HTTPURLResponse)
    ) async throws -> (Data, HTTPURLResponse) {
        let (data, response) = try await next(request)
        print("\(request.httpMethod ?? "GET") \(request.url?.path ?? "/") -> \(response.statusCode)")
        return (data, response)
    }
}
