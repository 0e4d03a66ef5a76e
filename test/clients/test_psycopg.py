#!/usr/bin/env python3
"""test/clients/test_psycopg.py -- portrange through psycopg 3 and clients/python/portrange_psycopg.py.

Reads and writes port, portrange and portmultirange values (and port[])
in text and binary format, as query parameters, as results and through
COPY in both formats, and checks that malformed binary input is an error,
never a crash.

The connection comes from the libpq environment (PGHOST, PGPORT, PGUSER,
PGDATABASE); test/clients/run.sh starts a throwaway server and sets them.
The database must allow CREATE EXTENSION portrange.

Output: "ok NAME" / "not ok NAME" per test, "# ..." diagnostics, then
"N passed, N failed"; the exit status is 1 if anything failed.

Written against psycopg 3.1 (Debian 12's python3-psycopg); uses only the
standard library besides psycopg.
"""

import os
import struct
import sys
import traceback
import unittest

import psycopg
from psycopg import errors, sql
from psycopg.pq import Format
from psycopg.types.multirange import Multirange
from psycopg.types.range import Range


# ---------------------------------------------------------------- adapters
#
# The adapters are the repository's module clients/python/portrange_psycopg.py
# (documented in doc/clients.md); this file tests it.

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "clients", "python"))
from portrange_psycopg import Port, PortTypes, register  # noqa: E402


def copy_binary(rows):
    """A COPY BINARY stream; rows are lists of field bytes (None = NULL)."""
    out = bytearray(b"PGCOPY\n\xff\r\n\x00")
    out += struct.pack("!ii", 0, 0)
    for row in rows:
        out += struct.pack("!h", len(row))
        for field in row:
            if field is None:
                out += struct.pack("!i", -1)
            else:
                out += struct.pack("!i", len(field)) + field
    out += struct.pack("!h", -1)
    return bytes(out)


def range_binary(lower, upper, flags):
    """portrange in range_send's format: flags byte, then length-prefixed bounds."""
    out = bytes([flags])
    for b in (lower, upper):
        if b is not None:
            out += struct.pack("!i", len(b)) + b
    return out


RANGE_LB_INC = 0x02
RANGE_UB_INC = 0x04
RANGE_LB_INF = 0x08
RANGE_UB_INF = 0x10


# ---------------------------------------------------------------- tests


PORTS = [Port(p) for p in (0, 1, 22, 80, 443, 1023, 1024, 8080, 49151, 49152, 65534, 65535)]

RANGES = [
    # (value sent, value expected back: the canonical form)
    (Range(Port(22), Port(23)), Range(Port(22), Port(23))),
    (Range(Port(22), Port(22), "[]"), Range(Port(22), Port(23))),
    (Range(Port(21), Port(23), "()"), Range(Port(22), Port(23))),
    (Range(Port(1024), Port(65535), "[]"), Range(Port(1024), None)),
    (Range(None, Port(1024)), Range(Port(0), Port(1024))),
    (Range(None, None), Range(Port(0), None)),
    (Range(empty=True), Range(empty=True)),
    (Range(Port(0), Port(0), "[]"), Range(Port(0), Port(1))),
]

MULTIRANGES = [
    (Multirange([]), Multirange([])),
    (Multirange([Range(Port(22), Port(22), "[]"), Range(Port(80), Port(80), "[]"),
                 Range(Port(443), Port(443), "[]")]),
     Multirange([Range(Port(22), Port(23)), Range(Port(80), Port(81)), Range(Port(443), Port(444))])),
    (Multirange([Range(Port(10), Port(20)), Range(Port(15), Port(30))]),
     Multirange([Range(Port(10), Port(30))])),
    (Multirange([Range(Port(49152), None), Range(Port(0), Port(1024))]),
     Multirange([Range(Port(0), Port(1024)), Range(Port(49152), None)])),
]


