#!/usr/bin/env bash
# The benchmark: the machine's ceiling (Kafka perf tools, batched ledger writes in PostgreSQL),
# then the purchase stream through points-service alone and through all four services,
# latency at a fixed rate, CPU and memory; writes benchmark-report/report.md and PNG charts.
# Options (defaults): --events 200000 --customers 20000 --rate 1000 --latency-seconds 30
#                     --warmup 300000 (events driven through first, so that the JIT has compiled the hot code)
#                     --only points|all (one phase, printed, no report: for trying a change)
#                     --only ledger (the ledger-write ceiling alone: the machine's speed of the moment)
#                     --partitions 3 --out benchmark-report
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q install -DskipTests
classpath="dev-infra/target/classes:$(cat dev-infra/target/classes/kafka-broker.classpath)"
# The load generator with the client compiler only, as the broker: on two shared cores its
# server compiler was still compiling during the measured run (1.5 s of CPU per 100,000
# events instead of 3.0).
exec java -Xmx1g -XX:TieredStopAtLevel=1 -cp "$classpath" org.loyalty.devinfra.bench.Benchmark "$@"
