# Steps shared by packaging/build-linux.sh and packaging/macos/build.sh (sourced, not run).
# windows/build.ps1 does the same steps in PowerShell; keep the three in step.
#
# Expects: the current directory is the repository root, JAVA_HOME is the JDK 17+ whose
# jdeps, jlink and jpackage are used, and SCRIPT names the caller for messages.

WORK=target/jpackage          # runtime/ and input/ for jpackage, rebuilt every time
DEST=target/installer         # what the scripts produce

die() {
    echo "$SCRIPT: error: $*" >&2
    exit 1
}

say() {
    echo "$SCRIPT: $*"
}

# need COMMAND HOW-TO-GET-IT
need() {
    command -v "$1" >/dev/null 2>&1 || die "'$1' not found. $2"
}

check_jdk() {
    [[ -n ${JAVA_HOME:-} ]] || die "JAVA_HOME is not set"
    local tool
    for tool in java jar jdeps jlink jpackage; do
        [[ -x $JAVA_HOME/bin/$tool ]] || die "$JAVA_HOME/bin/$tool missing: JAVA_HOME must be a full JDK 17 or newer"
    done
    local major
    major=$("$JAVA_HOME/bin/jpackage" --version | cut -d. -f1)
    [[ $major =~ ^[0-9]+$ && $major -ge 17 ]] || die "jpackage in $JAVA_HOME is version $major; JDK 17 or newer is needed"
    # jlink builds the runtime from the JDK's jmods; some distributions ship them separately.
    [[ -f $JAVA_HOME/jmods/java.base.jmod ]] || die "$JAVA_HOME/jmods is missing: install the JDK's jmods (Debian/Ubuntu: openjdk-17-jdk-headless ships them)"
}

# The jar and target/lib/, unless SKIP_MAVEN=1 (repackaging an existing build).
build_jar() {
    if [[ ${SKIP_MAVEN:-0} == 1 ]]; then
        say "SKIP_MAVEN=1: using the existing target/perfdesk.jar"
    else
        need mvn "Install Maven 3.8 or newer (Debian/Ubuntu: apt-get install maven)."
        say "building the jar: mvn -B -q -DskipTests package"
        mvn -B -q -DskipTests package
    fi
    [[ -f target/perfdesk.jar && -d target/lib ]] || die "target/perfdesk.jar or target/lib/ missing after the build"
}

# Prints the numeric version jpackage needs: pom.xml's version (the jar reports it) without a
# qualifier such as -SNAPSHOT.
app_version() {
    local version
    # "PerfDesk 0.1.0" or "PerfDesk 0.2.0-SNAPSHOT": keep the leading numbers.
    version=$("$JAVA_HOME/bin/java" -jar target/perfdesk.jar --version | grep -Eo '[0-9]+(\.[0-9]+)*' | head -n1) || true
    [[ $version =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "cannot read a numeric version (like 0.1.0) from 'java -jar target/perfdesk.jar --version' (got '$version')"
    echo "$version"
}

# The modules for the trimmed runtime: what jdeps finds in the jar and its libraries, plus
# packaging/runtime-modules.txt (reached through services, which jdeps cannot see).
runtime_modules() {
    local found extra
    # --module-path: several libraries are modular jars whose descriptors name each other;
    # analysed on the class path, jdeps stops at the first one (FindException).
    found=$("$JAVA_HOME/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
        --module-path target/lib --add-modules ALL-MODULE-PATH target/perfdesk.jar) \
        || die "jdeps failed on target/perfdesk.jar and target/lib/"
    extra=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' packaging/runtime-modules.txt | tr -d ' \t\r' | paste -sd, -)
    echo "$found,$extra"
}

make_runtime() {
    local modules
    modules=$(runtime_modules)
    say "runtime modules: $modules"
    rm -rf "$WORK/runtime"
    mkdir -p "$WORK"
    "$JAVA_HOME/bin/jlink" --add-modules "$modules" @packaging/jlink.args --output "$WORK/runtime" \
        || die "jlink failed"
    # jlink.args: debug data, headers and man pages out; locale data for English and Chinese
    # only; class files zipped (--compress=2, 27 MB less, start no slower here); a CDS archive
    # of the JDK's own classes, as a full JDK has, so the JVM starts about 0.1 s faster. The
    # archive for heaps over 32 GB (no compressed oops) is 11 MB and never used by PerfDesk.
    find "$WORK/runtime" -name classes_nocoops.jsa -delete
}

# jpackage copies the whole --input folder into the application; give it only the jar and lib/.
stage_input() {
    rm -rf "$WORK/input"
    mkdir -p "$WORK/input"
    cp target/perfdesk.jar "$WORK/input/"
    cp -r target/lib "$WORK/input/lib"
    # The classes a start loads: the .deb's postinst makes the class-data archive from it (README).
    cp src/main/cds/perfdesk.classlist "$WORK/input/"
}

# perfpkg.properties with the icon for this system: file_association ICON-FILE
file_association() {
    local out=$WORK/perfpkg.properties
    cp packaging/perfpkg.properties "$out"
    printf 'icon=%s\n' "$1" >>"$out"
    echo "$out"
}

# jpackage with the shared options; its reading of @argfiles follows the default encoding.
run_jpackage() {
    "$JAVA_HOME/bin/jpackage" -J-Dfile.encoding=UTF-8 @packaging/jpackage-common.args "$@"
}
