#ifndef CIMSQLITE_SHIM_H
#define CIMSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro that Swift cannot import; this returns it as a typed destructor.
static inline sqlite3_destructor_type imsqlite_transient(void) { return SQLITE_TRANSIENT; }

/// sqlite3_config is variadic; this is the one call we need (serialized threading mode is the default).
static inline int imsqlite_busy_timeout(sqlite3 *db, int ms) { return sqlite3_busy_timeout(db, ms); }
/// sqlite3_db_config is variadic; this turns off the checkpoint SQLite runs when the last connection closes.
static inline int imsqlite_no_checkpoint_on_close(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
}

static inline int imsqlite_store_wal_frames(void *counter, sqlite3 *db, const char *name, int frames) {
    (void)db;
    (void)name;
    *(int *)counter = frames;
    return SQLITE_OK;
}
/// After each commit, stores the number of frames in the WAL at `counter` (owned by the caller, which must outlive the
/// hook). This replaces SQLite's automatic checkpoints on this connection.
static inline void imsqlite_count_wal_frames(sqlite3 *db, int *counter) {
    sqlite3_wal_hook(db, imsqlite_store_wal_frames, counter);
}
#endif
