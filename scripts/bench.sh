#!/usr/bin/env bash
# Guichet's load benchmark (issue 13; docs/performance.md). Not part of ./mvnw verify.
#
# Builds the jar, starts it on PostgreSQL (database guichet_bench, dropped and created) with -Xmx512m on port 8091,
# seeds 10,000 public events, a free flash-sale event and signed-in buyers (org.guichet.demo.BenchData), measures
# PostgreSQL's guarded single-row update (pgbench), anonymous page loads and the flash sale (wrk), checks the sale
# sold exactly its seats, then times the default run's start (H2, port 8092). Prints a table of figures, yardsticks,
# ratios and targets; raw outputs and summary.json/summary.md go to target/bench/.
# Exits 1 if the sale sold another number of tickets than its seats or any request got a 5xx.
#
# Needs: JDK 17, PostgreSQL on 127.0.0.1:5432 (trust auth for user postgres), psql, pgbench, wrk, python3, curl.
# Settings (environment): BENCH_SEATS (3000), BENCH_WARMUP_SEATS (2000, an unmeasured sale first), BENCH_BUYERS (400), BENCH_EVENTS (10000), BENCH_SECONDS (15, each page
# load), BENCH_WARMUP_SECONDS (5), BENCH_SALE_MAX_SECONDS (180: the sale runs until sold out, at most this), BENCH_PGBENCH_SECONDS (10),
# BENCH_CONNECTIONS (64), BENCH_PG_HOST/BENCH_PG_PORT/BENCH_PG_USER (127.0.0.1/5432/postgres), BENCH_PORT (8091),
# BENCH_DEFAULT_PORT (8092), BENCH_SKIP_BUILD=1 (reuse target/*.jar).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SEATS=${BENCH_SEATS:-3000}
WARMUP_SEATS=${BENCH_WARMUP_SEATS:-2000}
BUYERS=${BENCH_BUYERS:-400}
EVENTS=${BENCH_EVENTS:-10000}
SECONDS_EACH=${BENCH_SECONDS:-15}
WARMUP=${BENCH_WARMUP_SECONDS:-5}
SALE_MAX_SECONDS=${BENCH_SALE_MAX_SECONDS:-180}
PGBENCH_SECONDS=${BENCH_PGBENCH_SECONDS:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
PORT=${BENCH_PORT:-8091}
DEFAULT_PORT=${BENCH_DEFAULT_PORT:-8092}
DB=guichet_bench
BASE=http://127.0.0.1:$PORT
OUT=$ROOT/target/bench
LUA=$ROOT/scripts/bench

APP_PID=
DEFAULT_PID=
WRK_PID=
DEFAULT_DIR=
stop() {
    local pid=$1
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
        kill -9 "$pid" 2>/dev/null || true
    fi
}
cleanup() {
    stop "$WRK_PID"
    stop "$APP_PID"
    if [[ -n $DEFAULT_PID ]]; then kill -TERM -- -"$DEFAULT_PID" 2>/dev/null || true; fi
    stop "$DEFAULT_PID"
    if [[ -n $DEFAULT_DIR ]]; then rm -rf "$DEFAULT_DIR"; fi
}
trap cleanup EXIT

say() { printf '\n== %s\n' "$*" >&2; }
psql_bench() { psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -At "$@"; }

# Waits until $1/actuator/health answers 200 (at most $2 seconds), or fails naming the log $3.
wait_healthy() {
    local deadline=$((SECONDS + $2))
    until curl -sf -o /dev/null "$1/actuator/health"; do
        if (( SECONDS > deadline )); then echo "bench: $1 not healthy after $2 s, see $3" >&2; exit 2; fi
        sleep 0.2
    done
}

port_free() {
    if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/"; then
        echo "bench: something already answers on port $1; stop it first" >&2
        exit 2
    fi
}

# wrk_run NAME URL [seconds]: anonymous load; raw output in OUT/wrk-NAME.txt, figures in OUT/wrk-NAME.json.
wrk_run() {
    local name=$1 url=$2 duration=${3:-$SECONDS_EACH}
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s -s "$LUA/pages.lua" "$url" > "$OUT/wrk-$name-warmup.txt"
    wrk -t2 -c"$CONNECTIONS" -d"${duration}s" --timeout 10s --latency -s "$LUA/pages.lua" "$url" > "$OUT/wrk-$name.txt"
    sed -n 's/^BENCH_JSON //p' "$OUT/wrk-$name.txt" > "$OUT/wrk-$name.json"
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("%-14s %7.1f req/s  p50 %6.1f ms  p99 %7.1f ms  non-2xx/3xx %d  socket errors %s" % (sys.argv[2], r["rps"], r["latency_ms"]["p50"], r["latency_ms"]["p99"], r["non_2xx_3xx"], r["socket_errors"]))' "$OUT/wrk-$name.json" "$name" >&2
}

for tool in java psql pgbench wrk python3 curl; do
    command -v "$tool" > /dev/null || { echo "bench: $tool is missing" >&2; exit 2; }
done
port_free "$PORT"
port_free "$DEFAULT_PORT"
rm -rf "$OUT"
mkdir -p "$OUT/run"
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v now="${LOAD_AT_START%% *}" -v cores="$(nproc)" 'BEGIN { exit !(now > cores / 2) }'; then
    echo "bench: warning: load average $LOAD_AT_START on $(nproc) cores before starting; figures will be low" >&2
fi

if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    say "building the jar"
    ./mvnw -B -ntp -q package -DskipTests
fi
JAR=$(ls "$ROOT"/target/guichet-*.jar | grep -v plain | head -1)

say "database $DB on $PG_HOST:$PG_PORT (dropped and created)"
psql_bench -d postgres -c "drop database if exists $DB" -c "create database $DB"

say "starting Guichet on $BASE (PostgreSQL, -Xmx512m) and seeding $EVENTS events, $SEATS seats, $BUYERS buyers"
# Default profile (dev mailbox: no mail leaves), its files under target/bench/run. Every buyer signs in from
# 127.0.0.1, so the per-address sign-in limit is raised for this run only.
(cd "$OUT/run" && exec java -Xmx512m -jar "$JAR" \
    --server.port="$PORT" \
    --spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" \
    --spring.datasource.username="$PG_USER" --spring.datasource.password= \
    --guichet.demo.seed=false \
    --guichet.base-url="$BASE" \
    --guichet.rate-limits.login.per-address=1000000/1m \
    --guichet.bench.seed=true --guichet.bench.events="$EVENTS" --guichet.bench.seats="$SEATS" \
    --guichet.bench.warmup-seats="$WARMUP_SEATS" \
    --guichet.bench.buyers="$BUYERS" --guichet.bench.output="$OUT/seed.env" \
    > "$OUT/app.log" 2>&1) &
APP_PID=$!
wait_healthy "$BASE" 300 "$OUT/app.log"
deadline=$((SECONDS + 900))
until [[ -f $OUT/seed.env ]]; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "bench: Guichet stopped while seeding, see $OUT/app.log" >&2; exit 2; }
    (( SECONDS < deadline )) || { echo "bench: seeding did not finish, see $OUT/app.log" >&2; exit 2; }
    sleep 1
done
# shellcheck disable=SC1091
SALE_EVENT_ID=$(sed -n 's/^SALE_EVENT_ID=//p' "$OUT/seed.env")
SALE_TICKET_TYPE_ID=$(sed -n 's/^SALE_TICKET_TYPE_ID=//p' "$OUT/seed.env")
WARMUP_EVENT_ID=$(sed -n 's/^WARMUP_EVENT_ID=//p' "$OUT/seed.env")
WARMUP_TICKET_TYPE_ID=$(sed -n 's/^WARMUP_TICKET_TYPE_ID=//p' "$OUT/seed.env")
grep 'Bench data written' "$OUT/app.log" | sed 's/.*BenchData *: //' >&2
echo "buyers' password for this run: $(sed -n 's/^BUYER_PASSWORD=//p' "$OUT/seed.env") (in $OUT/seed.env)" >&2
# Statistics as autovacuum would have them on a database that has lived a while (it had not run yet here).
psql_bench -d "$DB" -c "vacuum analyze"
LISTED_EVENT_ID=$(psql_bench -d "$DB" -c "select id from events where id not in ($SALE_EVENT_ID, $WARMUP_EVENT_ID) order by id offset $((EVENTS / 2)) limit 1")

say "signing $BUYERS buyers in through /login"
python3 "$LUA/buyers.py" "$BASE" "$OUT/seed.env" "$OUT/buyers.tsv" 16 >&2

say "pgbench: guarded single-row update, $CONNECTIONS clients, ${PGBENCH_SECONDS} s"
psql_bench -d "$DB" -c "create table seat_bench (id int primary key, sold int not null, cap int not null)" \
    -c "insert into seat_bench values (1, 0, 2147483647)"
pgbench -n -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -c "$CONNECTIONS" -j2 -T "$PGBENCH_SECONDS" \
    -f "$LUA/seat_update.sql" "$DB" > "$OUT/pgbench.txt" 2>&1
PGBENCH_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench.txt" | tail -1)
echo "pgbench        $PGBENCH_TPS tps" >&2
psql_bench -d "$DB" -c "drop table seat_bench"

say "anonymous page loads: wrk -t2 -c$CONNECTIONS, ${WARMUP} s warm-up then ${SECONDS_EACH} s each, no cookies"
SESSIONS_BEFORE_ANONYMOUS=$(psql_bench -d "$DB" -c "select count(*) from spring_session")
wrk_run health "$BASE/actuator/health"
wrk_run events "$BASE/events"
wrk_run events-page2 "$BASE/events?page=2"
wrk_run event "$BASE/events/$LISTED_EVENT_ID"
wrk_run home "$BASE/"
SESSIONS_AFTER_ANONYMOUS=$(psql_bench -d "$DB" -c "select count(*) from spring_session")

# sale <event> <ticket type> <seats> <wrk output>: wrk runs until the database says every seat is sold (then a second
# for the last answers, and SIGINT, on which wrk stops and prints its figures), or SALE_MAX_SECONDS; requests wrk
# left in flight still finish on the server, so it returns once the seats stop moving (2 s, at most 60 s).
sold_of() { psql_bench -d "$DB" -c "select sold from ticket_types where id = $1"; }
sale() {
    local event=$1 type=$2 seats=$3 output=$4
    BENCH_BUYERS_FILE=$OUT/buyers.tsv BENCH_EVENT_ID=$event BENCH_TICKET_TYPE_ID=$type \
        wrk -t2 -c"$CONNECTIONS" -d"${SALE_MAX_SECONDS}s" --timeout 10s --latency -s "$LUA/sale.lua" "$BASE" \
        > "$output" &
    WRK_PID=$!
    while kill -0 "$WRK_PID" 2>/dev/null; do
        if [[ $(sold_of "$type") -ge $seats ]]; then
            sleep 1
            kill -INT "$WRK_PID" 2>/dev/null || true
            break
        fi
        sleep 0.5
    done
    wait "$WRK_PID" || true
    WRK_PID=
    local last_sold=-1 current
    for _ in $(seq 1 30); do
        current=$(sold_of "$type")
        [[ $current == "$last_sold" ]] && break
        last_sold=$current
        sleep 2
    done
}

say "warm-up sale, not measured: $WARMUP_SEATS seats of event $WARMUP_EVENT_ID (a server is warm on a sale day: its compiler has long compiled the sale's code)"
sale "$WARMUP_EVENT_ID" "$WARMUP_TICKET_TYPE_ID" "$WARMUP_SEATS" "$OUT/wrk-warmup-sale.txt"

# Statistics of the tables the warm-up filled, as autovacuum keeps them on a server that runs it (this machine's
# PostgreSQL runs without it: plans made on "orders and tickets are empty" slow the sale twenty-fold).
if [[ $(psql_bench -d "$DB" -c "show autovacuum") != on ]]; then
    echo "bench: autovacuum is off on this PostgreSQL: analyzing after the warm-up as it would" >&2
fi
psql_bench -d "$DB" -c "analyze"

say "flash sale: $SEATS seats of event $SALE_EVENT_ID, $CONNECTIONS connections of signed-in buyers, until sold out (at most ${SALE_MAX_SECONDS} s)"
sale "$SALE_EVENT_ID" "$SALE_TICKET_TYPE_ID" "$SEATS" "$OUT/wrk-sale.txt"
sed -n 's/^BENCH_JSON //p' "$OUT/wrk-sale.txt" > "$OUT/wrk-sale.json"
VALID_TICKETS=$(psql_bench -d "$DB" -c "select count(*) from tickets where event_id = $SALE_EVENT_ID and status = 'VALID'")
ALL_TICKETS=$(psql_bench -d "$DB" -c "select count(*) from tickets where event_id = $SALE_EVENT_ID")
TYPE_SOLD=$(psql_bench -d "$DB" -c "select sold from ticket_types where id = $SALE_TICKET_TYPE_ID")
EVENT_SEATS_TAKEN=$(psql_bench -d "$DB" -c "select seats_taken from events where id = $SALE_EVENT_ID")
SALE_SPAN_S=$(psql_bench -d "$DB" -c "select coalesce(extract(epoch from max(created_at) - min(created_at)), 0)
    from tickets where event_id = $SALE_EVENT_ID")
ORDERS=$(psql_bench -d "$DB" -c "select count(*) from orders where event_id = $SALE_EVENT_ID")
SESSIONS_END=$(psql_bench -d "$DB" -c "select count(*) from spring_session")
SERVER_ERRORS_LOGGED=$(grep -c ' ERROR ' "$OUT/app.log" || true)

say "stopping Guichet ($APP_PID)"
stop "$APP_PID"
APP_PID=

say "default run's start: the README's ./mvnw spring-boot:run (H2 and demo data in a temporary directory, port $DEFAULT_PORT)"
DEFAULT_DIR=$(mktemp -d)
start_ns=$(date +%s%N)
# its own process group, so stopping it stops Maven and the application it forked
setsid ./mvnw -B -ntp -q spring-boot:run -Dspring-boot.run.workingDirectory="$DEFAULT_DIR" \
    -Dspring-boot.run.arguments="--server.port=$DEFAULT_PORT" > "$OUT/default-run.log" 2>&1 &
DEFAULT_PID=$!
wait_healthy "http://127.0.0.1:$DEFAULT_PORT" 180 "$OUT/default-run.log"
DEFAULT_HEALTHY_S=$(python3 -c "import sys; print('%.2f' % ((int(sys.argv[2]) - int(sys.argv[1])) / 1e9))" \
    "$start_ns" "$(date +%s%N)")
# Spring's own figure: from the JVM's start to the application's, Maven's start and the demo data aside
DEFAULT_START_S=$(sed -n 's/.*Started GuichetApplication in \([0-9.]*\) seconds.*/\1/p' "$OUT/default-run.log" | tail -1)
echo "default run: started in $DEFAULT_START_S s (Spring's figure); healthy $DEFAULT_HEALTHY_S s after the command, Maven and the first start's demo data included" >&2
kill -TERM -- -"$DEFAULT_PID" 2>/dev/null || true
stop "$DEFAULT_PID"
DEFAULT_PID=

cat > "$OUT/facts.env" <<FACTS
SEATS=$SEATS
BUYERS=$BUYERS
EVENTS=$EVENTS
SALE_EVENT_ID=$SALE_EVENT_ID
SALE_TICKET_TYPE_ID=$SALE_TICKET_TYPE_ID
LISTED_EVENT_ID=$LISTED_EVENT_ID
PGBENCH_TPS=$PGBENCH_TPS
VALID_TICKETS=$VALID_TICKETS
ALL_TICKETS=$ALL_TICKETS
TYPE_SOLD=$TYPE_SOLD
EVENT_SEATS_TAKEN=$EVENT_SEATS_TAKEN
SALE_SPAN_S=$SALE_SPAN_S
ORDERS=$ORDERS
SESSIONS_BEFORE_ANONYMOUS=$SESSIONS_BEFORE_ANONYMOUS
SESSIONS_AFTER_ANONYMOUS=$SESSIONS_AFTER_ANONYMOUS
SESSIONS_END=$SESSIONS_END
SERVER_ERRORS_LOGGED=$SERVER_ERRORS_LOGGED
DEFAULT_START_S=$DEFAULT_START_S
DEFAULT_HEALTHY_S=$DEFAULT_HEALTHY_S
LOAD_AT_START="$LOAD_AT_START"
LOAD_AT_END="$(cut -d' ' -f1-3 /proc/loadavg)"
CORES=$(nproc)
FACTS

say "results (raw outputs and summary.json/summary.md in $OUT)"
python3 "$LUA/summary.py" "$OUT"
