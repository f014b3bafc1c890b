#!/usr/bin/env bash
# Builds the two fuzz binaries, both with libFuzzer and AddressSanitizer:
#   .build/fuzz/qbrief-fuzz      the register readers (Sources/BriefModel, targets csv json xlsx
#                                sheet per), swiftc -sanitize=fuzzer,address, ZIPFoundation as a
#                                static library; rebuilt only when older than its sources
#   .build/fuzz/qbrief-cli-fuzz  qbrief itself built with -DQB_FUZZ (targets yaml options, see
#                                Sources/qbrief/FuzzEntry.swift): SwiftPM, release (a debug build
#                                runs ArgumentParser's self-checks on every parse: one command line
#                                a second), in its own scratch path .build/fuzz-cli, so the
#                                ordinary .build is left alone
# Usage: Fuzz/build.sh [readers|cli]   (default both)
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/fuzz
mkdir -p "$out"
what=${1:-all}
if [ "$what" = all ] || [ "$what" = cli ]; then
    echo "fuzz: building qbrief with -DQB_FUZZ (SwiftPM, release, .build/fuzz-cli)"
    swift build -c release --scratch-path .build/fuzz-cli --product qbrief --sanitize fuzzer --sanitize address \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -DQB_FUZZ > "$out/build-cli.log" 2>&1 \
        || { grep -E 'error' "$out/build-cli.log" | grep -v 'Cannot export' | head -20; exit 1; }
    ln -sf ../fuzz-cli/release/qbrief "$out/qbrief-cli-fuzz"
    echo "fuzz: built $out/qbrief-cli-fuzz"
fi
[ "$what" = all ] || [ "$what" = readers ] || exit 0
[ -d .build/checkouts/ZIPFoundation ] || swift package resolve >/dev/null
zip=.build/checkouts/ZIPFoundation/Sources
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -I "$zip/CZLib" -I "$out")
if [ ! -f "$out/libZIPFoundation.a" ] || [ ! -f "$out/ZIPFoundation.swiftmodule" ]; then
    echo "fuzz: building ZIPFoundation (instrumented)"
    swiftc "${flags[@]}" -swift-version 5 -Xcc -D_GNU_SOURCE=1 -module-name ZIPFoundation -emit-module -emit-module-path "$out/ZIPFoundation.swiftmodule" \
        -emit-library -static -o "$out/libZIPFoundation.a" "$zip"/ZIPFoundation/*.swift > "$out/build.log" 2>&1 \
        || { grep -E 'error' "$out/build.log" | head -20; exit 1; }
fi
newest=$(ls -t Sources/BriefModel/*.swift Fuzz/FuzzTarget.swift Fuzz/build.sh "$out/libZIPFoundation.a" | head -1)
if [ -x "$out/qbrief-fuzz" ] && [ "$out/qbrief-fuzz" -nt "$newest" ]; then echo "fuzz: $out/qbrief-fuzz is up to date"; exit 0; fi
rm -f "$out/qbrief-fuzz"
echo "fuzz: building the readers and the fuzz target"
swiftc "${flags[@]}" -swift-version 6 -module-name BriefModel -package-name QualityBrief Sources/BriefModel/*.swift Fuzz/FuzzTarget.swift \
    "$out/libZIPFoundation.a" -lz -o "$out/qbrief-fuzz" > "$out/build.log" 2>&1 \
    || { grep -E 'error' "$out/build.log" | head -20; exit 1; }
echo "fuzz: built $out/qbrief-fuzz"
