#!/usr/bin/env python3
"""Convert IANA's Service Name and Transport Protocol Port Number Registry
to the data/services.csv format (documented in data/README.md).

Usage:
  tools/iana_to_data.py INPUT.xml [--netbase data/netbase.csv] [-o data/services.csv]
  tools/iana_to_data.py INPUT.csv [--people INPUT.xml] [--netbase ...] [-o ...]
  tools/iana_to_data.py --protocols protocol-numbers.xml [-o data/protocols.csv]
  tools/iana_to_data.py --netbase-from /etc/services [-o data/netbase.csv]
  tools/iana_to_data.py --render-csv INPUT.xml [-o OUT.csv]

INPUT is IANA's service-names-port-numbers.xml (the authoritative form:
records, <people>, notes, unauthorized uses, dates) or the CSV IANA
generates from it (columns looked up by header name).  Both readers produce
the same records, so both give the same file from the same edition: the
CSV names people by id ("[Jon_Postel]"); --people takes their names from
the XML's <people> section, as the XML reader does.

Rules (see data/README.md):
  * records without a port number (service-name-only registrations, used
    for DNS-SD) are skipped and counted on stderr;
  * records without a transport protocol apply to tcp and udp (IANA leaves
    the protocol empty on old entries, e.g. ranges and removed ports);
  * records without a service name are 'unassigned' when the description
    starts with "Unassigned", otherwise 'reserved';
  * name_rank numbers the names of each port/protocol in IANA's order,
    except that a name whose IANA note flags it as a conflict
    ("NOTE Conflict on 2049") is ranked after the port's other names
    (2049 stays nfs; shilp follows it);
  * an exact repeat of (name, ports, protocol) is dropped;
  * assignee: the <assignee> people, else the record's people; contact: the
    record's people (names from <people>: name, else organisation), joined
    with "; "; reference: the other xrefs (RFC9110; draft names; URIs);
  * notes: IANA's note; unauthorized: the reported unauthorized use;
  * with --netbase, each name netbase's /etc/services lists for a
    port/protocol that IANA also lists there adds source 'netbase' to that
    row; any other netbase name becomes an 'alias' row ranked after IANA's
    names (www 80/tcp stays IANA's, postgres 5432/tcp is an alias);
  * tcp/udp ports no row covers get 'derived' rows: 'unassigned' below
    49152, 'reserved' (Dynamic and/or Private Ports) from 49152 on.
Output is sorted by (port_low, protocol, rank, port_high), otherwise in
IANA's order.  Python 3 standard library only.
"""

import argparse
import csv
import io
import os
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.iana.org/assignments}"
PROTOS = ("tcp", "udp", "sctp", "dccp")
PROTO_INDEX = {p: i for i, p in enumerate(PROTOS)}
HEADER = ["port_low", "port_high", "protocol", "service_name", "name_rank",
          "status", "description", "assignee", "contact",
          "registration_date", "modification_date", "reference", "notes",
          "unauthorized", "sources"]
CSV_HEADER = ["Service Name", "Port Number", "Transport Protocol",
              "Description", "Assignee", "Contact", "Registration Date",
              "Modification Date", "Reference", "Service Code",
              "Unauthorized Use Reported", "Assignment Notes"]
COLUMNS = {
    "name": "Service Name", "port": "Port Number", "proto": "Transport Protocol",
    "desc": "Description", "assignee": "Assignee", "contact": "Contact",
    "reg": "Registration Date", "mod": "Modification Date", "ref": "Reference",
    "unauth": "Unauthorized Use Reported", "notes": "Assignment Notes",
}
DYNAMIC_LOW = 49152
DYNAMIC_DESC = "Dynamic and/or Private Ports (not assigned by IANA)"
DYNAMIC_REF = "RFC6335"
DATE_RE = re.compile(r"\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?")
CONFLICT_RE = re.compile(r"NOTE\s+Conflict\s+on\s+\d+", re.I)


class InputError(Exception):
    pass


def clean(text):
    """Trim every line's end, normalise line breaks to LF, trim the whole."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(l.rstrip() for l in text.split("\n")).strip()


# ------------------------------------------------------------------ XML

def xref_text(x):
    """An xref as IANA's CSV writes it, without the brackets."""
    t, d = x.get("type"), x.get("data")
    if t == "rfc" and d:
        return d.upper()
    if d:
        return d
    return clean("".join(x.itertext()))


