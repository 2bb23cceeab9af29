#!/usr/bin/env bash
# Builds the libFuzzer target (Sources/sakerhet-fuzz) with AddressSanitizer and runs it for
# SECONDS (default 600) on a corpus seeded from data/. See docs/security.md.
#
#   .ci/fuzz.sh [SECONDS]
#
# The corpus grows in $FUZZ_DIR/corpus (default .build-fuzz/fuzz) and is kept between runs;
# a crashing input is written to $FUZZ_DIR/crashes/. Every input that ever crashed belongs
# in Tests/SakerhetCoreTests/FuzzRegressions/ (minimise it first: run the fuzzer binary with
# -minimize_crash=1 -runs=10000 on the crash file); this script runs those first.
# Exit code: 0 no crash, 1 a crash or a leak, 2 the build failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${1:-600}
scratch=${SAKERHET_FUZZ_SCRATCH:-.build-fuzz}
work=${FUZZ_DIR:-$scratch/fuzz}
regressions=Tests/SakerhetCoreTests/FuzzRegressions

# The target is in the package only with SAKERHET_FUZZ=1; SwiftPM links main to the
# module's entry point, which starts libFuzzer's driver (see Sources/sakerhet-fuzz/main.swift).
echo "== building sakerhet-fuzz (release, -sanitize=fuzzer,address)"
SAKERHET_FUZZ=1 swift build -c release --scratch-path "$scratch" --product sakerhet-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 \
    | grep -v "Cannot export local symbol" || true
bin="$scratch/release/sakerhet-fuzz"
[[ -x $bin ]] || { echo "the build failed" >&2; exit 2; }

mkdir -p "$work/corpus" "$work/seeds" "$work/crashes"
# Seeds: each shipped file whole, and each of its records alone, with the first byte
# saying which file it replaces (see main.swift); and the seven files in one input.
python3 - "$work/seeds" <<'PY'
import os, sys
out = sys.argv[1]
names = ["owners.rec", "areas.rec", "goals.rec", "activities.rec", "risks.rec", "findings.rec", "config.rec"]
whole = []
for i, name in enumerate(names):
    data = open(os.path.join("data", name), "rb").read()
    whole.append(data)
    open(os.path.join(out, f"{name}.whole"), "wb").write(bytes([i]) + data)
    for n, record in enumerate(r for r in data.split(b"\n\n") if r.strip()):
        open(os.path.join(out, f"{name}.{n:03}"), "wb").write(bytes([i]) + record + b"\n")
open(os.path.join(out, "all.whole"), "wb").write(bytes([7]) + b"\0".join(whole))
PY

status=0
mapfile -t known < <(find "$regressions" -type f ! -name README.md 2>/dev/null | sort)
if [[ ${#known[@]} -gt 0 ]]; then
    echo "== the inputs that crashed before ($regressions)"
    "$bin" -runs=0 "${known[@]}" > "$work/regressions.log" 2>&1 || { tail -40 "$work/regressions.log"; status=1; }
    [[ $status -eq 0 ]] && echo "ok: ${#known[@]} inputs"
fi

log="$work/fuzz-$(date -u +%Y%m%dT%H%M%SZ).log"
echo "== fuzzing for $seconds s (log: $log)"
set +e
"$bin" "$work/corpus" "$work/seeds" \
    -dict=.ci/fuzz/sakerhet.dict -detect_leaks=0 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$work/crashes/" > "$log" 2>&1
rc=$?
set -e
grep -E "^(#[0-9]+\s+(INITED|DONE)|Done [0-9]+ runs|stat::|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)" "$log" || true
crashes=$(find "$work/crashes" -type f | wc -l)
echo "crash files in $work/crashes: $crashes"
[[ $rc -eq 0 && $crashes -eq 0 ]] || status=1
exit $status
