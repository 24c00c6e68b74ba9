/// Progress of an attachment transfer: bytes done and bytes in total (0 while unknown). Called on a
/// background thread, often; keep it cheap.
public typealias TransferProgress = @Sendable (_ done: Int64, _ total: Int64) -> Void
