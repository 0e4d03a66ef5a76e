-- tools/pg_upgrade_repair.sql -- after pg_upgrade, give the portrange
-- extension back the objects that CREATE TYPE ... AS RANGE made for it.
--
--   psql -X -v ON_ERROR_STOP=1 -f tools/pg_upgrade_repair.sql DBNAME
--
-- Run it in every database that has the extension, as the extension's
-- owner (or a superuser), once after pg_upgrade.  It is safe to run again:
-- an object that is still a member is left alone.  doc/pg_upgrade.md says
-- why this is needed: pg_upgrade (pg_dump --binary-upgrade) re-creates the
-- range type portrange, but the multirange type, the constructors and the
-- range-to-multirange cast that come with it lose their extension
-- membership (on 15 -> 15: all seven) or only their comments (18 -> 19:
-- the multirange type stays a member, the rest are detached).
DO $repair$
DECLARE
	ext_oid oid;
	ext_schema text;
	obj record;
BEGIN
	SELECT e.oid, quote_ident(n.nspname) INTO ext_oid, ext_schema
	FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
	WHERE e.extname = 'portrange';
	IF ext_oid IS NULL THEN
		RAISE NOTICE 'portrange is not installed in this database';
		RETURN;
	END IF;
	FOR obj IN
		SELECT * FROM (VALUES
			('pg_type'::regclass, format('%s.portmultirange', ext_schema)::regtype::oid,
			 format('TYPE %s.portmultirange', ext_schema), 'set of port ranges'),
			('pg_proc'::regclass, format('%s.portrange(%1$s.port, %1$s.port)', ext_schema)::regprocedure::oid,
			 format('FUNCTION %s.portrange(%1$s.port, %1$s.port)', ext_schema), 'portrange from bounds, [)'),
			('pg_proc'::regclass, format('%s.portrange(%1$s.port, %1$s.port, text)', ext_schema)::regprocedure::oid,
			 format('FUNCTION %s.portrange(%1$s.port, %1$s.port, text)', ext_schema), 'portrange from bounds and flags'),
			('pg_proc'::regclass, format('%s.portmultirange()', ext_schema)::regprocedure::oid,
			 format('FUNCTION %s.portmultirange()', ext_schema), 'empty portmultirange'),
			('pg_proc'::regclass, format('%s.portmultirange(%1$s.portrange)', ext_schema)::regprocedure::oid,
			 format('FUNCTION %s.portmultirange(%1$s.portrange)', ext_schema), 'portmultirange of one range'),
			('pg_proc'::regclass, format('%s.portmultirange(%1$s.portrange[])', ext_schema)::regprocedure::oid,
			 format('FUNCTION %s.portmultirange(%1$s.portrange[])', ext_schema), 'portmultirange of ranges'),
			('pg_cast'::regclass,
			 (SELECT c.oid FROM pg_cast c
			  WHERE c.castsource = format('%s.portrange', ext_schema)::regtype
				AND c.casttarget = format('%s.portmultirange', ext_schema)::regtype),
			 format('CAST (%s.portrange AS %1$s.portmultirange)', ext_schema), 'a range as a set of one range')
		) AS v(classid, objid, ident, comment)
	LOOP
		IF NOT EXISTS (SELECT FROM pg_depend d
					   WHERE d.classid = obj.classid AND d.objid = obj.objid
						 AND d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext_oid
						 AND d.deptype = 'e') THEN
			RAISE NOTICE 'portrange: re-attaching %', obj.ident;
			EXECUTE format('ALTER EXTENSION portrange ADD %s', obj.ident);
		END IF;
		IF obj_description(obj.objid, obj.classid::text) IS DISTINCT FROM obj.comment THEN
			EXECUTE format('COMMENT ON %s IS %L', obj.ident, obj.comment);
		END IF;
	END LOOP;

	-- 1.1's binary input functions for the range types (portrange_recv,
	-- portmultirange_recv): pg_upgrade re-creates the types from CREATE
	-- TYPE ... AS RANGE, which puts core's range_recv()/multirange_recv()
	-- back.  Setting them again is a catalog update: superusers only.
	IF EXISTS (SELECT FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass
			   AND d.objid = p.oid AND d.refclassid = 'pg_extension'::regclass
			   AND d.refobjid = ext_oid AND d.deptype = 'e'
			   WHERE p.proname IN ('portrange_recv', 'portmultirange_recv')) THEN
		IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
			UPDATE pg_type t
			SET typreceive = p.oid
			FROM pg_proc p, pg_depend d
			WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
			  AND d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext_oid
			  AND d.deptype = 'e'
			  AND p.pronamespace = t.typnamespace
			  AND ((t.typname = 'portrange' AND p.proname = 'portrange_recv')
				   OR (t.typname = 'portmultirange' AND p.proname = 'portmultirange_recv'))
			  AND t.typreceive <> p.oid;
			IF FOUND THEN
				RAISE NOTICE 'portrange: binary input of portrange and portmultirange set back to portrange_recv/portmultirange_recv';
			END IF;
		ELSE
			RAISE WARNING 'portrange: run this script as a superuser too, to set the binary input functions of portrange and portmultirange back (doc/pg_upgrade.md)';
		END IF;
	END IF;
END
$repair$;
