# The arm64 build on an x86-64 (amd64) machine, for the 信创 desks (Kunpeng, Phytium; Kylin,
# UOS): sourced by packaging/build-linux.sh --arch arm64, after lib/common.sh.
#
# What differs from the machine's own build, and why:
# - the runtime comes from the arm64 JDK's jmods, linked by this machine's jlink (the same JDK
#   release: jlink refuses another). Two of jlink.args cannot work across: --strip-debug also
#   strips native debug data with this machine's objcopy, which cannot read aarch64 files
#   (Debian's jmods carry none: it is in the -dbg packages), so only the class files' debug
#   data goes; --generate-cds-archive must run the target's java, so the archive is made
#   afterwards by the arm64 java itself, under qemu;
# - the JavaFX jars are the linux-aarch64 ones (Maven, -Djavafx.platform=linux-aarch64);
# - the app-image is made by the arm64 JDK's jpackage under qemu: jpackage copies its own
#   launcher (bin/PerfDesk, lib/libapplauncher.so) out of its module, so only the arm64 jpackage
#   gives an arm64 launcher;
# - the .deb is packed from that app-image by this machine's jpackage (nothing in it depends
#   on the processor; under qemu it is the same Java code, several times slower), with `dpkg`
#   answering `--print-architecture` with arm64, which is all jpackage asks to name the
#   architecture. jpackage finds a package's libraries with ldd, which cannot read aarch64
#   files, so ARM64_LIBS names them and glibc_floor the glibc.

TARGET_ARCH=arm64
TARGET_JDK=${ARM64_JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-arm64}
FX_PLATFORM=linux-aarch64
FX_DIR=target/javafx-$FX_PLATFORM        # the linux-aarch64 JavaFX jars, kept between builds
IMAGE_DEST=$DEST/arm64                   # the arm64 app-image: target/installer/arm64/PerfDesk

# The .deb's libraries: what `readelf -d` lists as NEEDED in the runtime, the launcher and the
# native libraries inside the JavaFX and SQLite jars, by Debian 12 package name. Where Ubuntu
# (on which Kylin is built) or the 64-bit-time renames (Ubuntu 24.04, Debian 13) name a package
# differently, the alternative follows it: libjpeg.so.62 is libjpeg62-turbo on Debian
# and libjpeg62 on Ubuntu (whose libjpeg-turbo8 is libjpeg.so.8). GTK brings GLib, Pango, Cairo
# and gdk-pixbuf. libGL is left out: JavaFX draws in software without it. build-linux.sh puts
# libc6 in front, with the newest glibc any of that code needs (glibc_floor; jpackage's amd64
# list names libc6 without a version). packaging/test-linux.sh --arch arm64 resolves these on Debian arm64 and
# checks that every NEEDED library is then there.
ARM64_LIBS="libgcc-s1, libstdc++6, zlib1g, libasound2 | libasound2t64, libfreetype6, \
libharfbuzz0b, liblcms2-2, libjpeg62-turbo | libjpeg62, libgif7, libpng16-16 | libpng16-16t64, \
libx11-6, libxext6, libxi6, libxrender1, libxtst6, libgtk-3-0 | libgtk-3-0t64, \
fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei"

LAP=$SECONDS
# Prints how long the step since the last lap took.
lap() {
    say "  $1: $((SECONDS - LAP)) s"
    LAP=$SECONDS
}

# qemu_arm64 PROGRAM ARGS...: runs an aarch64 program here. The arm64 libraries it loads are
# the multiarch ones (/lib/aarch64-linux-gnu), installed beside this machine's.
qemu_arm64() {
    qemu-aarch64-static "$@"
}

check_arm64_tools() {
    [[ $(dpkg --print-architecture) == amd64 ]] || die "--arch arm64 is built on an amd64 machine (through qemu); on an arm64 machine run the script without --arch"
    need qemu-aarch64-static "apt-get install qemu-user-static"
    need objdump "apt-get install binutils"
    need unzip "apt-get install unzip"
    need file "apt-get install file"
    [[ -x $TARGET_JDK/bin/jpackage && -f $TARGET_JDK/jmods/java.base.jmod ]] \
        || die "no arm64 JDK with jmods in $TARGET_JDK: dpkg --add-architecture arm64 && apt-get update && apt-get install openjdk-17-jdk-headless:arm64 (or set ARM64_JAVA_HOME)"
    local own target
    own=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$JAVA_HOME/release")
    target=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$TARGET_JDK/release")
    [[ -n $own && $own == "$target" ]] \
        || die "jlink links only jmods of its own release: $JAVA_HOME is '$own', $TARGET_JDK is '$target'; apt-get install openjdk-17-jdk-headless openjdk-17-jdk-headless:arm64 brings both to the same"
    qemu_arm64 "$TARGET_JDK/bin/java" -version >/dev/null 2>&1 \
        || die "the arm64 java does not start under qemu: qemu-aarch64-static $TARGET_JDK/bin/java -version"
}

