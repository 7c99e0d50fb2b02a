#!/usr/bin/env bash
# Builds the working tree twice from clean, in two different directories, and compares every jar and SBOM
# byte for byte: the build is reproducible (project.build.outputTimestamp in the parent POM) and independent of
# where it runs. Tests are not run; they change no artifact. Takes two `package` builds (see README for the time).
# Usage: scripts/check-reproducible.sh [extra Maven options]
set -euo pipefail
cd "$(dirname "$0")/.."
# The JDK's jar tool, also when only java is on the PATH.
jar() { "$(type -P jar || echo "$(dirname "$(readlink -f "$(command -v java)")")/jar")" "$@"; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
start=$SECONDS

for copy in first second; do
  mkdir -p "$tmp/$copy"
  # Tracked and new (not ignored) files: what a clean clone of this working tree holds.
  git ls-files -z --cached --others --exclude-standard \
    | xargs -0 -I{} sh -c 'test -e "{}" && printf "%s\0" "{}"' \
    | tar --null -T - -cf - | tar -xf - -C "$tmp/$copy"
  echo "== package, $copy build ($tmp/$copy)"
  (cd "$tmp/$copy" && ./mvnw -B -ntp -q package -Dmaven.test.skip=true -Dkaicalls.browser.skip=true "$@")
done

outputs() { (cd "$1" && find . -path '*/target/*' -maxdepth 3 \( -name '*.jar' -o -name '*-cyclonedx.json' \) | sort); }
[ "$(outputs "$tmp/first")" = "$(outputs "$tmp/second")" ] || {
  diff <(outputs "$tmp/first") <(outputs "$tmp/second") >&2; echo "the two builds made different files" >&2; exit 1; }

differ=0
count=0
for file in $(outputs "$tmp/first"); do
  count=$((count + 1))
  if ! cmp -s "$tmp/first/$file" "$tmp/second/$file"; then
    differ=1
    echo "DIFFERS: $file" >&2
    case "$file" in
      *.jar)
        for copy in first second; do mkdir -p "$tmp/x-$copy" && (cd "$tmp/x-$copy" && rm -rf ./* && jar xf "$tmp/$copy/$file"); done
        diff -rq "$tmp/x-first" "$tmp/x-second" | head -10 >&2 || true ;;
    esac
  fi
done
[ "$count" -gt 0 ] || { echo "no artifact was built" >&2; exit 1; }
[ "$differ" -eq 0 ] || { echo "the build is not reproducible" >&2; exit 1; }
echo "ok  $count artifacts (jars and SBOMs) byte-identical across two clean builds in $((SECONDS - start)) s"
