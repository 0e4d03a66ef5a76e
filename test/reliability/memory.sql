-- test/reliability/memory.sql -- one query over :n rows calling every text
-- parser and registry lookup of the extension, then this backend's peak
-- memory (VmHWM, read from /proc/self/status by the backend itself).
-- Prints "count|VmHWM kB".  The rows come from a cross join of two small
-- generate_series, so no large tuplestore is built; every condition is true
-- for every row, so count = n means each call gave a consistent answer.
SELECT count(*) AS rows,
	   (SELECT substring(pg_read_file('/proc/self/status') FROM 'VmHWM:\s+(\d+)')) AS hwm_kb
FROM generate_series(0, :n / 1000 - 1) a, generate_series(1, 1000) b,
	 LATERAL (SELECT a * 1000 + b AS g, (a * 1000 + b) % 65536 AS v) x
WHERE port_class(v::text::port) IS NOT NULL
  AND v::port::text = v::text
  AND (ARRAY['https', 'ssh', 'domain', 'HTTP', 'ntp'])[1 + g % 5]::port > 0
  AND is_well_known(v::port) IS NOT NULL
  AND is_ephemeral(v::port, (ARRAY['linux', 'windows', 'freebsd', 'macos', 'iana'])[1 + g % 5]) IS NOT NULL
  AND is_privileged(v::port, 1024) IS NOT NULL
  AND port_service(v::port) IS NOT DISTINCT FROM port_service(v)
  AND port_service(v::port, 'udp', true) IS NOT DISTINCT FROM port_service(v, 'udp', true)
  AND defacto_service(v::port) IS NOT DISTINCT FROM defacto_service(v)
  AND service_port((ARRAY['https', 'ssh', 'nosuch', 'domain'])[1 + g % 4], 'udp')
	  IS NOT DISTINCT FROM service_port((ARRAY['https', 'ssh', 'nosuch', 'domain'])[1 + g % 4], 'udp')
  AND length(to_firewall(parse_ports((ARRAY['22,80,443', '1024:65535', '[1:1024,!22]', '{ 80, 443, 8000-8100 }',
											'range 1024 65535', 'eq 80 443', 'gt 1023', 'https'])[1 + g % 8]),
						 (ARRAY['plain', 'iptables', 'nftables', 'suricata'])[1 + g % 4])) > 0
  AND parse_portrange('1024:' || (1024 + g % 60000)) IS NOT NULL
  AND v <@ ephemeral_ports('linux') IS NOT NULL
  AND port_count(portrange(g % 60000, g % 60000 + 5)) = 6  -- both ends (1.1)
  AND ('[' || (g % 60000) || ',' || (g % 60000 + 9) || ']')::portrange @> (g % 60000 + 3)
  AND ('{[' || (g % 30000) || ',' || (g % 30000 + 9) || '],[40000,40010)}')::portmultirange @> (g % 30000 + 3)::port
  AND port_hash(v::port) = hashint4(v)
  AND (g % 1000 <> 0 OR ((SELECT count(*) FROM port_services(v::port)) >= 0
						 AND (SELECT count(*) FROM ephemeral_ranges()) > 0));
