import IMCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An HTTP endpoint speaking the LibreTranslate API: `GET /languages` lists what it offers (the targets of each
/// source language), `POST /translate` translates with `source` `auto`. 429 and 402 answers mean the quota is
/// exhausted (1112); any other failure is 1113.
struct LibreTranslateProvider: TranslationProvider {
    /// The base URL (`translationURL`), without a trailing slash.
    var endpoint: String
    /// `translationAPIKey`, sent as `api_key` when set.
    var apiKey: String?
    /// The longest one request may take.
    var timeout: Duration = .seconds(15)

    init(endpoint: String, apiKey: String?) {
        self.endpoint = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        self.apiKey = apiKey
    }

    var cacheKey: String { "libretranslate " + endpoint }

    private struct Language: Decodable {
        var code: String
        var name: String?
        var targets: [String]?
    }

    private struct TranslateRequest: Encodable {
        var q: String
        var source = "auto"
        var target: String
        var format = "text"
        var apiKey: String?

        enum CodingKeys: String, CodingKey {
            case q, source, target, format
            case apiKey = "api_key"
        }
    }

    private struct TranslateResponse: Decodable {
        var translatedText: String
    }

    private struct ErrorResponse: Decodable {
        var error: String
    }

    func targets() async throws -> [TranslationTarget] {
        let languages = try await call("GET", "/languages", body: nil, answer: [Language].self)
        let names = Dictionary(languages.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let codes = Set(languages.flatMap { $0.targets ?? [$0.code] })
        return codes.sorted().map { code in
            TranslationTarget(language: LanguageNames.language(code, name: names[code] ?? nil), providerCodes: [code])
        }
    }

    func translate(_ text: String, into target: TranslationTarget) async throws -> String {
        let request = TranslateRequest(q: text, target: target.providerCodes[0], apiKey: apiKey)
        return try await call("POST", "/translate", body: request, answer: TranslateResponse.self).translatedText
    }

    private func call<Answer: Decodable>(_ method: String, _ path: String, body: TranslateRequest?, answer: Answer.Type) async throws -> Answer {
        let response: CurlHTTP.Response
        do {
            response = try await CurlHTTP.send(method, endpoint + path, json: try body.map { Array(try WireJSON.encode($0)) }, timeout: timeout)
        } catch let failure as CurlHTTP.Failure {
            throw ChatError.translationFailed(failure.description)
        } catch let failure as Subprocess.Failure {
            throw ChatError.translationFailed(failure.description)
        }
        let data = Data(response.body)
        guard response.status == 200 else {
            let reason = (try? WireJSON.decode(ErrorResponse.self, from: data).error) ?? "HTTP status \(response.status)"
            throw [402, 429].contains(response.status) ? ChatError.translationQuotaExhausted(reason) : ChatError.translationFailed(reason)
        }
        do {
            return try WireJSON.decode(Answer.self, from: data)
        } catch {
            throw ChatError.translationFailed("\(method) \(path) answered something that is not LibreTranslate JSON")
        }
    }
}
