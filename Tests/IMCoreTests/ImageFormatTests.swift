import IMCore
import Testing

@Suite("image formats by their first bytes")
struct ImageFormatTests {
    private func bytes(_ text: String, after prefix: [UInt8] = []) -> [UInt8] { prefix + Array(text.utf8) }

    @Test func recognisesEachFormat() {
        let samples: [([UInt8], ImageFormat)] = [
            ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], .jpeg),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], .png),
            (bytes("GIF89a"), .gif),
            (bytes("WEBPVP8 ", after: Array("RIFF".utf8) + [0x24, 0, 0, 0]), .webp),
            (bytes("BM6\u{0}"), .bmp),
            ([0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0], .tiff),
            ([0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8], .tiff),
            (bytes("ftypheic", after: [0, 0, 0, 0x18]), .heif),
            (bytes("ftypavif", after: [0, 0, 0, 0x1C]), .heif),
        ]
        for (magic, format) in samples {
            #expect(ImageFormat(magic: magic) == format, "\(magic)")
        }
    }

    @Test func refusesOtherFilesAndShortOnes() {
        for magic in [bytes("just text\n"), bytes("RIFF\u{0}\u{0}\u{0}\u{0}WAVE"), bytes("ftypisom", after: [0, 0, 0, 0x18]), [], [0xFF, 0xD8], bytes("%PDF-1.7")] {
            #expect(ImageFormat(magic: magic) == nil, "\(magic)")
        }
    }
}
