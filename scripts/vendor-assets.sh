#!/usr/bin/env bash
# Re-download the pinned front-end assets from the npm registry and copy the
# files the project uses into static/vendor/. Nothing is fetched from a CDN at
# run time; the repository carries these copies.
#
# Usage (from anywhere):   scripts/vendor-assets.sh
# Requires: npm, tar, openssl, base64, sed.
#
# To upgrade a package: change its version AND its integrity hash below
# (`npm view <pkg>@<version> dist.integrity`), run the script, review the diff.
set -euo pipefail

# package | version | sha512 integrity of the tarball (as in the npm registry)
BOOTSTRAP_VERSION="5.3.9"
BOOTSTRAP_INTEGRITY="sha512-20cU0rcfw8WdxtVbmfU+xT2EjvVTw9Ror/h1Qvd7DXCujRg8OO9mdBCsmTHdJFf3BuadmBNJtgIuUXsBqSkk/w=="
ICONS_VERSION="1.13.2"
ICONS_INTEGRITY="sha512-fAU1Ly3dH7hwRg+CB8EZ0Vl0fF80zgXHeUVJyfUOKzoURr+TbwISbCW5tKUoQLERaWYG2emTCybcPbD96hdD1A=="
HTMX_VERSION="2.0.11"
HTMX_INTEGRITY="sha512-Thx/WtpeOQqSrqBCw/A1cwGJGg4UrVa3+sW0GmrM3p4gJgO89ecH4qtbnyzDDWFvBTqjnIMCgELTNt636dtamA=="
CHARTJS_VERSION="4.6.1"
CHARTJS_INTEGRITY="sha512-hJyniucsFmq//EvXYvJ6c6mahPoI3kaxdjVH8awTaJ/fDNWeSqqqArixMJWkWNN6fcYvPU3HneSANFNYtRi61g=="
# For the browser tests only (tests/e2e/vendor/), never served by the portal.
AXE_VERSION="4.14.1"
AXE_INTEGRITY="sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENDOR="$REPO_ROOT/static/vendor"
TEST_VENDOR="$REPO_ROOT/tests/e2e/vendor"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/vendor-assets.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# fetch <npm-name> <version> <integrity> -> extracts into $WORK/<npm-name>/package
fetch() {
    local name="$1" version="$2" integrity="$3" tgz actual
    echo "npm pack ${name}@${version}" >&2
    tgz="$(cd "$WORK" && npm pack "${name}@${version}" --silent | tail -n 1)"
    actual="sha512-$(openssl dgst -sha512 -binary "$WORK/$tgz" | base64 | tr -d '\n')"
    if [[ "$actual" != "$integrity" ]]; then
        echo "Integrity mismatch for ${name}@${version}: expected $integrity, got $actual" >&2
        exit 1
    fi
    mkdir -p "$WORK/$name"
    tar -xzf "$WORK/$tgz" -C "$WORK/$name"
}

# put <src> <dest>: copy one file, creating the parent directory.
put() {
    install -D -m 0644 "$1" "$2"
}

# strip_sourcemap <file>: source maps are not vendored, so drop the
# "/*# sourceMappingURL=... */" or "//# sourceMappingURL=..." line; otherwise
# Django's manifest static storage would fail on the missing .map file.
strip_sourcemap() {
    sed -i -E '/^[[:space:]]*(\/\*|\/\/)[#@] sourceMappingURL=.*$/d' "$1"
}

# license_of <npm-name>: the "license" field of the package's package.json.
license_of() {
    sed -n -E 's/^[[:space:]]*"license":[[:space:]]*"([^"]+)".*/\1/p' \
        "$WORK/$1/package/package.json" | head -n 1
}

fetch bootstrap "$BOOTSTRAP_VERSION" "$BOOTSTRAP_INTEGRITY"
fetch bootstrap-icons "$ICONS_VERSION" "$ICONS_INTEGRITY"
fetch htmx.org "$HTMX_VERSION" "$HTMX_INTEGRITY"
fetch chart.js "$CHARTJS_VERSION" "$CHARTJS_INTEGRITY"
fetch axe-core "$AXE_VERSION" "$AXE_INTEGRITY"

# Only the directories this script owns are replaced.
rm -rf "$VENDOR/bootstrap" "$VENDOR/bootstrap-icons" "$VENDOR/htmx" "$VENDOR/chartjs"
mkdir -p "$VENDOR"

# Bootstrap
src="$WORK/bootstrap/package"
put "$src/dist/css/bootstrap.min.css"       "$VENDOR/bootstrap/css/bootstrap.min.css"
put "$src/dist/js/bootstrap.bundle.min.js"  "$VENDOR/bootstrap/js/bootstrap.bundle.min.js"
put "$src/LICENSE"                          "$VENDOR/bootstrap/LICENSE"
strip_sourcemap "$VENDOR/bootstrap/css/bootstrap.min.css"
strip_sourcemap "$VENDOR/bootstrap/js/bootstrap.bundle.min.js"

# Bootstrap Icons (the CSS refers to fonts/… relative to itself)
src="$WORK/bootstrap-icons/package"
if [[ -f "$src/font/bootstrap-icons.min.css" ]]; then
    put "$src/font/bootstrap-icons.min.css" "$VENDOR/bootstrap-icons/font/bootstrap-icons.min.css"
