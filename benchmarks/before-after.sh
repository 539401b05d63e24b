#!/usr/bin/env bash
# Regenerates the "before" fixture of the before/after benchmark (GeneratorsBench): the GMM adjoints
# that the generator of another commit writes for THIS checkout's GMM sources.
#
#   benchmarks/before-after.sh c3bab75     # the generator just before issue 19's first merge
#
# Steps: a detached worktree of <ref> (removed at the end), its runtime and generator built there,
# its CLI run on this checkout's samples/.../gmm/Gmm.java (#objective, static) and
# benchmarks/.../gmm/GmmObjectiveTape.java (#objective, tape), then the only edits: the package
# becomes dev.adjoint.benchmarks.before and the classes GmmAdjointBefore and
# GmmObjectiveTapeAdjointBefore, under a header that names the commit and this command. The result
# compiles against this checkout's runtime (the build checks that) or the runtime's API has changed
# since <ref>, which the build then reports.
#
# Environment: MVN_ARGS (e.g. -o, for the build in the worktree), WORKTREE (where to put the
# worktree; default a temporary directory), KEEP_WORKTREE=1 (do not remove it).
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: benchmarks/before-after.sh <commit>" >&2
  exit 2
fi
ref="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

commit="$(git rev-parse --verify "$ref^{commit}")"
short="$(git rev-parse --short "$commit")"
subject="$(git log -1 --format=%s "$commit")"
tmp="$(mktemp -d)"
wt="${WORKTREE:-$tmp/before}"
cleanup() {
  if [[ "${KEEP_WORKTREE:-0}" != 1 && -d "$wt" ]]; then
    git worktree remove --force "$wt"
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

echo "== worktree of $short at $wt"
git worktree add --detach "$wt" "$commit" >/dev/null
echo "== building its generator"
# shellcheck disable=SC2086
(cd "$wt" && ./mvnw -B -q ${MVN_ARGS:-} package -DskipTests -Dinvoker.skip -pl runtime,generator)
cli="$wt/generator/target/adjoint-generator.jar"
[[ -f "$cli" ]] || { echo "no CLI jar at $cli" >&2; exit 1; }

static_src="samples/src/main/java/dev/adjoint/samples/gmm/Gmm.java"
tape_src="benchmarks/src/main/java/dev/adjoint/benchmarks/gmm/GmmObjectiveTape.java"
out="$tmp/out"
java -jar "$cli" --method dev.adjoint.samples.gmm.Gmm#objective -d "$out" "$static_src"
java -jar "$cli" --method dev.adjoint.benchmarks.gmm.GmmObjectiveTape#objective -d "$out" "$tape_src"

fixture="benchmarks/src/main/java/dev/adjoint/benchmarks/before"
mkdir -p "$fixture"
# rename <generated class> <new class> <source> <generated file>: the package line and the class name (a whole word) change, nothing else
rename() {
  local from="$1" to="$2" src="$3" generated="$4"
  local package
  package="$(sed -n 's/^package \(.*\);$/\1/p' "$generated" | head -1)"
  {
    echo "// Before/after fixture (GeneratorsBench): written by the Adjoint generator at commit $short"
    echo "// (\"$subject\")"
    echo "// from $src (git blob $(git hash-object "$src"))"
    echo "// by \`benchmarks/before-after.sh $ref\`. The only edits: package $package -> dev.adjoint.benchmarks.before,"
    echo "// class $from -> $to. Do not edit: run the script again."
    sed -e '0,/^package /s/^package .*;$/package dev.adjoint.benchmarks.before;/' \
        -e "s/\\b$from\\b/$to/g" "$generated"
  } >"$fixture/$to.java"
  echo "== $fixture/$to.java ($(wc -l <"$fixture/$to.java") lines)"
}
rename GmmAdjoint GmmAdjointBefore "$static_src" "$out/dev/adjoint/samples/gmm/GmmAdjoint.java"
rename GmmObjectiveTapeAdjoint GmmObjectiveTapeAdjointBefore "$tape_src" \
  "$out/dev/adjoint/benchmarks/gmm/GmmObjectiveTapeAdjoint.java"