# The linux-aarch64 JavaFX jars of the version in target/lib/, from Maven (fetched once).
fetch_javafx_arm64() {
    local jar name missing=0
    for jar in target/lib/javafx-*-linux.jar; do
        name=$(basename "$jar" -linux.jar)-$FX_PLATFORM.jar
        [[ -f $FX_DIR/$name ]] || missing=1
    done
    if [[ $missing == 1 ]]; then
        need mvn "Install Maven 3.8 or newer (Debian/Ubuntu: apt-get install maven)."
        say "JavaFX $FX_PLATFORM jars: mvn dependency:copy-dependencies -Djavafx.platform=$FX_PLATFORM"
        rm -rf "$FX_DIR"
        mvn -B -q dependency:copy-dependencies -Djavafx.platform=$FX_PLATFORM \
            -DincludeGroupIds=org.openjfx -DincludeScope=runtime -DoutputDirectory="$FX_DIR" \
            || die "Maven could not fetch the JavaFX $FX_PLATFORM jars"
    fi
    for jar in target/lib/javafx-*-linux.jar; do
        name=$(basename "$jar" -linux.jar)-$FX_PLATFORM.jar
        [[ -f $FX_DIR/$name ]] || die "$FX_DIR/$name missing after Maven"
    done
}

make_runtime_arm64() {
    local modules
    # jdeps reads class files only: this machine's sees the same modules as the arm64 JDK's.
    modules=$(runtime_modules)
    say "runtime modules: $modules"
    rm -rf "$WORK/runtime"
    mkdir -p "$WORK"
    sed -e 's/^--strip-debug$/--strip-java-debug-attributes/' -e '/^--generate-cds-archive$/d' \
        packaging/jlink.args >"$WORK/jlink-arm64.args"
    "$JAVA_HOME/bin/jlink" --module-path "$TARGET_JDK/jmods" --add-modules "$modules" \
        @"$WORK/jlink-arm64.args" --output "$WORK/runtime" || die "jlink (arm64 jmods) failed"
    lap "jdeps and jlink"
    # The class-data-sharing archive, as --generate-cds-archive makes it (lib/server/classes.jsa).
    qemu_arm64 "$WORK/runtime/bin/java" -Xshare:dump >"$WORK/cds.log" 2>&1 \
        || { cat "$WORK/cds.log"; die "the arm64 java could not write its CDS archive"; }
    [[ -f $WORK/runtime/lib/server/classes.jsa ]] || die "no CDS archive after java -Xshare:dump"
    lap "CDS archive (arm64 java under qemu)"
}

# stage_input with the linux-aarch64 JavaFX jars in place of the linux ones. The launcher puts
# every jar of lib/ on the class path; the jar's manifest still names the linux ones, which
# are not there and so are skipped.
stage_input_arm64() {
    stage_input
    rm -f "$WORK"/input/lib/javafx-*-linux.jar
    cp "$FX_DIR"/javafx-*-$FX_PLATFORM.jar "$WORK/input/lib/"
}

# glibc_floor DIR: the newest glibc symbol version (like 2.34) that an ELF file under DIR, or a
# native library inside one of its jars, needs. An older glibc refuses to load that file
# ("version `GLIBC_2.38' not found"), so it is the .deb's libc6 (>= ...).
glibc_floor() {
    local natives=$WORK/natives-$TARGET_ARCH jar
    rm -rf "$natives"
    mkdir -p "$natives"
    for jar in "$1"/lib/app/lib/javafx-*-$FX_PLATFORM.jar; do
        unzip -q -o -j "$jar" '*.so' -d "$natives/$(basename "$jar" .jar)" 2>/dev/null || true
    done
    unzip -q -o -j "$1"/lib/app/lib/sqlite-jdbc-*.jar 'org/sqlite/native/Linux/aarch64/*.so' -d "$natives/sqlite" 2>/dev/null || true
    find "$1" "$natives" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec objdump -T {} + 2>/dev/null \
        | awk '/\*UND\*/' | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -n1
}

# The arm64 JDK's jpackage, under qemu, with the shared options.
run_jpackage_arm64() {
    qemu_arm64 "$TARGET_JDK/bin/jpackage" -J-Dfile.encoding=UTF-8 @packaging/jpackage-common.args "$@"
}

# A folder with a `dpkg` that says arm64 to `--print-architecture` and is dpkg otherwise; on
# PATH while this machine's jpackage packs the arm64 .deb.
dpkg_says_arm64() {
    local dir=$WORK/dpkg-arm64
    mkdir -p "$dir"
    cat >"$dir/dpkg" <<'EOF'
#!/bin/sh
# jpackage asks `dpkg --print-architecture` for the .deb's architecture: the package is arm64.
if [ "$1" = --print-architecture ]; then
    echo arm64
    exit 0
fi
exec /usr/bin/dpkg "$@"
EOF
    chmod +x "$dir/dpkg"
    echo "$(pwd)/$dir"
}
