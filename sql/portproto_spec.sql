--
-- Port sets per protocol: parse_service_spec() in each tool's syntax and
-- meaning, kubernetes_ports(), to_firewall() with and without a protocol,
-- and parse_ports()' ferm arrays, pf braces and variables.
--
CREATE FUNCTION spec_try(spec text, tool text, defaults transport_protocol[] DEFAULT NULL)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	r text;
	detail text;
BEGIN
	SELECT string_agg(protocol || ' ' || ports::text, '; ' ORDER BY protocol) INTO r
	FROM parse_service_spec(spec, tool, defaults);
	RETURN r;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ' ' || SQLERRM || coalesce(' | ' || nullif(detail, ''), '');
END $$;
CREATE FUNCTION spec_expr(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	r text;
	detail text;
BEGIN
	EXECUTE q INTO r;
	RETURN coalesce(r, 'NULL');
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ' ' || SQLERRM || coalesce(' | ' || nullif(detail, ''), '');
END $$;

-- each tool's forms, with its meaning of a port written without a protocol
SELECT tool, spec, spec_try(spec, tool) AS ports
FROM (VALUES
	('ufw', '80,443/tcp'), ('ufw', '60000:61000/udp'), ('ufw', '53'), ('ufw', 'ssh'),
	('ufw', 'http/tcp'), ('ufw', '80,443/tcp 53/udp'), ('ufw', '22/TCP'),
	('firewalld', '8080/tcp'), ('firewalld', '60000-61000/udp'), ('firewalld', '2905/sctp'),
	('firewalld', '9000/dccp'), ('firewalld', '8080/tcp 8443/tcp 53/udp'),
	('firehol', 'tcp/80 udp/53'), ('firehol', 'tcp/1000:2000'), ('firehol', 'tcp/http udp/domain'),
	('nmap', 'T:80,443,U:53,1-1024'), ('nmap', '-p-'), ('nmap', '-p 22,80'), ('nmap', '-p22'),
	('nmap', 'U:53,111,137,T:21-25,80,139,8080'), ('nmap', '-1024'), ('nmap', '60000-'),
	('nmap', 'S:2905'), ('nmap', 'ssh,http'),
	('docker', '80/tcp'), ('docker', '8000-8010/udp'), ('docker', '80'), ('docker', '53/udp 53/tcp'),
	('zeek', '80/tcp'), ('zeek', '53/udp')) v(tool, spec);

-- the caller may name the default protocols instead of the tool's own
SELECT spec_try('53', 'ufw', '{udp}') AS ufw_udp_only,
       spec_try('80', 'firewalld', '{tcp}') AS firewalld_with_default,
       spec_try('1-1024', 'nmap', '{tcp,udp}') AS nmap_both,
       spec_try('tcp/80 443', 'firehol', '{tcp}') AS firehol_with_default,
       spec_try('80', 'docker', '{sctp}') AS docker_sctp;

-- errors: 22P02 naming the offending part, 22003 for numbers out of range
SELECT tool, spec, spec_try(spec, tool) AS result
FROM (VALUES
	('ufw', '80,443'), ('ufw', '1000:2000'), ('ufw', '80/sctp'), ('ufw', '80-90/tcp'),
	('ufw', '70000/tcp'), ('ufw', '443:80/tcp'), ('ufw', ''), ('ufw', 'nosuch/tcp'),
	('firewalld', '80'), ('firewalld', '80/icmp'), ('firewalld', '80:90/tcp'),
	('firehol', '80'), ('firehol', 'icmp/80'), ('firehol', 'tcp/'),
	('nmap', 'X:80'), ('nmap', 'T:'), ('nmap', '-p'), ('nmap', '1-70000'), ('nmap', '-0'),
	('docker', '80/dccp'), ('zeek', '80'), ('zeek', '80-90/tcp'), ('zeek', '2905/sctp')) v(tool, spec);
SELECT spec_try('80/tcp', 'iptables') AS unknown_tool;
SELECT count(*) AS null_spec FROM parse_service_spec(NULL, 'ufw');

-- Kubernetes NetworkPolicy ports: port, endPort, protocol (default TCP)
SELECT * FROM kubernetes_ports('[{"port": 80, "endPort": 90, "protocol": "TCP"},
                                 {"port": 53, "protocol": "UDP"}, {"port": 443},
                                 {"port": 2905, "protocol": "SCTP"}]');
SELECT * FROM kubernetes_ports('{"port": 8080}');
SELECT spec_expr('SELECT ports::text FROM kubernetes_ports(''{"port": "http"}'')') AS named_port;

-- printing with a protocol, in each tool's syntax
SELECT tool, to_firewall('tcp', '{[22,23),[80,81),[1024,65535]}'::portmultirange, tool) AS tcp,
       spec_expr(format('SELECT to_firewall(''udp'', ''{[53,54)}''::portmultirange, %L)', tool)) AS udp,
       spec_expr(format('SELECT to_firewall(''dccp'', ''{[9000,9001)}''::portmultirange, %L)', tool)) AS dccp
FROM unnest('{ufw,firewalld,firehol,nmap,docker}'::text[]) tool;
SELECT to_firewall('udp', '{[53,54),[123,124)}'::portmultirange, 'zeek') AS zeek,
       spec_expr('SELECT to_firewall(''tcp'', ''{[80,90)}''::portmultirange, ''zeek'')') AS zeek_range,
       spec_expr('SELECT to_firewall(''tcp'', ''{[80,90)}''::portmultirange, ''pf'')') AS no_protocol_style;

-- the new styles without a protocol
SELECT style, to_firewall('{[22,23),[80,81),[1024,65535]}'::portmultirange, style) AS ports
FROM unnest('{ufw,pf,nmap}'::text[]) style;
SELECT ports, to_firewall(ports, 'cisco') AS cisco, to_firewall(ports, 'pf') AS pf
FROM unnest('{"{[80,81)}","{[22,23),[80,81),[443,444)}","{[1024,65535]}","{[0,1024)}","{[6000,6064)}","{[0,22),[23,65535]}","{[0,65535]}"}'::portmultirange[]) ports;
SELECT spec_expr('SELECT to_firewall(''{[22,23),[1024,65535]}''::portmultirange, ''cisco'')') AS cisco_mixed,
       spec_expr('SELECT to_firewall(''{[80,81)}''::portmultirange, ''firewalld'')') AS firewalld;

-- round trips on generated sets (deterministic): every style reads back
-- through its parser to the same set
CREATE TEMP TABLE gen_sets AS
SELECT g, range_agg(portrange(lo, least(lo + len, 65535), '[]')) AS ports
FROM (SELECT g, k,
             (abs(hashint4(g * 131 + k)) % 65536) AS lo,
             CASE WHEN abs(hashint4(g * 7 + k * 3)) % 3 = 0 THEN abs(hashint4(g + k * 17)) % 2000 ELSE 0 END AS len
      FROM generate_series(1, 300) g, generate_series(1, 1 + g % 12) k) s
GROUP BY g;
SELECT style, count(*) AS sets,
       count(*) FILTER (WHERE parse_ports(to_firewall(ports, style)) = ports) AS round_trips
FROM gen_sets, unnest('{iptables,nftables,suricata,plain,ufw,pf,nmap}'::text[]) style
GROUP BY style ORDER BY style;
SELECT count(*) AS cisco_expressible,
       count(*) FILTER (WHERE parse_ports(to_firewall(ports, 'cisco')) = ports) AS round_trips
FROM gen_sets
WHERE spec_expr(format('SELECT to_firewall(%L::portmultirange, ''cisco'')', ports)) NOT LIKE '22023%';
-- with protocols: nmap's "-p-" starts at 1, so nmap sets avoid port 0
SELECT tool, proto, count(*) AS sets,
       count(*) FILTER (WHERE (SELECT array_agg((s.protocol, s.ports)::text)
                               FROM parse_service_spec(to_firewall(proto, ports, tool), tool) s)
                              = ARRAY[(proto, ports)::text]) AS round_trips
FROM gen_sets, unnest('{ufw,firewalld,firehol,nmap,docker}'::text[]) tool,
     unnest('{tcp,udp}'::transport_protocol[]) proto
GROUP BY tool, proto ORDER BY tool, proto;

-- parse_ports(): ferm arrays, pf braces, and variables
SELECT t AS input, spec_expr(format('SELECT parse_ports(%L)::text', t)) AS ports
FROM unnest(ARRAY['(139 445)', '(http https smtp)', '( 22, 80 )', '{ 80 443 }',
                  '{ 80 443 1024:65535 }', '{ ssh, { 80 443 } }', '(22 (80 443))',
                  '{ !22 1:1024 }', '(80', '(80]', '80)', '[80 443]', '()']) t;
SELECT t AS input, spec_expr(format('SELECT parse_ports(%L, %L)::text', t,
        '{"HTTP_PORTS": "[80,8080]", "$ORACLE_PORTS": 1521, "SHELLCODE_PORTS": "!80",
          "WEB": "[$HTTP_PORTS,443]", "LOOP": "$LOOP", "BAD": "80,70000", "ARR": [1]}')) AS ports
FROM unnest(ARRAY['$HTTP_PORTS', '[$HTTP_PORTS,110]', '$ORACLE_PORTS', '$SHELLCODE_PORTS',
                  '!$HTTP_PORTS', '$WEB', '{ $WEB 22 }', '$NOPE', '$LOOP', '$BAD', '$ARR',
                  '$', '$1']) t;
SELECT spec_expr('SELECT parse_ports(''$HTTP_PORTS'')::text') AS no_variables;

DROP TABLE gen_sets;
DROP FUNCTION spec_try(text, text, transport_protocol[]), spec_expr(text);