else
    put "$src/font/bootstrap-icons.css"     "$VENDOR/bootstrap-icons/font/bootstrap-icons.css"
fi
put "$src/font/fonts/bootstrap-icons.woff2" "$VENDOR/bootstrap-icons/font/fonts/bootstrap-icons.woff2"
put "$src/font/fonts/bootstrap-icons.woff"  "$VENDOR/bootstrap-icons/font/fonts/bootstrap-icons.woff"
put "$src/LICENSE"                          "$VENDOR/bootstrap-icons/LICENSE"
for css in "$VENDOR"/bootstrap-icons/font/*.css; do strip_sourcemap "$css"; done

# htmx
src="$WORK/htmx.org/package"
put "$src/dist/htmx.min.js"                 "$VENDOR/htmx/htmx.min.js"
put "$src/LICENSE"                          "$VENDOR/htmx/LICENSE"
strip_sourcemap "$VENDOR/htmx/htmx.min.js"

# Chart.js
src="$WORK/chart.js/package"
if [[ -f "$src/dist/chart.umd.min.js" ]]; then
    put "$src/dist/chart.umd.min.js"        "$VENDOR/chartjs/chart.umd.min.js"
    strip_sourcemap "$VENDOR/chartjs/chart.umd.min.js"
else
    put "$src/dist/chart.umd.js"            "$VENDOR/chartjs/chart.umd.js"
    strip_sourcemap "$VENDOR/chartjs/chart.umd.js"
fi
put "$src/LICENSE.md"                       "$VENDOR/chartjs/LICENSE.md"

# axe-core, the accessibility checker the browser tests inject into each page.
rm -rf "$TEST_VENDOR/axe-core"
src="$WORK/axe-core/package"
put "$src/axe.min.js"                       "$TEST_VENDOR/axe-core/axe.min.js"
put "$src/LICENSE"                          "$TEST_VENDOR/axe-core/LICENSE"
strip_sourcemap "$TEST_VENDOR/axe-core/axe.min.js"
cat > "$TEST_VENDOR/README.md" <<EOF
# Vendored for the browser tests only

\`axe-core/axe.min.js\` and its \`LICENSE\` ($(license_of axe-core)) are copied verbatim from the npm
tarball \`axe-core@${AXE_VERSION}\` by \`scripts/vendor-assets.sh\`, which pins and checks its
sha512 integrity. The portal never serves it; tests/e2e/test_accessibility.py injects it.
EOF

# Refuse remote references in the vendored CSS (data: URIs and relative paths only).
if grep -HnoE 'url\([[:space:]]*["'\'']?(https?:)?//' "$VENDOR"/bootstrap/css/*.css "$VENDOR"/bootstrap-icons/font/*.css; then
    echo "Vendored CSS references a remote host (see above)." >&2
    exit 1
fi

cat > "$VENDOR/README.md" <<EOF
# Vendored front-end assets

These files are copied verbatim from the npm registry tarballs (\`npm pack\`),
except that \`sourceMappingURL\` comments are removed because the source maps
are not vendored. They are served by the app itself (whitenoise); no CDN is
used at run time. Do not edit them by hand: change the pinned versions and
integrity hashes in \`scripts/vendor-assets.sh\` and run it again.

| Package | Version | Licence | Source (npm package) | Files |
|---|---|---|---|---|
| Bootstrap | ${BOOTSTRAP_VERSION} | $(license_of bootstrap) | \`bootstrap@${BOOTSTRAP_VERSION}\` | \`bootstrap/css/bootstrap.min.css\`, \`bootstrap/js/bootstrap.bundle.min.js\`, \`bootstrap/LICENSE\` |
| Bootstrap Icons | ${ICONS_VERSION} | $(license_of bootstrap-icons) | \`bootstrap-icons@${ICONS_VERSION}\` | \`bootstrap-icons/font/$(cd "$VENDOR/bootstrap-icons/font" && ls -- *.css)\`, \`bootstrap-icons/font/fonts/bootstrap-icons.woff2\`, \`bootstrap-icons/font/fonts/bootstrap-icons.woff\`, \`bootstrap-icons/LICENSE\` |
| htmx | ${HTMX_VERSION} | $(license_of htmx.org) | \`htmx.org@${HTMX_VERSION}\` | \`htmx/htmx.min.js\`, \`htmx/LICENSE\` |
| Chart.js | ${CHARTJS_VERSION} | $(license_of chart.js) | \`chart.js@${CHARTJS_VERSION}\` | \`chartjs/$(cd "$VENDOR/chartjs" && ls -- *.js)\`, \`chartjs/LICENSE.md\` |

Each tarball's sha512 integrity is pinned in the script and checked after
download.

## Refresh

From the repository root:

\`\`\`sh
scripts/vendor-assets.sh
\`\`\`

This runs \`npm pack <package>@<version>\` for each package above in a
temporary directory outside the repository, verifies the tarball, extracts it
and copies the files listed above into \`static/vendor/\` (replacing
\`bootstrap/\`, \`bootstrap-icons/\`, \`htmx/\` and \`chartjs/\`), then rewrites
this README. No \`node_modules\` or tarballs are left behind.
EOF

echo "Vendored into $VENDOR" >&2
