#!/usr/bin/env bash
# Mutation testing with PIT: webhook-verifier and the SDK's hand-written core (not its generated models and
# services). Fails when either kills fewer than 90% of its mutants. Reports: <module>/target/pit-reports/index.html.
# Run by CI after ./mvnw -B verify: too slow (minutes) for every local verify.
# Usage: scripts/mutation-test.sh [extra Maven options]
set -euo pipefail
cd "$(dirname "$0")/.."

# -am builds mock-server too (the SDK's tests use it); PIT runs only where kaicalls.mutation.skip is false.
./mvnw -B -ntp -pl webhook-verifier,sdk -am test-compile org.pitest:pitest-maven:mutationCoverage \
  -Dkaicalls.browser.skip=true "$@"

for module in webhook-verifier sdk; do
  report="$module/target/pit-reports/mutations.xml"
  total=$(grep -o '<mutation ' "$report" | wc -l)
  killed=$(grep -o "detected='true'" "$report" | wc -l)
  echo "== $module: $killed of $total mutants killed (or timed out)"
done
