import Hummingbird
import IMCore

/// Answers a request that no route matches with the error body every other failure has (status 404, code 110), so
/// a mistyped path or method reads as clearly from `curl` as any other error.
struct UnknownRouteMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let unknown = ChatError(.invalidParam, "no endpoint \(request.method) \(request.uri.path); see docs/openapi.yaml")
            return APIResponse.error(unknown, status: .notFound, logger: context.logger)
        }
    }
}
