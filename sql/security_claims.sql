--
-- The claims of doc/security.md that no other test covers: what the install
-- scripts contain, how much of the input an error message quotes, which
-- SQLSTATE class bad input gets, and what DROP EXTENSION ... CASCADE by the
-- user who installed the extension does to other users' objects.
--
-- The install scripts, as installed: no CREATE OR REPLACE, and
-- @extschema@ never inside a string literal (comments stripped first).
-- 1.0's 1,264 references to @extschema@ are on 802 lines.
WITH f AS (
	SELECT v AS file,
		   pg_read_file((SELECT setting FROM pg_config WHERE name = 'SHAREDIR')
						|| '/extension/' || v) AS body
	FROM unnest(ARRAY['portrange--1.0.sql', 'portrange--1.0--1.1.sql']) v
), code AS (
	SELECT file, body, regexp_replace(body, '--[^\n]*', '', 'g') AS sql FROM f
)
SELECT file,
	   (SELECT count(*) FROM regexp_matches(sql, 'OR\s+REPLACE', 'gi')) AS or_replace,
	   (SELECT count(*) FROM regexp_matches(sql, '''[^'']*''', 'g') m
		WHERE m[1] LIKE '%@extschema@%') AS extschema_in_literal,
	   CASE WHEN file = 'portrange--1.0.sql' THEN
		   (SELECT count(*) FROM regexp_matches(body, '@extschema@', 'g')) END AS refs,
	   CASE WHEN file = 'portrange--1.0.sql' THEN
		   (SELECT count(*) FROM regexp_split_to_table(body, '\n') l WHERE l LIKE '%@extschema@%') END AS lines
FROM code ORDER BY file;

