#!/usr/bin/env bash
# aot-train.sh ROOT [--optional]: makes the ahead-of-time caches (JEP 483/514/515) of jmosh-server
# and jmosh-client for the checkout or the jlink image at ROOT, with the command lines of ROOT's
# own launchers (bin/jmosh-env), from one training session between the two programs on loopback
# (dev.jmosh.server.AotTraining). Build time only: the launchers only read the caches.
# With --optional a failed training is a warning and leaves no cache (the checkout's build).
set -euo pipefail
root=$(cd "$1" && pwd)
optional=${2:-}
# shellcheck source=../bin/jmosh-env
source "$root/bin/jmosh-env"
unset JMOSH_JAVA_OPTS JMOSH_SERVER_JAVA_OPTS   # the caches are for the launchers' own options

server_cache=$(jmosh_aot_cache server)
client_cache=$(jmosh_aot_cache cli-lanterna)
rm -f "$server_cache" "$client_cache"   # a failed training must not leave an old cache behind
work=$(mktemp -d "$(dirname "$server_cache")/aot-training.XXXXXX")
trap 'rm -rf "$work"' EXIT

jmosh_aot_output="$work/server.aot"
jmosh_command server dev.jmosh.server/dev.jmosh.server.ServerMain
server=("${jmosh_cmd[@]}")
jmosh_aot_output="$work/client.aot"
jmosh_command cli-lanterna dev.jmosh.cli/dev.jmosh.cli.JmoshMain
client=("${jmosh_cmd[@]}")
unset jmosh_aot_output
JMOSH_NO_AOT=1 jmosh_command server dev.jmosh.server/dev.jmosh.server.AotTraining

start=$(date +%s)
if "${jmosh_cmd[@]}" --server "${server[@]}" --client "${client[@]}" \
   && [ -s "$work/server.aot" ] && [ -s "$work/client.aot" ]; then
  mv "$work/server.aot" "$server_cache"
  mv "$work/client.aot" "$client_cache"
  echo "AOT caches made in $(( $(date +%s) - start )) s: $(du -h "$server_cache" | cut -f1) $server_cache," \
       "$(du -h "$client_cache" | cut -f1) $client_cache"
elif [ "$optional" = --optional ]; then
  echo "WARNING: the AOT training failed (see above); the launchers in $root start without a cache" >&2
else
  echo "ERROR: the AOT training failed (see above)" >&2
  exit 1
fi
