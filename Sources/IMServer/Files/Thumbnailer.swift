import CIMGD
import IMCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Makes image thumbnails with libgd (loaded on first use, see `CIMGD/shim.h`): JPEG in → JPEG out, PNG or
/// GIF in → PNG out, longest side at most ``maxSide`` pixels, aspect ratio kept.
enum Thumbnailer {
    /// The longest side of a thumbnail, in pixels.
    static let maxSide = 200

    /// A thumbnail and the pixel size and format of the image it was made from.
    struct Thumbnail: Sendable {
        var width: Int
        var height: Int
        var isGif: Bool
        var bytes: [UInt8]
    }

    /// libgd's first call loads it; one image at a time also bounds the memory decoding takes.
    private static let lock = Mutex(())

    /// The thumbnail of the image in a file, or nil when it is no JPEG, PNG or GIF libgd can decode (or libgd
    /// is not installed).
    static func make(fromFileAt path: String) -> Thumbnail? {
        lock.withLock { _ in
            guard imgd_available() != 0, let file = fopen(path, "rb") else { return nil }
            defer { fclose(file) }
            var magic = [UInt8](repeating: 0, count: ImageFormat.magicLength)
            magic.removeLast(magic.count - fread(&magic, 1, magic.count, file))
            guard let format = ImageFormat(magic: magic).flatMap(shimFormat) else { return nil }
            rewind(file)
            guard let image = imgd_create(format, file) else { return nil }
            defer { imgd_destroy(image) }
            let width = Int(imgd_width(image))
            let height = Int(imgd_height(image))
            guard width > 0, height > 0 else { return nil }
            let scale = min(1, Double(maxSide) / Double(max(width, height)))
            let side = { (length: Int) in UInt32(max(1, Int((Double(length) * scale).rounded()))) }
            guard let small = imgd_scale(image, side(width), side(height)) else { return nil }
            defer { imgd_destroy(small) }
            var size: Int32 = 0
            guard let encoded = format == jpeg ? imgd_jpeg(small, &size, 80) : imgd_png(small, &size) else { return nil }
            defer { imgd_free(encoded) }
            guard size > 0 else { return nil }
            let bytes = Array(UnsafeRawBufferPointer(start: encoded, count: Int(size)))
            return Thumbnail(width: width, height: height, isGif: format == gif, bytes: bytes)
        }
    }

    private static let jpeg: Int32 = 1
    private static let png: Int32 = 2
    private static let gif: Int32 = 3

    /// The shim's format number for the formats libgd decodes here: 1 JPEG, 2 PNG, 3 GIF.
    private static func shimFormat(_ format: ImageFormat) -> Int32? {
        switch format {
        case .jpeg: jpeg
        case .png: png
        case .gif: gif
        default: nil
        }
    }
}
