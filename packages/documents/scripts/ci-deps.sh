#!/usr/bin/env bash
# Installs the system tools @gongwen/documents needs: LibreOffice Writer (soffice, headless),
# poppler-utils (pdftotext, pdfinfo, pdffonts) and the CJK fonts that fontconfig/fonts.conf maps
# the official font names to (Noto Serif/Sans CJK, LXGW WenKai).
# Idempotent, and quick when everything is already there. Needs root (or sudo) on Debian/Ubuntu.
set -euo pipefail

missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v pdffonts >/dev/null 2>&1 || missing+=(poppler-utils)
[ -e /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ] || missing+=(fonts-noto-cjk)
[ -e /usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc ] || missing+=(fonts-noto-cjk)
[ -e /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf ] || missing+=(fonts-lxgw-wenkai)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=''
if [ "$(id -u)" -ne 0 ]; then sudo='sudo'; fi
echo "documents ci-deps: installing $(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
  $(printf '%s\n' "${missing[@]}" | sort -u) >/dev/null
