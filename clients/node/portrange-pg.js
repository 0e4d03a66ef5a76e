'use strict';
/**
 * portrange-pg -- node-postgres (npm "pg") type parsers for the portrange
 * extension.
 *
 *   const pg = require('pg');
 *   const portrange = require('./portrange-pg');
 *
 *   const client = new pg.Client();
 *   await client.connect();
 *   await portrange.register(client);      // this client only
 *
 *   (await client.query("SELECT 443::port AS p")).rows[0].p          // 443
 *   (await client.query("SELECT '[22,80]'::portrange AS r")).rows[0].r
 *        // PortRange { lower: 22, upper: 81, lowerInc: true, upperInc: false, empty: false }
 *   await client.query('SELECT $1::portrange', [new portrange.PortRange(22, 80, '[]')]);
 *
 * After register(), in text mode (node-postgres's default):
 *
 *   port            -> Number
 *   port[]          -> Array of Number (null for NULL)
 *   portrange       -> PortRange
 *   portmultirange  -> PortMultirange (its .ranges: Array of PortRange)
 *
 * Binary parsers are installed too (client.query({ text, values, binary:
 * true })), but node-postgres 8.x damages binary results (see checkEnd()):
 * they throw rather than return a wrong port.
 *
 * node-postgres has no range type of its own, so this module brings one.
 * PortRange and PortMultirange have toPostgres(), so node-postgres sends
 * them as their text form; a Number is sent as text and resolves against
 * port columns as any untyped literal does (WHERE dst_port = $1).
 *
 * The types have other OIDs in every database: register(client) looks them
 * up; for a pg.Pool, look them up once with fetchOids() and install() the
 * parsers into pg.types (every connection) or into a pool's `types` option.
 *
 * No dependencies; Node.js 14 or later.
 */

const RANGE_EMPTY = 0x01;
const RANGE_LB_INC = 0x02;
const RANGE_UB_INC = 0x04;
const RANGE_LB_INF = 0x08;
const RANGE_UB_INF = 0x10;

/** A range of ports; lower/upper are Numbers or null (unbounded). */
class PortRange {
  constructor(lower, upper, bounds = '[)', empty = false) {
    this.lower = lower === undefined ? null : lower;
    this.upper = upper === undefined ? null : upper;
    this.lowerInc = this.lower !== null && bounds[0] === '[';
    this.upperInc = this.upper !== null && bounds[1] === ']';
    this.empty = Boolean(empty);
  }

  static empty() {
    return new PortRange(null, null, '()', true);
  }

  /** Lowest port in the range, null if empty (portrange's first_port()). */
  firstPort() {
    if (this.empty) return null;
    if (this.lower === null) return 0;
    return this.lowerInc ? this.lower : this.lower + 1;
  }

  /** Highest port in the range, null if empty (portrange's last_port()). */
  lastPort() {
    if (this.empty) return null;
    if (this.upper === null) return 65535;
    return this.upperInc ? this.upper : this.upper - 1;
  }

  contains(port) {
    const first = this.firstPort();
    return first !== null && port >= first && port <= this.lastPort();
  }

  toString() {
    if (this.empty) return 'empty';
    return (this.lowerInc ? '[' : '(') +
      (this.lower === null ? '' : String(this.lower)) + ',' +
      (this.upper === null ? '' : String(this.upper)) +
      (this.upperInc ? ']' : ')');
  }

  toPostgres() {
    return this.toString();
  }
}

/** A set of port ranges (portmultirange). */
class PortMultirange {
  constructor(ranges = []) {
    this.ranges = ranges;
  }

  contains(port) {
    return this.ranges.some((r) => r.contains(port));
  }

  toString() {
    return '{' + this.ranges.map((r) => r.toString()).join(',') + '}';
  }

  toPostgres() {
    return this.toString();
  }
}

// ------------------------------------------------------------------ text

function parsePort(text) {
  return Number(text);
}

function parseBound(s) {
  return s === '' ? null : Number(s.replace(/"/g, ''));
}

function parsePortRange(text) {
  if (text === 'empty') return PortRange.empty();
  const comma = text.indexOf(',');
  if (comma < 0 || !'[('.includes(text[0]) || !'])'.includes(text[text.length - 1])) {
    throw new Error(`portrange: cannot parse ${JSON.stringify(text)}`);
  }
  return new PortRange(parseBound(text.slice(1, comma)),
    parseBound(text.slice(comma + 1, -1)),
    text[0] + text[text.length - 1]);
}

function parsePortMultirange(text) {
  const inner = text.trim().slice(1, -1);
  const ranges = inner.match(/empty|[[(][^\])]*[\])]/g) || [];
  return new PortMultirange(ranges.map(parsePortRange).filter((r) => !r.empty));
}

function parsePortArray(text) {
  const inner = text.slice(1, -1);
  if (inner === '') return [];
  if (inner.includes('{')) {
    throw new Error('port[]: only one-dimensional arrays are supported');
  }
  return inner.split(',').map((v) => (v === 'NULL' ? null : Number(v)));
}

// ---------------------------------------------------------------- binary

