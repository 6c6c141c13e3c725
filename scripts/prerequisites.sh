#!/usr/bin/env bash
# Installs what Quality needs on Debian/Ubuntu and is missing: the .NET SDK check, PostgreSQL,
# Redis and RabbitMQ server binaries, and Chromium with a Chinese font (the web dashboard's end-to-end tests drive it headless). Installs only when it may (root, or sudo without a password);
# otherwise prints the exact command to run and fails.
set -euo pipefail

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
{ [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || command -v rabbitmq-server >/dev/null 2>&1; } || missing+=(rabbitmq-server)
{ ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || command -v postgres >/dev/null 2>&1; } || missing+=(postgresql)
# Debian's package; Playwright drives it from /usr/bin/chromium and never downloads a browser of its own.
[ -x /usr/bin/chromium ] || missing+=(chromium)
# A Chinese font, so the dashboard's Chinese text renders in that headless browser (and its screenshots) rather than boxes.
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is not installed: see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

install_command="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  run_as_root=(bash -c)
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run_as_root=(sudo bash -c)
else
  echo "error: Quality needs ${missing[*]}; install with:" >&2
  echo "  sudo bash -c '$install_command'" >&2
  exit 1
fi

echo "Installing ${missing[*]} ..."
# The packages' own services must not start: the AppHost runs private instances on loopback ports.
policy=/usr/sbin/policy-rc.d
created_policy=false
if [ ! -e "$policy" ]; then
  "${run_as_root[@]}" "printf '#!/bin/sh\nexit 101\n' > $policy && chmod +x $policy"
  created_policy=true
fi
status=0
"${run_as_root[@]}" "$install_command" >/tmp/quality-apt.log 2>&1 || status=$?
if [ "$created_policy" = true ]; then
  "${run_as_root[@]}" "rm -f $policy"
fi
if [ $status -ne 0 ]; then
  echo "error: installing ${missing[*]} failed; see /tmp/quality-apt.log" >&2
  exit $status
fi
# Where systemd is present the packages may still have started their services; stop and disable them
# so they hold no ports and listen on no public interface.
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  for unit in redis-server rabbitmq-server; do
    "${run_as_root[@]}" "systemctl disable --now $unit" >/dev/null 2>&1 || true
  done
fi
echo "Installed ${missing[*]}."
