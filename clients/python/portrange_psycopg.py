"""portrange_psycopg -- psycopg 3 adapters for the portrange extension.

    import psycopg
    import portrange_psycopg

    conn = psycopg.connect()
    portrange_psycopg.register(conn)

    conn.execute("SELECT 443::port").fetchone()[0]            # 443 (int)
    conn.execute("SELECT '[22,80]'::portrange").fetchone()[0]  # Range(22, 81, '[)')
    conn.execute("SELECT %s::port", [portrange_psycopg.Port(8080)])

After register(), in text and in binary mode (cursor(binary=True), COPY
... (FORMAT BINARY)):

  port            -> int
  port[]          -> list of int
  portrange       -> psycopg.types.range.Range of int
  portmultirange  -> psycopg.types.multirange.Multirange of Range of int

and Port (an int subclass), Range(Port, Port) and Multirange of those are
sent typed as port, portrange and portmultirange.  A plain Python int is
sent as an integer, which the extension's cross-type operators and its
assignment cast take (WHERE dst_port = %s, INSERT ... VALUES (%s)).

register(conn) looks the types up in the connection's database (they have
different OIDs in every database) and adapts that connection only;
register(conn, context=psycopg.adapters) adapts every connection opened
afterwards, when all of them go to databases with the same OIDs.

Needs psycopg 3.1 or later; only the standard library besides.
"""

from psycopg import DataError
from psycopg.adapt import Dumper, Loader
from psycopg.pq import Format
from psycopg.types import TypeInfo
from psycopg.types.array import register_array
from psycopg.types.multirange import (
    MultirangeBinaryDumper,
    MultirangeDumper,
    MultirangeInfo,
    register_multirange,
)
from psycopg.types.range import (
    RangeBinaryDumper,
    RangeDumper,
    RangeInfo,
    register_range,
)

__all__ = ["Port", "PortTypes", "register"]


class Port(int):
    """A port number, 0..65535; sent to PostgreSQL as the port type."""

    def __new__(cls, value):
        value = int(value)
        if not 0 <= value <= 65535:
            raise ValueError(f"port out of range: {value}")
        return super().__new__(cls, value)

    def __repr__(self):
        return f"Port({int(self)})"

    __str__ = int.__repr__


class _PortTextDumper(Dumper):
    format = Format.TEXT

    def dump(self, obj):
        return str(int(obj)).encode()


class _PortBinaryDumper(Dumper):
    format = Format.BINARY

    def dump(self, obj):
        return int(obj).to_bytes(2, "big")


class PortTextLoader(Loader):
    """port in text: decimal digits."""

    format = Format.TEXT

    def load(self, data):
        return int(bytes(data))


class PortBinaryLoader(Loader):
    """port in binary: two bytes, network order, unsigned."""

    format = Format.BINARY

    def load(self, data):
        if len(data) != 2:
            raise DataError(f"port: expected 2 bytes, got {len(data)}")
        return int.from_bytes(bytes(data), "big")


class PortTypes:
    """The extension's types in one database: TypeInfo, RangeInfo, MultirangeInfo."""

    def __init__(self, conn):
        self.port = TypeInfo.fetch(conn, "port")
        self.portrange = RangeInfo.fetch(conn, "portrange")
        self.portmultirange = MultirangeInfo.fetch(conn, "portmultirange")
        if not (self.port and self.portrange and self.portmultirange):
            raise LookupError("the portrange extension's types are not on the "
                              "search_path of this connection (CREATE EXTENSION portrange?)")


def register(conn, context=None):
    """Adapt port, port[], portrange and portmultirange, text and binary.

    conn is the connection whose database is asked for the types' OIDs;
    context (default: conn) is what gets the adapters: a connection, a
    cursor, or psycopg.adapters for every later connection.  Returns the
    PortTypes found.
    """
    types = PortTypes(conn)
    ctx = conn if context is None else context
    adapters = ctx.adapters
    types.port.register(ctx)
    for base in (_PortTextDumper, _PortBinaryDumper):
        adapters.register_dumper(Port, type("Port" + base.__name__, (base,), {"oid": types.port.oid}))
    adapters.register_loader(types.port.oid, PortTextLoader)
    adapters.register_loader(types.port.oid, PortBinaryLoader)
    register_array(types.port, ctx)
    register_range(types.portrange, ctx)
    register_multirange(types.portmultirange, ctx)
    # dumpers by OID: COPY ... FROM STDIN with copy.set_types() asks for them
    for base, oid in ((RangeDumper, types.portrange.oid),
                      (RangeBinaryDumper, types.portrange.oid),
                      (MultirangeDumper, types.portmultirange.oid),
                      (MultirangeBinaryDumper, types.portmultirange.oid)):
        adapters.register_dumper(None, type("Port" + base.__name__, (base,), {"oid": oid}))
    return types
