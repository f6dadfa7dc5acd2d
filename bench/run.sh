#!/usr/bin/env bash
# Runs Osprey's benchmarks: bench/run.sh [import|coldstart|all] [--size-mb N] [--repeats N] [--runs N]
#                                        [--dir D] [--modes headless,xvfb]
#                        or bench/run.sh train [--quick] [--rows N] [--smile-rows N] [--rf-rows N] [--dir D]
# Builds what the bench needs (ml-core, app and their modules), then runs the harness in its own JVM.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
if [[ -z "${JAVA_HOME:-}" || ! -f "$JAVA_HOME/release" ]] || ! grep -qE '^JAVA_VERSION="(2[5-9]|[3-9][0-9])' "$JAVA_HOME/release"; then
    JAVA_HOME="$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)"
    [[ -n "$JAVA_HOME" ]] || { echo "bench: needs a JDK 25 (set JAVA_HOME)" >&2; exit 1; }
fi
export JAVA_HOME
cd "$ROOT"
./mvnw -B -q install -DskipTests -pl bench -am
./mvnw -B -q -pl bench exec:exec -Dbench.args="${*:-all}"
