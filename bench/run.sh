#!/usr/bin/env bash
# Shared by ./bench.sh and ./faults.sh: build (offline when the local Maven repository has everything, else online),
# then run the given main class from a copy of the harness, so a rebuild during a run cannot pull classes from under it.
set -euo pipefail
main="$1"; shift
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
build=true
args=()
for arg in "$@"; do
  if [[ "$arg" == "--no-build" ]]; then build=false; else args+=("$arg"); fi
done
if $build; then
  modules=platform,platform-test,provider-sandbox,register-service,integration-service,notifier-service
  echo "building $modules and bench ..."
  if ! ./mvnw -q -o -B install -DskipTests -pl "$modules" || ! ./mvnw -q -o -B package -DskipTests -pl bench; then
    echo "offline build failed; trying online"
    ./mvnw -q -B install -DskipTests -pl "$modules"
    ./mvnw -q -B package -DskipTests -pl bench
  fi
fi
run="bench/target/run-$$"
mkdir -p "$run"
cp bench/target/bench-0.1.0-SNAPSHOT.jar "$run/bench.jar"
cp -r bench/target/lib "$run/lib"
trap 'rm -rf "$run"' EXIT
java -Xmx1g -XX:+UseSerialGC -Dbench.root="$root" -cp "$run/bench.jar:$run/lib/*" "$main" ${args[@]+"${args[@]}"}
