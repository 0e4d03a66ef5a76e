#!/usr/bin/env python3
"""tools/reference_check.py -- doc/reference.md against the installed extension.

    tools/reference_check.py [-d DBNAME] [--doc doc/reference.md]
                             [--update] [--skeleton] [--psql PATH]

Connects with psql (libpq environment: PGHOST, PGPORT, PGUSER; -d names
the database, which must have the extension installed and nothing else
changed: a fresh CREATE EXTENSION portrange) and checks that

  (a) every member object of the extension -- type, domain, function,
      aggregate, operator, cast, as listed by pg_depend with pg_type,
      pg_proc, pg_operator and pg_cast -- has an entry in the reference,
      and every entry names an object the extension has;
  (b) every entry has an example (a ```sql block followed by an output
      block), and running the example through psql -X -q in aligned format
      prints exactly the output block (trailing spaces at line ends and
      blank lines at the end of the output are ignored: editors strip
      them).  Each example runs in its own psql session inside a
      transaction that is rolled back, so examples may create tables.

Headings are the object's name as doc/reference.md's introduction says:
functions and aggregates as name(argument types), operators as
"left OP right", casts as "CAST (source AS target)", types and domains by
name, all types spelled as PostgreSQL's format_type() spells them.

Prints "ok ..." / "not ok ..." lines, a diff for each example whose output
differs, and "N passed, N failed" last; exits 1 if anything failed.

--update     rewrite the output blocks with what psql printed (then read
             every changed line before committing it);
--skeleton   print a stub entry for each object without one, to fill in.

Uses only the standard library and psql.
"""

import argparse
import difflib
import os
import re
import subprocess
import sys

# The member objects and their headings.  Range and multirange
# constructors are made by CREATE TYPE ... AS RANGE and depend on their
# type internally; they are listed with the members.  Array types and the
# row types of tables (members on PostgreSQL 17+) are not objects of
# their own here.
OBJECTS_SQL = r"""
SELECT pg_catalog.set_config('search_path',
         pg_catalog.quote_ident(n.nspname) || ', pg_catalog', false)
FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname = 'portrange' \gset
WITH ext AS (
    SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'portrange'
), members AS (
    SELECT d.classid, d.objid
    FROM pg_catalog.pg_depend d, ext
    WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
      AND d.refobjid = ext.oid AND d.deptype = 'e'
    UNION
    SELECT d.classid, d.objid
    FROM pg_catalog.pg_depend d
    JOIN pg_catalog.pg_depend t
      ON t.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.objid = d.refobjid
     AND t.deptype = 'e' AND t.refobjid = (SELECT oid FROM ext)
    WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
      AND d.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.deptype = 'i'
)
SELECT CASE p.prokind WHEN 'a' THEN 'aggregate' ELSE 'function' END,
       p.proname || '(' || coalesce((
           SELECT pg_catalog.string_agg(pg_catalog.format_type(a.t, NULL), ', ' ORDER BY a.o)
           FROM pg_catalog.unnest(p.proargtypes::pg_catalog.oid[]) WITH ORDINALITY a(t, o)), '') || ')',
       coalesce(pg_catalog.obj_description(p.oid, 'pg_proc'), '')
FROM members m JOIN pg_catalog.pg_proc p
  ON m.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND p.oid = m.objid
UNION ALL
SELECT CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END,
       pg_catalog.format_type(t.oid, NULL),
       coalesce(pg_catalog.obj_description(t.oid, 'pg_type'), '')
FROM members m JOIN pg_catalog.pg_type t
  ON m.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.oid = m.objid
WHERE t.typrelid = 0
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_type e WHERE e.typarray = t.oid)
UNION ALL
SELECT 'operator',
       CASE WHEN o.oprleft = 0 THEN '' ELSE pg_catalog.format_type(o.oprleft, NULL) || ' ' END
         || o.oprname || ' ' || pg_catalog.format_type(o.oprright, NULL),
       coalesce(pg_catalog.obj_description(o.oid, 'pg_operator'), '')
FROM members m JOIN pg_catalog.pg_operator o
  ON m.classid = 'pg_catalog.pg_operator'::pg_catalog.regclass AND o.oid = m.objid
UNION ALL
SELECT 'cast',
       'CAST (' || pg_catalog.format_type(c.castsource, NULL) || ' AS '
         || pg_catalog.format_type(c.casttarget, NULL) || ')',
       coalesce(pg_catalog.obj_description(c.oid, 'pg_cast'), '')
FROM members m JOIN pg_catalog.pg_cast c
  ON m.classid = 'pg_catalog.pg_cast'::pg_catalog.regclass AND c.oid = m.objid
UNION ALL
SELECT CASE r.relkind WHEN 'v' THEN 'view' ELSE 'table' END,
       r.relname,
       coalesce(pg_catalog.obj_description(r.oid, 'pg_class'), '')
FROM members m JOIN pg_catalog.pg_class r
  ON m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND r.oid = m.objid
WHERE r.relkind IN ('r', 'v')
  AND r.relnamespace = (SELECT extnamespace FROM pg_catalog.pg_extension WHERE extname = 'portrange')
ORDER BY 1, 2;
"""

