# test/reliability/standby.sh -- part "standby" of tools/reliability.sh: a
# physical streaming standby answers like its primary.  Sourced; defines
# part_standby.
#
# A primary (socket only) gets the churn table and its indexes; a standby
# is made with pg_basebackup -R and started; more churn rounds then reach it
# by streaming replication.  Once it has replayed everything, the generated
# predicates run on both under the five planner settings: every answer must
# be the same on both, the standby's index plans must read the indexes, and
# amcheck (bt_index_check, which a standby can run) must be clean there.

part_standby() {
	local pport sport rows=$((REL_ROWS / 2)) t0 r npreds=$((REL_PREDS / 2))
	t0=$(date +%s)
	rel_init primary || { notok "standby: initdb"; return; }
	pport=$(pglib_free_port 56130)
	rel_start primary "$pport" -c fsync=off -c wal_level=replica -c max_wal_senders=4 \
		-c max_worker_processes=8 -c max_parallel_workers=4 ||
		{ notok "standby: primary start"; return; }
	rq primary postgres -c "CREATE DATABASE rel" &&
		rq primary rel -v rows="$rows" -v seed=0.33 -f test/reliability/schema.sql >/dev/null &&
		rq primary rel -v rows="$rows" -v round=0 -f test/reliability/churn.sql >/dev/null ||
		{ notok "standby: primary schema"; return; }
	mkdir -p "$REL_TMP/standby"
	is_root && chown postgres "$REL_TMP/standby"
	if ! as_pg "$PG_BINDIR/pg_basebackup" -h "$REL_TMP/primary" -p "$pport" -U "$(rel_user)" \
		-D "$REL_TMP/standby/data" -R -X stream -c fast >"$REL_TMP/standby/basebackup.log" 2>&1; then
		notok "standby: pg_basebackup -R"
		cat "$REL_TMP/standby/basebackup.log"
		return
	fi
	sport=$(pglib_free_port $((pport + 1)))
	rel_start standby "$sport" -c hot_standby=on -c max_worker_processes=8 -c max_parallel_workers=4 ||
		{ notok "standby: standby start"; return; }
	check_eq "standby: pg_basebackup -R standby is in recovery" "$(rv standby postgres "SELECT pg_is_in_recovery()")" t
	for r in 1 2; do
		rq primary rel -v rows="$rows" -v round="$r" -f test/reliability/churn.sql >/dev/null ||
			{ notok "standby: churn round $r on the primary"; return; }
	done
	if ! rel_wait_replay primary standby; then
		notok "standby: did not catch up with the primary within 120 s"
		return
	fi
	check_eq "standby: streaming (pg_stat_replication on the primary)" \
		"$(rv primary postgres "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" 1
	check_eq "standby: same row count as the primary" \
		"$(rv standby rel "SELECT count(*) FROM churn")" "$(rv primary rel "SELECT count(*) FROM churn")"

	local outp=$REL_TMP/standby-primary.txt outs=$REL_TMP/standby-standby.txt res
	if rel_run_predicates primary "$npreds" 0.7 0 "$outp" &&
		rq standby rel -At -f "$REL_TMP/preds-primary.sql" >"$outs"; then
		if cmp -s <(grep -E '^([^|]*\|){4}[^|]*$' "$outp") \
			<(grep -E '^([^|]*\|){4}[^|]*$' "$outs"); then
			ok "standby: $npreds predicates x 5 planner settings: $(grep -cE '^([^|]*\|){4}[^|]*$' "$outs") answers identical on primary and standby"
		else
			notok "standby: answers differ between primary and standby"
			diff <(grep -E '^([^|]*\|){4}[^|]*$' "$outp") <(grep -E '^([^|]*\|){4}[^|]*$' "$outs") | head -5
		fi
		res=$(rel_compare "$outs")
		check_eq "standby: on the standby, index scans agree with sequential scans (${res#* } runs)" "${res%% *}" 0
		local used
		used=$(awk -F'|' 'NF == 3 && $2 == "idx" && $3 !~ /^- / {n++} END {print n + 0}' "$outs")
		if [ "$used" -gt 0 ]; then
			ok "standby: index plans on the standby read indexes ($used of $npreds predicates with sequential scans off)"
		else
			notok "standby: no index plan on the standby"
		fi
	else
		notok "standby: predicate run"
	fi
	local chk
	if chk=$(rv standby rel "SELECT rel_amcheck(false)") && [[ $chk == *"heap problems 0" ]]; then
		ok "standby: amcheck clean on the standby: $chk"
	else
		notok "standby: amcheck on the standby: ${chk:-error}"
	fi
	local st
	st=$(rq standby rel -At -c "INSERT INTO churn (id, p) VALUES (-1, 1)" 2>&1)
	case $st in *"read-only transaction"*) ok "standby: writes are refused on the standby" ;;
		*) notok "standby: a write on the standby: $st" ;; esac
	rel_stop standby
	rel_stop primary
	figure "standby: answers compared" "$npreds predicates x 5 settings, identical; $used index plans on the standby"
	figure "standby: part time" "$(( $(date +%s) - t0 )) s"
}
