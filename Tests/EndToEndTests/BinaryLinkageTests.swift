import Foundation
import Testing

@Suite("the imctl binary stays off full Foundation, ICU and FoundationNetworking")
struct BinaryLinkageTests {
    /// The dynamically linked builds: the debug binary the other tests run, and the release binary `scripts/test` builds.
    /// (A `--static-swift-stdlib` build lists no Swift library at all, so only a dynamic link can show what is used.)
    private var binaries: [String] {
        let release = URL(fileURLWithPath: Binary.imctl).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("release/imctl").path
        return [Binary.imctl] + (FileManager.default.isExecutableFile(atPath: release) ? [release] : [])
    }

    @Test("NEEDED lists libsqlite3, never libFoundation, ICU, FoundationNetworking, libcurl or libgd")
    func neededLibraries() throws {
        for binary in binaries {
            let result = try runProcess("/usr/bin/objdump", ["-p", binary], environment: [:])
            #expect(result.exitCode == 0, "\(result.stderr)")
            let needed = result.stdout.split(separator: "\n").filter { $0.contains("NEEDED") }.map { $0.split(separator: " ").last ?? "" }
            #expect(needed.contains("libsqlite3.so.0"), "\(binary): \(needed)")
            // libcurl is dlopened on the first network call and libgd on the server's first thumbnail, so neither the
            // server nor an offline command loads them (or their dependencies) at start-up.
            let forbidden = [
                "libFoundation.so", "lib_FoundationICU.so", "libFoundationNetworking.so", "libFoundationInternationalization.so",
                "libcurl.so.4", "libgd.so.3",
            ]
            #expect(!needed.contains { forbidden.contains(String($0)) }, "\(binary): \(needed)")
        }
    }
}