function parsePortBinary(buf) {
  if (buf.length !== 2) {
    throw new Error(`port: expected 2 bytes, got ${buf.length}` +
      ' (binary results of node-postgres 8.x are damaged by UTF-8 decoding: use text mode)');
  }
  return buf.readUInt16BE(0);
}

// node-postgres 8.x damages binary values whose bytes are not valid UTF-8
// (brianc/node-postgres#3495: int4 443 reads as 495).  Every parser below
// therefore checks that the value has exactly the length its layout says,
// which the damage always changes for these types, and throws otherwise.
function checkEnd(buf, pos, what) {
  if (pos !== buf.length) {
    throw new Error(`${what}: ${buf.length} bytes where the layout has ${pos} ` +
      '(binary results of node-postgres 8.x are damaged by UTF-8 decoding: use text mode)');
  }
}

function parsePortRangeBinary(buf) {
  const flags = buf.readUInt8(0);
  if (flags & RANGE_EMPTY) {
    checkEnd(buf, 1, 'portrange');
    return PortRange.empty();
  }
  let pos = 1;
  const bound = (inf) => {
    if (inf) return null;
    const len = buf.readInt32BE(pos);
    const v = parsePortBinary(buf.subarray(pos + 4, pos + 4 + len));
    pos += 4 + len;
    return v;
  };
  const lower = bound(flags & RANGE_LB_INF);
  const upper = bound(flags & RANGE_UB_INF);
  checkEnd(buf, pos, 'portrange');
  return new PortRange(lower, upper,
    (flags & RANGE_LB_INC ? '[' : '(') + (flags & RANGE_UB_INC ? ']' : ')'));
}

function parsePortMultirangeBinary(buf) {
  const n = buf.readInt32BE(0);
  const ranges = [];
  let pos = 4;
  for (let i = 0; i < n; i++) {
    const len = buf.readInt32BE(pos);
    ranges.push(parsePortRangeBinary(buf.subarray(pos + 4, pos + 4 + len)));
    pos += 4 + len;
  }
  checkEnd(buf, pos, 'portmultirange');
  return new PortMultirange(ranges);
}

function parsePortArrayBinary(buf) {
  const ndim = buf.readInt32BE(0);
  if (ndim === 0) {
    checkEnd(buf, 12, 'port[]');
    return [];
  }
  if (ndim !== 1) throw new Error('port[]: only one-dimensional arrays are supported');
  const n = buf.readInt32BE(12);
  const out = [];
  let pos = 20;
  for (let i = 0; i < n; i++) {
    const len = buf.readInt32BE(pos);
    pos += 4;
    if (len < 0) {
      out.push(null);
    } else {
      out.push(parsePortBinary(buf.subarray(pos, pos + len)));
      pos += len;
    }
  }
  checkEnd(buf, pos, 'port[]');
  return out;
}

// ---------------------------------------------------------- registration

const OIDS_QUERY = `
  SELECT t.typname::text AS name, t.oid::int AS oid, t.typarray::int AS array_oid
  FROM pg_catalog.pg_type t
  WHERE t.oid IN (pg_catalog.to_regtype('port'), pg_catalog.to_regtype('portrange'),
                  pg_catalog.to_regtype('portmultirange'))`;

/**
 * The OIDs of the extension's types in the database `queryable` (a Client
 * or a Pool) is connected to, as resolved by its search_path:
 * { port, portArray, portrange, portrangeArray, portmultirange }.
 */
async function fetchOids(queryable) {
  const res = await queryable.query(OIDS_QUERY);
  const by = Object.fromEntries(res.rows.map((r) => [r.name, r]));
  if (!by.port || !by.portrange || !by.portmultirange) {
    throw new Error("the portrange extension's types are not on this connection's search_path");
  }
  return {
    port: by.port.oid,
    portArray: by.port.array_oid,
    portrange: by.portrange.oid,
    portmultirange: by.portmultirange.oid,
  };
}

/**
 * Install the parsers into `target`: anything with node-postgres's
 * setTypeParser(oid, format, fn): a Client, pg.types, or a TypeOverrides.
 */
function install(target, oids) {
  const parsers = [
    [oids.port, parsePort, parsePortBinary],
    [oids.portArray, parsePortArray, parsePortArrayBinary],
    [oids.portrange, parsePortRange, parsePortRangeBinary],
    [oids.portmultirange, parsePortMultirange, parsePortMultirangeBinary],
  ];
  for (const [oid, text, binary] of parsers) {
    target.setTypeParser(oid, 'text', text);
    target.setTypeParser(oid, 'binary', binary);
  }
  return oids;
}

/** Look up the OIDs and install the parsers into one connected Client. */
async function register(client) {
  return install(client, await fetchOids(client));
}

module.exports = {
  PortRange,
  PortMultirange,
  register,
  fetchOids,
  install,
  parsers: {
    parsePort,
    parsePortRange,
    parsePortMultirange,
    parsePortArray,
    parsePortBinary,
    parsePortRangeBinary,
    parsePortMultirangeBinary,
    parsePortArrayBinary,
  },
};
