'use strict';
/*
 * test/clients/test_node_pg.js -- portrange through node-postgres (npm "pg")
 * and clients/node/portrange-pg.js.
 *
 * The connection comes from the libpq environment (PGHOST, PGPORT, PGUSER,
 * PGDATABASE), which node-postgres reads too; test/clients/run.sh starts a
 * throwaway server, installs pg under /tmp and sets NODE_PATH.
 *
 * Output: "ok NAME" / "not ok NAME" per test, "# ..." diagnostics, then
 * "N passed, N failed"; the exit status is 1 if anything failed.
 */
const assert = require('assert');
const path = require('path');
const pg = require('pg');
const portrange = require(path.join(__dirname, '..', '..', 'clients', 'node', 'portrange-pg.js'));

const { PortRange, PortMultirange, parsers } = portrange;
const tests = [];
const test = (name, fn) => tests.push([name, fn]);

let client; // registered
let plain; // without the parsers: what any client sees

const one = async (c, text, values) => (await c.query(text, values)).rows[0];

// ------------------------------------------------------------ without the module

test('node_unregistered_port_is_string', async () => {
  const r = await one(plain, "SELECT 443::port AS p, '[22,80]'::portrange AS r, '{22,443}'::port[] AS a");
  assert.strictEqual(r.p, '443');
  assert.strictEqual(r.r, '[22,81)');
  assert.strictEqual(r.a, '{22,443}');
});

test('node_json_numbers_without_module', async () => {
  // the extension's cast to json: row_to_json gives numbers, whatever the client
  const r = await one(plain, "SELECT row_to_json(t) AS j FROM (SELECT 22::port AS dst_port, '[1,5]'::portrange AS ports) t");
  assert.deepStrictEqual(r.j, { dst_port: 22, ports: '[1,6)' });
  const a = await one(plain, 'SELECT json_agg(p) AS j FROM unnest(\'{1,2,65535}\'::port[]) p');
  assert.deepStrictEqual(a.j, [1, 2, 65535]);
});

// ------------------------------------------------------------ text mode

test('node_port_is_number', async () => {
  for (const p of [0, 1, 22, 443, 1023, 1024, 49151, 49152, 65535]) {
    const r = await one(client, 'SELECT $1::int::port AS p', [p]);
    assert.strictEqual(r.p, p);
  }
  const n = await one(client, 'SELECT NULL::port AS p');
  assert.strictEqual(n.p, null);
});

test('node_port_array', async () => {
  const r = await one(client, "SELECT '{22,NULL,65535,0}'::port[] AS a, '{}'::port[] AS e");
  assert.deepStrictEqual(r.a, [22, null, 65535, 0]);
  assert.deepStrictEqual(r.e, []);
});

test('node_portrange', async () => {
  const r = await one(client, "SELECT '[22,22]'::portrange AS a, '[1024,65535]'::portrange AS b, 'empty'::portrange AS c, '(,1024)'::portrange AS d");
  assert.ok(r.a instanceof PortRange);
  assert.deepStrictEqual([r.a.lower, r.a.upper, r.a.lowerInc, r.a.upperInc, r.a.empty], [22, 23, true, false, false]);
  assert.deepStrictEqual([r.a.firstPort(), r.a.lastPort()], [22, 22]);
  assert.deepStrictEqual([r.b.lower, r.b.upper, r.b.firstPort(), r.b.lastPort()], [1024, null, 1024, 65535]);
  assert.ok(r.b.contains(65535) && !r.b.contains(1023));
  assert.strictEqual(r.c.empty, true);
  assert.strictEqual(r.c.firstPort(), null);
  assert.deepStrictEqual([r.d.lower, r.d.upper], [0, 1024]);
});

test('node_portmultirange', async () => {
  const r = await one(client, "SELECT '{[22,22],[80,81],[1024,65535]}'::portmultirange AS m, '{}'::portmultirange AS e");
  assert.ok(r.m instanceof PortMultirange);
  assert.deepStrictEqual(r.m.ranges.map((x) => [x.firstPort(), x.lastPort()]), [[22, 22], [80, 81], [1024, 65535]]);
  assert.ok(r.m.contains(81) && !r.m.contains(82));
  assert.deepStrictEqual(r.e.ranges, []);
});

test('node_parameters', async () => {
  await client.query('CREATE TEMP TABLE node_t (id int, p port, r portrange, m portmultirange, a port[])');
  await client.query('INSERT INTO node_t VALUES ($1, $2, $3, $4, $5)',
    [1, 443, new PortRange(400, 500, '[]'), new PortMultirange([new PortRange(22, 22, '[]'), new PortRange(80, null)]), [22, 443]]);
  const r = await one(client, 'SELECT * FROM node_t');
  assert.strictEqual(r.p, 443);
  assert.strictEqual(r.r.toString(), '[400,501)');
  assert.strictEqual(r.m.toString(), '{[22,23),[80,)}');
  assert.deepStrictEqual(r.a, [22, 443]);
  // node-postgres sends parameters untyped; = and <@ resolve, and a cast
  // names the type where an operator has several candidates
  const q = await one(client, 'SELECT count(*)::int AS n FROM node_t WHERE p = $1 AND r @> $2::port AND m @> $3::port AND p <@ $4::portrange',
    [443, 443, 8080, new PortRange(1, 1000)]);
  assert.strictEqual(q.n, 1);
  await assert.rejects(client.query('INSERT INTO node_t (p) VALUES ($1)', [70000]), (e) => e.code === '22003');
  await client.query('DROP TABLE node_t');
});

