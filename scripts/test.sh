#!/usr/bin/env bash
# Runs every test, on real PostgreSQL, Redis and RabbitMQ that the tests start themselves.
# Results go to TestResults/ (TRX); the last line is the summary: "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh

results=TestResults
rm -rf "$results"
dotnet build Quality.slnx -c Release -warnaserror -v quiet -nologo
status=0
dotnet test Quality.slnx -c Release --no-build --logger trx --results-directory "$results" -nologo "$@" || status=$?

# Count from the TRX files, not the console, so the summary reflects every test assembly.
passed=0; failed=0; skipped=0; files=0
counter() { grep -o "<Counters [^>]*" "$1" | grep -o " $2=\"[0-9]*\"" | grep -o "[0-9]*" || echo 0; }
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  passed=$((passed + $(counter "$trx" passed)))
  failed=$((failed + $(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted)))
  # The test logger counts a skipped test in the total but not as executed (its notExecuted stays 0).
  skipped=$((skipped + $(counter "$trx" total) - $(counter "$trx" executed)))
done
# A test assembly that crashed writes no results: count it as a failure rather than let it vanish.
expected=$(ls tests/*/*.Tests.csproj | wc -l)
if [ "$files" -lt "$expected" ]; then
  echo "error: $((expected - files)) of $expected test assemblies reported no results" >&2
  failed=$((failed + expected - files))
fi
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
if [ "$files" -eq 0 ] || [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then
  status=1
fi
exit $status
