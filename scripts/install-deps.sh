#!/usr/bin/env bash
# Installs everything mdbc needs to build and test, from Debian packages (and test-only validators
# from the npm registry into tools/node_modules). Idempotent: a second run changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

# The one list of Debian packages. Build: compiler, CMake, Ninja, libraries. Test and bench: the rest.
DEBIAN_PACKAGES=(
  g++ cmake ninja-build make pkg-config git ccache
  libssl-dev libtomlplusplus-dev nlohmann-json3-dev libelf-dev
  libgtest-dev libgmock-dev
  clang libclang-rt-14-dev
  gcc-arm-none-eabi libnewlib-arm-none-eabi
  openssl file
  nodejs
  flawfinder yara checksec time
)

missing=()
for p in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing Debian packages (run as root): ${missing[*]}" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# Debian's nodejs may come without npm (NodeSource's bundles it); install Debian's only when absent.
if ! command -v npm >/dev/null 2>&1; then
  apt-get install -y -qq --no-install-recommends npm
fi

# Test-only validators from the npm registry, pinned, into tools/node_modules.
if [ -f tools/package.json ]; then
  if [ ! -f tools/node_modules/.mdbc-installed ] || [ tools/package.json -nt tools/node_modules/.mdbc-installed ]; then
    (cd tools && npm install --no-audit --no-fund --ignore-scripts --loglevel=error)
    touch tools/node_modules/.mdbc-installed
  fi
  # npm does not run install scripts here: packaged binaries need their execute bit.
  find tools/node_modules -path '*sarif-multitool-linux*' -name 'Sarif.Multitool' -exec chmod u+x {} + 2>/dev/null || true
fi
