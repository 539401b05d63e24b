#!/usr/bin/env bash
# Runs the JMH benchmarks and writes benchmarks/results/gmm.md and docs/gmm-ratios.svg.
#
#   benchmarks/run.sh quick    # 4 GMM sizes, short iterations: under 5 minutes on 2 cores
#   benchmarks/run.sh full     # all 25 ADBench sizes, longer iterations: an estimated 45-60 minutes on 2 cores
#   benchmarks/run.sh report   # only regenerate gmm.md and the SVG from the last JSON (MODE=quick|full)
#
# Extra arguments after the mode go to JMH (e.g. `-p data=/path/to/adbench/gmm/1k` to time
# ADBench's own files instead of the generated ones). Environment:
#   HEAP=6g        maximum heap of each benchmark fork; static/tape sizes that need more are skipped
#   SKIP_BUILD=1   use the existing benchmarks/target/benchmarks.jar
#   MVN_ARGS=-o    extra Maven arguments for the build (e.g. offline)
#   JAVA=java      the java launcher
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

mode="${1:-quick}"
[[ $# -gt 0 ]] && shift
heap="${HEAP:-6g}"
java="${JAVA:-java}"
jar="benchmarks/target/benchmarks.jar"
results="benchmarks/results"

case "$mode" in
  quick)
    # 4 GMM sizes; warm-up and measurement from the annotations: 3 x 1 s warm-up (8 x 1 s for the
    # GMM static and tape adjoints, whose one large generated method C2 compiles late), 3 x 500 ms
    sizes="d2_K5,d10_K5,d20_K25,d64_K10"
    timing=()
    ;;
  full)
    sizes="d2_K5,d2_K10,d2_K25,d2_K50,d2_K100,d10_K5,d10_K10,d10_K25,d10_K50,d10_K100,d20_K5,d20_K10,d20_K25,d20_K50,d20_K100,d32_K5,d32_K10,d32_K25,d32_K50,d32_K100,d64_K5,d64_K10,d64_K25,d64_K50,d64_K100"
    timing=(-wi 6 -w 2s -i 5 -r 2s -f 1)
    ;;
  report)
    report_mode="${MODE:-quick}"
    exec "$java" -cp "$jar" dev.adjoint.benchmarks.report.GmmReport \
      --json "$results/jmh-$report_mode.json" --alloc "$results/alloc-$report_mode.tsv" --md "$results/gmm.md" --svg docs/gmm-ratios.svg --mode "$report_mode"
    ;;
  *)
    echo "usage: benchmarks/run.sh [quick|full|report] [JMH arguments...]" >&2
    exit 2
    ;;
esac

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "== building $jar"
  # -Dmaven.test.skip: test sources of other modules need not compile to run benchmarks
  # shellcheck disable=SC2086
  ./mvnw -B -q ${MVN_ARGS:-} -Dmaven.test.skip=true -Dinvoker.skip -pl benchmarks -am package
fi

mkdir -p "$results" docs benchmarks/target
json="$results/jmh-$mode.json"
log="benchmarks/target/jmh-$mode.log"
load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
start=$(date +%s)

echo "== JMH ($mode): GMM sizes $sizes, heap $heap; log in $log"
# One run for everything, so that every ratio divides by an objective measured alongside it.
# GmmBench takes -p size; forward mode (smallSize) and finite differences (fdSize) keep their own small sizes.
"$java" -jar "$jar" \
  'dev\.adjoint\.benchmarks\.(GmmBench|GmmForwardModeBench|GmmFiniteDifferencesBench|RosenbrockBench|MlpBench)\.' \
  -p size="$sizes" ${timing[@]+"${timing[@]}"} -prof gc -jvmArgsAppend "-Xmx$heap" \
  -rf json -rff "$json" "$@" 2>&1 | tee "$log" | grep -E '^(# Benchmark:|# Parameters:|Benchmark |[A-Za-z]+Bench\.[A-Za-z]+ )|skipped|disagrees|Error|Exception' || true

end=$(date +%s)
echo "== exact allocation per call (AllocationProbe)"
# 3 s of warm-up per measurement: with 1 s, one run in four counted 1.9 B per call (about 380 bytes
# in its batch of 200 calls) for GMM d10_K5's static adjoint, a large method that C2 compiles late;
# with 3 s, four runs in four counted 0. (Most likely a transition of the JIT, not the calls.)
"$java" -Xmx"$heap" -cp "$jar" dev.adjoint.benchmarks.AllocationProbe "$results/alloc-$mode.tsv" 3 >/dev/null
load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
note="Wall time of the JMH run: $(( (end - start) / 60 )) min $(( (end - start) % 60 )) s; load average (1, 5, 15 min) before: $load_before, after: $load_after (other processes on the machine add noise)."

"$java" -cp "$jar" dev.adjoint.benchmarks.report.GmmReport \
  --json "$json" --alloc "$results/alloc-$mode.tsv" --md "$results/gmm.md" --svg docs/gmm-ratios.svg --mode "$mode" --note "$note"
echo "== done: $results/gmm.md, docs/gmm-ratios.svg, $json, $results/alloc-$mode.tsv"