def render(elem):
    """Text of a description/note: <br/> is a line break, <xref> [ID]."""
    out = [elem.text or ""]
    for c in elem:
        tag = c.tag.replace(NS, "")
        if tag == "br":
            out.append("\n")
        elif tag == "xref":
            out.append("[%s]" % xref_text(c))
        elif tag == "paragraph":
            out.append(render(c) + "\n")
        else:
            out.append(render(c))
        out.append(c.tail or "")
    return "".join(out)


def read_people(root):
    people = {}
    for p in root.iter(NS + "person"):
        name = p.findtext(NS + "name") or p.findtext(NS + "org") or p.get("id")
        people[p.get("id")] = clean(name)
    return people


def xml_records(path):
    """IANA's records as dicts of cleaned strings, in IANA's order."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        raise InputError(str(e))
    people = read_people(root)
    edition = root.findtext(NS + "updated") or ""
    recs = []
    for r in root.findall(NS + "record"):
        def person_names(xs):
            return "; ".join(people.get(x.get("data"), x.get("data"))
                             for x in xs if x.get("type") == "person")
        own = [x for x in r.findall(NS + "xref")]
        assignee_el = r.find(NS + "assignee")
        contact = person_names(own)
        assignee = person_names(assignee_el.findall(NS + "xref")) if assignee_el is not None else contact
        refs = "; ".join(xref_text(x) for x in own if x.get("type") != "person")
        desc = r.find(NS + "description")
        note = r.find(NS + "note")
        unauth = r.find(NS + "unauthorized")
        recs.append({
            "name": clean(r.findtext(NS + "name") or ""),
            "port": clean(r.findtext(NS + "number") or ""),
            "proto": clean(r.findtext(NS + "protocol") or ""),
            "desc": clean(render(desc)) if desc is not None else "",
            "assignee": assignee, "contact": contact,
            "reg": r.get("date", ""), "mod": r.get("updated", ""),
            "ref": refs,
            "notes": clean(render(note)) if note is not None else "",
            "unauth": clean(render(unauth)) if unauth is not None else "",
            "where": "record %d" % (len(recs) + 1),
        })
    return recs, people, edition


def render_csv(path, out):
    """Write IANA's CSV export of the XML (people and xrefs by id in [])."""
    root = ET.parse(path).getroot()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(CSV_HEADER)
    for r in root.findall(NS + "record"):
        own = r.findall(NS + "xref")
        a = r.find(NS + "assignee")
        ids = lambda xs: "".join("[%s]" % x.get("data") for x in xs if x.get("type") == "person")
        contact = ids(own)
        assignee = ids(a.findall(NS + "xref")) if a is not None else contact
        def txt(tag):
            e = r.find(NS + tag)
            return render(e) if e is not None else ""
        w.writerow([r.findtext(NS + "name") or "", r.findtext(NS + "number") or "",
                    r.findtext(NS + "protocol") or "", txt("description"),
                    assignee, contact, r.get("date", ""), r.get("updated", ""),
                    "".join("[%s]" % xref_text(x) for x in own if x.get("type") != "person"),
                    "", txt("unauthorized"), txt("note")])


# ------------------------------------------------------------------ CSV