class ClientTest(unittest.TestCase):
    conn = None
    types = None
    backend_pid = None

    @classmethod
    def setUpClass(cls):
        cls.conn = psycopg.connect(autocommit=True)
        cls.conn.execute("CREATE EXTENSION IF NOT EXISTS portrange")
        cls.types = register(cls.conn)
        cls.backend_pid = cls.conn.info.backend_pid
        cls.conn.execute("""
            DROP TABLE IF EXISTS client_t;
            CREATE TABLE client_t (
                id int PRIMARY KEY,
                p port,
                r portrange,
                mr portmultirange,
                pa port[],
                wk well_known_port)""")

    @classmethod
    def tearDownClass(cls):
        if cls.conn is not None and not cls.conn.closed:
            cls.conn.execute("DROP TABLE IF EXISTS client_t")
            cls.conn.close()

    def setUp(self):
        self.conn.execute("TRUNCATE client_t")

    def fresh_connection(self):
        """A connection without the adapters: what any client sees."""
        return psycopg.connect(autocommit=True)

    # ------------------------------------------------------------ types

    def test_type_info(self):
        t = self.types
        row = self.conn.execute(
            "SELECT typlen, typbyval, typalign, typcategory FROM pg_type WHERE oid = %s",
            [t.port.oid]).fetchone()
        self.assertEqual(row, (2, True, "s", "N"))
        self.assertGreater(t.port.array_oid, 0)
        self.assertEqual(t.portrange.subtype_oid, t.port.oid)
        self.assertEqual(t.portmultirange.range_oid, t.portrange.oid)
        self.assertEqual(t.portmultirange.subtype_oid, t.port.oid)

    def test_wire_format_without_adapters(self):
        # text: decimal; binary: 2 bytes in network order
        with self.fresh_connection() as c:
            self.assertEqual(c.execute("SELECT 443::port").fetchone()[0], "443")
            cur = c.cursor(binary=True)
            cur.execute("SELECT 443::port, 0::port, 65535::port")
            self.assertEqual([bytes(v) for v in cur.fetchone()], [b"\x01\xbb", b"\x00\x00", b"\xff\xff"])
            self.assertEqual(cur.description[0].type_code, self.types.port.oid)
            # portrange: range_send's layout, bounds as 2-byte ports
            cur.execute("SELECT '[22,80]'::portrange, '[1024,65535]'::portrange, 'empty'::portrange")
            r, unbounded, empty = (bytes(v) for v in cur.fetchone())
            self.assertEqual(r, range_binary(b"\x00\x16", b"\x00\x51", RANGE_LB_INC))
            self.assertEqual(unbounded, range_binary(b"\x04\x00", None, RANGE_LB_INC | RANGE_UB_INF))
            self.assertEqual(empty, b"\x01")

    # ------------------------------------------------------------ without and with the module

    def test_unregistered_connection_gets_strings(self):
        # what psycopg does with a type it does not know: text as str
        with self.fresh_connection() as c:
            p, r, m = c.execute("SELECT 443::port, '[22,80]'::portrange, '{[1,2]}'::portmultirange").fetchone()
        self.assertEqual((p, r, m), ("443", "[22,81)", "{[1,3)}"))

    def test_json_numbers_without_module(self):
        # the extension's cast to json makes ports JSON numbers, so
        # psycopg's json loader gives ints whatever is registered
        with self.fresh_connection() as c:
            j, jb, agg = c.execute(
                "SELECT row_to_json(t), to_jsonb(t), json_agg(dst_port) OVER () FROM "
                "(SELECT 22::port AS dst_port, '[1,5]'::portrange AS ports) t").fetchone()
        self.assertEqual(j, {"dst_port": 22, "ports": "[1,6)"})
        self.assertEqual(jb, {"dst_port": 22, "ports": "[1,6)"})
        self.assertEqual(agg, [22])

    def test_register_into_adapters_map(self):
        # register(conn, context=...) adapts another context, e.g. an
        # AdaptersMap used by later connections
        amap = psycopg.adapt.AdaptersMap(psycopg.adapters)
        register(self.conn, context=amap)
        with psycopg.connect(autocommit=True, context=amap) as c:
            self.assertEqual(c.execute("SELECT 8080::port").fetchone()[0], 8080)
            self.assertEqual(c.execute("SELECT '[1,2]'::portrange").fetchone()[0], Range(1, 3))
        with self.fresh_connection() as c:
            self.assertEqual(c.execute("SELECT 8080::port").fetchone()[0], "8080")

    def test_pandas_read_sql(self):
        try:
            import warnings
            import pandas
        except ImportError:
            self.skipTest("pandas is not installed (Debian: python3-pandas)")
        query = "SELECT i AS id, (i * 100)::port AS dst_port, portrange(i, i + 10) AS ports FROM generate_series(1, 3) i"
        with warnings.catch_warnings():
            # pandas warns that it was tested only with SQLAlchemy and sqlite3
            warnings.simplefilter("ignore", UserWarning)
            df = pandas.read_sql(query, self.conn)
            with self.fresh_connection() as c:
                plain = pandas.read_sql(query, c)
        print(f"# pandas {pandas.__version__}: registered dtypes {dict(df.dtypes.astype(str))}, "
              f"unregistered {dict(plain.dtypes.astype(str))}")
        self.assertEqual(str(df["dst_port"].dtype), "int64")
        self.assertEqual(list(df["dst_port"]), [100, 200, 300])
        self.assertEqual(df["ports"][0], Range(1, 12))  # portrange(int, int) includes both ends (1.1)
        # without register(): strings, in an object column
        self.assertEqual(str(plain["dst_port"].dtype), "object")
        self.assertEqual(list(plain["dst_port"]), ["100", "200", "300"])
        self.assertEqual(plain["ports"][0], "[1,12)")

    # ------------------------------------------------------------ port

    def roundtrip(self, fmt, binary_results, values, sqltype):
        placeholder = {"t": "%t", "b": "%b"}[fmt]
        cur = self.conn.cursor(binary=binary_results)
        got = []
        for v in values:
            cur.execute(f"SELECT {placeholder}::{sqltype}", [v])
            got.append(cur.fetchone()[0])
        return got

    def test_port_text(self):
        self.assertEqual(self.roundtrip("t", False, PORTS, "port"), PORTS)

    def test_port_binary(self):
        self.assertEqual(self.roundtrip("b", True, PORTS, "port"), PORTS)

    def test_port_text_params_binary_results(self):
        self.assertEqual(self.roundtrip("t", True, PORTS, "port"), PORTS)

    def test_port_binary_params_text_results(self):
        self.assertEqual(self.roundtrip("b", False, PORTS, "port"), PORTS)

    def test_port_loaded_as_int(self):
        for binary in (False, True):
            v = self.conn.cursor(binary=binary).execute("SELECT 8080::port").fetchone()[0]
            self.assertIs(type(v), int)
            self.assertEqual(v, 8080)

    def test_port_param_oid_is_port(self):
        # the parameter is typed as port: pg_typeof sees it without a cast
        for ph in ("%t", "%b"):
            got = self.conn.execute(f"SELECT pg_typeof({ph})::text", [Port(443)]).fetchone()[0]
            self.assertEqual(got, "port")

    def test_plain_int_params(self):
        # Python ints are sent as integers: assignment cast and the
        # cross-type operators take them, in both formats
        cur = self.conn.cursor()
        for ph in ("%t", "%b"):
            cur.execute("TRUNCATE client_t")
            cur.executemany(f"INSERT INTO client_t (id, p) VALUES ({ph}, {ph})",
                            [(i, p) for i, p in enumerate((22, 443, 8080, 65535))])
            cur.execute(f"SELECT id FROM client_t WHERE p = {ph} OR p > {ph} ORDER BY id", [443, 60000])
            self.assertEqual([r[0] for r in cur.fetchall()], [1, 3])

    def test_out_of_range_rejected(self):
        with self.assertRaises(ValueError):
            Port(65536)
        for ph, value in (("%b", 65536), ("%t", 65536), ("%b", -1), ("%t", "70000")):
            with self.subTest(ph=ph, value=value):
                with self.assertRaises(errors.NumericValueOutOfRange):
                    self.conn.execute(f"INSERT INTO client_t (id, p) VALUES (1, {ph})", [value])

    def test_invalid_text_rejected(self):
        for text in ("", "1e3", "0x50", "80abc", "8 0"):
            with self.subTest(text=text):
                with self.assertRaises(errors.InvalidTextRepresentation):
                    self.conn.execute("SELECT %t::text::port", [text])

    def test_domain_checked_in_both_formats(self):
        for ph in ("%t", "%b"):
            with self.subTest(ph=ph):
                self.conn.execute(f"INSERT INTO client_t (id, wk) VALUES (1, {ph})", [Port(443)])
                with self.assertRaises(errors.CheckViolation):
                    self.conn.execute(f"INSERT INTO client_t (id, wk) VALUES (2, {ph})", [Port(8080)])
                self.conn.execute("TRUNCATE client_t")

    def test_service_lookup(self):
        for binary in (False, True):
            cur = self.conn.cursor(binary=binary)
            cur.execute("SELECT port_service(%b), service_port(%t), port_class(%b)::text",
                        [Port(443), "https", Port(50000)])
            self.assertEqual(cur.fetchone(), ("https", Port(443), "dynamic"))

    # ------------------------------------------------------------ ranges

    def test_portrange_text(self):
        sent = [s for s, _ in RANGES]
        self.assertEqual(self.roundtrip("t", False, sent, "portrange"), [e for _, e in RANGES])

    def test_portrange_binary(self):
        sent = [s for s, _ in RANGES]
        self.assertEqual(self.roundtrip("b", True, sent, "portrange"), [e for _, e in RANGES])

    def test_portrange_param_oid_is_portrange(self):
        for ph in ("%t", "%b"):
            got = self.conn.execute(f"SELECT pg_typeof({ph})::text", [Range(Port(1), Port(2))]).fetchone()[0]
            self.assertEqual(got, "portrange")

    def test_portrange_bounds_are_ints(self):
        for binary in (False, True):
            r = self.conn.cursor(binary=binary).execute("SELECT '[80,90]'::portrange").fetchone()[0]
            self.assertEqual((type(r.lower), r.lower, r.upper, r.bounds), (int, 80, 91, "[)"))

    def test_portmultirange_text(self):
        sent = [s for s, _ in MULTIRANGES]
        self.assertEqual(self.roundtrip("t", False, sent, "portmultirange"), [e for _, e in MULTIRANGES])

    def test_portmultirange_binary(self):
        sent = [s for s, _ in MULTIRANGES]
        self.assertEqual(self.roundtrip("b", True, sent, "portmultirange"), [e for _, e in MULTIRANGES])

    def test_parse_ports_result(self):
        for binary in (False, True):
            got = self.conn.cursor(binary=binary).execute("SELECT parse_ports('22,80-81,443')").fetchone()[0]
            self.assertEqual(got, Multirange([Range(Port(22), Port(23)), Range(Port(80), Port(82)),
                                              Range(Port(443), Port(444))]))

    def test_containment_params(self):
        cur = self.conn.cursor()
        cur.execute("SELECT %b <@ %b, %t @> %t, %b <@ %b",
                    [Port(443), Range(Port(400), Port(500)),
                     Multirange([Range(Port(80), Port(81))]), Port(80),
                     Port(22), Multirange([Range(Port(23), None)])])
        self.assertEqual(cur.fetchone(), (True, True, False))

    # ------------------------------------------------------------ arrays

    def test_port_array(self):
        arr = [Port(22), None, Port(65535), Port(0)]
        for ph, binary in (("%t", False), ("%b", True), ("%t", True), ("%b", False)):
            with self.subTest(ph=ph, binary=binary):
                got = self.conn.cursor(binary=binary).execute(f"SELECT {ph}::port[]", [arr]).fetchone()[0]
                self.assertEqual(got, arr)

    # ------------------------------------------------------------ rows

    def sample_rows(self, n=300):
        rows = []
        for i in range(n):
            rows.append((
                i,
                Port((i * 7919) % 65536),
                Range(empty=True) if i % 11 == 0 else Range(Port(i), Port(i + i % 50 + 1)),
                Multirange([]) if i % 13 == 0 else
                Multirange([Range(Port(i % 100), Port(i % 100 + 5)), Range(Port(1000 + i), None)]),
                None if i % 17 == 0 else [Port(i), Port(65535 - i)],
                Port(i % 1024),
            ))
        rows.append((n, None, None, None, None, None))
        return rows

    def fetch_all(self, binary):
        cur = self.conn.cursor(binary=binary)
        cur.execute("SELECT id, p, r, mr, pa, wk FROM client_t ORDER BY id")
        return cur.fetchall()

    def test_rows_executemany_text_and_binary(self):
        rows = self.sample_rows()
        for ph in ("%t", "%b"):
            with self.subTest(ph=ph):
                self.conn.execute("TRUNCATE client_t")
                self.conn.cursor().executemany(
                    f"INSERT INTO client_t VALUES ({', '.join([ph] * 6)})", rows)
                self.assertEqual(self.fetch_all(False), rows)
                self.assertEqual(self.fetch_all(True), rows)

    def copy_types(self):
        t = self.types
        return ["int4", t.port.oid, t.portrange.oid, t.portmultirange.oid, t.port.array_oid, t.port.oid]

    def copy_in(self, rows, binary):
        fmt = " (FORMAT BINARY)" if binary else ""
        with self.conn.cursor().copy(f"COPY client_t (id, p, r, mr, pa, wk) FROM STDIN{fmt}") as cp:
            cp.set_types(self.copy_types())
            for row in rows:
                cp.write_row(row)

    def copy_out(self, binary):
        fmt = " (FORMAT BINARY)" if binary else ""
        with self.conn.cursor().copy(
                f"COPY (SELECT id, p, r, mr, pa, wk FROM client_t ORDER BY id) TO STDOUT{fmt}") as cp:
            cp.set_types(self.copy_types())
            return list(cp.rows())

    def test_copy_text(self):
        rows = self.sample_rows()
        self.copy_in(rows, binary=False)
        self.assertEqual(self.fetch_all(True), rows)
        self.assertEqual(self.copy_out(binary=False), rows)

    def test_copy_binary(self):
        rows = self.sample_rows()
        self.copy_in(rows, binary=True)
        self.assertEqual(self.fetch_all(False), rows)
        self.assertEqual(self.copy_out(binary=True), rows)

    def test_copy_text_in_binary_out(self):
        rows = self.sample_rows()
        self.copy_in(rows, binary=False)
        self.assertEqual(self.copy_out(binary=True), rows)

    def test_copy_binary_raw_field(self):
        # COPY BINARY carries a port as a 2-byte field: length 2, network order
        self.conn.execute("INSERT INTO client_t (id, p) VALUES (1, 443)")
        with self.conn.cursor().copy("COPY (SELECT id, p FROM client_t) TO STDOUT (FORMAT BINARY)") as cp:
            data = b"".join(bytes(b) for b in cp)
        self.assertIn(struct.pack("!hii", 2, 4, 1) + struct.pack("!i", 2) + b"\x01\xbb", data)
        # and the same raw stream can be sent back
        self.conn.execute("TRUNCATE client_t")
        with self.conn.cursor().copy("COPY client_t (id, p) FROM STDIN (FORMAT BINARY)") as cp:
            cp.write(data)
        self.assertEqual(self.conn.execute("SELECT p FROM client_t").fetchone()[0], Port(443))

    # ------------------------------------------------------------ bad binary input
    #
    # Malformed binary input must be an error of the statement, SQLSTATE
    # 22P03 (invalid binary representation) whether bytes are left over or
    # run out -- never the protocol error 08P01 that PostgreSQL's own
    # pq_getmsgint() raises -- after which the session goes on; never a
    # crash or a wrong value.

    BAD_BINARY = (errors.InvalidBinaryRepresentation,)

    def copy_one_field(self, column, field):
        with self.conn.cursor().copy(f"COPY client_t (id, {column}) FROM STDIN (FORMAT BINARY)") as cp:
            cp.write(copy_binary([[struct.pack("!i", 1), field]]))

    def assert_statement_error(self, func, *args):
        """func(*args) fails with an ordinary SQL error; the session lives on."""
        with self.assertRaises(psycopg.Error) as cm:
            func(*args)
        state = cm.exception.sqlstate or ""
        # not a lost connection, a crash (57P..), an internal error (XX...)
        self.assertEqual(state, "22P03", f"unexpected SQLSTATE {state!r}: {cm.exception}")
        self.assertEqual(self.conn.execute("SELECT count(*) FROM client_t").fetchone()[0], 0)
        return cm.exception

    def assert_copy_binary_rejected(self, column, field):
        e = self.assert_statement_error(self.copy_one_field, column, field)
        self.assertIsInstance(e, self.BAD_BINARY)
        return e

    def test_copy_binary_bad_port_length(self):
        for field in (b"\x01\xbb\x00", b"\x01", b"", b"\x00\x00\x01\xbb"):
            with self.subTest(field=field):
                self.assert_copy_binary_rejected("p", field)

    def test_copy_binary_bad_portrange(self):
        bad = [
            range_binary(b"\x00\x16", b"\x00", RANGE_LB_INC),              # 1-byte upper bound
            range_binary(b"", b"\x00\x17", RANGE_LB_INC),                   # empty lower bound
            b"\x00\x00\x00\x00\x02\x00\x16",                              # lower bound cut short
            range_binary(b"\x00\x16", b"\x00\x17", RANGE_LB_INC) + b"x",  # trailing garbage
            range_binary(b"\x00\x17", b"\x00\x16", RANGE_LB_INC),         # lower above upper
        ]
        for field in bad:
            with self.subTest(field=field):
                self.assert_statement_error(self.copy_one_field, "r", field)

    def test_copy_binary_oversized_range_bound(self):
        # PostgreSQL's range_recv() does not check that the subtype's
        # receive function used all of a bound's bytes (int4range accepts a
        # 5-byte bound and ignores the fifth byte); portrange_recv() checks
        # every length, so a 3-byte port bound is rejected, not truncated
        field = range_binary(b"\x00\x16\x99", b"\x00\x20", RANGE_LB_INC)
        self.assert_statement_error(self.copy_one_field, "r", field)

    def test_copy_binary_bad_portmultirange(self):
        good_range = range_binary(b"\x00\x16", b"\x00\x17", RANGE_LB_INC)
        bad = [
            struct.pack("!i", 1),                                         # one range, missing
            struct.pack("!ii", 1, len(good_range) + 1) + good_range,      # length too long
            struct.pack("!ii", 1, 6) + range_binary(b"\x00", None, RANGE_LB_INC | RANGE_UB_INF),
            struct.pack("!i", -1),                                        # negative count
        ]
        for field in bad:
            with self.subTest(field=field):
                self.assert_statement_error(self.copy_one_field, "mr", field)

    def test_bind_parameter_bad_binary(self):
        pgconn = self.conn.pgconn
        for value in (b"\x01\xbb\x00", b"\x01", b""):
            with self.subTest(value=value):
                res = pgconn.exec_params(b"SELECT $1::text", [value], [self.types.port.oid], [Format.BINARY])
                self.assertEqual(res.error_field(psycopg.pq.DiagnosticField.SQLSTATE), b"22P03")
        res = pgconn.exec_params(b"SELECT $1::text", [b"\x01\xbb"], [self.types.port.oid], [Format.BINARY])
        self.assertEqual(res.get_value(0, 0), b"443")

    def test_zz_no_server_crash(self):
        # any backend crash would have ended this session too
        self.assertEqual(self.conn.execute("SELECT pg_backend_pid()").fetchone()[0], self.backend_pid)
        with self.fresh_connection() as c:
            self.assertEqual(c.execute("SELECT 443::port::text").fetchone()[0], "443")


