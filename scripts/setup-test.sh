#!/usr/bin/env bash
# Installs what the tests need besides the build tools, skipping what is
# already there: Chromium and ChromeDriver, Firefox ESR and geckodriver,
# CJK fonts, poppler-utils (PDF inspection) and LibreOffice Writer (DOCX
# check).
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"

packages=(chromium chromium-driver firefox-esr fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming
  poppler-utils libreoffice-writer-nogui)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# geckodriver comes from crates.io (Debian does not package it).
if ! command -v geckodriver >/dev/null; then
  step "cargo install geckodriver (about 2 minutes)"
  cargo install geckodriver --locked
fi
