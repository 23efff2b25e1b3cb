#!/usr/bin/env bash
# Switchboard benchmarks: builds what they run, starts PostgreSQL, Kafka, the provider sandbox and the services,
# drives the services' APIs and writes bench/results/<date>.md. Options: --quick, --scenario=floor,latency,throughput,
# drain,noisy, --runs=N, --out=file.md, --no-build. See bench/README.md.
exec "$(dirname "$0")/bench/run.sh" io.switchboard.bench.BenchMain "$@"
