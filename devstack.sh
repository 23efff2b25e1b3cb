#!/usr/bin/env bash
# Builds Switchboard and starts the whole stack on this machine: PostgreSQL, Kafka, the dev identity
# server, the provider sandbox, every service and the gateway. Needs only a JDK 17+.
# ./devstack.sh --help lists the options; devstack/README.md says more.
set -euo pipefail
cd "$(dirname "$0")"

jar=devstack/target/devstack-0.1.0-SNAPSHOT.jar
build=true
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    --help|-h) [[ -f "$jar" ]] && build=false; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

if ! command -v java >/dev/null 2>&1; then
  echo "devstack: no 'java' on the PATH; install a JDK 17 or newer." >&2
  exit 1
fi

if $build; then
  echo "Building (./mvnw -B -q -DskipTests install; ./devstack.sh --no-build skips this)..."
  started=$SECONDS
  ./mvnw -B -q -DskipTests install
  echo "Built in $((SECONDS - started)) s."
elif [[ ! -f "$jar" ]]; then
  echo "devstack: $jar is missing; run ./devstack.sh without --no-build once." >&2
  exit 1
fi

# The launcher only starts and watches the other processes; a small heap is plenty.
exec java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$jar" ${args[@]+"${args[@]}"}
