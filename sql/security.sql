--
-- The extension is trusted: an ordinary user with CREATE on the database
-- can install it.  Its script must not be hijackable by objects that user
-- planted in the target schema or on the search_path, and the user must
-- not be able to alter what the extension owns.
--
DROP EXTENSION portrange CASCADE;
CREATE ROLE regress_portrange_user LOGIN;
SELECT format('GRANT CREATE ON DATABASE %I TO regress_portrange_user', current_database()) \gexec

SET ROLE regress_portrange_user;
CREATE SCHEMA hostile;

-- look-alikes of every PostgreSQL function and operator the script uses;
-- each raises an error if it is ever called
CREATE FUNCTION hostile.trap() RETURNS bool LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'hijacked'; END $$;
CREATE FUNCTION hostile.hashint4(int4) RETURNS int4 LANGUAGE plpgsql AS
$$ BEGIN PERFORM hostile.trap(); RETURN 0; END $$;
CREATE FUNCTION hostile.hashint4extended(int4, int8) RETURNS int8 LANGUAGE plpgsql AS
$$ BEGIN PERFORM hostile.trap(); RETURN 0; END $$;
CREATE FUNCTION hostile.btint4cmp(int4, int4) RETURNS int4 LANGUAGE plpgsql AS
$$ BEGIN PERFORM hostile.trap(); RETURN 0; END $$;
CREATE FUNCTION hostile.btequalimage(oid) RETURNS bool LANGUAGE plpgsql AS
$$ BEGIN PERFORM hostile.trap(); RETURN true; END $$;
CREATE FUNCTION hostile.eqsel(internal, oid, internal, int4) RETURNS float8
	AS 'eqsel' LANGUAGE internal;
CREATE FUNCTION hostile.int4eq_trap(int4, int4) RETURNS bool LANGUAGE plpgsql AS
$$ BEGIN PERFORM hostile.trap(); RETURN true; END $$;
CREATE OPERATOR hostile.= (LEFTARG = int4, RIGHTARG = int4, FUNCTION = hostile.int4eq_trap);
CREATE OPERATOR hostile.< (LEFTARG = int4, RIGHTARG = int4, FUNCTION = hostile.int4eq_trap);
CREATE OPERATOR hostile.<> (LEFTARG = int4, RIGHTARG = int4, FUNCTION = hostile.int4eq_trap);

-- install into the planted schema, with it first on the search_path
SET search_path = hostile, public;
CREATE EXTENSION portrange SCHEMA hostile;

SELECT extname, extowner::regrole, extnamespace::regnamespace, extversion
FROM pg_extension WHERE extname = 'portrange';

-- no member of the extension, nor anything they are built from, refers to
-- the planted objects
WITH planted(classid, objid) AS (
	SELECT 'pg_proc'::regclass, oid FROM pg_proc
	WHERE pronamespace = 'hostile'::regnamespace AND proname IN
	      ('trap', 'hashint4', 'hashint4extended', 'btint4cmp', 'btequalimage', 'eqsel', 'int4eq_trap')
	UNION ALL
	SELECT 'pg_operator'::regclass, oid FROM pg_operator
	WHERE oprnamespace = 'hostile'::regnamespace
	  AND oprleft = 'int4'::regtype AND oprright = 'int4'::regtype)
SELECT count(*) AS references_to_planted_objects
FROM pg_depend d
WHERE (d.refclassid, d.refobjid) IN (SELECT * FROM planted)
  AND (d.classid, d.objid) NOT IN (SELECT * FROM planted);
SELECT count(*) AS opfamily_members_from_planted_schema
FROM pg_amop a JOIN pg_operator o ON o.oid = a.amopopr
WHERE o.oprnamespace = 'hostile'::regnamespace
  AND o.oprleft = 'int4'::regtype AND o.oprright = 'int4'::regtype;
SELECT count(*) AS support_functions_from_planted_schema
FROM pg_amproc a JOIN pg_proc p ON p.oid = a.amproc
WHERE p.pronamespace = 'hostile'::regnamespace AND p.proname <> 'port_sortsupport'
  AND p.proname NOT LIKE 'port%' AND p.proname NOT LIKE 'int%port%' AND p.proname <> 'in_range'
  AND p.proname NOT LIKE 'endpoint%';

-- everything works and nothing planted is called
CREATE TABLE hostile.t (p hostile.port, k hostile.nonzero_port);
INSERT INTO hostile.t SELECT g, g + 1 FROM generate_series(0, 999) g;
CREATE INDEX ON hostile.t USING hash (p);
CREATE INDEX ON hostile.t (p);
SELECT count(*), min(p), max(p), count(DISTINCT p) FROM hostile.t WHERE p < 1024 AND p <> 7;
SELECT port_class(443), is_well_known(80), '22'::port + 1;

-- the ordinary user owns the extension but not its objects, which belong
-- to the bootstrap superuser: they cannot be altered or dropped
SELECT count(*) AS objects_owned_by_user FROM pg_proc
WHERE pronamespace = 'hostile'::regnamespace AND proowner = 'regress_portrange_user'::regrole
  AND proname NOT IN ('trap', 'hashint4', 'hashint4extended', 'btint4cmp', 'btequalimage',
                      'eqsel', 'int4eq_trap');
CREATE FUNCTION try_expr(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ' ' || SQLERRM;
END $$;
SELECT q, try_expr(q) FROM unnest(ARRAY[
	'ALTER FUNCTION hostile.is_well_known(hostile.port) RENAME TO x',
	'DROP FUNCTION hostile.is_well_known(hostile.port)',
	'ALTER DOMAIN hostile.nonzero_port DROP CONSTRAINT nonzero_port_check',
	'ALTER TYPE hostile.port_class ADD VALUE ''other''',
	'ALTER OPERATOR FAMILY hostile.port_ops USING btree DROP OPERATOR 1 (hostile.port, int4)',
	'COMMENT ON TYPE hostile.port IS ''mine''',
	'DELETE FROM hostile.service_registry WHERE port_low = 443',
	'UPDATE hostile.service_defacto SET service_name = ''evil''',
	'SELECT hostile.registry_refresh()'
]) q;

-- and may drop the extension it installed
DROP TABLE hostile.t;
DROP EXTENSION portrange;
RESET search_path;
DROP SCHEMA hostile CASCADE;
RESET ROLE;
SELECT format('REVOKE CREATE ON DATABASE %I FROM regress_portrange_user', current_database()) \gexec
DROP ROLE regress_portrange_user;

-- leave the extension installed for the tests that follow
CREATE EXTENSION portrange;
