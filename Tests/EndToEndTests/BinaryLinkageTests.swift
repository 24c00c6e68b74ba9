import Foundation
import Testing

@Suite("the imctl binary stays off ICU and FoundationNetworking")
struct BinaryLinkageTests {
    /// The release binary when one was built (scripts/test builds it), else the debug one the other tests run.
    private var binary: String {
        let release = URL(fileURLWithPath: Binary.imctl).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("release/imctl").path
        return FileManager.default.isExecutableFile(atPath: release) ? release : Binary.imctl
    }

    @Test("no lib_FoundationICU.so or libFoundationNetworking.so among NEEDED")
    func neededLibraries() async throws {
        let result = try runProcess("/usr/bin/objdump", ["-p", binary], environment: [:])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let needed = result.stdout.split(separator: "\n").filter { $0.contains("NEEDED") }
        #expect(!needed.isEmpty)
        #expect(!needed.contains { $0.contains("lib_FoundationICU.so") || $0.contains("libFoundationNetworking.so") }, "\(needed)")
    }
}
