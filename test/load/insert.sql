-- a flow log row from an ephemeral client port to a service or a scan target
\set src random(32768, 60999)
\set svc random(1, 10)
\set scan random(0, 65535)
INSERT INTO flows (ts, src_port, dst_port, proto, bytes)
VALUES (now(), :src, CASE WHEN :svc <= 8 THEN (ARRAY[443, 80, 53, 22, 3389, 5432, 8443, 9092])[:svc] ELSE :scan END,
        (CASE WHEN :svc = 3 THEN 'udp' ELSE 'tcp' END)::transport_protocol, :svc * 1000);
