--
-- The Community ID joins a Zeek conn log and a Suricata eve log.
--
-- Two small hand-made logs of the same traffic, written as the tools write
-- them: Zeek's tab-separated conn.log (ICMP type and code in the port
-- columns, proto "icmp" for ICMPv6 too) and Suricata's eve.json (upper-case
-- protocol names, full-length IPv6, icmp_type/icmp_code without ports, one
-- TCP flow seen from the server's side).  The community_id each tool
-- logged is the one the specification's reference vectors give for that
-- flow (sql/community_id.sql); Zeek saw a time-exceeded message Suricata
-- did not, Suricata an SCTP flow Zeek did not.
--

-- the raw lines (the unit separator as delimiter: one column per line)
CREATE TABLE zeek_raw (n serial, line text);
COPY zeek_raw (line) FROM stdin (DELIMITER E'\x1f');
#separator \\x09
#set_separator	,
#empty_field	(empty)
#unset_field	-
#path	conn
#open	2024-01-15-10-00-00
#fields	ts	uid	id.orig_h	id.orig_p	id.resp_h	id.resp_p	proto	service	duration	orig_bytes	resp_bytes	conn_state	community_id
#types	time	string	addr	port	addr	port	enum	string	interval	count	count	string	string
1705312800.101	CHhAvVGS1DHFjwGM9	128.232.110.120	34855	66.35.250.204	80	tcp	http	0.412	512	14130	SF	1:LQU9qZlK+B5F3KDmev6m5PMibrg=
1705312801.220	C4J4Th3PJpwUYZZ6gc	192.168.1.52	54585	8.8.8.8	53	udp	dns	0.021	38	54	SF	1:d/FP5EW3wiY1vCndhwleRRKHowQ=
1705312802.337	CtPZjS20MLrsMUOJi2	2001:470:e5bf:dead:4957:2174:e82c:4887	63943	2607:f8b0:400c:c03::1a	25	tcp	smtp	3.052	1840	602	SF	1:/qFaeAR+gFe1KYjMzVDsMv+wgU4=
1705312803.450	CUM0KZ3MLUfNB0cl11	192.168.0.89	8	192.168.0.1	0	icmp	-	0.001	56	56	OTH	1:X0snYXpgwiv9TZtqg64sgzUn6Dk=
1705312804.561	CmES5u32sYpV7JYN	fe80::200:86ff:fe05:80da	135	fe80::260:97ff:fe07:69ea	136	icmp	-	0.000	24	24	OTH	1:dGHyGvjMfljg6Bppwm3bg0LO8TY=
1705312805.672	CP5puj4I8PtEU4qzYg	10.0.0.1	11	10.0.0.2	0	icmp	-	-	-	-	OTH	1:YHxtAirCG//0OzkcVAukqKQN9xM=
#close	2024-01-15-11-00-00
\.
CREATE TABLE eve_raw (n serial, line text);
COPY eve_raw (line) FROM stdin (DELIMITER E'\x1f');
{"timestamp":"2024-01-15T10:00:00.512+0000","flow_id":1120833581270118,"event_type":"flow","src_ip":"66.35.250.204","src_port":80,"dest_ip":"128.232.110.120","dest_port":34855,"proto":"TCP","app_proto":"http","community_id":"1:LQU9qZlK+B5F3KDmev6m5PMibrg="}
{"timestamp":"2024-01-15T10:00:01.241+0000","flow_id":2040912330137226,"event_type":"flow","src_ip":"192.168.1.52","src_port":54585,"dest_ip":"8.8.8.8","dest_port":53,"proto":"UDP","app_proto":"dns","community_id":"1:d/FP5EW3wiY1vCndhwleRRKHowQ="}
{"timestamp":"2024-01-15T10:00:02.389+0000","flow_id":1409236780331851,"event_type":"flow","src_ip":"2001:0470:e5bf:dead:4957:2174:e82c:4887","src_port":63943,"dest_ip":"2607:f8b0:400c:0c03:0000:0000:0000:001a","dest_port":25,"proto":"TCP","app_proto":"smtp","community_id":"1:/qFaeAR+gFe1KYjMzVDsMv+wgU4="}
{"timestamp":"2024-01-15T10:00:03.451+0000","flow_id":608512470983155,"event_type":"flow","src_ip":"192.168.0.89","dest_ip":"192.168.0.1","proto":"ICMP","icmp_type":8,"icmp_code":0,"response_icmp_type":0,"response_icmp_code":0,"community_id":"1:X0snYXpgwiv9TZtqg64sgzUn6Dk="}
{"timestamp":"2024-01-15T10:00:04.562+0000","flow_id":1730381254478913,"event_type":"flow","src_ip":"fe80:0000:0000:0000:0200:86ff:fe05:80da","dest_ip":"fe80:0000:0000:0000:0260:97ff:fe07:69ea","proto":"IPv6-ICMP","icmp_type":135,"icmp_code":0,"response_icmp_type":136,"response_icmp_code":0,"community_id":"1:dGHyGvjMfljg6Bppwm3bg0LO8TY="}
{"timestamp":"2024-01-15T10:00:06.014+0000","flow_id":955412698120334,"event_type":"flow","src_ip":"192.168.170.8","src_port":7,"dest_ip":"192.168.170.56","dest_port":7,"proto":"SCTP","community_id":"1:MP2EtRCAUIZvTw6MxJHLV7N7JDs="}
\.

