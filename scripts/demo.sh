#!/usr/bin/env bash
# The demo: inspect the bundled infusion-pump firmware (with deliberate violations), then its
# compliant twin. The first is expected to fail the code (exit 1), the second to meet it (exit 0).
# Then each twin's signed MCU update image on its own, against the key its bootloader trusts:
# the violating one is signed with MCUboot's published sample key (FW-2), the compliant one passes
# FW-1..FW-3.
set -uo pipefail
cd "$(dirname "$0")/.."
mdbc=${1:-build/mdbc}

# Runs mdbc with the remaining arguments and checks its exit status against the first.
expect_exit() {
  local want=$1
  shift
  "$mdbc" "$@"
  local rc=$?
  [ "$rc" -eq "$want" ] || { echo "demo: expected exit $want from 'mdbc $*', got $rc" >&2; exit 1; }
}

echo "== mdbc inspect examples/infusion-pump (deliberate violations) =="
expect_exit 1 inspect examples/infusion-pump

echo
echo "== mdbc inspect examples/infusion-pump-compliant =="
expect_exit 0 inspect examples/infusion-pump-compliant

echo
echo "== the violating pump's MCU update image: signed with MCUboot's sample key =="
expect_exit 1 inspect examples/infusion-pump/update/pump-mcu-2.4.0.signed.bin \
  --trust-key examples/infusion-pump/update/mcuboot-root-ec-p384.pub.pem

echo
echo "== the compliant pump's MCU update image: the maker's own release key =="
expect_exit 0 inspect examples/infusion-pump-compliant/update/pump-mcu-2.4.1.signed.bin \
  --trust-key examples/infusion-pump-compliant/update/pump-mcu-release.pub.pem
