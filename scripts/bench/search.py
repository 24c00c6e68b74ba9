#!/usr/bin/env python3
"""Local search benchmark (issue 3): "search over 100,000 local messages answers in under 50 ms".

Imports N messages (default 100,000) into a temporary imctl profile with `imctl msg import`, then measures
the median time of several searches three ways:
  sql      the exact query IMClient's LocalStore.search runs, timed with Python's sqlite3 on the same store file
           and the same system libsqlite3 (the search itself, without process start-up);
  imctl    the wall time of a whole `imctl msg search` process;
  baseline the wall time of `imctl conv show PEER` (process start, store open, one row), so imctl - baseline
           is the search's share of a CLI call.
Prints a Markdown table (for docs/performance.md) and exits non-zero when a sql median of a keyword of three or
more characters is 50 ms or more (an absent 1-2 character keyword walks every message and is reported, not judged).

Usage: scripts/bench/search.py [--imctl PATH] [--messages N] [--runs R]
Needs an imctl binary (default: the release build, else the debug build). Only 127.0.0.1 is used (a server is
started just to register and log in); every process started here is stopped by its PID.
"""
import argparse, json, os, random, shutil, signal, sqlite3, statistics, subprocess, sys, tempfile, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
APP = "bench#app"
WORDS = ("invoice meeting lunch project deadline coffee report travel budget review design release hotfix "
         "weekend holiday contract customer support launch".split())

# The statements LocalStore.search runs (Sources/IMClient/Store/LocalStore+Search.swift) for each case, in order:
# a keyword of 3+ characters is first probed in the FTS5 index (up to 1,000 matches); a rare one is then fetched
# through the index, a common one (and a shorter one) by walking the time index (the sender's index with --from) with LIKE.
PROBE = "SELECT COUNT(*) FROM (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? LIMIT 1000)"
FTS = ("SELECT m.json FROM messages m WHERE 1 = 1 AND m.rowid IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?)"
       "{} ORDER BY m.serverTime DESC, m.msgId DESC LIMIT ?")
SCAN = "SELECT m.json FROM messages m INDEXED BY messages_by_time WHERE 1 = 1 AND m.searchText LIKE ? ESCAPE '\\'{} ORDER BY m.serverTime DESC, m.msgId DESC LIMIT ?"
SCAN_FROM = "SELECT m.json FROM messages m WHERE 1 = 1 AND m.searchText LIKE ? ESCAPE '\\'{} ORDER BY m.serverTime DESC, m.msgId DESC LIMIT ?"
SQL = {
    "common keyword (probe + time walk), 10 newest": [(PROBE, ['"invoice"']), (SCAN.format(""), ["%invoice%", 10])],
    "rare keyword (probe + FTS5 trigram), 10 newest": [(PROBE, ['"number 4242"']), (FTS.format(""), ['"number 4242"', 10])],
    "absent keyword (probe + FTS5 trigram)": [(PROBE, ['"zzzzqq"']), (FTS.format(""), ['"zzzzqq"', 10])],
    "common keyword + sender + type, 400": [(PROBE, ['"budget"']),
                                             (SCAN_FROM.format(" AND m.bodyType IN (?) AND m.sender = ?"), ["%budget%", "text", "peer3", 400])],
    "2-letter keyword, common (time walk), 10": [(SCAN.format(""), ["%in%", 10])],
    "2-letter keyword, absent (full walk), 10": [(SCAN.format(""), ["%zq%", 10])],
    "no keyword, before ts, 10": [("SELECT m.json FROM messages m WHERE 1 = 1 AND m.serverTime <= ? ORDER BY m.serverTime DESC, m.msgId DESC LIMIT ?",
                                   [1_700_000_500_000, 10])],
}
CLI = {
    "common keyword (probe + time walk), 10 newest": ["invoice"],
    "rare keyword (probe + FTS5 trigram), 10 newest": ["number 4242"],
    "absent keyword (probe + FTS5 trigram)": ["zzzzqq"],
    "common keyword + sender + type, 400": ["budget", "--from", "peer3", "--types", "text", "--limit", "400"],
    "2-letter keyword, common (time walk), 10": ["in"],
    "2-letter keyword, absent (full walk), 10": ["zq"],
    "no keyword, before ts, 10": ["--before", "1700000500000"],
}


