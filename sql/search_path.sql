--
-- The extension in a schema that is not on search_path: dst_port = 443
-- still runs, but as int4 = int4 through the implicit cast port -> int4,
-- and a btree index on dst_port is not used.  portrange_search_path_ok()
-- says so, loudly; putting the schema on search_path (or qualifying the
-- operator) brings the index back.
--
-- (The extension lives in public here; leaving public off search_path is
-- the same situation as CREATE EXTENSION portrange SCHEMA net.)
--
CREATE SCHEMA sp_app;
CREATE TABLE sp_app.flows (id int, dst_port public.port);
INSERT INTO sp_app.flows SELECT g, g % 65536 FROM generate_series(1, 20000) g;
CREATE INDEX flows_dst_port ON sp_app.flows (dst_port);
ANALYZE sp_app.flows;
SET enable_seqscan = off;

-- with the extension's schema on search_path
SET search_path = sp_app, public;
SELECT portrange_search_path_ok();
SELECT plan_uses_index('SELECT * FROM flows WHERE dst_port = 443', 'flows_dst_port') AS uses_index;

-- without it: a warning that names the fix, and no index
SET search_path = sp_app;
SELECT public.portrange_search_path_ok();
SELECT public.plan_uses_index('SELECT * FROM flows WHERE dst_port = 443', 'flows_dst_port') AS uses_index,
       public.plan_uses_index('SELECT * FROM flows WHERE dst_port < 1024', 'flows_dst_port') AS lt_uses_index;
-- what the comparison became, as a view records it: a cast of dst_port to
-- integer (core's int4 = int4 itself is built in, so not recorded)
CREATE VIEW eq443 AS SELECT dst_port = 443 AS eq FROM flows;
SELECT pg_catalog.pg_describe_object(d.refclassid, d.refobjid, 0) AS depends_on
FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
WHERE d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
  AND r.ev_class = 'eq443'::pg_catalog.regclass
  AND d.refclassid IN ('pg_catalog.pg_proc'::pg_catalog.regclass,
                       'pg_catalog.pg_operator'::pg_catalog.regclass);
DROP VIEW eq443;
SET search_path = sp_app, public;
CREATE VIEW eq443 AS SELECT dst_port = 443 AS eq FROM flows;
SELECT pg_catalog.pg_describe_object(d.refclassid, d.refobjid, 0) AS depends_on
FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
WHERE d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
  AND r.ev_class = 'eq443'::pg_catalog.regclass
  AND d.refclassid IN ('pg_catalog.pg_proc'::pg_catalog.regclass,
                       'pg_catalog.pg_operator'::pg_catalog.regclass);
DROP VIEW eq443;
SET search_path = sp_app;
-- the answer is the same, only slower
SELECT count(*) FROM flows WHERE dst_port = 443;
-- qualifying the operator, or the schema on search_path, uses the index
SELECT public.plan_uses_index('SELECT * FROM flows WHERE dst_port OPERATOR(public.=) 443', 'flows_dst_port') AS qualified_uses_index;

-- a check a deployment can run at connection time: an error, not a warning
DO $$
BEGIN
	IF NOT public.portrange_search_path_ok() THEN
		RAISE EXCEPTION 'portrange is not on search_path';
	END IF;
END $$;

RESET search_path;
RESET enable_seqscan;
DROP SCHEMA sp_app CASCADE;
