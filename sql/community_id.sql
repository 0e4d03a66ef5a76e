--
-- community_id(): the Community ID flow hash, version 1
-- (corelight/community-id-spec).
--
-- The reference vectors of the specification's baseline/ directory
-- (commit 04d6295; Copyright (c) 2017-2018 Corelight, Inc, BSD licence, see
-- test/fixtures/community-id/COPYING), the same as
-- test/fixtures/community-id/vectors.tsv: each flow with its ID for seed 0
-- in base64, seed 1 in base64 and seed 0 in hex.  For ICMP (1) and ICMPv6
-- (58) sport and dport are the message type and code; RSVP (46) has no
-- ports.
--
CREATE TABLE vectors (proto int4, saddr inet, daddr inet, sport int4, dport int4,
	seed0 text, seed1 text, hex text);
INSERT INTO vectors VALUES
	(58, 'fe80::200:86ff:fe05:80da', 'fe80::260:97ff:fe07:69ea', 135, 136,
	 '1:dGHyGvjMfljg6Bppwm3bg0LO8TY=', '1:kHa1FhMYIT6Ym2Vm2AOtoOARDzY=', '1:7461f21af8cc7e58e0e81a69c26ddb8342cef136'),
	(58, 'fe80::260:97ff:fe07:69ea', 'fe80::200:86ff:fe05:80da', 136, 135,
	 '1:dGHyGvjMfljg6Bppwm3bg0LO8TY=', '1:kHa1FhMYIT6Ym2Vm2AOtoOARDzY=', '1:7461f21af8cc7e58e0e81a69c26ddb8342cef136'),
	(58, 'fe80::260:97ff:fe07:69ea', 'fe80::200:86ff:fe05:80da', 135, 136,
	 '1:zavyT/cezQr1fmImYCwYnMXbgck=', '1:2hSqmsDZ2kdcY9kbiUzOEBic0iM=', '1:cdabf24ff71ecd0af57e6226602c189cc5db81c9'),
	(58, 'fe80::200:86ff:fe05:80da', 'fe80::260:97ff:fe07:69ea', 136, 135,
	 '1:zavyT/cezQr1fmImYCwYnMXbgck=', '1:2hSqmsDZ2kdcY9kbiUzOEBic0iM=', '1:cdabf24ff71ecd0af57e6226602c189cc5db81c9'),
	(58, '3ffe:501:1800:2345::2', '3ffe:507:0:1:200:86ff:fe05:80da', 3, 0,
	 '1:2ObVBgIn28oZvibYZhZMBgh7WdQ=', '1:lVEtCZpYu84Xqaa++3lXFyuu2n4=', '1:d8e6d5060227dbca19be26d866164c06087b59d4'),
	(58, '3ffe:501:410:0:2c0:dfff:fe47:33e', '3ffe:507:0:1:200:86ff:fe05:80da', 1, 4,
	 '1:hLZd0XGWojozrvxqE0dWB1iM6R0=', '1:W8MHwXpWzpoSTD+cGcaJr4u0ys8=', '1:84b65dd17196a23a33aefc6a13475607588ce91d'),
	(58, '3ffe:507:0:1:200:86ff:fe05:80da', '3ffe:501:0:1001::2', 128, 129,
	 '1:+TW+HtLHvV1xnGhV1lv7XoJrqQg=', '1:GfZxjAkDk2MkegpBYHV6tadtFXQ=', '1:f935be1ed2c7bd5d719c6855d65bfb5e826ba908'),
	(58, '3ffe:501:0:1001::2', '3ffe:507:0:1:200:86ff:fe05:80da', 129, 128,
	 '1:+TW+HtLHvV1xnGhV1lv7XoJrqQg=', '1:GfZxjAkDk2MkegpBYHV6tadtFXQ=', '1:f935be1ed2c7bd5d719c6855d65bfb5e826ba908'),
	(58, 'fe80::200:86ff:fe05:80da', 'ff02::2', 133, 134,
	 '1:hO+sN4H+MG5MY/8hIrXPqc4ZQz0=', '1:L7Ka0ZMYu+J3bL4ulW2PrqyXNo8=', '1:84efac3781fe306e4c63ff2122b5cfa9ce19433d'),
	(58, 'fe80::260:97ff:fe07:69ea', 'ff02::1', 134, 133,
	 '1:pkvHqCL88/tg1k4cPigmZXUtL00=', '1:K/ee5UCqAMAQXDorP5nSa2CGLjc=', '1:a64bc7a822fcf3fb60d64e1c3e282665752d2f4d'),
	(1, '192.168.0.89', '192.168.0.1', 8, 0,
	 '1:X0snYXpgwiv9TZtqg64sgzUn6Dk=', '1:03g6IloqVBdcZlPyX8r0hgoE7kA=', '1:5f4b27617a60c22bfd4d9b6a83ae2c833527e839'),
	(1, '192.168.0.1', '192.168.0.89', 0, 8,
	 '1:X0snYXpgwiv9TZtqg64sgzUn6Dk=', '1:03g6IloqVBdcZlPyX8r0hgoE7kA=', '1:5f4b27617a60c22bfd4d9b6a83ae2c833527e839'),
	(1, '10.0.0.1', '10.0.0.2', 11, 0,
	 '1:YHxtAirCG//0OzkcVAukqKQN9xM=', '1:XjUibYHaafLQ3pxQeiMI8g25q20=', '1:607c6d022ac21bfff43b391c540ba4a8a40df713'),
	(6, '2001:470:e5bf:dead:4957:2174:e82c:4887', '2607:f8b0:400c:c03::1a', 63943, 25,
	 '1:/qFaeAR+gFe1KYjMzVDsMv+wgU4=', '1:eJYTW6AOzFLlSUoESovMjnu7rMw=', '1:fea15a78047e8057b52988cccd50ec32ffb0814e'),
	(6, '2607:f8b0:400c:c03::1a', '2001:470:e5bf:dead:4957:2174:e82c:4887', 25, 63943,
	 '1:/qFaeAR+gFe1KYjMzVDsMv+wgU4=', '1:eJYTW6AOzFLlSUoESovMjnu7rMw=', '1:fea15a78047e8057b52988cccd50ec32ffb0814e'),
	(132, '192.168.170.8', '192.168.170.56', 7, 7,
	 '1:MP2EtRCAUIZvTw6MxJHLV7N7JDs=', '1:5w3ZRjeKBzqT3zsaEECDGjUbYeg=', '1:30fd84b5108050866f4f0e8cc491cb57b37b243b'),
	(132, '192.168.170.56', '192.168.170.8', 7, 7,
	 '1:MP2EtRCAUIZvTw6MxJHLV7N7JDs=', '1:5w3ZRjeKBzqT3zsaEECDGjUbYeg=', '1:30fd84b5108050866f4f0e8cc491cb57b37b243b'),
	(6, '128.232.110.120', '66.35.250.204', 34855, 80,
	 '1:LQU9qZlK+B5F3KDmev6m5PMibrg=', '1:3V71V58M3Ksw/yuFALMcW0LAHvc=', '1:2d053da9994af81e45dca0e67afea6e4f3226eb8'),
	(6, '66.35.250.204', '128.232.110.120', 80, 34855,
	 '1:LQU9qZlK+B5F3KDmev6m5PMibrg=', '1:3V71V58M3Ksw/yuFALMcW0LAHvc=', '1:2d053da9994af81e45dca0e67afea6e4f3226eb8'),
	(17, '192.168.1.52', '8.8.8.8', 54585, 53,
	 '1:d/FP5EW3wiY1vCndhwleRRKHowQ=', '1:Q9We8WO3piVF8yEQBNJF4uiSVrI=', '1:77f14fe445b7c22635bc29dd87095e451287a304'),
	(17, '8.8.8.8', '192.168.1.52', 53, 54585,
	 '1:d/FP5EW3wiY1vCndhwleRRKHowQ=', '1:Q9We8WO3piVF8yEQBNJF4uiSVrI=', '1:77f14fe445b7c22635bc29dd87095e451287a304'),
	(46, '10.1.12.1', '10.1.12.2', NULL, NULL,
	 '1:KHlLkgoJW7ifUTyTSgyVfkFHzKw=', '1:rYir8gphR31noO9iDRQmF/BteEI=', '1:28794b920a095bb89f513c934a0c957e4147ccac'),
	(46, '10.1.12.2', '10.1.12.1', NULL, NULL,
	 '1:KHlLkgoJW7ifUTyTSgyVfkFHzKw=', '1:rYir8gphR31noO9iDRQmF/BteEI=', '1:28794b920a095bb89f513c934a0c957e4147ccac');