def sh(args, env=None, stdin=None):
    r = subprocess.run(args, env=env, input=stdin, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{r.stderr}")
    return r


def find_imctl(given):
    if given:
        return given
    for config in ("release", "debug"):
        path = os.path.join(ROOT, ".build", config, "imctl")
        if os.path.exists(path):
            return path
    sys.exit("no imctl binary: build it (swift build -c release --product imctl) or pass --imctl")


def logged_in_profile(imctl, work):
    """Starts a server, registers and logs in 'me', stops the server; returns the profile's environment."""
    ready = os.path.join(work, "ready")
    server = subprocess.Popen([imctl, "serve", "--listen", "127.0.0.1:0", "--data-dir", os.path.join(work, "server"),
                               "--ready-file", ready, "--log-level", "error"])
    try:
        for _ in range(600):
            if os.path.exists(ready) and open(ready).read().strip():
                break
            time.sleep(0.05)
        url = "http://" + open(ready).read().strip()
        sh([imctl, "admin", "app", "create", APP], env={**os.environ, "IMCTL_SERVER": url,
                                                       "IMCTL_OPERATOR_FILE": os.path.join(work, "server", "operator.json")})
        env = {**os.environ, "XDG_CONFIG_HOME": work + "/config", "XDG_DATA_HOME": work + "/data",
               "IMCTL_SERVER": url, "IMCTL_APP": APP, "IMCTL_OUTPUT": "json"}
        sh([imctl, "register", "me", "--password-stdin"], env=env, stdin="pw\n")
        sh([imctl, "login", "me", "--password-stdin"], env=env, stdin="pw\n")
        return env
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def write_messages(path, count):
    rng = random.Random(42)
    with open(path, "w") as out:
        for index in range(count):
            peer = f"peer{index % 50}"
            sent = index % 3 == 0
            text = " ".join(rng.choice(WORDS) for _ in range(6)) + f" number {index}"
            message = {"msgId": f"bench{index}", "from": "me" if sent else peer, "to": peer if sent else "me", "chatType": "chat",
                       "body": {"type": "text", "content": text}, "serverTime": 1_700_000_000_000 + index * 10}
            out.write(json.dumps(message) + "\n")


def timed(fn, runs):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--imctl")
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    imctl = find_imctl(args.imctl)
    work = tempfile.mkdtemp(prefix="imctl-search-bench.")
    try:
        env = logged_in_profile(imctl, work)
        data = os.path.join(work, "messages.ndjson")
        write_messages(data, args.messages)
        start = time.perf_counter()
        sh([imctl, "msg", "import", data], env=env)
        import_seconds = time.perf_counter() - start
        store = next(os.path.join(d, f) for d, _, files in os.walk(work + "/data") for f in files if f == "store.sqlite")
        db = sqlite3.connect(store)
        count = db.execute("SELECT COUNT(*) FROM messages").fetchone()[0]
        baseline = timed(lambda: sh([imctl, "conv", "show", "peer1"], env=env), args.runs)
        print(f"imctl: {imctl}; sqlite {sqlite3.sqlite_version}; {count} messages imported in {import_seconds:.1f} s; "
              f"median of {args.runs} runs; baseline `imctl conv show` process: {baseline:.1f} ms\n")
        print("| search | sql (ms) | imctl process (ms) | imctl − baseline (ms) | results |")
        print("|---|---|---|---|---|")
        worst = 0.0
        for name, steps in SQL.items():
            run = lambda: [db.execute(sql, values).fetchall() for sql, values in steps][-1]
            results = len(run())
            sql_ms = timed(run, args.runs)
            cli_ms = timed(lambda: sh([imctl, "msg", "search", *CLI[name]], env=env), args.runs)
            if "absent (full walk)" not in name:
                worst = max(worst, sql_ms)
            print(f"| {name} | {sql_ms:.2f} | {cli_ms:.1f} | {cli_ms - baseline:.1f} | {results} |")
        db.close()
        print(f"\nslowest search: {worst:.2f} ms ({'meets' if worst < 50 else 'MISSES'} the 50 ms target)")
        return 0 if worst < 50 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
