#!/usr/bin/env bash
# Install what the browser tests and the Lighthouse benchmark need, only when
# it is missing, so `make test` can call this on every run at no cost:
#   - Debian's chromium at /usr/bin/chromium (CI machines have no browser and
#     cannot download Playwright's own build, so Playwright drives this one);
#   - Node.js and npm from Debian when npm is missing;
#   - the pinned npm packages (axe-core, lighthouse) from package-lock.json.
# Needs root (or sudo) for apt-get the first time on a machine.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "browser_deps: need root or sudo to apt-get install $*" >&2; exit 1; }
        sudo="sudo"
    fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

if [ ! -x /usr/bin/chromium ]; then
    echo "browser_deps: /usr/bin/chromium is missing; installing Debian's chromium"
    apt_install chromium fonts-liberation
fi

if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -x node_modules/.bin/lighthouse ]; then
    if ! command -v npm >/dev/null; then
        echo "browser_deps: npm is missing; installing Debian's nodejs and npm"
        apt_install nodejs npm
    fi
    echo "browser_deps: installing the pinned npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
fi
