-- test/cluster/ext_fingerprint.sql -- the definition of every member of an
-- extension, one line per member, sorted, with no OIDs in it.
--
--   psql -X -At -v ext=portrange -f test/cluster/ext_fingerprint.sql DB
--
-- Used by test/cluster/run.sh to compare an upgraded installation with a
-- fresh one: two databases give the same output exactly when the
-- extension's types, functions, operators, operator classes and families,
-- casts, tables (columns, constraints, indexes, data), comments and
-- privileges are the same.  Everything is printed by name (regtype,
-- regprocedure, regoperator, pg_get_*def), never by OID, so databases whose
-- OIDs differ compare equal.

SELECT format('extension %s version=%s relocatable=%s schema=%s config=%s condition=%s',
              e.extname, e.extversion, e.extrelocatable, e.extnamespace::regnamespace,
              (SELECT array_agg(c::regclass::text ORDER BY c::regclass::text) FROM unnest(e.extconfig) c),
              e.extcondition)
FROM pg_extension e
WHERE e.extname = :'ext'

UNION ALL

SELECT pg_describe_object(m.classid, m.objid, 0) || ' :: ' ||
  coalesce(CASE m.classid

  WHEN 'pg_proc'::regclass THEN (
    SELECT CASE WHEN p.prokind = 'a' THEN
             (SELECT format('aggregate kind=%s trans=%s final=%s combine=%s serial=%s deserial=%s sortop=%s stype=%s init=%s parallel=%s',
                            a.aggkind, a.aggtransfn::regprocedure, a.aggfinalfn::regprocedure,
                            a.aggcombinefn::regprocedure, a.aggserialfn::regprocedure,
                            a.aggdeserialfn::regprocedure, a.aggsortop::regoperator,
                            a.aggtranstype::regtype, a.agginitval, p.proparallel)
              FROM pg_aggregate a WHERE a.aggfnoid = p.oid)
           ELSE replace(pg_get_functiondef(p.oid), E'\n', ' ')
           END || format(' leakproof=%s acl=%s', p.proleakproof, p.proacl)
    FROM pg_proc p WHERE p.oid = m.objid)

  WHEN 'pg_type'::regclass THEN (
    SELECT format('type=%s len=%s byval=%s category=%s preferred=%s delim=%s in=%s out=%s recv=%s send=%s modin=%s modout=%s analyze=%s subscript=%s align=%s storage=%s notnull=%s base=%s typmod=%s ndims=%s collation=%s default=%s elem=%s array=%s acl=%s',
                  t.typtype, t.typlen, t.typbyval, t.typcategory, t.typispreferred, t.typdelim,
                  t.typinput::regprocedure, t.typoutput::regprocedure,
                  t.typreceive::regprocedure, t.typsend::regprocedure,
                  t.typmodin::regprocedure, t.typmodout::regprocedure,
                  t.typanalyze::regprocedure, t.typsubscript::regprocedure,
                  t.typalign, t.typstorage, t.typnotnull, t.typbasetype::regtype,
                  t.typtypmod, t.typndims, t.typcollation::regcollation, t.typdefault,
                  t.typelem::regtype, t.typarray::regtype, t.typacl)
        || coalesce(' constraints=' ||
             (SELECT string_agg(c.conname || ' ' || pg_get_constraintdef(c.oid), '; ' ORDER BY c.conname)
              FROM pg_constraint c WHERE c.contypid = t.oid), '')
        || coalesce(' labels=' ||
             (SELECT string_agg(l.enumlabel, ',' ORDER BY l.enumsortorder)
              FROM pg_enum l WHERE l.enumtypid = t.oid), '')
        || coalesce(' range=' ||
             (SELECT format('subtype=%s opclass=%s collation=%s canonical=%s diff=%s multirange=%s',
                            r.rngsubtype::regtype, oc.opcname, r.rngcollation::regcollation,
                            r.rngcanonical::regprocedure, r.rngsubdiff::regprocedure,
                            r.rngmultitypid::regtype)
              FROM pg_range r JOIN pg_opclass oc ON oc.oid = r.rngsubopc
              WHERE r.rngtypid = t.oid), '')
    FROM pg_type t WHERE t.oid = m.objid)

  WHEN 'pg_operator'::regclass THEN (
    SELECT format('kind=%s result=%s code=%s commutator=%s negator=%s restrict=%s join=%s merges=%s hashes=%s',
                  o.oprkind, o.oprresult::regtype, o.oprcode::regprocedure,
                  o.oprcom::regoperator, o.oprnegate::regoperator,
                  o.oprrest::regprocedure, o.oprjoin::regprocedure,
                  o.oprcanmerge, o.oprcanhash)
    FROM pg_operator o WHERE o.oid = m.objid)

  WHEN 'pg_opclass'::regclass THEN (
    SELECT format('am=%s type=%s default=%s family=%s.%s keytype=%s',
                  am.amname, c.opcintype::regtype, c.opcdefault,
                  f.opfnamespace::regnamespace, f.opfname, c.opckeytype::regtype)
    FROM pg_opclass c JOIN pg_am am ON am.oid = c.opcmethod
    JOIN pg_opfamily f ON f.oid = c.opcfamily
    WHERE c.oid = m.objid)

  WHEN 'pg_opfamily'::regclass THEN (
    SELECT format('am=%s', am.amname)
        || coalesce(' operators=' ||
             (SELECT string_agg(format('%s:%s(%s,%s)%s%s', ao.amopstrategy, ao.amopopr::regoperator,
                                       ao.amoplefttype::regtype, ao.amoprighttype::regtype,
                                       ao.amoppurpose,
                                       CASE WHEN ao.amopsortfamily <> 0 THEN
                                         ' sort=' || (SELECT sf.opfname FROM pg_opfamily sf
                                                      WHERE sf.oid = ao.amopsortfamily) END),
                                '; ' ORDER BY ao.amopstrategy, ao.amoplefttype::regtype::text,
                                              ao.amoprighttype::regtype::text)
              FROM pg_amop ao WHERE ao.amopfamily = f.oid), '')
        || coalesce(' procs=' ||
             (SELECT string_agg(format('%s:%s(%s,%s)', ap.amprocnum, ap.amproc::regprocedure,
                                       ap.amproclefttype::regtype, ap.amprocrighttype::regtype),
                                '; ' ORDER BY ap.amprocnum, ap.amproclefttype::regtype::text,
                                              ap.amprocrighttype::regtype::text)
              FROM pg_amproc ap WHERE ap.amprocfamily = f.oid), '')
    FROM pg_opfamily f JOIN pg_am am ON am.oid = f.opfmethod
    WHERE f.oid = m.objid)

  WHEN 'pg_cast'::regclass THEN (
    SELECT format('function=%s context=%s method=%s',
                  c.castfunc::regprocedure, c.castcontext, c.castmethod)
    FROM pg_cast c WHERE c.oid = m.objid)

  WHEN 'pg_class'::regclass THEN (
    SELECT format('kind=%s persistence=%s options=%s acl=%s',
                  c.relkind, c.relpersistence, c.reloptions, c.relacl)
        || coalesce(' columns=' ||
             (SELECT string_agg(format('%s %s notnull=%s default=%s generated=%s identity=%s collation=%s comment=%s',
                                       a.attname, format_type(a.atttypid, a.atttypmod),
                                       a.attnotnull, pg_get_expr(ad.adbin, ad.adrelid),
                                       a.attgenerated, a.attidentity,
                                       NULLIF(a.attcollation, 0)::regcollation,
                                       col_description(c.oid, a.attnum)),
                                ', ' ORDER BY a.attnum)
              FROM pg_attribute a
              LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '')
        || coalesce(' constraints=' ||
             (SELECT string_agg(k.conname || ' ' || pg_get_constraintdef(k.oid), '; ' ORDER BY k.conname)
              FROM pg_constraint k WHERE k.conrelid = c.oid), '')
        || coalesce(' indexes=' ||
             (SELECT string_agg(pg_get_indexdef(i.indexrelid), '; ' ORDER BY pg_get_indexdef(i.indexrelid))
              FROM pg_index i WHERE i.indrelid = c.oid), '')
        || coalesce(' view=' || replace(pg_get_viewdef(c.oid), E'\n', ' '), '')
        || CASE WHEN c.relkind IN ('r', 'm') THEN
             ' data=' || (xpath('/row/d/text()',
                 query_to_xml(format('SELECT count(*) || '' rows, md5 '' || md5(coalesce(string_agg(t::text, E''\n'' ORDER BY t::text), '''')) AS d FROM %s t',
                                     c.oid::regclass), false, true, '')))[1]::text
           ELSE '' END
    FROM pg_class c WHERE c.oid = m.objid)

  ELSE ''
  END, '<missing>')
  || coalesce(' comment=' || obj_description(m.objid, m.classid::regclass::text), '')
  || coalesce(' initprivs=' ||
       (SELECT string_agg(format('%s:%s', ip.privtype, ip.initprivs), ',' ORDER BY ip.objsubid)
        FROM pg_init_privs ip WHERE ip.objoid = m.objid AND ip.classoid = m.classid), '')
FROM pg_depend m
JOIN pg_extension e ON e.oid = m.refobjid
WHERE m.refclassid = 'pg_extension'::regclass
  AND m.deptype = 'e'
  AND e.extname = :'ext'
ORDER BY 1;