HEADING = re.compile(r"^### `(?P<name>.+)`\s*$")
FENCE = re.compile(r"^```(?P<info>\S*)\s*$")


# Headings may spell types by their short SQL names (int4, bool, float8)
# and aggregates as "f(x ORDER BY y)"; they are read as format_type()
# spells them.
TYPE_ALIASES = [
    (r"\bint2\b", "smallint"), (r"\bint4\b", "integer"), (r"\bint8\b", "bigint"),
    (r"\bint\b", "integer"), (r"\bbool\b", "boolean"), (r"\bfloat8\b", "double precision"),
    (r"\bfloat4\b", "real"), (r"\bvarchar\b", "character varying"),
]


def canonical_name(name):
    # only the types: a function may be called int4(port)
    head, paren, args = name.partition("(")
    if not paren and " " in head:
        # an operator, "left OP right": both sides are types
        head, args = "", head
    for pat, repl in TYPE_ALIASES:
        args = re.sub(pat, repl, args)
    name = head + paren + args
    name = re.sub(r"\s+ORDER BY\s+", ", ", name)
    name = re.sub(r"\bVARIADIC\s+", "", name)
    return re.sub(r"\s*,\s*", ", ", name)


class Entry:
    def __init__(self, name, line):
        self.name = canonical_name(name)
        self.line = line           # 1-based line of the heading
        self.sql = None
        self.output = None         # list of lines, or None
        self.output_span = None    # (first, last) 0-based line indexes of the block's content


def parse_reference(lines):
    """Entries of doc/reference.md, in order."""
    entries = []
    cur = None
    in_fence = False
    fence_info = None
    block = []
    block_start = 0
    expect_output = False
    for i, raw in enumerate(lines):
        line = raw.rstrip("\n")
        m = FENCE.match(line)
        if in_fence:
            if line.strip() == "```":
                in_fence = False
                if cur is not None:
                    if fence_info == "sql" and cur.sql is None:
                        cur.sql = "\n".join(block)
                        expect_output = True
                    elif fence_info == "" and expect_output and cur.output is None:
                        cur.output = list(block)
                        cur.output_span = (block_start, i - 1)
                        expect_output = False
            else:
                block.append(line)
            continue
        if m:
            in_fence = True
            fence_info = m.group("info")
            block = []
            block_start = i + 1
            continue
        h = HEADING.match(line)
        if h:
            cur = Entry(h.group("name"), i + 1)
            entries.append(cur)
            expect_output = False
        elif line.startswith("## "):
            cur = None
            expect_output = False
        elif line.strip() and expect_output:
            # prose between the example and its output: no output block
            expect_output = False
    return entries


def run_psql(args, sql_args, stdin=None):
    cmd = [args.psql, "-X", "-q", "-d", args.dbname] + sql_args
    proc = subprocess.run(cmd, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=120)
    return proc.returncode, proc.stdout


