set -e
. tools/pglib.sh
PG_CONFIG=/usr/lib/postgresql/19/bin/pg_config; PG_BINDIR=/usr/lib/postgresql/19/bin
make -s PG_CONFIG=$PG_CONFIG install >/dev/null 2>&1
pglib_start_server /tmp/pwj 56900 2>/dev/null
psql -X -q -d postgres <<'SQL'
CREATE EXTENSION portrange;
CREATE TABLE flows_all AS SELECT g AS id, (hashint4(g) & 65535)::port AS dst_port FROM generate_series(1,30000) g;
CREATE TABLE flows_h (LIKE flows_all) PARTITION BY HASH (dst_port);
CREATE TABLE flows_h_0 PARTITION OF flows_h FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE flows_h_1 PARTITION OF flows_h FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE flows_h_2 PARTITION OF flows_h FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE flows_h_3 PARTITION OF flows_h FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO flows_h SELECT * FROM flows_all; ANALYZE flows_h;
CREATE TABLE services_h (port port PRIMARY KEY, name text) PARTITION BY HASH (port);
CREATE TABLE services_h_0 PARTITION OF services_h FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE services_h_1 PARTITION OF services_h FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE services_h_2 PARTITION OF services_h FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE services_h_3 PARTITION OF services_h FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO services_h SELECT p, port_service(p) FROM generate_series(0, 65535) p WHERE port_service(p) IS NOT NULL;
ANALYZE services_h;
-- int4 control
CREATE TABLE fi (id int, dst_port int) PARTITION BY HASH (dst_port);
CREATE TABLE fi0 PARTITION OF fi FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE fi1 PARTITION OF fi FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE fi2 PARTITION OF fi FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE fi3 PARTITION OF fi FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO fi SELECT id, dst_port FROM flows_all; ANALYZE fi;
CREATE TABLE si (port int PRIMARY KEY, name text) PARTITION BY HASH (port);
CREATE TABLE si0 PARTITION OF si FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE si1 PARTITION OF si FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE si2 PARTITION OF si FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE si3 PARTITION OF si FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO si SELECT port, name FROM services_h; ANALYZE si;
SET enable_partitionwise_join = on;
EXPLAIN (COSTS ON) SELECT s.name, count(*) FROM flows_h f JOIN services_h s ON s.port = f.dst_port GROUP BY 1;
EXPLAIN (COSTS ON) SELECT s.name, count(*) FROM fi f JOIN si s ON s.port = f.dst_port GROUP BY 1;
SET enable_partitionwise_aggregate = on;
EXPLAIN (COSTS OFF) SELECT f.dst_port, count(*) FROM flows_h f JOIN services_h s ON s.port = f.dst_port GROUP BY 1;
SQL
runuser -u postgres -- $PG_BINDIR/pg_ctl -D /tmp/pwj/data stop -m fast >/dev/null
