#!/usr/bin/env bash
# Builds the platform and runs it locally without Docker: a Kafka broker, the databases and
# every service. Needs only a JDK 17+. Pass --simulate to feed checkout events. Ctrl-C stops all.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q install -DskipTests
classpath="dev-infra/target/classes:$(cat dev-infra/target/classes/kafka-broker.classpath)"
exec java -cp "$classpath" org.loyalty.devinfra.run.LocalRun "$@"
