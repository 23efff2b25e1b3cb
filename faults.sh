#!/usr/bin/env bash
# Switchboard fault suite: nothing lost, nothing twice. Builds what it runs, injects each fault mid-stream and writes
# bench/results/<date>-faults.md; exits 1 if a scenario lost or duplicated a message. Options: --quick, --count=N,
# --out=file.md, --no-build. See bench/README.md.
exec "$(dirname "$0")/bench/run.sh" io.switchboard.bench.FaultSuiteMain "$@"
