#!/bin/sh
# Extract translatable messages into each app's own locale/vi/LC_MESSAGES/django.po (and the project's, for
# templates/, settings and urls), keeping existing translations. msgmerge's fuzzy guesses for new messages are
# blanked (a guess such as "reduction" -> "mô tả" must never ship), so every new message shows up untranslated:
# translate it. tests/project/test_translations_are_complete.py fails on untranslated or fuzzy messages.
#   sh scripts/makemessages.sh            every app and the project
#   sh scripts/makemessages.sh catalog    one app only
set -e
cd "$(dirname "$0")/../motcua"
ROOT="$(cd .. && pwd)"
MOTCUA="$ROOT/.venv/bin/motcua"
export MOTCUA_DEBUG=1
apps=""
for app_dir in */apps.py; do apps="$apps $(dirname "$app_dir")"; done
unfuzz() { "$ROOT/.venv/bin/python" "$ROOT/scripts/blank_fuzzy.py" "$1"; }
extract() {
  mkdir -p "$1/locale"
  (cd "$1" && $MOTCUA makemessages -l vi --no-obsolete --no-location >/dev/null)
  unfuzz "$1/locale/vi/LC_MESSAGES/django.po"
  echo "Updated: motcua/$1/locale/vi/LC_MESSAGES/django.po"
}
if [ -n "$1" ]; then
  extract "$1"
  exit 0
fi
for app in $apps; do extract "$app"; done
ignores=""
for app in $apps; do ignores="$ignores --ignore=$app/*"; done
mkdir -p locale
$MOTCUA makemessages -l vi --no-obsolete --no-location --ignore='static/*' $ignores >/dev/null
unfuzz locale/vi/LC_MESSAGES/django.po
echo "Updated: motcua/locale/vi/LC_MESSAGES/django.po"
