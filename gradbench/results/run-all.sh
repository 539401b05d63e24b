#!/usr/bin/env bash
# Runs GradBench's real evals against Adjoint and, right after each, against the hand-written C++
# reference (tools/manual), with ../shared/gradbench/run.sh; writes <eval>-adjoint.json and
# <eval>-manual.json summaries into OUT_DIR (default: this folder's raw/), then regenerates README.md.
#
#   gradbench/results/run-all.sh [eval ...]     from the repository root, after
#                                               ./mvnw -B -q package -DskipTests -Dinvoker.skip -pl gradbench -am
# Default evals: hello lse llsq det ode kmeans gmm lstm ba ht (ht with --max 11: the hand12 files are
# missing from the copy of GradBench on these machines). Extra eval arguments: EVAL_ARGS_<eval>, e.g.
# EVAL_ARGS_gmm='-d 2 10 -k 5 10'.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
runner=${GRADBENCH_RUN:-$here/../../../shared/gradbench/run.sh}
[ -x "$runner" ] || runner=/work/shared/gradbench/run.sh
export OUT_DIR=${OUT_DIR:-$here/raw}
mkdir -p "$OUT_DIR"
evals=("$@")
[ ${#evals[@]} -gt 0 ] || evals=(hello lse llsq det ode kmeans gmm lstm ba ht)
for e in "${evals[@]}"; do
  var="EVAL_ARGS_$e"
  args=${!var:-}
  [ "$e" = ht ] && [ -z "$args" ] && args="--max 11"
  for tool in adjoint manual; do
    cmd=manual
    [ "$tool" = adjoint ] && cmd='java -jar gradbench/target/adjoint-gradbench.jar'
    start=$(date +%s)
    # shellcheck disable=SC2086
    TOOL_NAME=$tool "$runner" "$e" "$cmd" $args >"$OUT_DIR/$e-$tool.out" 2>&1
    echo "$e $tool: exit $? in $(( $(date +%s) - start )) s: $(grep '^gradbench ' "$OUT_DIR/$e-$tool.out" | tail -1)"
  done
done
python3 "$here/summarize.py" "$OUT_DIR" > "$here/README.md"
