#!/usr/bin/env bash
# Installs the system tools the intranet's tests need: Debian Chromium (driven by
# playwright-core in the e2e tests) and OpenLDAP (slapd, ldap-utils) for the LDAP sign-in
# tests. Idempotent, and quick when everything is already there. Needs root (or sudo).
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v slapd >/dev/null 2>&1 || [ -x /usr/sbin/slapd ] || missing+=(slapd)
command -v ldapadd >/dev/null 2>&1 || missing+=(ldap-utils)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=''
if [ "$(id -u)" -ne 0 ]; then sudo='sudo'; fi
echo "intranet ci-deps: installing ${missing[*]}" >&2
# slapd must not configure a directory of its own; the tests start their own server.
echo 'slapd slapd/no_configuration boolean true' | $sudo debconf-set-selections
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
