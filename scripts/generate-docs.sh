#!/usr/bin/env bash
# Regenerates man/imctl.1, completions/{imctl.bash,_imctl,imctl.fish} and the help snapshots from the command table.
#
# The committed files are what IMCLI's table renders (checked by IMCLITests' SnapshotTests, which fail when they drift).
# The table declares every command, `serve` included (the executable only supplies its run), so `imctl man` and
# `imctl completion SHELL` print exactly these files too.
set -euo pipefail
cd "$(dirname "$0")/.."
RECORD_SNAPSHOTS=1 swift test --filter "IMCLITests.SnapshotTests|IMCLITests.CommandTests" >/dev/null 2>&1 || true
swift test --filter 'IMCLITests.SnapshotTests|IMCLITests.CommandTests'
