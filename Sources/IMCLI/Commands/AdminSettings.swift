#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IMCore
import IMClient

extension Command {
    /// `imctl admin settings`.
    static let adminSettings = Command(
        name: "settings", summary: "Show or change the app's settings.", subcommands: [.adminSettingsGet, .adminSettingsSet])

    /// `imctl admin settings get`.
    static let adminSettingsGet = Command(
        name: "get",
        summary: "Print the app's settings.",
        examples: [Example("imctl admin settings get", "Show every setting.")],
        run: { invocation, context in
            let settings = try await AdminSupport.client(invocation, context, perApp: true).settings()
            return try context.print(settings)
        }
    )

    /// `imctl admin settings set KEY=VALUE…`.
    static let adminSettingsSet = Command(
        name: "set",
        summary: "Change settings and print the result.",
        discussion: "Each VALUE is read as JSON (numbers, true/false, arrays) and otherwise as a string.",
        arguments: [Argument("assignment", help: "KEY=VALUE, e.g. maxDevicesPerUser=2.", isVariadic: true)],
        examples: [Example("imctl admin settings set openRegistration=false tokenTTL=3600", "Close registration.")],
        run: { invocation, context in
            var patch: [String: JSONValue] = [:]
            for pair in invocation.argumentValues("assignment") {
                let (key, raw) = try MessageBuilder.split(pair, option: "KEY=VALUE")
                patch[key] = (try? WireJSON.decode(JSONValue.self, from: Data(raw.utf8))) ?? .string(raw)
            }
            let settings = try await AdminSupport.client(invocation, context, perApp: true).updateSettings(patch)
            return try context.print(settings)
        }
    )
}
