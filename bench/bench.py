#!/usr/bin/env python3
"""bench/bench.py -- the driver of bench/run.sh (python3 standard library only).

Creates the benchmark database on the server that bench/run.sh started
(PGHOST, PGPORT and PGUSER in the environment), generates the data
(bench/schema.sql), runs every block of bench/queries.sql in order, and
writes the table of ratios to standard output and to OUT/latest.{csv,json,md}
(plus OUT/plans.txt and OUT/samples.csv).  See bench/README.md.
"""

import argparse
import csv
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def log(msg):
    print("==> " + msg, file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------
# psql
# ----------------------------------------------------------------------------

class Psql:
    def __init__(self, db):
        self.db = db

    def script(self, sql, variables=None, db=None):
        """Run a script through psql's standard input; return its output."""
        cmd = ["psql", "-X", "-q", "-A", "-t", "-F", "|", "-v", "ON_ERROR_STOP=1",
               "-d", db or self.db]
        for k, v in (variables or {}).items():
            cmd += ["-v", "%s=%s" % (k, v)]
        p = subprocess.run(cmd, input=sql, capture_output=True, text=True)
        if p.returncode != 0:
            raise RuntimeError("psql failed:\n%s\n--- script ---\n%s" % (p.stderr, sql[:4000]))
        return p.stdout

    def file(self, path, variables=None):
        with open(path) as f:
            return self.script(f.read(), variables)

    def value(self, sql):
        return self.script(sql).strip()


def dollar_quote(s):
    tag = "$q$"
    n = 0
    while tag in s:
        n += 1
        tag = "$q%d$" % n
    return tag + s + tag


def settings_sql(settings):
    return "".join("SET %s = %s;\n" % (k, v) for k, v in settings)


# ----------------------------------------------------------------------------
# bench/queries.sql
# ----------------------------------------------------------------------------

class Block:
    def __init__(self, kind, ident):
        self.type = kind            # 'bench' or 'step'
        self.id = ident
        self.group = ""
        self.label = ident
        self.kind = "time"
        self.target = None          # float, or None for an informational row
        self.settings = []
        self.expect = None
        self.loops = 1
        self.rate = None            # (count, unit)
        self.noresult = False
        self.sync = False           # sync(2) before each timing / after a step
        self.sql = {}               # port, base, setup_port, setup_base, sql


def parse_queries(path, subst):
    blocks = []
    cur = None
    section = None
    with open(path) as f:
        lines = f.read().splitlines()
    for line in lines:
        m = re.match(r"^-- @(\w+)\s*(.*)$", line)
        if m:
            key, val = m.group(1), m.group(2).strip()
            section = None
            if key in ("bench", "step"):
                cur = Block(key, val)
                blocks.append(cur)
            elif cur is None:
                raise ValueError("%s: @%s outside a block" % (path, key))
            elif key == "group":
                cur.group = val
            elif key == "label":
                cur.label = val
            elif key == "kind":
                cur.kind = val
            elif key == "target":
                cur.target = None if val == "-" else float(val)
            elif key == "set":
                for item in val.split(","):
                    k, v = item.split("=", 1)
                    cur.settings.append((k.strip(), v.strip()))
            elif key == "expect":
                cur.expect = val
            elif key == "loops":
                cur.loops = int(val)
            elif key == "rate":
                n, unit = val.split(None, 1)
                cur.rate = (int(n.format(**subst)), unit)
            elif key == "noresult":
                cur.noresult = True
            elif key == "sync":
                cur.sync = True
            elif key in ("port", "base", "setup_port", "setup_base", "sql"):
                section = key
                cur.sql[section] = ""
            else:
                raise ValueError("%s: unknown key @%s" % (path, key))
            continue
        if section is not None:
            if line.startswith("--") and not cur.sql[section]:
                continue
            cur.sql[section] += line + "\n"
    for b in blocks:
        for k in b.sql:
            s = b.sql[k]
            # drop trailing comment lines (they describe the next block)
            ls = s.rstrip().split("\n")
            while ls and (ls[-1].startswith("--") or not ls[-1].strip()):
                ls.pop()
            s = "\n".join(ls).strip()
            if k != "sql":
                s = s.rstrip(";").strip()
            b.sql[k] = s.replace("{files}", subst["files"]).replace(
                "{rows}", str(subst["rows"])).replace("{strings}", str(subst["strings"]))
    return blocks


# ----------------------------------------------------------------------------
# Measurements
# ----------------------------------------------------------------------------

def norm_result(r):
    # int4multirange prints [x,65536), portmultirange [x,) for the same set
    return None if r is None else r.replace(",65536)", ",)")


def run_time(psql, b, reps, plans):
    """Timed pair through bench_pair(); returns per-side lists of ms."""
    returns_row = not b.noresult
    notes = []
    plan_ok = True
    if b.expect or returns_row:
        for side in ("port", "base"):
            if b.noresult:
                continue
            out = psql.script(settings_sql(b.settings) + "EXPLAIN " + b.sql[side] + ";\n")
            plans.write("### %s [%s]\n%s\n%s\n\n" % (b.id, side, b.sql[side], out.rstrip()))
            if b.expect and b.expect not in out:
                plan_ok = False
                notes.append("%s plan lacks '%s'" % (side, b.expect))
    psql.script("DELETE FROM bench_timing WHERE bench = %s;\n" % dollar_quote(b.id))

    def call(rep_from, rep_to, setup_port, setup_base, sides="NULL"):
        return "CALL bench_pair(%s, %s, %s, %s, %s, %d, %d, %d, %s, %s);\n" % (
            dollar_quote(b.id), dollar_quote(b.sql["port"]), dollar_quote(b.sql["base"]),
            dollar_quote(setup_port), dollar_quote(setup_base),
            rep_from, rep_to, b.loops, "true" if returns_row else "false", sides)
    if not b.sync:
        psql.script(settings_sql(b.settings) +
                    call(0, reps, b.sql.get("setup_port", ""), b.sql.get("setup_base", "")))
    else:
        # one timing at a time: setup, then sync(2) so that the kernel has
        # written back the previous statement's dirty pages before the clock
        # starts (a COPY of the default log writes about 1.5 GB)
        for rep in range(reps + 1):
            for side in (("port", "base") if rep % 2 == 0 else ("base", "port")):
                setup = b.sql.get("setup_" + side, "")
                if setup:
                    psql.script(setup + ";\n")
                os.sync()
                psql.script(settings_sql(b.settings) +
                            call(rep, rep, "", "", "ARRAY['%s']" % side))
    out = psql.script("SELECT side, rep, ms, coalesce(result, '') FROM bench_timing "
                      "WHERE bench = %s ORDER BY rep, side;\n" % dollar_quote(b.id))
    samples = {"port": [], "base": []}
    results = {"port": set(), "base": set()}
    for line in out.strip().splitlines():
        side, rep, ms, res = line.split("|", 3)
        if int(rep) > 0:
            samples[side].append(float(ms))
        results[side].add(norm_result(res))
    same = None
    if results["port"] and results["base"]:
        same = (len(results["port"]) == 1 and results["port"] == results["base"])
        if not same:
            notes.append("RESULTS DIFFER: port %s, base %s" %
                         (sorted(results["port"])[:2], sorted(results["base"])[:2]))
    return samples, same, plan_ok, notes


def read_status(pid):
    vals = {}
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                k, _, v = line.partition(":")
                if k in ("VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem"):
                    vals[k] = int(v.split()[0])     # kB
    except OSError:
        return None
    return vals


def so_rss_kb(pid, name="portrange.so"):
    """Resident kB of the library's mappings in process pid."""
    total = 0
    inside = False
    try:
        with open("/proc/%d/smaps" % pid) as f:
            for line in f:
                if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
                    inside = line.rstrip().endswith(name)
                elif inside and line.startswith("Rss:"):
                    total += int(line.split()[1])
    except OSError:
        return None
    return total


def memory_once(psql, b, side, tmpdir):
    """Peak private memory (RssAnon) of a fresh backend running one query,
    above the same backend idle; sampled from /proc every millisecond."""
    pidfile = os.path.join(tmpdir, "mem.pid")
    donefile = os.path.join(tmpdir, "mem.done")
    for f in (pidfile, donefile):
        if os.path.exists(f):
            os.unlink(f)
    script = (settings_sql(b.settings) +
              "\\o %s\nSELECT pg_backend_pid();\n\\o\n" % pidfile +
              "SELECT pg_sleep(0.3);\n" +
              b.sql[side] + ";\n" +
              "\\o %s\nSELECT 1;\n\\o\n" % donefile +
              "SELECT pg_sleep(0.3);\n")
    cmd = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", psql.db]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    proc.stdin.write(script)
    proc.stdin.close()
    pid = None
    idle = []
    peak = 0
    so_kb = None
    t_pid = None
    while proc.poll() is None:
        if pid is None:
            try:
                with open(pidfile) as f:
                    txt = f.read().strip()
                if txt:
                    pid = int(txt)
                    t_pid = time.monotonic()
            except (OSError, ValueError):
                pass
            time.sleep(0.001)
            continue
        st = read_status(pid)
        if st is None or "RssAnon" not in st:
            break
        if time.monotonic() - t_pid < 0.25:
            idle.append(st["RssAnon"])
        peak = max(peak, st["RssAnon"])
        if so_kb is None and os.path.exists(donefile) and os.path.getsize(donefile) > 0:
            so_kb = so_rss_kb(pid)
        time.sleep(0.001)
    err = proc.stderr.read()
    if proc.wait() != 0:
        raise RuntimeError("memory run failed: " + err)
    if not idle:
        raise RuntimeError("memory run: backend not sampled")
    return (peak - statistics.median(idle)) * 1024, so_kb, statistics.median(idle)


def run_memory(psql, b, reps, tmpdir):
    n = max(1, min(reps, 3))
    samples = {"port": [], "base": []}
    so = []
    idle = []
    for i in range(n):
        for side in (("port", "base") if i % 2 == 0 else ("base", "port")):
            v, so_kb, idle_kb = memory_once(psql, b, side, tmpdir)
            samples[side].append(v)
            idle.append(idle_kb)
            if side == "port" and so_kb is not None:
                so.append(so_kb)
    notes = ["private memory of the idle backend: %.1f MB" % (statistics.median(idle) / 1024.0)]
    if so:
        notes.append("portrange.so resident in the backend: %d kB" % max(so))
    return samples, notes


def registry_bytes(so_path):
    """Bytes of the compiled registry tables (reg_tab_* symbols) in the .so."""
    out = subprocess.run(["nm", "-S", so_path], capture_output=True, text=True, check=True).stdout
    total = 0
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[3].startswith("reg_tab_"):
            total += int(parts[1], 16)
    size = subprocess.run(["size", "-A", so_path], capture_output=True, text=True).stdout
    secs = {}
    for line in size.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in (".text", ".rodata", ".data", ".data.rel.ro") \
                and parts[1].isdigit():
            secs[parts[0]] = int(parts[1])
    return total, secs


# ----------------------------------------------------------------------------
# Reporting
# ----------------------------------------------------------------------------

UNITS = {"time": "ms", "size": "MB", "memory": "MB", "registry": "kB"}


def fmt_value(v, kind):
    if v is None:
        return "-"
    if kind == "time":
        return "%.3f" % v if v < 10 else ("%.1f" % v if v < 10000 else "%.0f" % v)
    if kind in ("size", "memory"):
        return "%.2f" % (v / 1048576.0)
    if kind == "registry":
        return "%.0f" % (v / 1024.0)
    return str(v)


def fmt_ratio(r):
    if r is None:
        return "-"
    return "%.3f" % r if r < 0.1 else "%.2f" % r


class Row:
    def __init__(self, b):
        self.b = b
        self.port = None
        self.base = None
        self.samples = {"port": [], "base": []}
        self.same = None
        self.plan_ok = None
        self.notes = []
        self.met = "-"

    @property
    def ratio(self):
        if self.port is None or not self.base:
            return None
        return self.port / self.base

    def judge(self):
        t = self.b.target
        r = self.ratio
        if t is None or r is None:
            self.met = "-"
        elif r <= t + 1e-9:
            self.met = "yes"
        else:
            self.met = "NO"
            sp, sb = self.samples["port"], self.samples["base"]
            # the best case the repetitions allow: fastest portrange run
            # against the slowest baseline run
            if len(sp) > 1 and len(sb) > 1 and min(sp) / max(sb) <= t:
                self.met = "noise"
        if self.same is False:
            self.met += "!"

    def spread(self):
        out = []
        for side in ("port", "base"):
            s = self.samples[side]
            if len(s) > 1 and statistics.median(s) > 0:
                out.append((max(s) - min(s)) / statistics.median(s))
        return max(out) if out else None

    def as_dict(self):
        return {
            "id": self.b.id, "group": self.b.group, "label": self.b.label,
            "kind": self.b.kind, "unit": UNITS[self.b.kind],
            "portrange": self.port, "baseline": self.base,
            "portrange_display": fmt_value(self.port, self.b.kind),
            "baseline_display": fmt_value(self.base, self.b.kind),
            "ratio": self.ratio, "target": self.b.target, "met": self.met,
            "spread": self.spread(),
            "samples_portrange": self.samples["port"], "samples_baseline": self.samples["base"],
            "results_equal": self.same, "plan_ok": self.plan_ok,
            "notes": "; ".join(self.notes),
            "port_sql": self.b.sql.get("port"), "base_sql": self.b.sql.get("base"),
        }


HEAD = ("group", "row", "portrange", "baseline", "unit", "ratio", "target", "met")


def table_lines(rows):
    data = []
    for r in rows:
        data.append((r.b.group, r.b.label, fmt_value(r.port, r.b.kind),
                     fmt_value(r.base, r.b.kind), UNITS[r.b.kind], fmt_ratio(r.ratio),
                     "-" if r.b.target is None else "<= %.2f" % r.b.target, r.met))
    w = [max(len(HEAD[i]), *(len(d[i]) for d in data)) if data else len(HEAD[i])
         for i in range(len(HEAD))]
    right = (False, False, True, True, False, True, False, False)

    def line(vals):
        return "  ".join(v.rjust(w[i]) if right[i] else v.ljust(w[i])
                         for i, v in enumerate(vals)).rstrip()
    out = [line(HEAD), "  ".join("-" * x for x in w)]
    out += [line(d) for d in data]
    return out


def markdown(rows, machine, args):
    out = []
    out.append("Machine: %s" % machine["summary"])
    out.append("")
    out.append("Run: %d log rows, %d firewall rules, %d firewall strings; "
               "median of %d repetitions after 1 warm-up; %s." %
               (args.rows, args.rules, args.strings, args.reps, machine["date"]))
    out.append("")
    out.append("| group | row | portrange | baseline | unit | ratio | target | met |")
    out.append("|---|---|--:|--:|---|--:|---|---|")
    for r in rows:
        out.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
            r.b.group, r.b.label.replace("|", "\\|"), fmt_value(r.port, r.b.kind),
            fmt_value(r.base, r.b.kind), UNITS[r.b.kind], fmt_ratio(r.ratio),
            "-" if r.b.target is None else "&le; %.2f" % r.b.target, r.met))
    notes = [(r.b.label, n) for r in rows for n in r.notes]
    if notes:
        out.append("")
        for label, n in notes:
            out.append("- %s: %s" % (label, n))
    return "\n".join(out) + "\n"


