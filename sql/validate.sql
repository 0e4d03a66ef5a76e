--
-- The extension installs cleanly, its operator classes validate, and its
-- catalog entries have the properties the documentation promises.
--
CREATE EXTENSION portrange;

-- amvalidate() checks every operator class for missing or ill-typed members
SELECT opc.opcname, am.amname, amvalidate(opc.oid)
FROM pg_opclass opc
JOIN pg_am am ON am.oid = opc.opcmethod
JOIN pg_depend d ON d.classid = 'pg_opclass'::regclass AND d.objid = opc.oid
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'portrange'
ORDER BY 1, 2;

-- the physical layout of port
SELECT typname, typlen, typbyval, typalign, typstorage, typcategory, typispreferred
FROM pg_type WHERE oid = 'port'::regtype;

-- Every function of the extension is IMMUTABLE, STRICT and PARALLEL SAFE,
-- except these: the portrange constructors take NULL for an unbounded end;
-- port_services() reads the registry table and the restriction estimators
-- (portrange_contsel, endpoint_network_sel) read statistics (STABLE);
-- registry_refresh() rewrites the tables; the support functions of
-- range_agg(port) and percentile_cont(... ORDER BY port) start from a NULL
-- state and skip NULL inputs (not STRICT); portrange_search_path_ok()
-- depends on search_path (STABLE); registry_changes() reads the tables
-- (STABLE); port_services(portproto) reads them too; flow_service_*(),
-- parse_service_spec() take NULL for "no protocol / OS / default given",
-- and matches_ports() is an inlinable SQL expression (not STRICT).
-- Any other function showing up here is a bug.
SELECT p.oid::regprocedure, p.provolatile, p.proisstrict, p.proparallel
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'portrange'
WHERE p.prokind = 'f'
  AND (p.provolatile <> 'i' OR NOT p.proisstrict OR p.proparallel <> 's')
ORDER BY p.oid::regprocedure::text;

-- The LEAKPROOF functions: each cannot fail for any input.
SELECT p.oid::regprocedure
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'portrange'
WHERE p.proleakproof
ORDER BY p.oid::regprocedure::text;

-- Every member object has a comment (this lists the ones without: none)
-- (extension_members() is setup.sql's: members without implicit array and
-- row types, which only 17+ records)
SELECT pg_describe_object(m.classid, m.objid, m.objsubid) AS uncommented
FROM extension_members('portrange') m
WHERE obj_description(m.objid, m.classid::text) IS NULL
ORDER BY 1;

-- how many objects of each kind the extension owns
SELECT m.classid AS catalog, count(*)
FROM extension_members('portrange') m
GROUP BY 1 ORDER BY m.classid::text;

-- Every comparison and + has a commutator, every comparison a negator and
-- estimators; equality merges and hashes.
SELECT o.oid::regoperator, o.oprcom <> 0 AS has_commutator,
       o.oprnegate <> 0 AS has_negator, o.oprrest::text, o.oprjoin::text,
       o.oprcanmerge, o.oprcanhash
FROM pg_operator o
JOIN pg_depend d ON d.classid = 'pg_operator'::regclass AND d.objid = o.oid
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'portrange'
ORDER BY o.oprname, o.oprleft::regtype::text, o.oprright::regtype::text;

-- Nothing was added to PostgreSQL's own integer operator families
SELECT count(*) AS added_to_core_families
FROM pg_amop a
JOIN pg_opfamily f ON f.oid = a.amopfamily
WHERE f.opfname IN ('integer_ops')
  AND ('port'::regtype IN (a.amoplefttype, a.amoprighttype));

-- pg_dump prints an unnamed parameter of a SQL-standard body as "" when
-- other parameters of the function have names, and such a dump cannot be
-- restored (pg_upgrade fails on it): no function of the extension is like
-- that
SELECT p.oid::regprocedure AS half_named
FROM extension_members('portrange') m
JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
WHERE p.prosqlbody IS NOT NULL
  AND '' = ANY (p.proargnames)
  AND EXISTS (SELECT FROM unnest(p.proargnames) n WHERE n <> '');