-- Zeek's log into a table with endpoint columns
CREATE TABLE zeek_conn AS
SELECT split_part(line, E'\t', 2) AS uid,
	endpoint(split_part(line, E'\t', 3)::inet, split_part(line, E'\t', 4)::int4) AS orig,
	endpoint(split_part(line, E'\t', 5)::inet, split_part(line, E'\t', 6)::int4) AS resp,
	split_part(line, E'\t', 7) AS proto,
	split_part(line, E'\t', 13) AS logged_id
FROM zeek_raw WHERE line NOT LIKE '#%';

-- Suricata's into one with address and port columns
CREATE TABLE eve_flow AS
SELECT (j->>'flow_id')::int8 AS flow_id, (j->>'src_ip')::inet AS src_ip,
	(j->>'src_port')::int4::port AS src_port, (j->>'dest_ip')::inet AS dest_ip,
	(j->>'dest_port')::int4::port AS dest_port, j->>'proto' AS proto,
	(j->>'icmp_type')::int4 AS icmp_type, (j->>'icmp_code')::int4 AS icmp_code,
	j->>'community_id' AS logged_id
FROM (SELECT line::jsonb AS j FROM eve_raw) e;

SELECT * FROM zeek_conn ORDER BY uid;
SELECT flow_id, src_ip, src_port, dest_ip, dest_port, proto, icmp_type, icmp_code
FROM eve_flow ORDER BY flow_id;

-- community_id() computed in SQL equals what each tool logged
SELECT uid, community_id(orig, resp, proto) AS computed,
	community_id(orig, resp, proto) = logged_id AS same_as_zeek
FROM zeek_conn ORDER BY uid;
SELECT flow_id,
	CASE WHEN icmp_type IS NOT NULL
		THEN community_id_icmp(src_ip, dest_ip, icmp_type, icmp_code)
		ELSE community_id(src_ip, src_port, dest_ip, dest_port, proto) END = logged_id
		AS same_as_suricata
FROM eve_flow ORDER BY flow_id;

-- The join: both logs, on IDs computed in SQL (not on the logged ones)
CREATE VIEW zeek_ids AS
SELECT z.*, community_id(orig, resp, proto) AS cid FROM zeek_conn z;
CREATE VIEW eve_ids AS
SELECT e.*, CASE WHEN icmp_type IS NOT NULL
		THEN community_id_icmp(src_ip, dest_ip, icmp_type, icmp_code)
		ELSE community_id(src_ip, src_port, dest_ip, dest_port, proto) END AS cid
FROM eve_flow e;
SELECT z.uid, e.flow_id, z.orig, z.resp, z.proto AS zeek_proto, e.proto AS eve_proto, z.cid
FROM zeek_ids z JOIN eve_ids e ON z.cid = e.cid
ORDER BY z.uid;
-- and what only one of them saw
SELECT coalesce(z.uid, e.flow_id::text) AS only_in, CASE WHEN z.uid IS NULL THEN 'eve' ELSE 'zeek' END AS log
FROM zeek_ids z FULL JOIN eve_ids e ON z.cid = e.cid
WHERE z.uid IS NULL OR e.flow_id IS NULL
ORDER BY 1;

-- An index on the computed ID serves the join's lookups
CREATE INDEX eve_flow_cid ON eve_flow ((CASE WHEN icmp_type IS NOT NULL
		THEN community_id_icmp(src_ip, dest_ip, icmp_type, icmp_code)
		ELSE community_id(src_ip, src_port, dest_ip, dest_port, proto) END));
ANALYZE eve_flow;
SET enable_seqscan = off;
SELECT plan_uses_index('SELECT * FROM eve_ids WHERE cid = ''1:LQU9qZlK+B5F3KDmev6m5PMibrg=''', 'eve_flow_cid');
RESET enable_seqscan;

DROP VIEW zeek_ids, eve_ids;
DROP TABLE zeek_raw, eve_raw, zeek_conn, eve_flow;
