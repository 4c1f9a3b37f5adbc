#!/usr/bin/env bash
# Installs what the tests need besides the build tools, skipping what is
# already there: Chromium and ChromeDriver, Firefox ESR and geckodriver,
# CJK fonts, poppler-utils (PDF inspection) and LibreOffice Writer (DOCX
# check).
#
# Fonts: fonts-noto-cjk and the AR PL faces stand in for 仿宋/黑体/楷体/宋体;
# fonts-liberation2 gives LibreOffice a Times New Roman with the same metrics
# (Liberation Serif), so the DOCX's digits are half a character wide as in
# Word. Without it LibreOffice falls back to DejaVu Serif and the date
# under the signature comes out 5 mm wider (tests/docx_pdf.rs).
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"

packages=(chromium chromium-driver firefox-esr fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming
  fonts-liberation2 poppler-utils libreoffice-writer-nogui)
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

# axe-core, pinned, for the accessibility journey (tests/e2e/journeys/accessibility.rs),
# in a git-ignored node_modules beside it.
AXE_VERSION=4.14.1
axe_dir="$ROOT/tests/e2e/axe"
if ! grep -q "\"version\": \"$AXE_VERSION\"" "$axe_dir/node_modules/axe-core/package.json" 2>/dev/null; then
  step "npm install axe-core@$AXE_VERSION"
  mkdir -p "$axe_dir"
  npm install --prefix "$axe_dir" --no-save --no-package-lock --no-audit --no-fund "axe-core@$AXE_VERSION"
fi
