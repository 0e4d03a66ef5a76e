#!/usr/bin/env python3
"""Convert IANA's official service-names-port-numbers.csv to the
data/services.csv format (documented in data/README.md).

Usage:
  tools/iana_to_data.py INPUT.csv > data/services.csv
  tools/iana_to_data.py INPUT.csv -o data/services.csv

INPUT.csv is https://www.iana.org/assignments/service-names-port-numbers/
service-names-port-numbers.csv (columns Service Name, Port Number,
Transport Protocol, Description, Assignee, Contact, Registration Date,
Modification Date, Reference, Service Code, Unauthorized Use Reported,
Assignment Notes; looked up by header name).

Rules (see data/README.md):
  * rows without a port number (service-name-only registrations, used for
    DNS-SD) are skipped and counted on stderr;
  * rows without a transport protocol apply to tcp and udp (IANA leaves
    the protocol empty on old entries, e.g. ranges and removed ports);
  * rows without a service name are 'unassigned' when the description
    starts with "Unassigned", otherwise 'reserved';
  * name_rank numbers the names of each port/protocol in file order;
  * an exact repeat of (name, ports, protocol) is dropped;
  * tcp/udp ports no row covers get 'derived' rows: 'unassigned' below
    49152, 'reserved' (Dynamic and/or Private Ports) from 49152 on;
  * Service Code, Unauthorized Use Reported and Assignment Notes are not
    carried over.
Output is sorted by (port_low, protocol, rank, port_high), otherwise in
IANA's order.  Python 3 standard library only.
"""

import argparse
import csv
import io
import os
import re
import sys

PROTOS = ("tcp", "udp", "sctp", "dccp")
PROTO_INDEX = {p: i for i, p in enumerate(PROTOS)}
HEADER = ["port_low", "port_high", "protocol", "service_name", "name_rank",
          "status", "description", "assignee", "contact",
          "registration_date", "modification_date", "reference", "sources"]
COLUMNS = {
    "name": "Service Name",
    "port": "Port Number",
    "proto": "Transport Protocol",
    "desc": "Description",
    "assignee": "Assignee",
    "contact": "Contact",
    "reg": "Registration Date",
    "mod": "Modification Date",
    "ref": "Reference",
}
DYNAMIC_LOW = 49152
DYNAMIC_DESC = "Dynamic and/or Private Ports (not assigned by IANA)"
DYNAMIC_REF = "[RFC6335]"
DATE_RE = re.compile(r"\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?")


class InputError(Exception):
    pass


