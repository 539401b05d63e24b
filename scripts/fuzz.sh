#!/usr/bin/env bash
# Differential fuzzing of the generator: N random @Differentiable programs from SEED, each generated with
# both strategies, compiled with -Xlint:all -Werror, the static and tape gradients compared with each other
# and with central differences (see generator/src/test/java/dev/adjoint/generator/fuzz/Fuzzer.java).
#
#   scripts/fuzz.sh [N [SEED [FIRST]]]     N programs (default 300) from SEED (default: a new one, printed),
#                                          starting at program FIRST (default 0)
#   scripts/fuzz.sh 1 SEED I               rerun program I of the run seeded SEED
#
# Prints the report: each mismatch (its kind, the seed and program index, the source), then a final line
# 'N programs, M mismatches'. Exit status 0 without mismatches, 1 with, 2 when the build itself fails.
# Extra Maven options through MAVEN_ARGS, e.g. MAVEN_ARGS=-o scripts/fuzz.sh 2000 7; the constructs that
# trigger open generator bugs (ProgramGenerator.KNOWN_BUGS) are left out unless FUZZ_KNOWN_BUGS=true.
# FUZZ_FEATURES=A,B puts back only those of the known bugs' features (e.g. FUZZ_FEATURES=ARROW_SWITCHES).
# FUZZ_ONLY=TAPE (or STATIC) puts both variants of each method under that strategy: what it makes of the
# constructs the other one rejects is still checked against the original and central differences.
#
# Two outcomes pass: a program rejected by both strategies alike, every error at a line and column of it
# (only programs using a construct of ProgramGenerator.REJECTED may be rejected), or adjoints that compile
# and match the original's value, array writes and central differences (and each other).
set -uo pipefail
cd "$(dirname "$0")/.."

n=${1:-300}
seed=${2:-$(date +%s)}
first=${3:-0}
report=generator/target/fuzz/report.txt
log=$(mktemp "${TMPDIR:-/tmp}/adjoint-fuzz.XXXXXX")
trap 'rm -f "$log"' EXIT

args=(-B -Pfuzz -pl runtime,generator test -Dtest=DifferentialFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
      -Dadjoint.fuzz.programs="$n" -Dadjoint.fuzz.seed="$seed" -Dadjoint.fuzz.first="$first")
if [ -n "${FUZZ_KNOWN_BUGS:-}" ]; then
    args+=(-Dadjoint.fuzz.knownBugs="$FUZZ_KNOWN_BUGS")
fi
if [ -n "${FUZZ_FEATURES:-}" ]; then
    args+=(-Dadjoint.fuzz.features="$FUZZ_FEATURES")
fi
if [ -n "${FUZZ_ONLY:-}" ]; then
    args+=(-Dadjoint.fuzz.only="$FUZZ_ONLY")
fi

rm -f "$report"
./mvnw "${args[@]}" >"$log" 2>&1
status=$?
if [ ! -f "$report" ]; then
    cat "$log" >&2
    echo "fuzz: the build failed (status $status) before the report was written" >&2
    exit 2
fi
cat "$report"
if tail -n 1 "$report" | grep -q ', 0 mismatches$'; then
    exit 0
fi
exit 1
