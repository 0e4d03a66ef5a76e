--
-- Comparison operators, hashing and aggregates.
--

-- every comparison, port against port and against each integer type, both
-- ways, agrees with the same comparison on int8
CREATE TABLE ops_v AS
SELECT v FROM unnest(ARRAY[0, 1, 1023, 1024, 32767, 32768, 49151, 49152, 65534, 65535]) v;
CREATE TABLE ops_w AS
SELECT w FROM unnest(ARRAY[-9223372036854775808, -2147483648, -32768, -1, 0, 1,
                           1023, 1024, 32767, 32768, 49151, 49152, 65535, 65536,
                           2147483647, 9223372036854775807]::int8[]) w;

SELECT 'port x port' AS pair, count(*) AS cases,
  count(*) FILTER (WHERE (a.v::port = b.v::port) = (a.v = b.v)
                     AND (a.v::port <> b.v::port) = (a.v <> b.v)
                     AND (a.v::port < b.v::port) = (a.v < b.v)
                     AND (a.v::port <= b.v::port) = (a.v <= b.v)
                     AND (a.v::port > b.v::port) = (a.v > b.v)
                     AND (a.v::port >= b.v::port) = (a.v >= b.v)
                     AND port_cmp(a.v::port, b.v::port) = btint4cmp(a.v, b.v)) AS agree
FROM ops_v a, ops_v b
UNION ALL
SELECT 'port x int8', count(*),
  count(*) FILTER (WHERE (v::port = w) = (v = w) AND (v::port <> w) = (v <> w)
                     AND (v::port < w) = (v < w) AND (v::port <= w) = (v <= w)
                     AND (v::port > w) = (v > w) AND (v::port >= w) = (v >= w)
                     AND (w = v::port) = (w = v) AND (w <> v::port) = (w <> v)
                     AND (w < v::port) = (w < v) AND (w <= v::port) = (w <= v)
                     AND (w > v::port) = (w > v) AND (w >= v::port) = (w >= v)
                     AND port_int8_cmp(v::port, w) = btint48cmp(v, w)
                     AND int8_port_cmp(w, v::port) = btint84cmp(w, v))
FROM ops_v, ops_w
UNION ALL
SELECT 'port x int4', count(*),
  count(*) FILTER (WHERE (v::port = w::int4) = (v = w) AND (v::port <> w::int4) = (v <> w)
                     AND (v::port < w::int4) = (v < w) AND (v::port <= w::int4) = (v <= w)
                     AND (v::port > w::int4) = (v > w) AND (v::port >= w::int4) = (v >= w)
                     AND (w::int4 = v::port) = (w = v) AND (w::int4 <> v::port) = (w <> v)
                     AND (w::int4 < v::port) = (w < v) AND (w::int4 <= v::port) = (w <= v)
                     AND (w::int4 > v::port) = (w > v) AND (w::int4 >= v::port) = (w >= v)
                     AND port_int4_cmp(v::port, w::int4) = btint4cmp(v, w::int4)
                     AND int4_port_cmp(w::int4, v::port) = btint4cmp(w::int4, v))
FROM ops_v, ops_w WHERE w BETWEEN -2147483648 AND 2147483647
UNION ALL
SELECT 'port x int2', count(*),
  count(*) FILTER (WHERE (v::port = w::int2) = (v = w) AND (v::port <> w::int2) = (v <> w)
                     AND (v::port < w::int2) = (v < w) AND (v::port <= w::int2) = (v <= w)
                     AND (v::port > w::int2) = (v > w) AND (v::port >= w::int2) = (v >= w)
                     AND (w::int2 = v::port) = (w = v) AND (w::int2 <> v::port) = (w <> v)
                     AND (w::int2 < v::port) = (w < v) AND (w::int2 <= v::port) = (w <= v)
                     AND (w::int2 > v::port) = (w > v) AND (w::int2 >= v::port) = (w >= v)
                     AND port_int2_cmp(v::port, w::int2) = btint42cmp(v, w::int2)
                     AND int2_port_cmp(w::int2, v::port) = btint24cmp(w::int2, v))
FROM ops_v, ops_w WHERE w BETWEEN -32768 AND 32767
ORDER BY pair;

-- NULLs: the operators are strict
SELECT NULL::port = 1, 1::port < NULL::int4, NULL::port IS NULL;

-- ordering of all 65536 values equals integer ordering, in memory sorts
-- (sort support) and through the comparison function
SELECT bool_and(p::int4 = rn - 1) AS sorted_like_int4
FROM (SELECT p, row_number() OVER (ORDER BY p) AS rn
      FROM (SELECT g::port AS p FROM generate_series(65535, 0, -1) g) s) o;
SELECT (array_agg(p ORDER BY p DESC))[1:3] AS top3,
       (array_agg(p ORDER BY p))[1:3] AS bottom3
FROM (SELECT g::port AS p FROM generate_series(0, 65535) g) s;

-- hashing equals int4's (and int2's and int8's) for every value, so a
-- hash join between port and integer columns is correct
SELECT count(*) AS values,
       count(*) FILTER (WHERE port_hash(g::port) = hashint4(g)) AS hash_eq_int4,
       count(*) FILTER (WHERE port_hash(g::port) = hashint8(g)) AS hash_eq_int8,
       count(*) FILTER (WHERE port_hash_extended(g::port, 0) = hashint4extended(g, 0)
                          AND port_hash_extended(g::port, 42) = hashint4extended(g, 42)
                          AND port_hash_extended(g::port, -1) = hashint8extended(g, -1))
         AS extended_eq
FROM generate_series(0, 65535) g;
SELECT count(*) AS hash_eq_int2 FROM generate_series(0, 32767) g
WHERE port_hash(g::port) = hashint2(g::int2);

-- aggregates
SELECT min(p), max(p), count(DISTINCT p), sum(p), avg(p)::numeric(10,2)
FROM unnest(ARRAY[443, 80, 65535, 0, 22, 80]::port[]) p;
SELECT min(p), max(p) FROM unnest(ARRAY[]::port[]) p;
SELECT port_smaller('1', '65535'), port_larger('1', '65535'), port_larger('32768', '32767');

-- DISTINCT, GROUP BY and UNION use hashing and sorting alike
SELECT p, count(*) FROM unnest(ARRAY[443, 80, 443, 65535, 32768, 32768]::port[]) p
GROUP BY p ORDER BY p;
SELECT DISTINCT p FROM unnest(ARRAY[65535, 1, 65535, 40000, 1]::port[]) p ORDER BY 1;

DROP TABLE ops_v, ops_w;
