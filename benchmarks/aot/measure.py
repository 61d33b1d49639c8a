#!/usr/bin/env python3
"""Startup time and memory of one or more receiver builds, measured interleaved (used by run-aot.sh).

For each run: start the command, poll with a signed POST every ~2 ms until it answers 200 (startup = process start to
that first 200), read VmRSS, send N signed requests over one keep-alive connection (each must be 200), read VmRSS and
VmHWM, stop the process (SIGTERM). Prints one tab-separated line per measured run:

    label  run  startup_ms  rss_start_kib  rss_after_kib  hwm_after_kib  requests_ms
"""

import argparse
import hashlib
import hmac
import http.client
import os
import signal
import socket
import subprocess
import sys
import time


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_status(pid: int) -> dict:
    values = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])  # kB
    return values


def fail(message, log_path=None):
    if log_path and os.path.exists(log_path):
        with open(log_path, encoding="utf-8", errors="replace") as f:
            sys.stderr.write(f.read()[-4000:])
    sys.stderr.write(f"\nFAILED: {message}\n")
    sys.exit(1)


def one_run(label, command, cwd, env, route, body, headers, requests, log_path):
    port = free_port()
    args = [a.replace("{port}", str(port)) for a in command]
    with open(log_path, "ab") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = start + 60
        while True:
            if proc.poll() is not None:
                fail(f"{label}: the process exited during startup (code {proc.returncode})", log_path)
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("POST", route, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    fail(f"{label}: the first answer to a signed request was {response.status}, expected 200", log_path)
                startup_ms = (time.perf_counter() - start) * 1000
                break
            except (OSError, http.client.HTTPException):  # not listening yet
                if time.perf_counter() > deadline:
                    fail(f"{label}: no answer within 60 s", log_path)
                time.sleep(0.002)
        rss_start = proc_status(proc.pid)["VmRSS"]

        # conn is open (keep-alive): the requests after startup reuse it.
        t0 = time.perf_counter()
        for i in range(requests):
            conn.request("POST", route, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                fail(f"{label}: request {i + 1} of {requests} got {response.status}, expected 200", log_path)
        requests_ms = (time.perf_counter() - t0) * 1000
        conn.close()
        status = proc_status(proc.pid)
        return startup_ms, rss_start, status["VmRSS"], status["VmHWM"], requests_ms
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def main() -> None:
    # SIGTERM (from run-aot.sh's cleanup) unwinds like an exception, so the server of the current run is stopped too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", action="append", required=True, nargs=3, metavar=("LABEL", "CWD", "COMMAND"),
                        help="label, working directory and command ({port} is replaced); the command is split on spaces")
    parser.add_argument("--route", required=True)
    parser.add_argument("--body-file", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--log-dir", required=True)
    options = parser.parse_args()

    secret = os.environ["Webhooks__GridXReceiver__Secret"].encode()
    with open(options.body_file, "rb") as f:
        body = f.read()
    headers = {
        "Content-Type": "application/json",
        "X-Signature": "sha512=" + hmac.new(secret, body, hashlib.sha512).hexdigest(),
    }
    env = dict(os.environ)

    # One unmeasured run of each first (file cache, first-run work), then the measured runs interleaved.
    for run in range(options.runs + 1):
        for label, cwd, command in options.target:
            log_path = os.path.join(options.log_dir, f"measure-{label}.log")
            result = one_run(label, command.split(" "), cwd, env, options.route, body, headers, options.requests, log_path)
            if run > 0:
                startup_ms, rss_start, rss_after, hwm_after, requests_ms = result
                print(f"{label}\t{run}\t{startup_ms:.1f}\t{rss_start}\t{rss_after}\t{hwm_after}\t{requests_ms:.1f}", flush=True)


if __name__ == "__main__":
    main()
