#!/usr/bin/env bash
# Installs the system tools @gongwen/seal's tests need: pdfsig (poppler-utils), certutil
# (libnss3-tools), openssl, and the Noto CJK fonts used to draw seal lettering.
# Idempotent, and quick when everything is already there. Needs root (or sudo) on Debian/Ubuntu.
set -euo pipefail

missing=()
command -v pdfsig >/dev/null 2>&1 || missing+=(poppler-utils)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v certutil >/dev/null 2>&1 || missing+=(libnss3-tools)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[ -e /usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc ] || missing+=(fonts-noto-cjk)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=''
if [ "$(id -u)" -ne 0 ]; then sudo='sudo'; fi
echo "seal ci-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
  $(printf '%s\n' "${missing[@]}" | sort -u) >/dev/null