# ---------------------------------------------------------------- output


class TapResult(unittest.TestResult):
    """Prints "ok NAME" / "not ok NAME" as tests finish."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.passed = 0
        self.failed = 0
        self._bad = set()

    @staticmethod
    def name(test):
        return f"python_{test._testMethodName[5:]}" if hasattr(test, "_testMethodName") else str(test)

    def _diag(self, err):
        for line in "".join(traceback.format_exception(*err)).rstrip().splitlines():
            print(f"# {line}")

    def addSuccess(self, test):
        super().addSuccess(test)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._bad.add(test.id())
        self._diag(err)

    def addError(self, test, err):
        super().addError(test, err)
        if hasattr(test, "_testMethodName"):
            self._bad.add(test.id())
        else:  # setUpClass and friends
            print(f"not ok {test}")
            self.failed += 1
        self._diag(err)

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            self._bad.add(test.id())
            print(f"# {subtest._subDescription()}")
            self._diag(err)

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        print(f"ok {self.name(test)} # SKIP {reason}")
        self.passed += 1

    def stopTest(self, test):
        super().stopTest(test)
        if test.id() in self._bad:
            print(f"not ok {self.name(test)}")
            self.failed += 1
        elif not any(test is t for t, _ in self.skipped):
            print(f"ok {self.name(test)}")
            self.passed += 1
        sys.stdout.flush()


def main():
    print(f"# psycopg {psycopg.__version__}, libpq {psycopg.pq.version()}, {psycopg.pq.__impl__} implementation")
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(ClientTest)
    result = TapResult()
    suite.run(result)
    print(f"{result.passed} passed, {result.failed} failed")
    return 0 if result.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
