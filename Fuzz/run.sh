#!/usr/bin/env bash
# Runs the fuzzers for FUZZ_SECONDS seconds each (default 60), one after the other on one core,
# starting from the committed seeds in Fuzz/corpus/<target>; new inputs go to
# .build/fuzz/corpus/<target>, crashes to .build/fuzz/artifacts/, each target's log to
# .build/fuzz/<target>.log. Exits non-zero when any target crashes, hangs (20 s) or needs more
# than 2.5 GB. Targets: csv json xlsx sheet per (the register readers, .build/fuzz/qbrief-fuzz)
# and yaml options (report definitions and command lines, .build/fuzz/qbrief-cli-fuzz; see
# Fuzz/README.md). Leak detection is off: Foundation's XML error path and Data(contentsOf:) on
# an empty file leak a few bytes per call inside Foundation, which this project cannot fix.
# Usage: Fuzz/run.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-${FUZZ_SECONDS:-60}}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv json xlsx sheet per yaml options)
Fuzz/build.sh || exit 1
export SWIFT_BACKTRACE=enable=no
# -detect_leaks=0 below stops libFuzzer's per-input leak check; LeakSanitizer's own check at exit
# is AddressSanitizer's option (it failed the sheet target on Foundation's XML parser).
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
status=0
for t in "${targets[@]}"; do
    work=.build/fuzz/corpus/$t
    mkdir -p "$work" .build/fuzz/artifacts
    echo "fuzz: $t for ${seconds}s"
    case $t in yaml|options) binary=.build/fuzz/qbrief-cli-fuzz ;; *) binary=.build/fuzz/qbrief-fuzz ;; esac
    QB_FUZZ_TARGET=$t $binary -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -detect_leaks=0 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix=".build/fuzz/artifacts/$t-" "$work" "Fuzz/corpus/$t" \
        > ".build/fuzz/$t.log" 2>&1
    rc=$?
    grep -E '^#[0-9]+ *DONE|stat::number_of_executed_units|cov:' ".build/fuzz/$t.log" | tail -2
    if [ $rc -ne 0 ]; then
        status=1
        echo "fuzz: $t FAILED (exit $rc); the input is in .build/fuzz/artifacts/:"
        grep -E 'ERROR|Fatal error|==ABORTING|Test unit written|SUMMARY' ".build/fuzz/$t.log" | head -8
    fi
done
exit $status