def installed_objects(args):
    rc, out = run_psql(args, ["-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-f", "-"], OBJECTS_SQL)
    if rc != 0:
        raise SystemExit(f"not ok reference_catalog_query\n# {out.strip()}\n0 passed, 1 failed")
    objs = []
    for line in out.splitlines():
        if not line.strip():
            continue
        kind, name, comment = (line.split("\t") + ["", ""])[:3]
        objs.append((kind, name, comment))
    return objs


def normalize(lines):
    out = [line.rstrip() for line in lines]
    while out and not out[-1]:
        out.pop()
    while out and not out[0]:
        out.pop(0)
    return out


def run_example(args, sql):
    _, out = run_psql(args, ["-v", "ON_ERROR_STOP=1", "-c", "BEGIN", "-c", sql, "-c", "ROLLBACK"])
    return normalize(out.splitlines())


def skeleton(kind, name, comment):
    return (f"### `{name}`\n\n{comment[:1].upper() + comment[1:] if comment else 'What it does.'}"
            f" ({kind})\n\n```sql\nSELECT 'an example';\n```\n```\n```\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-d", "--dbname", default=os.environ.get("PGDATABASE", "postgres"))
    ap.add_argument("--doc", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "..", "doc", "reference.md"))
    ap.add_argument("--psql", default="psql")
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--skeleton", action="store_true")
    args = ap.parse_args()

    with open(args.doc, encoding="utf-8") as f:
        lines = f.readlines()
    entries = parse_reference(lines)
    objects = installed_objects(args)

    if args.skeleton:
        have = {e.name for e in entries}
        for kind, name, comment in objects:
            if name not in have:
                print(skeleton(kind, name, comment))
        return 0

    passed = failed = 0

    def ok(msg):
        nonlocal passed
        passed += 1
        print(f"ok {msg}")

    def not_ok(msg, detail=None):
        nonlocal failed
        failed += 1
        print(f"not ok {msg}")
        if detail:
            for d in detail:
                print(f"# {d}")

    # (a) an entry for every object, an object for every entry
    by_name = {}
    for e in entries:
        if e.name in by_name:
            not_ok(f"reference_unique_entry {e.name}",
                   [f"doc/reference.md:{e.line}: a second entry (the first is on line {by_name[e.name].line})"])
        else:
            by_name[e.name] = e
    object_names = {name for _, name, _ in objects}
    missing = [(kind, name) for kind, name, _ in objects if name not in by_name]
    for kind, name in missing:
        not_ok(f"reference_entry {kind} {name}",
               ["no entry in doc/reference.md: add a section \"### `" + name + "`\""
                " (tools/reference_check.py --skeleton prints stubs)"])
    present = len(objects) - len(missing)
    if present:
        passed += present
        print(f"ok reference_entries # {present} of {len(objects)} member objects have an entry")
    for e in entries:
        if e.name not in object_names:
            not_ok(f"reference_object_exists {e.name}",
                   [f"doc/reference.md:{e.line}: the extension has no such object"
                    " (headings: see the introduction of doc/reference.md)"])

    # (b) the examples
    changed = {}
    good = 0
    for e in entries:
        if e.sql is None or e.output is None:
            not_ok(f"reference_example {e.name}",
                   [f"doc/reference.md:{e.line}: no ```sql block followed by an output block"])
            continue
        got = run_example(args, e.sql)
        want = normalize(e.output)
        if got == want:
            good += 1
            continue
        if args.update:
            changed[e.output_span] = got
            print(f"# updated doc/reference.md:{e.line} {e.name}")
            good += 1
            continue
        diff = difflib.unified_diff(want, got, "doc/reference.md", "psql", lineterm="", n=2)
        not_ok(f"reference_example {e.name}", [f"doc/reference.md:{e.line}: output differs"] + list(diff))
    if good:
        passed += good
        print(f"ok reference_examples # {good} examples print what the reference says")

    if args.update and changed:
        out = []
        i = 0
        for (first, last), got in sorted(changed.items()):
            out.extend(lines[i:first])
            out.extend(line + "\n" for line in got)
            i = last + 1
        out.extend(lines[i:])
        with open(args.doc, "w", encoding="utf-8") as f:
            f.writelines(out)

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
