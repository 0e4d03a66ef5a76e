--
-- COPY ... WITH (ON_ERROR ignore) (PostgreSQL 17 and later) skips the rows
-- whose values a type's input rejects softly: exactly the bad rows.  This
-- test runs on 17+ only (see the Makefile).
--
CREATE TABLE coe_flows (id int, src_port port, dst_port port, rule portrange);
COPY coe_flows FROM STDIN WITH (FORMAT csv, ON_ERROR ignore);
1,51234,443,"[1024,65535]"
2,70000,443,"[1024,65535]"
3,51235,ssh,"[22,22]"
4,51236,no-such-service,"[22,22]"
5,-1,80,"[80,81)"
6,51237,80,"[80,70000]"
7,51238,8080,"[8000,8100]"
8,51239,4x,"[0,1)"
\.
-- rows 1, 3 and 7 load; 2, 4, 5, 6 and 8 are skipped
SELECT id, src_port, dst_port, rule FROM coe_flows ORDER BY id;
SELECT count(*) AS loaded FROM coe_flows;
DROP TABLE coe_flows;
