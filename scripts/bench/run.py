#!/usr/bin/env python3
"""Benchmarks of issue 2, measured against baselines in the same run; writes docs/performance.md.

Usage: scripts/bench/run.py [--skip-build] [--pairs N] [--seconds S] [--out docs/performance.md]
Needs: the release build of imctl (`swift build -c release --static-swift-stdlib`, built unless --skip-build), wrk and curl (installed with apt-get when missing).
Only 127.0.0.1 is used; every process started here is stopped by its PID.
"""
import argparse, http.client, json, os, shutil, signal, statistics, subprocess, sys, tempfile, threading, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
APP = "bench#app"
# The server hands its caches back after 5 s without requests (SQLiteChatStore.idleBeforeReleasingMemory).
IDLE_AFTER_LOAD_SECONDS = 8


def sh(args, env=None, stdin=None, check=True):
    r = subprocess.run(args, env=env, input=stdin, capture_output=True, text=True)
    if check and r.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{r.stderr}")
    return r


def ensure_tools():
    missing = [p for p, exe in (("wrk", "wrk"), ("curl", "curl")) if shutil.which(exe) is None]
    if missing:
        sh(["apt-get", "install", "-y", "-qq"] + missing)


class Server:
    def __init__(self, imctl, work):
        self.ready = os.path.join(work, "ready")
        self.proc = subprocess.Popen([imctl, "serve", "--listen", "127.0.0.1:0", "--data-dir", os.path.join(work, "server"),
                                      "--ready-file", self.ready, "--log-level", "error"])
        for _ in range(600):
            if os.path.exists(self.ready) and open(self.ready).read().strip():
                break
            time.sleep(0.05)
        self.address = open(self.ready).read().strip()
        self.host, self.port = self.address.rsplit(":", 1)
        self.url = f"http://{self.address}"
        self.operator = os.path.join(work, "server", "operator.json")

    def rss_kib(self):
        for line in open(f"/proc/{self.proc.pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def cpu_seconds(self):
        """User plus system CPU time the server has used so far."""
        fields = open(f"/proc/{self.proc.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=30)


def request(conn, method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    conn.request(method, path, body=data, headers={"Content-Type": "application/json", **(headers or {})})
    resp = conn.getresponse()
    raw = resp.read()
    return resp.status, (json.loads(raw) if raw else None)


def login(server, user):
    conn = http.client.HTTPConnection(server.host, int(server.port))
    request(conn, "POST", "/v1/users", {"userId": user, "password": "pw"}, {"X-IM-App": APP})
    status, body = request(conn, "POST", "/v1/sessions", {"userId": user, "password": "pw", "deviceUUID": f"bench-{user}"},
                           {"X-IM-App": APP})
    assert status == 200, (status, body)
    return {"Authorization": "Bearer " + body["token"]["token"], "X-IM-Resource": body["resource"], "X-IM-App": APP}


def median(xs):
    return statistics.median(xs)


def percentile(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def bench_one_shot(imctl, server, work, pairs):
    login(server, "bob")
    home = os.path.join(work, "alice")
    env = {**os.environ, "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data",
           "IMCTL_SERVER": server.url, "IMCTL_APP": APP, "IMCTL_OUTPUT": "json"}
    sh([imctl, "register", "alice", "--password-stdin"], env=env, stdin="pw\n", check=False)
    sh([imctl, "login", "alice", "--password-stdin"], env=env, stdin="pw\n")
    creds = None
    for dirpath, _, files in os.walk(home + "/config"):
        for f in files:
            if dirpath.endswith("credentials"):
                creds = json.load(open(os.path.join(dirpath, f)))
    body = json.dumps({"to": "bob", "chatType": "chat", "body": {"type": "text", "content": "hi"}})
    curl = ["curl", "-sS", "-o", "/dev/null", "-X", "POST", server.url + "/v1/messages", "-H", "Content-Type: application/json",
            "-H", "Authorization: Bearer " + creds["token"], "-H", "X-IM-Resource: " + creds["resource"],
            "-H", "X-IM-App: " + APP, "--data", body]
    ours = [imctl, "msg", "send", "bob", "hi"]
    t_imctl, t_curl = [], []
    for i in range(pairs + 3):
        for args, sink in ((ours, t_imctl), (curl, t_curl)):
            start = time.perf_counter()
            r = subprocess.run(args, env=env, capture_output=True)
            elapsed = time.perf_counter() - start
            if r.returncode != 0:
                sys.exit(f"one-shot send failed: {r.stderr.decode()}")
            if i >= 3:
                sink.append(elapsed * 1000)
    return median(t_imctl), median(t_curl)


def wrk(server, script, path, seconds, sessions=None, read_only=False):
    env = {**os.environ, "BENCH_APP": APP, "BENCH_READ": "1" if read_only else "0"}
    if sessions:
        env["BENCH_SESSIONS"] = sessions
    cpu_before = server.cpu_seconds()
    r = sh(["wrk", "-t2", "-c32", f"-d{seconds}s", "-s", os.path.join(ROOT, "scripts/bench", script), server.url + path], env=env)
    line = [l for l in r.stdout.splitlines() if l.startswith("BENCH ")][0]
    fields = dict(kv.split("=") for kv in line.split()[1:])
    fields = {k: int(v) for k, v in fields.items()}
    fields["rps"] = fields["requests"] / (fields["duration_us"] / 1e6)
    fields["cpu_us"] = (server.cpu_seconds() - cpu_before) / max(fields["requests"], 1) * 1e6
    return fields


def bench_throughput(server, work, seconds):
    lines = []
    for i in range(32):
        h = login(server, f"sender{i}")
        lines.append(f"{h['Authorization'][7:]} {h['X-IM-Resource']} receiver{i}")
        login(server, f"receiver{i}")
    sessions = os.path.join(work, "sessions.txt")
    open(sessions, "w").write("\n".join(lines) + "\n")
    base = wrk(server, "health.lua", "/v1/health", seconds)
    reads = wrk(server, "send.lua", "/v1/events/cursor", seconds, sessions, read_only=True)
    sends = wrk(server, "send.lua", "/v1/messages", seconds, sessions)
    return sends, reads, base


def bench_fsync(directory, count=300, size=16 * 1024):
    """fdatasync latency of a small append in the server's data directory: the floor under every durable commit."""
    path = os.path.join(directory, "fsync-probe")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    times = []
    try:
        for _ in range(count):
            os.write(fd, b"x" * size)
            start = time.perf_counter()
            os.fdatasync(fd)
            times.append((time.perf_counter() - start) * 1000)
    finally:
        os.close(fd)
        os.unlink(path)
    return times


def bench_latency(server, count=1000, rate=100):
    receiver, sender = login(server, "lat-receiver"), login(server, "lat-sender")
    started, arrived = {}, {}
    conn = http.client.HTTPConnection(server.host, int(server.port))
    status, cur = request(conn, "GET", "/v1/events/cursor", headers=receiver)
    cursor = cur["cursor"]
    stop = threading.Event()

    def poll():
        c = http.client.HTTPConnection(server.host, int(server.port), timeout=60)
        nonlocal cursor
        while not stop.is_set():
            _, batch = request(c, "GET", f"/v1/events?cursor={cursor}&wait=5", headers=receiver)
            now = time.perf_counter()
            for e in batch["events"]:
                for m in e.get("messages", []):
                    arrived.setdefault(m["msgId"], now)
            cursor = batch["cursor"]

    t = threading.Thread(target=poll, daemon=True)
    t.start()
    time.sleep(0.5)
    s = http.client.HTTPConnection(server.host, int(server.port))
    for i in range(count):
        msg_id = f"lat{i}"
        started[msg_id] = time.perf_counter()
        request(s, "POST", "/v1/messages", {"msgId": msg_id, "to": "lat-receiver", "chatType": "chat",
                                             "body": {"type": "text", "content": "x"}}, sender)
        next_at = started["lat0"] + (i + 1) / rate
        time.sleep(max(0, next_at - time.perf_counter()))
    time.sleep(1)
    stop.set()
    lat = [(arrived[k] - started[k]) * 1000 for k in started if k in arrived]
    base = []
    for _ in range(300):
        a = time.perf_counter()
        request(s, "GET", "/v1/health")
        base.append((time.perf_counter() - a) * 1000)
    return lat, len(started), base


def check_exports(imctl):
    """The measured binary must export only `main` (Sources/imctl/exported-symbols.map): the static runtime's
    --export-dynamic would otherwise slow every start-up. Only a --static-swift-stdlib build gets that flag, so this is
    checked here rather than by the tests, which run dynamically linked builds."""
    table = sh(["objdump", "-T", imctl]).stdout.splitlines()
    defined = [line.split()[-1] for line in table if " g " in line and "*UND*" not in line]
    if defined != ["main"]:
        sys.exit(f"{imctl} exports {len(defined)} symbols, not only main: {defined[:5]}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--pairs", type=int, default=40)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--out", default=os.path.join(ROOT, "docs/performance.md"))
    args = ap.parse_args()
    ensure_tools()
    if not args.skip_build:
        sh(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "imctl"])
    imctl = os.path.join(sh(["swift", "build", "-c", "release", "--show-bin-path"]).stdout.strip(), "imctl")
    check_exports(imctl)
    work = tempfile.mkdtemp(prefix="imctl-bench.")
    server = Server(imctl, work)
    try:
        time.sleep(1)
        idle_fresh = server.rss_kib()
        sh([imctl, "admin", "app", "create", APP], env={**os.environ, "IMCTL_SERVER": server.url, "IMCTL_OPERATOR_FILE": server.operator})
        sh([imctl, "admin", "settings", "set", "sendRatePerSecond=10000"],
           env={**os.environ, "IMCTL_SERVER": server.url, "IMCTL_APP": APP, "IMCTL_OPERATOR_FILE": server.operator})
        t_imctl, t_curl = bench_one_shot(imctl, server, work, args.pairs)
        sends, reads, base = bench_throughput(server, work, args.seconds)
        lat, sent, base_rtt = bench_latency(server)
        syncs = bench_fsync(os.path.join(work, "server"))
        time.sleep(IDLE_AFTER_LOAD_SECONDS)
        idle_after = server.rss_kib()
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)

    cpu = open("/proc/cpuinfo").read().count("processor\t:")
    rows = [
        ("one-shot `imctl msg send` (new process, release) vs `curl` posting the same request, median of "
         f"{args.pairs} paired runs", f"{t_imctl:.2f} ms vs {t_curl:.2f} ms", f"{t_imctl / t_curl:.2f}× curl", "≤ 1.5× curl",
         t_imctl / t_curl <= 1.5),
        (f"durable one-to-one sends/s, 32 keep-alive connections (wrk -t2 -c32, {args.seconds} s, 32 senders), "
         "baseline GET /v1/health", f"{sends['rps']:.0f}/s (p50 {sends['p50_us']/1000:.2f} ms, p99 {sends['p99_us']/1000:.2f} ms, "
         f"non-2xx {sends['errors_status']}) vs {base['rps']:.0f}/s; server CPU per request {sends['cpu_us']:.0f} µs vs "
         f"{base['cpu_us']:.0f} µs (an authenticated read, GET /v1/events/cursor: {reads['rps']:.0f}/s, {reads['cpu_us']:.0f} µs)",
         f"{sends['rps'] / base['rps']:.2f}× health", "≥ 10,000/s", sends["rps"] >= 10_000 and sends["errors_status"] == 0),
        (f"send start → waiting receiver has it, at 100 sends/s ({len(lat)}/{sent} delivered), baseline health round trip",
         f"p50 {median(lat):.2f} ms, p99 {percentile(lat, 99):.2f} ms vs health p50 {median(base_rtt):.2f} ms, p99 "
         f"{percentile(base_rtt, 99):.2f} ms", f"{percentile(lat, 99) / percentile(base_rtt, 99):.1f}× health p99", "p99 ≤ 5 ms",
         percentile(lat, 99) <= 5 and len(lat) == sent),
        ("fdatasync of a 16 KiB append in the server's data directory (the floor under every durable commit), 300 runs",
         f"p50 {median(syncs):.2f} ms, p99 {percentile(syncs, 99):.2f} ms", "–", "–", True),
        (f"server resident memory, idle (fresh start / {IDLE_AFTER_LOAD_SECONDS} s after the runs above)",
         f"{idle_fresh / 1024:.1f} MiB / {idle_after / 1024:.1f} MiB", "–", "≤ 30 MiB", max(idle_fresh, idle_after) / 1024 <= 30),
    ]
    out = [
        "# Performance",
        "",
        "Measured by `scripts/bench/run.py` (release build with the Swift runtime linked statically, server and load generator on the same machine, 127.0.0.1 only).",
        "Every figure is compared with a baseline measured in the same run. Reproduce with:",
        "",
        "```sh",
        "scripts/bench/run.py            # builds the release binary, runs every benchmark, rewrites this file",
        "```",
        "",
        f"Last run: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {cpu} cores.",
        "",
        "| benchmark | result | ratio to baseline | target | met |",
        "|---|---|---|---|---|",
    ] + [f"| {a} | {b} | {c} | {d} | {('yes' if e else 'NO') if d != '–' else '–'} |" for a, b, c, d, e in rows] + [""]
    marker = "<!-- notes: kept when run.py rewrites the table above -->"
    previous = open(args.out).read() if os.path.exists(args.out) else ""
    notes = previous[previous.index(marker):] if marker in previous else marker + "\n"
    open(args.out, "w").write("\n".join(out) + "\n" + notes)
    print("\n".join(out))


if __name__ == "__main__":
    main()
