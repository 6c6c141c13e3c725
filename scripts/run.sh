#!/usr/bin/env bash
# Runs the whole system on this machine: PostgreSQL, Redis, RabbitMQ and the four services.
# Extra arguments go to the AppHost (see `scripts/run.sh --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
exec dotnet run --project Quality.AppHost -c Release -- "$@"