-- Every vector, every form: protocol number, protocol name, endpoints,
-- the ICMP form, the three-tuple form; seed 0, seed 1, hex.  Each column
-- counts the vectors the form matches, out of those it applies to.
CREATE TABLE computed AS
SELECT v.*,
	CASE WHEN sport IS NOT NULL
		THEN community_id(saddr, sport, daddr, dport, proto)
		ELSE community_id(saddr, daddr, proto) END AS by_number,
	CASE WHEN sport IS NOT NULL
		THEN community_id(saddr, sport, daddr, dport, proto, 1)
		ELSE community_id(saddr, daddr, proto, 1) END AS by_number_seed1,
	CASE WHEN sport IS NOT NULL
		THEN community_id(saddr, sport, daddr, dport, proto, base64 => false)
		ELSE community_id(saddr, daddr, proto, base64 => false) END AS by_number_hex,
	CASE proto WHEN 6 THEN community_id(saddr, sport, daddr, dport, 'tcp')
		WHEN 17 THEN community_id(saddr, sport, daddr, dport, 'UDP')
		WHEN 132 THEN community_id(saddr, sport, daddr, dport, 'sctp')
		WHEN 1 THEN community_id(saddr, sport, daddr, dport, 'icmp')
		WHEN 58 THEN community_id(saddr, sport, daddr, dport, 'IPv6-ICMP')
		WHEN 46 THEN community_id(saddr, daddr, 'rsvp') END AS by_name,
	CASE WHEN proto IN (6, 17, 132)
		THEN community_id(endpoint(saddr, sport), endpoint(daddr, dport), proto) END AS by_endpoints,
	CASE WHEN proto IN (1, 58)
		THEN community_id_icmp(saddr, daddr, sport, dport) END AS by_icmp