def clean(text):
    """Trim, normalise line breaks to LF; keep inner line breaks."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def convert(infile, log):
    reader = csv.reader(infile, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("empty input")
    header = [h.strip().lstrip("\ufeff") for h in header]
    col = {}
    for key, title in COLUMNS.items():
        if title not in header:
            raise InputError("line 1: missing column %r" % title)
        col[key] = header.index(title)
    width = max(col.values()) + 1

    rows = []           # dicts in IANA order
    seen = set()
    skipped_nameonly = 0
    dropped_dupes = 0
    level = {p: {} for p in PROTOS}    # proto -> port -> highest rank so far
    try:
        for rec in reader:
            line = reader.line_num
            if not any(f.strip() for f in rec):
                continue                        # blank line
            if len(rec) < width:
                raise InputError("line %d: %d fields, expected at least %d"
                                 % (line, len(rec), width))
            f = {k: clean(rec[i]) for k, i in col.items()}
            if f["port"] == "":
                skipped_nameonly += 1
                continue
            m = re.fullmatch(r"(\d{1,5})(?:\s*-\s*(\d{1,5}))?", f["port"])
            if not m:
                raise InputError("line %d: malformed port number %r" % (line, f["port"]))
            lo = int(m.group(1))
            hi = int(m.group(2)) if m.group(2) else lo
            if hi > 65535 or lo > hi:
                raise InputError("line %d: bad port range %r" % (line, f["port"]))
            proto = f["proto"].lower()
            if proto == "":
                protos = ["tcp", "udp"]
            elif proto in PROTOS:
                protos = [proto]
            else:
                raise InputError("line %d: unknown transport protocol %r" % (line, f["proto"]))
            for d in ("reg", "mod"):
                if f[d] and not DATE_RE.fullmatch(f[d]):
                    raise InputError("line %d: malformed date %r" % (line, f[d]))
            name = f["name"]
            if "\n" in name:
                raise InputError("line %d: line break in service name" % line)
            if name:
                status = "assigned"
            elif f["desc"].lower().startswith("unassigned"):
                status = "unassigned"
            else:
                status = "reserved"
            for p in protos:
                key = (name, lo, hi, p, status)
                if key in seen:
                    dropped_dupes += 1
                    log("line %d: duplicate %s %d-%d/%s dropped" % (line, name or status, lo, hi, p))
                    continue
                seen.add(key)
                rank = 0
                if name:
                    lv = level[p]
                    rank = 1 + max(lv.get(q, 0) for q in range(lo, hi + 1))
                    if rank > 255:
                        raise InputError("line %d: more than 255 names at %d/%s" % (line, lo, p))
                    for q in range(lo, hi + 1):
                        lv[q] = rank
                rows.append({
                    "lo": lo, "hi": hi, "proto": p, "name": name, "rank": rank,
                    "status": status, "desc": f["desc"],
                    "assignee": f["assignee"], "contact": f["contact"],
                    "reg": f["reg"], "mod": f["mod"], "ref": f["ref"],
                    "sources": "iana-csv", "order": len(rows),
                })
    except csv.Error as e:
        raise InputError("line %d: %s" % (reader.line_num, e))

    rows.extend(derived_gaps(rows))
    rows.sort(key=lambda r: (r["lo"], PROTO_INDEX[r["proto"]], r["rank"], r["hi"], r["order"]))
    stats = {"rows": len(rows), "name-only registrations skipped": skipped_nameonly,
             "duplicates dropped": dropped_dupes,
             "derived rows": sum(1 for r in rows if r["sources"] == "derived")}
    return rows, stats


def derived_gaps(rows):
    out = []
    order = len(rows)
    for proto in ("tcp", "udp"):
        covered = bytearray(65536)
        for r in rows:
            if r["proto"] == proto:
                covered[r["lo"]:r["hi"] + 1] = b"\x01" * (r["hi"] - r["lo"] + 1)
        port = 0
        while port <= 65535:
            if covered[port]:
                port += 1
                continue
            start = port
            limit = DYNAMIC_LOW - 1 if start < DYNAMIC_LOW else 65535
            while port <= limit and not covered[port]:
                port += 1
            dyn = start >= DYNAMIC_LOW
            out.append({
                "lo": start, "hi": port - 1, "proto": proto, "name": "", "rank": 0,
                "status": "reserved" if dyn else "unassigned",
                "desc": DYNAMIC_DESC if dyn else "Unassigned",
                "assignee": "", "contact": "", "reg": "", "mod": "",
                "ref": DYNAMIC_REF if dyn else "", "sources": "derived",
                "order": order,
            })
            order += 1
    return out


def write_csv(rows, out):
    w = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(HEADER)
    for r in rows:
        w.writerow([r["lo"], r["hi"], r["proto"], r["name"],
                    r["rank"] if r["rank"] else "", r["status"], r["desc"],
                    r["assignee"], r["contact"], r["reg"], r["mod"], r["ref"],
                    r["sources"]])


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Convert IANA service-names-port-numbers.csv to data/services.csv format.")
    ap.add_argument("input", help="IANA CSV file ('-' for stdin)")
    ap.add_argument("-o", "--output", help="output file (default stdout)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)

    def log(msg):
        if args.verbose:
            sys.stderr.write("iana_to_data: %s\n" % msg)

    try:
        if args.input == "-":
            infile = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
            rows, stats = convert(infile, log)
        else:
            with open(args.input, encoding="utf-8-sig", newline="") as infile:
                rows, stats = convert(infile, log)
    except (OSError, UnicodeDecodeError, InputError) as e:
        sys.stderr.write("iana_to_data: error: %s: %s\n" % (args.input, e))
        return 1

    buf = io.StringIO()
    write_csv(rows, buf)
    if args.output:
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            f.write(buf.getvalue())
        os.replace(tmp, args.output)
    else:
        sys.stdout.buffer.write(buf.getvalue().encode("utf-8"))
    sys.stderr.write("iana_to_data: " + ", ".join(
        "%s %d" % (k, v) for k, v in stats.items()) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
