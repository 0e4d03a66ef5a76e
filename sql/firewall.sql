--
-- Port sets in firewall tools' syntax: parse_ports(), parse_portrange(),
-- to_firewall().  doc/firewall-syntax.md documents every form.
--
CREATE FUNCTION try_expr(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
	EXECUTE q INTO r;
	RETURN 'ok ' || coalesce(r, 'NULL');
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ' ' || SQLERRM;
END $$;
CREATE FUNCTION try_parse(t text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	r text;
	detail text;
BEGIN
	RETURN parse_ports(t)::text;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || detail;
END $$;

-- every accepted form
SELECT t AS input, try_parse(t) AS ports
FROM unnest(ARRAY[
	-- single ports and names
	'443', '0', '65535', '0080', ' 443 ', 'https', 'HTTPS', 'ssh', 'any', 'ANY',
	-- ranges: nftables/BPF, iptables/pf/Suricata, dotted, open ends
	'1024-65535', '1024:65535', '1024..2048', '1024:', ':1023', '0:65535',
	'ftp-data:ftp', '22-22',
	-- Cisco IOS ACL operators
	'range 1024 65535', 'eq 80', 'eq 80 443 8080', 'eq www', 'gt 1023', 'lt 1024',
	'neq 22', 'RANGE 1 2',
	-- lists: bare, nftables sets, Suricata lists, nesting, negation
	'22,80,443', '80,81,82', '{ 80, 443, 8000-8100 }', '{80,443}', '[80:82,443]',
	'[80,[443,8443]]', '!80', '[1:1024,!22]', '[!22,!23]', '![80,443]', '[any,!0]',
	'{ 81, 80..82 }'
]) t;

-- every error: the SQLSTATE and the detail naming the token and position
SELECT t AS input, try_parse(t) AS error
FROM unnest(ARRAY[
	'', '   ', '443-80', '70000', '1024:70000', '99999999999999999999999999999', '-1',
	'0x50', '1e3', '80abc', '80 443', '1-2-3', ',80', '80,', '80,,443', '{}', '[]',
	'{80]', '[80', '80]', '!', '!!80', 'htps', 'gt 65535', 'lt 0', '[1:10,!1:10]',
	'range 80 22', 'eq', 'range 1', 'eq 80, 443', '80 eq 443',
	repeat('[', 40) || '80' || repeat(']', 40)
]) t;

-- the message and its SQLSTATE, in full, for each error class
SELECT parse_ports('443-80');
SELECT parse_ports('1024:70000');
SELECT parse_ports('gt 65535');
SELECT parse_ports(repeat('x', 100));

-- parse_portrange: one contiguous range, or an error
SELECT parse_portrange('1024:65535'), parse_portrange('22'), parse_portrange('80,81,82'),
       parse_portrange('any'), parse_portrange('[1:10,!1:5]');
SELECT try_expr('SELECT parse_portrange(''22,80'')');

-- printing in each tool's syntax
SELECT m, style, to_firewall(m, style)
FROM unnest(ARRAY['{[22,22]}', '{[22,22],[80,80],[1024,)}', '{(,)}', '{[0,0],[65535,65535]}']::portmultirange[]) m,
     unnest(ARRAY['plain', 'iptables', 'nftables', 'suricata']) style
ORDER BY m, style;
SELECT to_firewall('[1024,)'::portrange) AS plain_default, to_firewall('[1024,)'::portrange, 'IPTABLES') AS upper_case;
SELECT q, try_expr(q) FROM unnest(ARRAY[
	'SELECT to_firewall(''empty''::portrange)', 'SELECT to_firewall(''{}''::portmultirange, ''nftables'')',
	'SELECT to_firewall(''[1,2]''::portrange, ''pf'')'
]) q;

-- round trips: parse(to_firewall(x, style)) = x for 2,000 random sets in
-- every style
SELECT setseed(0.3);
CREATE TABLE fw_sets AS
SELECT i, range_agg(portrange(lo, lo + w, '[]')) AS m
FROM (SELECT i, lo, least(w, 65535 - lo) AS w
      FROM (SELECT i, (random() * 65535)::int AS lo, (random() * random() * 3000)::int AS w
            FROM generate_series(1, 2000) i, generate_series(1, 1 + (random() * 20)::int) k) a) b
GROUP BY i;
SELECT style, count(*) AS sets, count(*) FILTER (WHERE parse_ports(to_firewall(m, style)) = m) AS round_trips
FROM fw_sets, unnest(ARRAY['plain', 'iptables', 'nftables', 'suricata']) style
GROUP BY style ORDER BY style;
DROP TABLE fw_sets;

-- a parsed set works with the rest of the extension
SELECT 8443 <@ parse_ports('{ 80, 443, 8000-8999 }') AS allowed,
       port_count(parse_ports('[1:1024,!22]')) AS count,
       parse_ports('22,80,443') @> 'ssh'::port AS has_ssh,
       to_firewall(parse_ports('[1:1024,!22]') * parse_ports('20-30'), 'iptables') AS intersection;

DROP FUNCTION try_expr(text), try_parse(text);
