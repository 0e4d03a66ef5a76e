# test/reliability/index.sh -- part "index" of tools/reliability.sh:
# index integrity under churn.  Sourced; defines part_index.
#
# One server (fsync off).  The churn table (schema.sql) gets an index of
# every kind on every type: btree, hash, BRIN on port; GiST, SP-GiST,
# btree, hash, BRIN on portrange; GiST, btree, hash on portmultirange; GIN
# on port[]; a two-column, two partial and two expression indexes.  Then
# REL_CHURN_ROUNDS rounds of updates (keys moving, HOT updates), deletes,
# inserts and VACUUM (churn.sql); then every generated predicate runs under
# five planner settings and with each index alone (predicates.sql), and all
# answers must equal the sequential scan's; amcheck must be clean.

# rel_compare FILE: mismatches between each mode and the "seq" mode
rel_compare() {
	awk -F'|' 'NF == 5 { v = $3 "|" $4 "|" $5
		if ($2 == "seq") base[$1] = v
		else { n++; if (!($1 in base) || base[$1] != v) { bad++; if (bad <= 5) print "# mismatch: " $0 " seq: " base[$1] > "/dev/stderr" } } }
		END { print (bad + 0) " " (n + 0) }' "$1"
}

# rel_run_predicates SERVER NPREDS SEED SOLO OUT: write and run the script
rel_run_predicates() {
	rq "$1" rel -At -v npreds="$2" -v seed="$3" -v solo="$4" \
		-f test/reliability/predicates.sql >"$REL_TMP/preds-$1.sql" &&
		rq "$1" rel -At -f "$REL_TMP/preds-$1.sql" >"$5"
}

part_index() {
	local port rows=$REL_ROWS npreds=$REL_PREDS out res t0
	t0=$(date +%s)
	rel_init index || { notok "index: initdb"; return; }
	port=$(pglib_free_port 56110)
	rel_start index "$port" -c fsync=off -c shared_buffers=128MB \
		-c max_worker_processes=8 -c max_parallel_workers=4 ||
		{ notok "index: server start"; return; }
	rq index postgres -c "CREATE DATABASE rel" &&
		rq index rel -v rows="$rows" -v seed=0.11 -f test/reliability/schema.sql >/dev/null ||
		{ notok "index: schema"; return; }
	local r
	for r in $(seq 0 $((REL_CHURN_ROUNDS - 1))); do
		rq index rel -v rows="$rows" -v round="$r" -f test/reliability/churn.sql >/dev/null ||
			{ notok "index: churn round $r"; return; }
	done
	REL_LAST_ROWS=$(rv index rel "SELECT count(*) FROM churn")
	ok "index: $REL_LAST_ROWS rows after $REL_CHURN_ROUNDS rounds of updates, deletes, inserts and VACUUM on $(rv index rel "SELECT count(*) FROM pg_index WHERE indrelid = 'churn'::regclass") indexes"

	out=$REL_TMP/index-results.txt
	rel_run_predicates index "$npreds" 0.5 1 "$out" || { notok "index: predicate run"; return; }
	res=$(rel_compare "$out")
	if [ "${res%% *}" = 0 ] && [ "${res#* }" -gt 0 ]; then
		ok "index: $npreds predicates, ${res#* } index, bitmap, parallel and single-index runs, 0 answers differ from the sequential scan's"
	else
		notok "index: ${res%% *} of ${res#* } runs differ from the sequential scan"
	fi
	# plans: parallel plans happened, with and without indexes
	local pidx pseq
	pidx=$(awk -F'|' 'NF == 3 && $2 == "pidx" && $3 ~ /parallel$/ && $3 !~ /^- / {n++} END {print n + 0}' "$out")
	pseq=$(awk -F'|' 'NF == 3 && $2 == "pseq" && $3 ~ /parallel$/ {n++} END {print n + 0}' "$out")
	if [ "$pidx" -gt 0 ] && [ "$pseq" -gt 0 ]; then
		ok "index: parallel plans: $pseq predicates under a parallel sequential scan, $pidx under a parallel plan reading an index"
	else
		notok "index: parallel plans: $pseq parallel seq, $pidx parallel index"
	fi
	# every index served some predicate alone
	local cover unused
	cover=$(awk -F'|' 'NF == 3 && $2 ~ /^solo:/ { i = substr($2, 6); split($3, a, " "); seen[i] = 1
			if (index("," a[1] ",", "," i ",")) used[i]++ }
		END { for (i in seen) printf "%s=%d\n", i, used[i] + 0 }' "$out" | sort)
	unused=$(echo "$cover" | grep '=0$' | tr '\n' ' ')
	if [ -n "$cover" ] && [ -z "$unused" ]; then
		ok "index: each of $(echo "$cover" | wc -l) indexes alone answered its predicates ($(echo "$cover" | tr '\n' ' '))"
	else
		notok "index: indexes never used alone: ${unused:-none tried}"
	fi
	local chk
	if chk=$(rv index rel "SELECT rel_amcheck(true)"); then
		case $chk in
			*"heap problems 0") ok "index: amcheck clean: $chk" ;;
			*) notok "index: amcheck: $chk" ;;
		esac
	else
		notok "index: amcheck raised an error"
	fi
	rel_stop index
	figure "index: rows after churn" "$REL_LAST_ROWS"
	figure "index: predicates x runs compared" "$npreds predicates, ${res#* } runs, ${res%% *} mismatches"
	figure "index: part time" "$(( $(date +%s) - t0 )) s"
}
