#!/bin/sh
# Copy the browser libraries from node_modules into motcua/static/vendor (committed; served by whitenoise).
# Run after changing package.json:  cd frontend && npm ci --ignore-scripts && sh vendor.sh
set -e
cd "$(dirname "$0")"
OUT=../motcua/static/vendor
mkdir -p $OUT/htmx $OUT/alpinejs $OUT/chartjs $OUT/bootstrap
cp node_modules/htmx.org/dist/htmx.min.js $OUT/htmx/
cp node_modules/alpinejs/dist/cdn.min.js $OUT/alpinejs/alpine.min.js
cp node_modules/chart.js/dist/chart.umd.min.js $OUT/chartjs/
cp node_modules/bootstrap/dist/css/bootstrap.min.css $OUT/bootstrap/
cp node_modules/bootstrap/dist/js/bootstrap.bundle.min.js $OUT/bootstrap/
# The source maps are not vendored: drop the lines that point to them, or collectstatic's manifest storage
# (production) fails on the missing .map files. tests/project/test_static_files_collect_for_production.py checks.
for file in $OUT/*/*.js $OUT/*/*.css; do
  sed -i -e '/^\/\/# sourceMappingURL=/d' -e '/^\/\*# sourceMappingURL=.*\*\/$/d' "$file"
done
# axe-core is used only by the browser tests (accessibility checks); it is never served to users.
mkdir -p ../tests/browser/vendor
cp node_modules/axe-core/axe.min.js ../tests/browser/vendor/