def machine_info(psql):
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem_gib = 0.0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_gib = int(line.split()[1]) / 1048576.0
    osname = platform.system()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    osname = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    pgver = psql.value("SHOW server_version;")
    keys = ("shared_buffers", "work_mem", "maintenance_work_mem",
            "max_parallel_workers_per_gather", "jit", "autovacuum", "fsync")
    settings = {k: psql.value("SHOW %s;" % k) for k in keys}
    try:
        commit = subprocess.run(["git", "-C", os.path.dirname(HERE), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", os.path.dirname(HERE), "status", "--porcelain",
                                "--untracked-files=no", "--", "src", "sql", "Makefile", "*.sql",
                                "*.control", "data", "tools"],
                               capture_output=True, text=True).stdout.strip()
        if commit and dirty:
            commit += "+uncommitted"
    except OSError:
        commit = ""
    info = {
        "cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem_gib, 1),
        "os": osname, "kernel": platform.release(), "postgresql": pgver,
        "settings": settings, "git_commit": commit,
        "loadavg_start": os.getloadavg()[0],
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }
    info["summary"] = ("%s, %d cores, %.0f GiB RAM, %s (kernel %s), PostgreSQL %s; "
                       "shared_buffers %s, work_mem %s, max_parallel_workers_per_gather %s, jit %s"
                       % (cpu, info["cores"], mem_gib, osname, info["kernel"], pgver,
                          settings["shared_buffers"], settings["work_mem"],
                          settings["max_parallel_workers_per_gather"], settings["jit"]))
    return info


