#!/usr/bin/env bash
# Regenerates man/imctl.1, completions/{imctl.bash,_imctl,imctl.fish} and the help snapshots from the command table.
#
# The committed files are what IMCLI's own table renders (checked by IMCLITests' SnapshotTests, which fail when they
# drift). They are written by the snapshot recorder rather than by the `imctl` binary because the binary adds commands
# of its own (`serve`) that IMCLITests cannot see; for a packaging build that documents them too, use the binary
# directly: `imctl man > imctl.1`, `imctl completion bash > imctl.bash`.
set -euo pipefail
cd "$(dirname "$0")/.."
RECORD_SNAPSHOTS=1 swift test --filter "IMCLITests.SnapshotTests|IMCLITests.CommandTests" >/dev/null 2>&1 || true
swift test --filter 'IMCLITests.SnapshotTests|IMCLITests.CommandTests'
