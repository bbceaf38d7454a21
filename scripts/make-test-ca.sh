#!/usr/bin/env bash
# Makes a throwaway certificate authority for trying TLS and mutual TLS on
# one machine, and for the tests. Never use these files in production: the
# CA's key lies next to its certificate, unencrypted.
#
#   scripts/make-test-ca.sh DIR
#
# writes into DIR (created if missing):
#   ca.crt, ca.key          the CA (self-signed)
#   server.crt, server.key  the server's certificate, valid for the names
#                           localhost and 127.0.0.1 and ::1 (subjectAltName)
#   client.crt, client.key  a client certificate for mutual TLS (CN=factcheck-client)
# All certificates are valid for 30 days and use P-256 keys, which openssl
# makes in milliseconds.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 DIR" >&2
  exit 2
fi
dir=$1
mkdir -p "$dir"
cd "$dir"
umask 077

days=30
newkey() { openssl ecparam -name prime256v1 -genkey -noout -out "$1" 2>/dev/null; }

newkey ca.key
openssl req -x509 -new -key ca.key -sha256 -days "$days" \
  -subj "/CN=factcheck test CA" -out ca.crt \
  -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign"

# Signs DIR/$1.csr with the CA into $1.crt, with the extensions in $2.
sign() {
  printf '%s\n' "$2" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial \
    -sha256 -days "$days" -extfile "$1.ext" -out "$1.crt" 2>/dev/null
  rm -f "$1.csr" "$1.ext"
}

newkey server.key
openssl req -new -key server.key -subj "/CN=localhost" -out server.csr
sign server "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1"

newkey client.key
openssl req -new -key client.key -subj "/CN=factcheck-client" -out client.csr
sign client "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth"

rm -f ca.srl
# The certificates are public; the keys stay readable by their owner only.
chmod 644 ca.crt server.crt client.crt
echo "test CA, server and client certificates in $dir (valid $days days)"