def csv_records(infile, people):
    reader = csv.reader(infile, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("empty input")
    header = [h.strip().lstrip("\ufeff") for h in header]
    col = {}
    for key, title in COLUMNS.items():
        if title not in header:
            if key in ("unauth", "notes"):
                continue
            raise InputError("line 1: missing column %r" % title)
        col[key] = header.index(title)
    width = max(col.values()) + 1

    def ids(s, as_people):
        parts = re.findall(r"\[([^\]]*)\]", s)
        if not parts:
            return s
        if as_people:
            return "; ".join(people.get(p, p) for p in parts)
        return "; ".join(parts)

    recs = []
    try:
        for rec in reader:
            line = reader.line_num
            if not any(f.strip() for f in rec):
                continue
            if len(rec) < width:
                raise InputError("line %d: %d fields, expected at least %d"
                                 % (line, len(rec), width))
            f = {k: clean(rec[i]) for k, i in col.items()}
            f.setdefault("unauth", "")
            f.setdefault("notes", "")
            f["assignee"] = ids(f["assignee"], True)
            f["contact"] = ids(f["contact"], True)
            f["ref"] = ids(f["ref"], False)
            f["where"] = "line %d" % line
            recs.append(f)
    except csv.Error as e:
        raise InputError("line %d: %s" % (reader.line_num, e))
    return recs


# ------------------------------------------------------------------ rows

def convert(recs, netbase, log, source="iana"):
    rows = []
    seen = set()
    skipped_nameonly = 0
    dropped_dupes = 0
    for f in recs:
        where = f["where"]
        if f["port"] == "":
            skipped_nameonly += 1
            continue
        m = re.fullmatch(r"(\d{1,5})(?:\s*-\s*(\d{1,5}))?", f["port"])
        if not m:
            raise InputError("%s: malformed port number %r" % (where, f["port"]))
        lo = int(m.group(1))
        hi = int(m.group(2)) if m.group(2) else lo
        if hi > 65535 or lo > hi:
            raise InputError("%s: bad port range %r" % (where, f["port"]))
        proto = f["proto"].lower()
        if proto == "":
            protos = ["tcp", "udp"]
        elif proto in PROTOS:
            protos = [proto]
        else:
            raise InputError("%s: unknown transport protocol %r" % (where, f["proto"]))
        for d in ("reg", "mod"):
            if f[d] and not DATE_RE.fullmatch(f[d]):
                raise InputError("%s: malformed date %r" % (where, f[d]))
        name = f["name"]
        if "\n" in name:
            raise InputError("%s: line break in service name" % where)
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
                log("%s: duplicate %s %d-%d/%s dropped" % (where, name or status, lo, hi, p))
                continue
            seen.add(key)
            rows.append({
                "lo": lo, "hi": hi, "proto": p, "name": name, "rank": 0,
                "status": status, "desc": f["desc"],
                "assignee": f["assignee"], "contact": f["contact"],
                "reg": f["reg"], "mod": f["mod"], "ref": f["ref"],
                "notes": f["notes"], "unauth": f["unauth"],
                "sources": source, "order": len(rows),
                "conflict": bool(CONFLICT_RE.search(f["notes"])),
            })

    nb_aliases = merge_netbase(rows, netbase) if netbase else 0
    assign_ranks(rows)
    rows.extend(derived_gaps(rows))
    rows.sort(key=lambda r: (r["lo"], PROTO_INDEX[r["proto"]], r["rank"], r["hi"], r["order"]))
    stats = {"rows": len(rows), "name-only registrations skipped": skipped_nameonly,
             "duplicates dropped": dropped_dupes, "netbase alias rows": nb_aliases,
             "conflict-ranked names": sum(1 for r in rows if r.get("conflict")),
             "derived rows": sum(1 for r in rows if r["sources"] == "derived")}
    return rows, stats


def assign_ranks(rows):
    """Rank names per port/protocol: IANA order, conflicts and aliases last."""
    level = {p: {} for p in PROTOS}
    named = [r for r in rows if r["name"]]
    named.sort(key=lambda r: (r["status"] == "alias", r["conflict"], r["order"]))
    for r in named:
        lv = level[r["proto"]]
        rank = 1 + max(lv.get(q, 0) for q in range(r["lo"], r["hi"] + 1))
        if rank > 255:
            raise InputError("more than 255 names at %d/%s" % (r["lo"], r["proto"]))
        for q in range(r["lo"], r["hi"] + 1):
            lv[q] = rank
        r["rank"] = rank


def merge_netbase(rows, netbase):
    by_key = {}
    for r in rows:
        if r["status"] == "assigned":
            for q in range(r["lo"], r["hi"] + 1) if r["hi"] - r["lo"] < 256 else (r["lo"],):
                by_key.setdefault((r["name"].lower(), q, r["proto"]), []).append(r)
    added = 0
    for port, proto, name in netbase:
        hits = by_key.get((name.lower(), port, proto))
        if hits:
            for r in hits:
                if "netbase" not in r["sources"].split(";"):
                    r["sources"] += ";netbase"
            continue
        rows.append({
            "lo": port, "hi": port, "proto": proto, "name": name, "rank": 0,
            "status": "alias", "desc": "", "assignee": "", "contact": "",
            "reg": "", "mod": "", "ref": "", "notes": "", "unauth": "",
            "sources": "netbase", "order": len(rows), "conflict": False,
        })
        by_key.setdefault((name.lower(), port, proto), []).append(rows[-1])
        added += 1
    return added


def derived_gaps(rows):
    out = []
    order = len(rows)
    for proto in ("tcp", "udp"):
        covered = bytearray(65536)
        for r in rows:
            if r["proto"] == proto and r["status"] != "alias":
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
                "ref": DYNAMIC_REF if dyn else "", "notes": "", "unauth": "",
                "sources": "derived", "order": order, "conflict": False,
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
                    r["notes"], r["unauth"], r["sources"]])


