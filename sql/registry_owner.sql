--
-- The registry's tables and indexes are safe from the user who installed
-- the (trusted) extension.  In 1.0 a non-superuser who ran
--   CREATE SCHEMA ext; CREATE EXTENSION portrange SCHEMA ext;
-- could DROP INDEX ext.service_registry_name (and _ports, _port_low): the
-- owner of a schema may drop anything in it, and indexes are not extension
-- members, so nothing protected or recreated them.  In 1.1 the tables and
-- their indexes live in the schema portrange_registry, which that user does
-- not own, and ext.service_registry and ext.service_defacto are views,
-- extension members that cannot be dropped on their own.
--
DROP EXTENSION portrange CASCADE;
CREATE ROLE regress_registry_owner LOGIN;
SELECT format('GRANT CREATE ON DATABASE %I TO regress_registry_owner', current_database()) \gexec
-- (the message of a refused REINDEX changed in 17, which checks the
-- MAINTAIN privilege: "must be owner" became "permission denied"; both
-- are 42501, so a refused REINDEX shows its SQLSTATE only)
CREATE FUNCTION try_sql(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || CASE WHEN q LIKE 'REINDEX%' THEN ' (refused)' ELSE ' ' || SQLERRM END;
END $$;

SET SESSION AUTHORIZATION regress_registry_owner;
CREATE SCHEMA ext;
CREATE EXTENSION portrange SCHEMA ext;
SELECT extowner::regrole, extnamespace::regnamespace, extversion
FROM pg_extension WHERE extname = 'portrange';

-- Every way this user could take the registry's indexes or tables away.
-- The first three succeeded in 1.0.
SELECT q, try_sql(q) AS result FROM unnest(ARRAY[
	'DROP INDEX ext.service_registry_name',
	'DROP INDEX ext.service_registry_ports',
	'DROP INDEX ext.service_registry_port_low',
	'DROP INDEX portrange_registry.service_registry_name',
	'DROP INDEX portrange_registry.service_registry_ports',
	'DROP INDEX portrange_registry.service_registry_port_low',
	'DROP INDEX portrange_registry.service_defacto_pkey',
	'DROP VIEW ext.service_registry',
	'DROP VIEW ext.service_defacto',
	'DROP TABLE portrange_registry.service_registry',
	'DROP SCHEMA portrange_registry CASCADE',
	'ALTER VIEW ext.service_registry RENAME TO gone',
	'CREATE OR REPLACE VIEW ext.service_registry AS SELECT 1 AS port_low',
	'ALTER TABLE portrange_registry.service_registry DROP COLUMN ports',
	'REINDEX TABLE portrange_registry.service_registry',
	'TRUNCATE portrange_registry.service_registry',
	'CREATE TABLE portrange_registry.mine (i int)',
	'ALTER EXTENSION portrange DROP VIEW ext.service_registry'
]) q;

-- so all the indexes are still there, and name and port lookups use them
SELECT c.relname AS index_name, i.indrelid::regclass AS on_table
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid IN ('portrange_registry.service_registry'::regclass,
                     'portrange_registry.service_defacto'::regclass)
ORDER BY 1;
SET enable_seqscan = off;
SELECT public.plan_uses_index(
	'SELECT * FROM ext.service_registry WHERE lower(service_name) = ''https'' AND protocol = ''tcp''',
	'service_registry_name') AS name_index,
       EXISTS (SELECT 1 FROM public.plan_scans(
	'SELECT * FROM ext.service_registry WHERE ports OPERATOR(ext.@>) 443::ext.port') s
               WHERE s LIKE '% service_registry_ports cond') AS ports_index;
RESET enable_seqscan;
SELECT ext.port_service(443) AS https, ext.service_port('ssh') AS ssh,
       (SELECT count(*) FROM ext.port_services(80)) AS entries_for_80;

-- the user may still read the registry, and drop the extension as a whole
SELECT count(*) > 14000 AS can_read FROM ext.service_registry;
DROP EXTENSION portrange;
SELECT count(*) AS registry_schemas_left FROM pg_namespace WHERE nspname = 'portrange_registry';
DROP SCHEMA ext;
RESET SESSION AUTHORIZATION;
SELECT format('REVOKE CREATE ON DATABASE %I FROM regress_registry_owner', current_database()) \gexec
DROP ROLE regress_registry_owner;
DROP FUNCTION try_sql(text);

-- leave the extension installed for the tests that follow
CREATE EXTENSION portrange;
