#!/usr/bin/env bash
# Quick start, command 2: install what is missing, build, and run the whole test suite.
# Idempotent; works as root and as a normal user (sudo for apt). GUI tests run offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
./scripts/build.sh

export QT_QPA_PLATFORM=offscreen
ctest --preset dev -j2
./scripts/check-leftovers.sh
