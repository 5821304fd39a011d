#!/usr/bin/env bash
# Builds PerfDesk for macOS: target/installer/PerfDesk-<version>.dmg (drag to Applications) and
# PerfDesk-<version>.pkg (installer into /Applications), both unsigned.
#
#   packaging/macos/build.sh            (SKIP_MAVEN=1 reuses target/perfdesk.jar)
#
# Needs a JDK 17+ (JAVA_HOME, else /usr/libexec/java_home -v 17) and Maven; hdiutil, pkgbuild
# and productbuild come with macOS. Same steps and inputs as packaging/build-linux.sh (through
# lib/common.sh). Not run by the author (written on Linux): run it once on a Mac before the
# first release. Builds on Apple silicon make arm64 packages, on Intel x64 ones: jlink and the
# JavaFX jars Maven picks follow the machine.
set -euo pipefail

SCRIPT=macos/build.sh
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=../lib/common.sh
source packaging/lib/common.sh

[[ $(uname -s) == Darwin ]] || die "this script builds the macOS packages; see packaging/README.md"
export JAVA_HOME=${JAVA_HOME:-$(/usr/libexec/java_home -v 17 2>/dev/null || true)}
check_jdk
need hdiutil "hdiutil comes with macOS"
need pkgbuild "pkgbuild comes with macOS (Xcode command line tools: xcode-select --install)"
need productbuild "productbuild comes with macOS (Xcode command line tools: xcode-select --install)"

build_jar
VERSION=$(app_version)
# jpackage 17 refuses a macOS bundle version whose first number is 0 (CFBundleVersion rule);
# 0.x builds need an explicit PERFDESK_MAC_VERSION (it only labels the macOS bundle).
MAC_VERSION=${PERFDESK_MAC_VERSION:-$VERSION}
[[ ${MAC_VERSION%%.*} -ge 1 ]] || die "macOS needs a version starting with 1 or more; '$MAC_VERSION' is refused by jpackage 17. For a test build set PERFDESK_MAC_VERSION (e.g. PERFDESK_MAC_VERSION=1.0.0 packaging/macos/build.sh)."
say "version $MAC_VERSION (pom: $VERSION), JDK $JAVA_HOME"

make_runtime
stage_input
rm -rf "$DEST"
mkdir -p "$DEST"
FA=$(file_association packaging/icons/perfpkg.icns)

# Unlike Linux and Windows, each package is made from the inputs rather than from one
# app-image: on macOS the file association lives in the app's Info.plist, which jpackage 17
# writes only when it makes the app itself (--file-associations is refused for app-image).
for type in dmg pkg; do
    say "$type -> $DEST"
    run_jpackage --type "$type" @packaging/jpackage-app.args --app-version "$MAC_VERSION" \
        --icon packaging/icons/perfdesk.icns \
        --file-associations "$FA" \
        --mac-package-identifier org.perfdesk.PerfDesk \
        --mac-package-name PerfDesk
done
say "done:"
du -sh "$DEST"/*.dmg "$DEST"/*.pkg
