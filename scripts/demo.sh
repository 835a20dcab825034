#!/usr/bin/env bash
# The demo: inspect the bundled infusion-pump firmware (with deliberate violations), then its
# compliant twin. The first is expected to fail the code (exit 1), the second to meet it (exit 0).
set -uo pipefail
cd "$(dirname "$0")/.."
mdbc=${1:-build/mdbc}

echo "== mdbc inspect examples/infusion-pump (deliberate violations) =="
"$mdbc" inspect examples/infusion-pump
rc=$?
[ "$rc" -eq 1 ] || { echo "demo: expected exit 1 for the violating example, got $rc" >&2; exit 1; }

echo
echo "== mdbc inspect examples/infusion-pump-compliant =="
"$mdbc" inspect examples/infusion-pump-compliant
rc=$?
[ "$rc" -eq 0 ] || { echo "demo: expected exit 0 for the compliant twin, got $rc" >&2; exit 1; }