# ------------------------------------------------------------------ netbase

def read_netbase(path):
    """data/netbase.csv: port,protocol,name (primary names and aliases)."""
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        rd = csv.reader(f)
        if next(rd, None) != ["port", "protocol", "name"]:
            raise InputError("%s: header must be port,protocol,name" % path)
        for rec in rd:
            out.append((int(rec[0]), rec[1], rec[2]))
    return out


def netbase_from_services(path, out):
    """Extract (port, protocol, name) facts from an /etc/services file."""
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["port", "protocol", "name"])
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if len(line) < 2 or "/" not in line[1]:
                continue
            port, proto = line[1].split("/", 1)
            if proto not in PROTOS:
                continue
            for name in [line[0]] + line[2:]:
                w.writerow([int(port), proto, name])


# ------------------------------------------------------------------ protocols

def protocols(path, out):
    """IANA protocol numbers: number,keyword,description (named ones)."""
    root = ET.parse(path).getroot()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["number", "keyword", "description"])
    n = 0
    for r in root.iter(NS + "record"):
        v = (r.findtext(NS + "value") or "").strip()
        kw = clean(r.findtext(NS + "name") or "")
        if not re.fullmatch(r"\d+", v) or kw == "" or kw == "Reserved":
            continue
        kw = kw.split()[0]          # "IPv6-ICMP", "ISO-IP", ...; drop notes after a blank
        desc = r.find(NS + "description")
        w.writerow([int(v), kw, clean(render(desc)) if desc is not None else ""])
        n += 1
    return n


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input", nargs="?", help="IANA XML or CSV file")
    ap.add_argument("-o", "--output", help="output file (default stdout)")
    ap.add_argument("--netbase", help="data/netbase.csv to merge")
    ap.add_argument("--people", help="IANA XML whose <people> name the CSV's ids")
    ap.add_argument("--protocols", metavar="XML", help="convert protocol-numbers.xml")
    ap.add_argument("--netbase-from", metavar="SERVICES", help="extract data/netbase.csv")
    ap.add_argument("--render-csv", metavar="XML", help="write IANA's CSV form of the XML")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)

    def log(msg):
        if args.verbose:
            sys.stderr.write("iana_to_data: %s\n" % msg)

    buf = io.StringIO()
    try:
        if args.protocols:
            n = protocols(args.protocols, buf)
            sys.stderr.write("iana_to_data: %d protocol numbers\n" % n)
        elif args.netbase_from:
            netbase_from_services(args.netbase_from, buf)
        elif args.render_csv:
            render_csv(args.render_csv, buf)
        elif args.input:
            netbase = read_netbase(args.netbase) if args.netbase else None
            if args.input.endswith(".xml"):
                recs, _, edition = xml_records(args.input)
                log("edition %s" % edition)
            else:
                people = {}
                if args.people:
                    people = read_people(ET.parse(args.people).getroot())
                with open(args.input, encoding="utf-8-sig", newline="") as infile:
                    recs = csv_records(infile, people)
            rows, stats = convert(recs, netbase, log)
            write_csv(rows, buf)
            sys.stderr.write("iana_to_data: " + ", ".join(
                "%s %d" % (k, v) for k, v in stats.items()) + "\n")
        else:
            ap.error("no input")
    except (OSError, UnicodeDecodeError, InputError, ET.ParseError) as e:
        sys.stderr.write("iana_to_data: error: %s\n" % e)
        return 1

    if args.output:
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            f.write(buf.getvalue())
        os.replace(tmp, args.output)
    else:
        sys.stdout.buffer.write(buf.getvalue().encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
