#ifndef CIMCURL_SHIM_H
#define CIMCURL_SHIM_H
#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

// libcurl is loaded with dlopen on first use, not linked: `imctl` is one binary for client and server, and neither
// the server nor the commands that never touch the network should pay for loading libcurl and its ~20 dependencies
// (TLS, Kerberos, LDAP, ...) at start-up. curl.h supplies the types; each function is resolved once with dlsym.
// curl_easy_setopt and curl_easy_getinfo are variadic and unavailable from Swift: the typed wrappers below are the
// only way the client calls them. See https://curl.se/libcurl/c/curl_easy_setopt.html

typedef struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    CURLcode (*easy_perform)(CURL *);
    void (*easy_reset)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} imcurl_api;

/// The loaded functions, loading libcurl.so.4 on the first call; NULL when it cannot be loaded. The state lives in
/// function-local statics (Swift's importer emits those, not file-level ones), one copy per translation unit.
static inline const imcurl_api *imcurl_api_get(void) {
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    static imcurl_api api;
    static int state = 0;  // 0 not tried, 1 loaded, 2 unavailable
    if (__atomic_load_n(&state, __ATOMIC_ACQUIRE) == 0) {
        pthread_mutex_lock(&lock);
        if (state == 0) {
            void *handle = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
            int complete = 0;
            if (handle != NULL) {
                api.global_init = (CURLcode (*)(long))dlsym(handle, "curl_global_init");
                api.easy_init = (CURL *(*)(void))dlsym(handle, "curl_easy_init");
                api.easy_cleanup = (void (*)(CURL *))dlsym(handle, "curl_easy_cleanup");
                api.easy_perform = (CURLcode (*)(CURL *))dlsym(handle, "curl_easy_perform");
                api.easy_reset = (void (*)(CURL *))dlsym(handle, "curl_easy_reset");
                api.easy_strerror = (const char *(*)(CURLcode))dlsym(handle, "curl_easy_strerror");
                api.easy_setopt = (CURLcode (*)(CURL *, CURLoption, ...))dlsym(handle, "curl_easy_setopt");
                api.easy_getinfo = (CURLcode (*)(CURL *, CURLINFO, ...))dlsym(handle, "curl_easy_getinfo");
                api.slist_append = (struct curl_slist *(*)(struct curl_slist *, const char *))dlsym(handle, "curl_slist_append");
                api.slist_free_all = (void (*)(struct curl_slist *))dlsym(handle, "curl_slist_free_all");
                complete = api.global_init && api.easy_init && api.easy_cleanup && api.easy_perform && api.easy_reset
                    && api.easy_strerror && api.easy_setopt && api.easy_getinfo && api.slist_append && api.slist_free_all;
            }
            __atomic_store_n(&state, complete ? 1 : 2, __ATOMIC_RELEASE);
        }
        pthread_mutex_unlock(&lock);
    }
    return __atomic_load_n(&state, __ATOMIC_ACQUIRE) == 1 ? &api : NULL;
}

/// 1 when libcurl.so.4 is loaded with every function the client uses (loads it on the first call).
static inline int imcurl_available(void) { return imcurl_api_get() != NULL; }

// Every wrapper goes through imcurl_api_get() (one atomic load once loaded). Without libcurl they fail instead of
// crashing.
static inline CURLcode imcurl_global_init(long flags) { return imcurl_available() ? imcurl_api_get()->global_init(flags) : CURLE_FAILED_INIT; }
static inline CURL *imcurl_easy_init(void) { return imcurl_available() ? imcurl_api_get()->easy_init() : NULL; }
static inline void imcurl_easy_cleanup(CURL *h) { if (imcurl_available()) imcurl_api_get()->easy_cleanup(h); }
static inline CURLcode imcurl_easy_perform(CURL *h) { return imcurl_available() ? imcurl_api_get()->easy_perform(h) : CURLE_FAILED_INIT; }
static inline void imcurl_easy_reset(CURL *h) { if (imcurl_available()) imcurl_api_get()->easy_reset(h); }
static inline const char *imcurl_easy_strerror(CURLcode c) { return imcurl_available() ? imcurl_api_get()->easy_strerror(c) : "libcurl.so.4 could not be loaded"; }
static inline struct curl_slist *imcurl_slist_append(struct curl_slist *l, const char *s) { return imcurl_available() ? imcurl_api_get()->slist_append(l, s) : l; }
static inline void imcurl_slist_free_all(struct curl_slist *l) { if (imcurl_available()) imcurl_api_get()->slist_free_all(l); }

static inline CURLcode imcurl_setopt_long(CURL *h, CURLoption o, long v) { return !imcurl_available() ? CURLE_FAILED_INIT : imcurl_api_get()->easy_setopt(h, o, v); }
static inline CURLcode imcurl_setopt_string(CURL *h, CURLoption o, const char *v) { return !imcurl_available() ? CURLE_FAILED_INIT : imcurl_api_get()->easy_setopt(h, o, v); }
static inline CURLcode imcurl_setopt_pointer(CURL *h, CURLoption o, void *v) { return !imcurl_available() ? CURLE_FAILED_INIT : imcurl_api_get()->easy_setopt(h, o, v); }
static inline CURLcode imcurl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return !imcurl_available() ? CURLE_FAILED_INIT : imcurl_api_get()->easy_setopt(h, o, v); }
static inline CURLcode imcurl_setopt_off_t(CURL *h, CURLoption o, curl_off_t v) { return !imcurl_available() ? CURLE_FAILED_INIT : imcurl_api_get()->easy_setopt(h, o, v); }

typedef size_t (*imcurl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*imcurl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow);

static inline CURLcode imcurl_setopt_write_function(CURL *h, imcurl_data_callback f) { return !imcurl_available() ? CURLE_FAILED_INIT : imcurl_api_get()->easy_setopt(h, CURLOPT_WRITEFUNCTION, f); }
static inline CURLcode imcurl_setopt_read_function(CURL *h, imcurl_data_callback f) { return !imcurl_available() ? CURLE_FAILED_INIT : imcurl_api_get()->easy_setopt(h, CURLOPT_READFUNCTION, f); }
static inline CURLcode imcurl_setopt_header_function(CURL *h, imcurl_data_callback f) { return !imcurl_available() ? CURLE_FAILED_INIT : imcurl_api_get()->easy_setopt(h, CURLOPT_HEADERFUNCTION, f); }
static inline CURLcode imcurl_setopt_xferinfo_function(CURL *h, imcurl_xferinfo_callback f) { return !imcurl_available() ? CURLE_FAILED_INIT : imcurl_api_get()->easy_setopt(h, CURLOPT_XFERINFOFUNCTION, f); }

static inline CURLcode imcurl_getinfo_long(CURL *h, CURLINFO i, long *v) { return !imcurl_available() ? CURLE_FAILED_INIT : imcurl_api_get()->easy_getinfo(h, i, v); }
static inline CURLcode imcurl_getinfo_off_t(CURL *h, CURLINFO i, curl_off_t *v) { return !imcurl_available() ? CURLE_FAILED_INIT : imcurl_api_get()->easy_getinfo(h, i, v); }
static inline CURLcode imcurl_getinfo_double(CURL *h, CURLINFO i, double *v) { return !imcurl_available() ? CURLE_FAILED_INIT : imcurl_api_get()->easy_getinfo(h, i, v); }

#endif
