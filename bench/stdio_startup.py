#!/usr/bin/env python3
"""Cold start of `closer stdio`: time from process launch to the `initialize` answer on stdout,
and resident memory right after. Usage: bench/stdio_startup.py [runs] -- <command...>
Prints each run and the median; the command defaults to the built jar with bin/closer's flags."""
import json, os, statistics, subprocess, sys, tempfile, time

def main():
    args = sys.argv[1:]
    runs = int(args[0]) if args and args[0].isdigit() else 15
    cmd = args[args.index("--") + 1:] if "--" in args else None
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if cmd is None:
        cmd = [os.path.join(root, "bin", "closer"), "stdio"]
    init = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}}) + "\n"
    times, rss = [], []
    data = tempfile.mkdtemp(prefix="closer-startup-")
    for i in range(runs):
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd + ["--data-dir", data], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL)
        p.stdin.write(init.encode()); p.stdin.flush()
        line = p.stdout.readline()
        dt = (time.perf_counter() - t0) * 1000
        assert b'"result"' in line, line
        try:
            with open(f"/proc/{p.pid}/status") as f:
                kb = next(int(l.split()[1]) for l in f if l.startswith("VmRSS"))
        except (FileNotFoundError, StopIteration):
            kb = 0
        p.stdin.close(); p.wait(timeout=30)
        times.append(dt); rss.append(kb / 1024)
        print(f"run {i + 1}: {dt:.0f} ms, RSS {kb / 1024:.0f} MB", flush=True)
    print(f"median: {statistics.median(times):.0f} ms to initialize; median RSS {statistics.median(rss):.0f} MB")

if __name__ == "__main__":
    main()
