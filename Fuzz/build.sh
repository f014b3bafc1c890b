#!/usr/bin/env bash
# Builds .build/fuzz/qbrief-fuzz: the register readers (Sources/BriefModel) with libFuzzer and
# AddressSanitizer (swiftc -sanitize=fuzzer,address), ZIPFoundation as a static library.
# Rebuilds only what is older than its sources.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/fuzz
mkdir -p "$out"
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
