#!/usr/bin/env python3
"""Peak memory of a process and all its descendants (bansou and the Chromium it starts), for
scripts/bench: /usr/bin/time -v only gives the largest single process. Samples every second (it costs CPU itself: every 0.2 s took a fifth of a core)
until PID exits, then prints two numbers in MB: the peak of the summed PSS (shared pages
divided among the processes sharing them: what the tree really costs) and of the summed RSS
(shared pages counted in every process: an upper bound).

Usage: scripts/bench-tree-memory.py PID
"""
import os, sys, time

root = int(sys.argv[1])

def children():
    parents = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                # The command may contain spaces and parentheses: the fields after the last ')'.
                fields = f.read().rsplit(")", 1)[1].split()
            parents.setdefault(int(fields[1]), []).append(int(name))
        except (OSError, IndexError):
            pass
    return parents

def tree():
    parents, found, todo = children(), [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, []))
    return found

def memory(pid):
    pss = rss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1])
    except OSError:
        pass
    return pss, rss

def running(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False

peak_pss = peak_rss = 0
while running(root):
    totals = [memory(pid) for pid in tree()]
    peak_pss = max(peak_pss, sum(t[0] for t in totals))
    peak_rss = max(peak_rss, sum(t[1] for t in totals))
    time.sleep(1.0)
print(f"{peak_pss / 1024:.0f} {peak_rss / 1024:.0f}")