test('node_roundtrip_all_ports', async () => {
  const res = await client.query('SELECT i, i::port AS p FROM generate_series(0, 65535) i');
  assert.strictEqual(res.rows.length, 65536);
  for (const row of res.rows) if (row.p !== row.i) throw new Error(`port ${row.i} read as ${row.p}`);
});

// ------------------------------------------------------------ binary mode

test('node_binary_mode', async () => {
  // Is node-postgres's binary mode sound?  It was not in pg 8.x
  // (brianc/node-postgres#3495): int4 443 came back as 495.
  const i = await one(client, { text: 'SELECT 443::int4 AS v, $1::int AS dummy', values: [1], binary: true });
  const sound = i.v === 443;
  console.log(`# node-postgres binary mode returns int4 443 as ${i.v}: ${sound ? 'sound' : 'damaged'}`);
  // bytes that survive UTF-8 decoding come through right either way
  const low = await one(client, { text: "SELECT 22::port AS p, '[22,80]'::portrange AS r, '{[1,2]}'::portmultirange AS m, $1::int AS dummy", values: [1], binary: true });
  assert.strictEqual(low.p, 22);
  assert.strictEqual(low.r.toString(), '[22,81)');
  assert.strictEqual(low.m.toString(), '{[1,3)}');
  // an array carries its element type's OID, which may not survive
  try {
    assert.deepStrictEqual((await one(client, { text: "SELECT '{22,NULL}'::port[] AS a, $1::int AS dummy", values: [1], binary: true })).a, [22, null]);
  } catch (e) {
    assert.ok(!sound && /use text mode/.test(e.message), e.message);
  }
  const q = { text: "SELECT 443::port AS p, $1::int AS dummy", values: [1], binary: true };
  const qr = { text: "SELECT '[443,1000]'::portrange AS r, $1::int AS dummy", values: [1], binary: true };
  if (sound) {
    assert.strictEqual((await one(client, q)).p, 443);
    assert.strictEqual((await one(client, qr)).r.toString(), '[443,1001)');
  } else {
    // damaged bytes: the module throws instead of returning a wrong port
    await assert.rejects(client.query(q), /use text mode/);
    await assert.rejects(client.query(qr), /use text mode/);
  }
});

// ------------------------------------------------------------ pools: install into pg.types

test('node_pool_global_types', async () => {
  const oids = await portrange.fetchOids(client);
  const saved = [oids.port, oids.portrange].map((o) => pg.types.getTypeParser(o, 'text'));
  portrange.install(pg.types, oids);
  const pool = new pg.Pool({ max: 2 });
  try {
    const r = await one(pool, "SELECT 8080::port AS p, '[1,2]'::portrange AS r");
    assert.strictEqual(r.p, 8080);
    assert.strictEqual(r.r.toString(), '[1,3)');
  } finally {
    await pool.end();
    pg.types.setTypeParser(oids.port, 'text', saved[0]);
    pg.types.setTypeParser(oids.portrange, 'text', saved[1]);
  }
});

// ------------------------------------------------------------ parsers alone

test('node_parsers_text', () => {
  assert.strictEqual(parsers.parsePortRange('[0,)').lastPort(), 65535);
  assert.strictEqual(parsers.parsePortRange('(21,23]').firstPort(), 22);
  assert.strictEqual(parsers.parsePortRange('(21,23]').lastPort(), 23);
  assert.throws(() => parsers.parsePortRange('22-23'));
  assert.deepStrictEqual(parsers.parsePortMultirange('{}').ranges, []);
  assert.strictEqual(parsers.parsePortMultirange('{[1,2),[5,)}').toString(), '{[1,2),[5,)}');
  assert.throws(() => parsers.parsePortArray('{{1,2},{3,4}}'));
});

test('node_parsers_binary', () => {
  const range = (flags, lo, hi) => {
    const parts = [Buffer.from([flags])];
    for (const b of [lo, hi]) if (b !== null) { const x = Buffer.alloc(6); x.writeInt32BE(2, 0); x.writeUInt16BE(b, 4); parts.push(x); }
    return Buffer.concat(parts);
  };
  for (let p = 0; p < 65536; p += 257) {
    const b = Buffer.alloc(2); b.writeUInt16BE(p, 0);
    assert.strictEqual(parsers.parsePortBinary(b), p);
  }
  assert.throws(() => parsers.parsePortBinary(Buffer.from([1, 2, 3])));
  assert.strictEqual(parsers.parsePortRangeBinary(range(0x02, 443, 444)).toString(), '[443,444)');
  assert.strictEqual(parsers.parsePortRangeBinary(range(0x12, 1024, null)).toString(), '[1024,)');
  assert.strictEqual(parsers.parsePortRangeBinary(Buffer.from([1])).empty, true);
  assert.throws(() => parsers.parsePortRangeBinary(Buffer.concat([range(0x02, 1, 2), Buffer.from([0])])));
});

// ------------------------------------------------------------ run

(async () => {
  let passed = 0;
  let failed = 0;
  console.log(`# node ${process.version}, pg ${require('pg/package.json').version}`);
  try {
    plain = new pg.Client();
    await plain.connect();
    await plain.query('CREATE EXTENSION IF NOT EXISTS portrange');
    client = new pg.Client();
    await client.connect();
    await portrange.register(client);
  } catch (e) {
    console.log(`not ok node_connect\n# ${e.stack.split('\n').join('\n# ')}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  for (const [name, fn] of tests) {
    try {
      await fn();
      console.log(`ok ${name}`);
      passed++;
    } catch (e) {
      console.log(`not ok ${name}\n# ${String(e.stack || e).split('\n').join('\n# ')}`);
      failed++;
    }
  }
  await client.end();
  await plain.end();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
