-- classification, registry lookups and firewall syntax on a random port
\set p random(0, 65535)
SELECT port_class(:p), is_ephemeral(:p, 'linux'), is_privileged(:p, 1024),
       port_service(:p), port_service(:p, 'udp', true), ':p'::port::text,
       :p <@ parse_ports('[1:1024,!22]'), to_firewall(parse_ports('{ 80, 443, 8000-8100 }'), 'iptables'),
       service_port('https'), 'ssh'::port;