# ----------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=10000000)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--out", default=os.path.join(HERE, "results"))
    ap.add_argument("--rules", type=int, default=100000)
    ap.add_argument("--sample", type=int, default=10000)
    ap.add_argument("--strings", type=int, default=100000)
    ap.add_argument("--files", required=True, help="directory the server can write")
    ap.add_argument("--so", required=True, help="the installed portrange.so")
    ap.add_argument("--db", default="portrange_bench")
    ap.add_argument("--only", default="", help="comma-separated bench ids (development)")
    ap.add_argument("--reuse", action="store_true", help="keep an existing database (development)")
    args = ap.parse_args()
    if args.reps < 1 or args.rows < 1000:
        ap.error("--reps must be >= 1 and --rows >= 1000")

    os.makedirs(args.out, exist_ok=True)
    psql = Psql(args.db)
    admin = Psql("postgres")
    t_start = time.monotonic()

    exists = admin.value("SELECT count(*) FROM pg_database WHERE datname = '%s';" % args.db) == "1"
    if not (args.reuse and exists):
        if exists:
            admin.script("DROP DATABASE %s;\n" % args.db)
        admin.script("CREATE DATABASE %s;\n" % args.db)
        log("generating %d log rows, %d + %d rules/strings" % (args.rows, args.rules, args.strings))
        t0 = time.monotonic()
        psql.file(os.path.join(HERE, "schema.sql"), {
            "rows": args.rows, "rows2": max(args.rows // 10, 1), "rules": args.rules,
            "sample": args.sample, "strings": args.strings})
        log("generated in %.0f s" % (time.monotonic() - t0))
    psql.file(os.path.join(HERE, "harness.sql"))

    machine = machine_info(psql)
    subst = {"files": args.files, "rows": args.rows, "strings": args.strings}
    blocks = parse_queries(os.path.join(HERE, "queries.sql"), subst)
    only = set(x for x in args.only.split(",") if x)

    rows = []
    plans = open(os.path.join(args.out, "plans.txt"), "w")
    for b in blocks:
        if only and b.id not in only:
            continue
        t0 = time.monotonic()
        if b.type == "step":
            log("step %s" % b.id)
            psql.script(b.sql["sql"] + "\n")
            if b.sync:
                os.sync()
            continue
        row = Row(b)
        if b.kind == "time":
            row.samples, row.same, row.plan_ok, row.notes = run_time(psql, b, args.reps, plans)
            if b.rate:
                n, unit = b.rate
                for side, name in (("port", "portrange"), ("base", "baseline")):
                    ms = statistics.median(row.samples[side])
                    row.notes.append("%s %.0f %s/s" % (name, n / (ms / 1000.0), unit))
        elif b.kind == "size":
            row.samples = {"port": [float(psql.value(b.sql["port"] + ";"))],
                           "base": [float(psql.value(b.sql["base"] + ";"))]}
        elif b.kind == "memory":
            tmpdir = tempfile.mkdtemp(prefix="portrange-bench-mem.")
            try:
                row.samples, row.notes = run_memory(psql, b, args.reps, tmpdir)
            finally:
                shutil.rmtree(tmpdir, ignore_errors=True)
        elif b.kind == "registry":
            total, secs = registry_bytes(args.so)
            row.samples = {"port": [float(total)], "base": [float(psql.value(b.sql["base"] + ";"))]}
            row.notes.append("reg_tab_* symbols %d bytes; library sections %s" % (
                total, ", ".join("%s %d" % kv for kv in sorted(secs.items()))))
        else:
            raise ValueError("unknown kind " + b.kind)
        row.port = statistics.median(row.samples["port"])
        row.base = statistics.median(row.samples["base"])
        row.judge()
        rows.append(row)
        log("%-16s %12s %12s %-3s ratio %6s  (%.0f s)%s" % (
            b.id, fmt_value(row.port, b.kind), fmt_value(row.base, b.kind), UNITS[b.kind],
            fmt_ratio(row.ratio), time.monotonic() - t0,
            ("  " + "; ".join(row.notes)) if row.notes else ""))
    plans.close()

    machine["loadavg_end"] = os.getloadavg()[0]
    machine["runtime_s"] = round(time.monotonic() - t_start)
    header = ["Machine: " + machine["summary"],
              "Run: %d log rows, median of %d repetitions after 1 warm-up (load average %.1f -> %.1f), %d s"
              % (args.rows, args.reps, machine["loadavg_start"], machine["loadavg_end"],
                 machine["runtime_s"]),
              "ratio = portrange / baseline (below 1.00 is better); met: yes, NO, or noise "
              "(missed, but the fastest portrange run beats the slowest baseline run)", ""]
    text = "\n".join(header + table_lines(rows)) + "\n"
    notes = [(r.b.id, n) for r in rows for n in r.notes]
    if notes:
        text += "\nnotes:\n" + "".join("  %s: %s\n" % kv for kv in notes)
    print(text, end="")

    with open(os.path.join(args.out, "latest.txt"), "w") as f:
        f.write(text)
    with open(os.path.join(args.out, "latest.md"), "w") as f:
        f.write(markdown(rows, machine, args))
    with open(os.path.join(args.out, "latest.json"), "w") as f:
        json.dump({"machine": machine,
                   "parameters": {"rows": args.rows, "rows2": max(args.rows // 10, 1),
                                  "reps": args.reps, "warmup": 1, "rules": args.rules,
                                  "sample": args.sample, "strings": args.strings},
                   "results": [r.as_dict() for r in rows]}, f, indent=1)
    with open(os.path.join(args.out, "latest.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "group", "label", "unit", "portrange", "baseline", "ratio",
                    "target", "met", "spread", "results_equal", "plan_ok", "notes"])
        for r in rows:
            d = r.as_dict()
            w.writerow([d["id"], d["group"], d["label"], d["unit"], d["portrange_display"],
                        d["baseline_display"], "" if d["ratio"] is None else "%.4f" % d["ratio"],
                        "" if d["target"] is None else "%.2f" % d["target"], d["met"],
                        "" if d["spread"] is None else "%.3f" % d["spread"],
                        d["results_equal"], d["plan_ok"], d["notes"]])
    with open(os.path.join(args.out, "samples.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "side", "rep", "value"])
        for r in rows:
            for side in ("port", "base"):
                for i, v in enumerate(r.samples[side], 1):
                    w.writerow([r.b.id, side, i, v])
    bad = [r.b.id for r in rows if r.same is False]
    if bad:
        log("results differ between portrange and baseline: " + ", ".join(bad))
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
