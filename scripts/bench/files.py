#!/usr/bin/env python3
"""Attachment benchmarks of issue 3: the size limit refuses a 200 MB upload before it is sent whole, and a 9 MB
upload + download keeps the peak resident memory of the server and of imctl within 16 MiB of their baseline.

Usage: scripts/bench/files.py [--imctl PATH]   (default: the release build, else the debug build)
Prints the results (the report in docs/performance.md is written by hand from them).
Only 127.0.0.1 is used; every process started here is stopped by its PID.
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import ROOT, APP, Server, sh  # noqa: E402

MIB = 1024 * 1024


def status_kib(pid, field):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def read_bytes(pid):
    """Bytes the process has read through read(2) and friends, sockets included (/proc/PID/io rchar)."""
    for line in open(f"/proc/{pid}/io"):
        if line.startswith("rchar:"):
            return int(line.split()[1])
    return 0


def run_measured(args, env):
    """Runs a command, polling its peak RSS (VmHWM, KiB) until it exits; returns (result, peak KiB, seconds)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]
    done = threading.Event()

    def poll():
        while not done.is_set():
            peak[0] = max(peak[0], status_kib(proc.pid, "VmHWM"))
            time.sleep(0.002)

    poller = threading.Thread(target=poll)
    poller.start()
    out, err = proc.communicate()
    done.set()
    poller.join()
    return subprocess.CompletedProcess(args, proc.returncode, out, err), peak[0], time.perf_counter() - start


def user_env(work, name, server):
    home = os.path.join(work, name)
    return {**os.environ, "HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data",
            "IMCTL_SERVER": server.url, "IMCTL_APP": APP, "IMCTL_OUTPUT": "json"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--imctl")
    args = ap.parse_args()
    imctl = args.imctl
    if imctl is None:
        release = os.path.join(ROOT, ".build/release/imctl")
        imctl = release if os.path.exists(release) else os.path.join(ROOT, ".build/debug/imctl")
    work = tempfile.mkdtemp(prefix="imctl-bench-files.")
    server = Server(imctl, work)
    results = {"imctl": imctl}
    try:
        operator = {**os.environ, "IMCTL_SERVER": server.url, "IMCTL_APP": APP, "IMCTL_OPERATOR_FILE": server.operator}
        sh([imctl, "admin", "app", "create", APP], env=operator)
        sh([imctl, "admin", "settings", "set", "maxFileBytes=10485760"], env=operator)
        alice, bob = user_env(work, "alice", server), user_env(work, "bob", server)
        for name, env in (("alice", alice), ("bob", bob)):
            sh([imctl, "register", name, "--password-stdin"], env=env, stdin="pw\n")
            sh([imctl, "login", name, "--password-stdin"], env=env, stdin="pw\n")

        # Baselines: the same commands moving no file.
        _, send_base, _ = run_measured([imctl, "msg", "send", "bob", "baseline"], alice)
        _, history_base, _ = run_measured([imctl, "msg", "history", "alice"], bob)

        # 9 MB upload and download.
        nine = os.path.join(work, "nine.bin")
        with open(nine, "wb") as f:
            f.write(os.urandom(9 * MIB))
        server_before = server.rss_kib()
        sent, send_peak, send_seconds = run_measured([imctl, "msg", "send", "bob", "--file", nine], alice)
        if sent.returncode != 0:
            sys.exit(f"9 MB send failed: {sent.stderr}")
        msg_id = json.loads(sent.stdout)["message"]["msgId"]
        server_after_upload = status_kib(server.proc.pid, "VmHWM")
        sh([imctl, "msg", "history", "alice"], env=bob)
        target = os.path.join(work, "nine.out")
        got, download_peak, download_seconds = run_measured([imctl, "msg", "download", msg_id, "--out", target], bob)
        if got.returncode != 0:
            sys.exit(f"9 MB download failed: {got.stderr}")
        same = open(nine, "rb").read() == open(target, "rb").read()
        server_after_download = status_kib(server.proc.pid, "VmHWM")
        results["nineMB"] = {
            "identical": same,
            "uploadSeconds": round(send_seconds, 3), "downloadSeconds": round(download_seconds, 3),
            "imctlSendPeakKiB": send_peak, "imctlSendBaselineKiB": send_base, "imctlSendGrowthKiB": send_peak - send_base,
            "imctlDownloadPeakKiB": download_peak, "imctlDownloadBaselineKiB": history_base,
            "imctlDownloadGrowthKiB": download_peak - history_base,
            "serverRSSBeforeKiB": server_before, "serverPeakAfterUploadKiB": server_after_upload,
            "serverPeakAfterDownloadKiB": server_after_download,
            "serverGrowthKiB": max(server_after_upload, server_after_download) - server_before,
        }
        results["nineMB"]["withinBudget"] = (
            max(results["nineMB"]["imctlSendGrowthKiB"], results["nineMB"]["imctlDownloadGrowthKiB"], results["nineMB"]["serverGrowthKiB"])
            <= 16 * 1024)

        # 200 MB against the 10 MiB limit: refused with 405 before it is sent whole.
        big = os.path.join(work, "big.bin")
        with open(big, "wb") as f:
            f.truncate(200 * 1000 * 1000)
        read_before = read_bytes(server.proc.pid)
        refused, _, refused_seconds = run_measured([imctl, "msg", "send", "bob", "--file", big], alice)
        server_read = read_bytes(server.proc.pid) - read_before
        envelope = json.loads(refused.stderr.strip().splitlines()[-1]) if refused.stderr.strip() else {}
        results["twoHundredMB"] = {
            "exitCode": refused.returncode, "errorCode": envelope.get("error", {}).get("code"),
            "seconds": round(refused_seconds, 3), "serverReadBytes": server_read,
            "refusedBeforeWhole": envelope.get("error", {}).get("code") == 405 and server_read < 200 * 1000 * 1000,
        }
        # The same without Content-Length (chunked): the server stops counting at the limit.
        creds = next(json.load(open(os.path.join(d, f))) for d, _, fs in os.walk(os.path.join(work, "alice/config"))
                     for f in fs if d.endswith("credentials"))
        read_before = read_bytes(server.proc.pid)
        start = time.perf_counter()
        chunked = sh(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code} %{size_upload}", "-T", big, "-X", "POST",
                      "-H", "Transfer-Encoding: chunked", "-H", "Authorization: Bearer " + creds["token"],
                      "-H", "X-IM-Resource: " + creds["resource"], "-H", "X-IM-App: " + APP, server.url + "/v1/files"], check=False)
        status, uploaded = (chunked.stdout.split() + ["?", "?"])[:2]
        results["twoHundredMBChunked"] = {
            "httpStatus": status, "clientSentBytes": uploaded, "serverReadBytes": read_bytes(server.proc.pid) - read_before,
            "seconds": round(time.perf_counter() - start, 3),
        }
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
