#!/bin/sh
# Install the Debian packages MotCua needs (as root), or say exactly which are missing.
#   gettext                      compile the Vietnamese/English translations
#   libpango*, libharfbuzz*      WeasyPrint (PDF slips)
#   fonts-noto-core, -liberation2  Vietnamese text in PDFs and the browser
#   poppler-utils                tests read PDFs back (pdftotext)
#   chromium                     browser tests (Playwright drives Debian's Chromium)
#   zbar-tools                   tests decode the QR codes printed on slips (zbarimg)
set -e
PACKAGES="gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fonts-liberation2 poppler-utils chromium zbar-tools"
missing=""
for package in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "Installing Debian packages:$missing"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null
else
  echo "Missing Debian packages:$missing"
  echo "Install them with: sudo apt-get install --no-install-recommends$missing"
  exit 1
fi
