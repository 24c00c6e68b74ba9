/// The image formats told apart by a file's first bytes: what `--image` accepts and what the server may thumbnail.
public enum ImageFormat: String, Sendable, CaseIterable {
    case jpeg, png, gif, webp, bmp, tiff, heif

    /// How many leading bytes ``init(magic:)`` needs to recognise every format.
    public static let magicLength = 12

    /// The format a file starting with `magic` is in, nil when it is none of them.
    public init?(magic: [UInt8]) {
        let ascii = { (range: Range<Int>) in magic.count >= range.upperBound ? String(decoding: magic[range], as: UTF8.self) : "" }
        if magic.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if magic.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if ascii(0..<4) == "GIF8" {
            self = .gif
        } else if ascii(0..<4) == "RIFF", ascii(8..<12) == "WEBP" {
            self = .webp
        } else if ascii(0..<2) == "BM" {
            self = .bmp
        } else if magic.starts(with: [0x49, 0x49, 0x2A, 0x00]) || magic.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) {
            self = .tiff
        } else if ascii(4..<8) == "ftyp", ["heic", "heix", "hevc", "mif1", "msf1", "avif"].contains(ascii(8..<12)) {
            self = .heif
        } else {
            return nil
        }
    }
}
