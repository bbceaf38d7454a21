#!/bin/sh
# Creates the system user and group factcheck-server runs as, with the fixed
# id 10001 for both: the Docker image runs as it (Dockerfile), and a host
# gives the deployment's secrets to that group id (scripts/prepare-deploy.sh)
# without needing the user itself. A fixed id, rather than whatever
# useradd picks next, is what lets a file on the host and a process in the
# container agree. Run as root; a second run finds the user and does nothing.
#
#   scripts/add-service-user.sh [HOME]    (HOME default /var/lib/factcheck)
set -eu
id=10001
name=factcheck
home=${1:-/var/lib/factcheck}

if getent group "$name" >/dev/null; then
  [ "$(getent group "$name" | cut -d: -f3)" = "$id" ] || {
    echo "$0: group $name exists with another id than $id" >&2; exit 1; }
else
  groupadd --system --gid "$id" "$name"
fi
if getent passwd "$name" >/dev/null; then
  [ "$(id -u "$name")" = "$id" ] && [ "$(id -g "$name")" = "$id" ] || {
    echo "$0: user $name exists with other ids than $id:$id" >&2; exit 1; }
else
  useradd --system --uid "$id" --gid "$id" --home-dir "$home" \
    --no-create-home --shell /usr/sbin/nologin "$name"
fi
mkdir -p "$home"
chown "$id:$id" "$home"
chmod 700 "$home"
