-- index lookups and aggregates on the growing log
\set p random(0, 1023)
SELECT count(*) FROM flows WHERE dst_port = :p;
SELECT port_class(dst_port), count(*) FROM flows WHERE is_well_known(dst_port) AND ts > now() - interval '1 second' GROUP BY 1;
SELECT count(*) FROM rules WHERE ports @> :p;
