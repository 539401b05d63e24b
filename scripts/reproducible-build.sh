#!/usr/bin/env bash
# Reproducible builds: builds the reactor twice from clean (the second time in another time zone) and
# compares every jar byte for byte.
#
#   scripts/reproducible-build.sh [maven options]   e.g. scripts/reproducible-build.sh -o
#                                                   or  scripts/reproducible-build.sh -o -Prelease -Dgpg.skip
#                                                       (sources and javadoc jars too)
#
# Tests are skipped (they do not change the jars). Prints one line per jar and 'N jars, M differ';
# exit status 0 when every jar is identical, 1 when one differs (its entries that differ are listed), 2
# when a build fails. Jars are those of <module>/target/ (the plugin's IT outputs are not built).
# Uses the project.build.outputTimestamp of the root pom for every archive entry's time. Both builds run
# with umask 022: the jars record each entry's file mode, which follows the umask of the build (a build
# under umask 077 gives drwx------ entries, so other bytes); release builds should use 022 too.
set -euo pipefail
umask 022
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

build() {
  if ! ./mvnw -B -q clean package -DskipTests -Dinvoker.skip "$@" >"$out/build.log" 2>&1; then
    tail -40 "$out/build.log"
    echo "reproducible-build: the build failed" >&2
    exit 2
  fi
}

jars() { find . -mindepth 3 -maxdepth 3 -path './*/target/*.jar' | sort; }

start=$(date +%s)
build "$@"
mkdir -p "$out/first"
for j in $(jars); do
  mkdir -p "$out/first/$(dirname "$j")"
  cp "$j" "$out/first/$j"
done
TZ=Pacific/Kiritimati build "$@"

n=0; bad=0
for j in $(jars); do
  n=$((n + 1))
  if [ ! -f "$out/first/$j" ]; then
    echo "DIFFERS $j (not built the first time)"; bad=$((bad + 1)); continue
  fi
  if cmp -s "$j" "$out/first/$j"; then
    echo "same    $j $(sha256sum <"$j" | cut -c1-16)"
  else
    echo "DIFFERS $j"; bad=$((bad + 1))
    mkdir -p "$out/a" "$out/b"; rm -rf "$out/a"/* "$out/b"/*
    (cd "$out/a" && unzip -q -o "$out/first/$j") && (cd "$out/b" && unzip -q -o "$OLDPWD/$j")
    diff -rq "$out/a" "$out/b" | head -20 || true
    unzip -Z -T "$j" | head -5 || true
  fi
done
for j in $(cd "$out/first" && jars); do
  [ -f "$j" ] || { echo "DIFFERS $j (not built the second time)"; bad=$((bad + 1)); n=$((n + 1)); }
done
echo "$n jars, $bad differ ($(( $(date +%s) - start ))s for both builds)"
[ "$bad" -eq 0 ]