FROM vectors v;

SELECT count(*) AS vectors,
	count(*) FILTER (WHERE by_number = seed0) AS by_number,
	count(*) FILTER (WHERE by_number_seed1 = seed1) AS seed1,
	count(*) FILTER (WHERE by_number_hex = hex) AS hex,
	count(*) FILTER (WHERE by_name = seed0) AS by_name,
	count(*) FILTER (WHERE by_endpoints = seed0) || '/' ||
		count(*) FILTER (WHERE proto IN (6, 17, 132)) AS by_endpoints,
	count(*) FILTER (WHERE by_icmp = seed0) || '/' ||
		count(*) FILTER (WHERE proto IN (1, 58)) AS by_icmp
FROM computed;

-- and any vector some form gets wrong (none)
SELECT proto, saddr, daddr, sport, dport FROM computed
WHERE by_number <> seed0 OR by_number_seed1 <> seed1 OR by_number_hex <> hex
	OR by_name <> seed0 OR by_endpoints <> seed0 OR by_icmp <> seed0;

-- Both directions of a flow give the same ID
SELECT community_id('10.0.0.1', 1234, '127.0.0.1', 80, 6) =
	community_id('127.0.0.1', 80, '10.0.0.1', 1234, 6) AS symmetric;
-- equal addresses: the ports decide the order
SELECT community_id('10.0.0.1', 53, '10.0.0.1', 1000, 'udp') =
	community_id('10.0.0.1', 1000, '10.0.0.1', 53, 'udp') AS symmetric_on_ports;
