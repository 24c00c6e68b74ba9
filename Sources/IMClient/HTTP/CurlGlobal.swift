import CIMCurl
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The process-wide libcurl set-up, done once before the first transfer: loading libcurl, `curl_global_init` and
/// ignoring SIGPIPE (with `CURLOPT_NOSIGNAL` libcurl no longer ignores it itself).
///
/// A thread that needs it while another is still doing it sleeps until it is done. (With a Swift `static let` it
/// would wait on a priority-inheritance lock, on which the kernel spins while the owner runs: a core taken from the
/// ~10 ms load on a small machine.)
///
/// - SeeAlso: https://curl.se/libcurl/c/curl_global_init.html, https://curl.se/libcurl/c/CURLOPT_NOSIGNAL.html
enum CurlGlobal {
    private static let started = Atomic<Bool>(false)
    private static let done: DispatchGroup = {
        let group = DispatchGroup()
        group.enter()
        return group
    }()

    /// Starts the set-up on a background thread unless it has started already.
    static func start() {
        guard claim() else { return }
        DispatchQueue.global(qos: .userInitiated).async { setUp() }
    }

    /// Returns once the set-up is done, doing it on the calling thread if nothing has started it.
    static func waitUntilReady() {
        if claim() { setUp() } else { done.wait() }
    }

    private static func claim() -> Bool {
        !started.exchange(true, ordering: .acquiringAndReleasing)
    }

    private static func setUp() {
        signal(SIGPIPE, SIG_IGN)
        imcurl_global_init(3)  // CURL_GLOBAL_ALL (a macro Swift cannot import)
        done.leave()
    }
}
