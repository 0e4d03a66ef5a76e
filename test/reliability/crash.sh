# test/reliability/crash.sh -- part "crash" of tools/reliability.sh: crash
# recovery.  Sourced; defines part_crash.
#
# One server with fsync and synchronous_commit on.  REL_CRASHES times: a
# bounded pgbench load (4 clients, crash.pgb) runs; after REL_CRASH_SECONDS
# the postmaster and all its children get SIGKILL at once; the server is
# restarted (crash recovery).  pgbench's per-transaction log (-l) is the
# ledger of acknowledged commits: a line with a numeric time is a commit the
# client saw succeed, and client c's k-th such line is its ledger row n = k.
# Every acknowledged row must be there after recovery (rows committed but
# not yet acknowledged may be there too), amcheck must be clean and index
# scans must still agree with sequential scans.

part_crash() {
	local port rows=$((REL_ROWS / 2)) cycle t0 dir=$REL_TMP/crash
	t0=$(date +%s)
	rel_init crash || { notok "crash: initdb"; return; }
	port=$(pglib_free_port 56120)
	rel_start crash "$port" -c fsync=on -c synchronous_commit=on -c full_page_writes=on \
		-c shared_buffers=64MB -c checkpoint_timeout=30s ||
		{ notok "crash: server start"; return; }
	rq crash postgres -c "CREATE DATABASE rel" &&
		rq crash rel -v rows="$rows" -v seed=0.22 -f test/reliability/schema.sql >/dev/null &&
		rq crash rel -c "CREATE TABLE ledger (cycle int, client int, n int, p port, r portrange,
							 m portmultirange, PRIMARY KEY (cycle, client, n));
						 CREATE INDEX ledger_p ON ledger (p);
						 CREATE INDEX ledger_p_hash ON ledger USING hash (p);
						 CREATE INDEX ledger_r ON ledger USING gist (r);
						 CREATE INDEX ledger_m ON ledger USING gist (m);
						 CHECKPOINT;" ||
		{ notok "crash: schema"; return; }
	local total_acked=0 total_extra=0 total_lost=0
	for cycle in $(seq 1 "$REL_CRASHES"); do
		local logdir=$dir/ledger$cycle pgpid acked lost extra st
		mkdir -p "$logdir"
		(cd "$logdir" && exec "$PG_BINDIR/pgbench" -n -h "$dir" -p "$port" -U "$(rel_user)" \
			-c 4 -j 2 -T $((REL_CRASH_SECONDS * 10)) -l -D cycle="$cycle" -D n=0 -D rows="$rows" \
			-f "$REL_SRC/test/reliability/crash.pgb" rel >"$logdir/pgbench.out" 2>&1) &
		pgpid=$!
		sleep "$REL_CRASH_SECONDS"
		rel_kill9 crash
		wait "$pgpid"
		# the ledger: acknowledged transactions per client
		acked=$(cat "$logdir"/pgbench_log.* 2>/dev/null |
			awk '$3 ~ /^[0-9]+$/ {n[$1]++} END {for (c in n) printf "(%d,%d),", c, n[c]}')
		acked=${acked%,}
		if [ -z "$acked" ]; then
			notok "crash $cycle: no acknowledged transactions before the kill"
			tail -5 "$logdir/pgbench.out"
			rel_start crash "$port" -c fsync=on || return
			continue
		fi
		if ! rel_start crash "$port" -c fsync=on -c synchronous_commit=on -c full_page_writes=on \
			-c shared_buffers=64MB; then
			notok "crash $cycle: restart after kill -9"
			return
		fi
		grep -q "database system was interrupted\|was not properly shut down" "$dir/server.log" &&
			grep -q "redo done\|redo starts" "$dir/server.log" ||
			note "crash $cycle: no crash-recovery messages in the log"
		st=$(rv crash rel "
			WITH ack(client, k) AS (VALUES $acked)
			SELECT sum(k) || ' ' ||
				   sum(k - (SELECT count(*) FROM ledger l WHERE l.cycle = $cycle AND l.client = ack.client AND l.n <= ack.k)) || ' ' ||
				   (SELECT count(*) FROM ledger l WHERE l.cycle = $cycle) - sum(k)
			FROM ack") || { notok "crash $cycle: ledger query"; continue; }
		read -r acked lost extra <<<"$st"
		total_acked=$((total_acked + acked))
		total_extra=$((total_extra + extra))
		total_lost=$((total_lost + lost))
		if [ "$lost" = 0 ]; then
			ok "crash $cycle: kill -9 under pgbench load after ${REL_CRASH_SECONDS}s; all $acked acknowledged commits there after recovery ($extra committed, unacknowledged)"
		else
			notok "crash $cycle: $lost of $acked acknowledged commits lost"
		fi
		local chk
		if chk=$(rv crash rel "SELECT rel_amcheck(true)") && [[ $chk == *"heap problems 0" ]]; then
			ok "crash $cycle: amcheck clean after recovery: $chk"
		else
			notok "crash $cycle: amcheck: ${chk:-error}"
		fi
		local out=$REL_TMP/crash-results-$cycle.txt res
		if rel_run_predicates crash 60 0.$cycle 0 "$out"; then
			res=$(rel_compare "$out")
			check_eq "crash $cycle: index scans agree with sequential scans after recovery (60 predicates, ${res#* } runs)" "${res%% *}" 0
		else
			notok "crash $cycle: predicate run"
		fi
	done
	rel_stop crash
	figure "crash: crashes" "$REL_CRASHES (kill -9 after ${REL_CRASH_SECONDS} s of 4-client pgbench)"
	figure "crash: acknowledged commits checked" "$total_acked, $total_lost lost, $total_extra committed but unacknowledged"
	figure "crash: part time" "$(( $(date +%s) - t0 )) s"
}
