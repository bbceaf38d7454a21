#!/usr/bin/env bash
# Puts in DIR (default deploy/) what the Docker deployment reads, readable
# by the container's user, and by no other account but their owner's:
#
#   DIR/tls/     server.crt, server.key, ca.crt: a throwaway test CA from
#                scripts/make-test-ca.sh, unless DIR/tls/server.key is there
#                already (your own certificate and key stay as they are)
#   DIR/tokens   a fresh random token per role, unless it is there already
#
# then gives the secrets to the group id the container runs as (10001,
# scripts/add-service-user.sh; the group need not exist on this host):
#
#   chgrp 10001 DIR/tls DIR/tls/server.key DIR/tokens
#   chmod 750 DIR/tls; chmod 640 DIR/tls/server.key DIR/tokens
#
# The certificates stay 0644. Giving a file to a group one is not in needs
# root: run it with sudo, or as root.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-deploy}
gid=10001

if [ ! -e "$dir/tls/server.key" ]; then
  ./scripts/make-test-ca.sh "$dir/tls"
fi
if [ ! -e "$dir/tokens" ]; then
  (umask 077
   printf 'reader %s\ningester %s\nadmin %s\n' "$(openssl rand -hex 32)" \
     "$(openssl rand -hex 32)" "$(openssl rand -hex 32)" > "$dir/tokens")
  echo "tokens for reader, ingester and admin in $dir/tokens"
fi
chgrp "$gid" "$dir/tls" "$dir/tls/server.key" "$dir/tokens"
chmod 750 "$dir/tls"
chmod 640 "$dir/tls/server.key" "$dir/tokens"
echo "$dir/tls/server.key and $dir/tokens readable by group $gid (mode 0640)"