CREATE FUNCTION err(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	m text;
	d text;
	h text;
BEGIN
	EXECUTE q;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS m = MESSAGE_TEXT, d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
	RETURN SQLSTATE || ' ' || m || ' | ' || d || ' | ' || h;
END $$;

-- Every text argument the extension parses, given a 300-character token
-- ('q' x 300, or 9 x 300 where a number is due).  "longest" is the longest
-- run of the token that the message, DETAIL and HINT quote together: at
-- most 40 characters (port_shorten_input), with "..." after a cut.  The
-- exceptions are portrange and portmultirange literals whose outer syntax
-- is wrong: PostgreSQL's own range_in()/multirange_in() reject them and
-- quote the whole input, as they do for int4range.  (A bad bound inside a
-- well-formed literal reaches port_in and is cut to 40.)
CREATE TABLE calls (q text);
INSERT INTO calls VALUES
	($q$SELECT repeat('q', 300)::port$q$),
	($q$SELECT repeat('q', 63)::port$q$),					-- the longest name token
	($q$SELECT repeat('9', 300)::port$q$),
	($q$SELECT parse_ports(repeat('q', 300))$q$),
	($q$SELECT parse_ports('80,' || repeat('q', 300))$q$),
	($q$SELECT parse_ports('80-' || repeat('9', 300))$q$),
	($q$SELECT parse_portrange(repeat('q', 300))$q$),
	($q$SELECT parse_portrange('[' || repeat('q', 300))$q$),
	($q$SELECT to_firewall('{[1,2)}'::portmultirange, repeat('q', 300))$q$),
	($q$SELECT is_ephemeral(80, repeat('q', 300))$q$),
	($q$SELECT ephemeral_ports(repeat('q', 300))$q$),
	($q$SELECT ('[1,' || repeat('q', 300) || ']')::portrange$q$),
	($q$SELECT ('{[1,' || repeat('q', 300) || ']}')::portmultirange$q$),
	($q$SELECT repeat('q', 300)::portrange$q$),
	($q$SELECT repeat('q', 300)::portmultirange$q$);

SELECT q, left(e, 5) AS sqlstate,
	   (SELECT max(length(m[1])) FROM regexp_matches(e, '(q+|9{2,})', 'g') m) AS longest,
	   e LIKE '%...%' AS cut
FROM calls, err(q) e;

-- the DETAIL of a port literal repeats the service-name token, cut to 40
-- characters like the message (it used to repeat up to 63)
SELECT err($q$SELECT repeat('q', 63)::port$q$);

-- Bad text input is class 22 (data exception) for every input function
-- and parser above; hostile_input checks 6,009 more strings, binary_input
-- the binary forms.  One exception, inherited from PostgreSQL's range
-- code: the bound-flags argument of the range constructors is checked by
-- core's range_parse_flags(), which says 42601 (syntax_error), as for
-- int4range(1, 2, 'x').
SELECT DISTINCT left(e, 2) AS class FROM calls, err(q) e;
SELECT err($q$SELECT portrange(1, 2, 'x')$q$),
	   err($q$SELECT portrange(1::port, 2::port, 'x')$q$),
	   err($q$SELECT int4range(1, 2, 'x')$q$);
DROP TABLE calls;

--
-- DROP EXTENSION portrange CASCADE by the user who installed it.  The
-- extension is trusted, so any user with CREATE on the database may install
-- it and then owns it.  Other users may use its types in their tables.
-- PostgreSQL checks ownership only of the object named in DROP: CASCADE
-- then drops every dependent object, whoever owns it -- columns of these
-- types, views, functions, indexes -- and a table keeps only its other
-- columns.  Without CASCADE the DROP fails (2BP01) and names them.
--
DROP EXTENSION portrange;
CREATE ROLE regress_pr_installer LOGIN;
CREATE ROLE regress_pr_other LOGIN;
SELECT format('GRANT CREATE ON DATABASE %I TO regress_pr_installer', current_database()) \gexec
GRANT CREATE ON SCHEMA public TO regress_pr_other;

SET ROLE regress_pr_installer;
CREATE EXTENSION portrange;
RESET ROLE;
SELECT extowner::regrole FROM pg_extension WHERE extname = 'portrange';

SET ROLE regress_pr_other;
CREATE TABLE other_flows (id int, dst_port port, rule portrange, rules portmultirange,
						  cls port_class, note text);
INSERT INTO other_flows VALUES (1, 443, '[80,90)', '{[22,23)}', 'well-known', 'kept'),
							   (2, 8080, '[1024,)', '{}', 'registered', 'kept too');
CREATE INDEX other_flows_dst ON other_flows (dst_port);
CREATE INDEX other_flows_note ON other_flows (note);
CREATE VIEW other_view AS SELECT id, dst_port FROM other_flows;
CREATE FUNCTION other_fn(p port) RETURNS int LANGUAGE sql RETURN p::int;
CREATE TABLE other_plain (id int CHECK (id::port > 0));
RESET ROLE;

SET ROLE regress_pr_installer;
\set VERBOSITY terse
DROP EXTENSION portrange;
SET client_min_messages = warning;
DROP EXTENSION portrange CASCADE;
RESET client_min_messages;
\set VERBOSITY default
RESET ROLE;

-- what is left of regress_pr_other's objects: the tables, without the
-- columns of the extension's types; the index on a dropped column, the
-- view, the function and the CHECK constraint are gone
SELECT attname FROM pg_attribute
WHERE attrelid = 'other_flows'::regclass AND attnum > 0 AND NOT attisdropped
ORDER BY attnum;
SELECT * FROM other_flows ORDER BY id;
SELECT c.relname, c.relkind, c.relowner::regrole FROM pg_class c
WHERE c.relname LIKE 'other%' ORDER BY 1;
SELECT (SELECT count(*) FROM pg_proc WHERE proname = 'other_fn') AS other_fn,
	   (SELECT count(*) FROM pg_constraint WHERE conrelid = 'other_plain'::regclass) AS other_plain_checks;

DROP TABLE other_flows, other_plain;
REVOKE CREATE ON SCHEMA public FROM regress_pr_other;
SELECT format('REVOKE CREATE ON DATABASE %I FROM regress_pr_installer', current_database()) \gexec
DROP ROLE regress_pr_installer, regress_pr_other;
DROP FUNCTION err(text);

-- leave the extension installed for the tests that follow
CREATE EXTENSION portrange;