-- ICMP echo and its reply are one flow; a one-way message keeps its direction
SELECT community_id_icmp('192.168.0.89', '192.168.0.1', 8, 0) =
	community_id_icmp('192.168.0.1', '192.168.0.89', 0, 0) AS echo_pair,
	community_id_icmp('10.0.0.1', '10.0.0.2', 3, 1) <>
	community_id_icmp('10.0.0.2', '10.0.0.1', 3, 1) AS unreachable_one_way;
-- Zeek logs ICMPv6 with proto "icmp": with IPv6 addresses it is ICMPv6
SELECT community_id('fe80::200:86ff:fe05:80da', 135, 'fe80::260:97ff:fe07:69ea', 136, 'icmp') =
	community_id('fe80::200:86ff:fe05:80da', 135, 'fe80::260:97ff:fe07:69ea', 136, 58) AS zeek_icmp6;
-- port columns pass straight in (port -> int4 is implicit)
SELECT community_id('192.168.1.52', '54585'::port, '8.8.8.8', 'domain'::port, 'udp');
-- protocols without ports ignore the ports they are given
SELECT community_id('10.1.12.1', 7, '10.1.12.2', 9, 46) = community_id('10.1.12.1', '10.1.12.2', 46)
	AS ports_ignored_for_rsvp;
-- every seed 0..65535 is valid; "1:" and 28 base64 characters or 40 hex digits
SELECT length(community_id('10.0.0.1', 1, '10.0.0.2', 2, 6, 65535)) AS base64_length,
	length(community_id('10.0.0.1', 1, '10.0.0.2', 2, 6, 0, false)) AS hex_length;

-- Bad arguments: class 22 errors naming the argument
SELECT community_id('10.0.0.1', 1, '2001:db8::1', 2, 6);
SELECT community_id('10.0.0.1', 70000, '10.0.0.2', 2, 6);
SELECT community_id('10.0.0.1', 1, '10.0.0.2', -1, 6);
SELECT community_id('10.0.0.1', 1, '10.0.0.2', 2, 256);
SELECT community_id('10.0.0.1', 1, '10.0.0.2', 2, 'quic');
SELECT community_id('10.0.0.1', 1, '10.0.0.2', 2, '300');
SELECT community_id('10.0.0.1', 1, '10.0.0.2', 2, 6, 65536);
SELECT community_id('10.0.0.1', 1, '10.0.0.2', 2, 6, -1);
SELECT community_id('10.0.0.0/8', 1, '10.0.0.2', 2, 6);
SELECT community_id('10.0.0.1', '10.0.0.2', 'tcp');
SELECT community_id_icmp('10.0.0.1', '10.0.0.2', 256, 0);
SELECT community_id('10.0.0.1:1'::endpoint, '[::1]:2'::endpoint, 6);

-- IMMUTABLE: a generated column and an index can hold it
CREATE TABLE conn (src inet, sport port, dst inet, dport port, proto text,
	cid text GENERATED ALWAYS AS (community_id(src, sport, dst, dport, proto)) STORED);
INSERT INTO conn (src, sport, dst, dport, proto)
SELECT ('10.0.0.' || (i % 200))::inet, 1024 + i, ('192.0.2.' || (i % 50))::inet, 443, 'tcp'
FROM generate_series(1, 5000) i;
INSERT INTO conn VALUES ('192.168.1.52', 54585, '8.8.8.8', 53, 'udp');
CREATE INDEX conn_cid ON conn (cid);
ANALYZE conn;
SELECT plan_uses_index('SELECT * FROM conn WHERE cid = ''1:d/FP5EW3wiY1vCndhwleRRKHowQ=''', 'conn_cid');
SELECT src, sport, dst, dport FROM conn WHERE cid = '1:d/FP5EW3wiY1vCndhwleRRKHowQ=';
-- so can an expression index, written with the endpoints either way round
CREATE INDEX conn_cid_expr ON conn (community_id(dst, dport, src, sport, proto));
ANALYZE conn;
SELECT plan_uses_index('SELECT * FROM conn WHERE community_id(dst, dport, src, sport, proto) = ''1:d/FP5EW3wiY1vCndhwleRRKHowQ=''',
	'conn_cid_expr');

DROP TABLE vectors, computed, conn;
