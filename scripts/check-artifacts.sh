#!/usr/bin/env bash
# Checks what `./mvnw -B verify` left in target/ for every module the BOM publishes (run it after verify; CI does):
#   - the jar, its -sources.jar (with .java files) and -javadoc.jar (with index.html) exist;
#   - the jar's manifest has the Automatic-Module-Name of the module, and every class lies in that package;
#   - the CycloneDX SBOM exists and describes this artifact at this version;
#   - the BOM's version is the reactor's, and a small project importing the BOM (bom/src/it/bom-import) resolves
#     the artifacts it names, with no version of its own, at this version, and compiles against these very files.
# The published modules are read from bom/pom.xml, so a new module is checked once it is in the BOM.
# Nothing is written to ~/.m2: the artifacts go to a temporary repository in front of it (maven.repo.local.tail).
set -euo pipefail
cd "$(dirname "$0")/.."
# The JDK's jar tool, also when only java is on the PATH.
jar() { "$(type -P jar || echo "$(dirname "$(readlink -f "$(command -v java)")")/jar")" "$@"; }

fail() { echo "check-artifacts: $*" >&2; exit 1; }
first_version() { sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$1" | head -1; }

version=$(first_version pom.xml)
[ "$(first_version bom/pom.xml)" = "$version" ] || fail "bom/pom.xml has version $(first_version bom/pom.xml), the reactor $version"

# artifactId -> module directory, for every module whose artifact the BOM manages.
artifacts=$(sed -n 's:^ *<artifactId>\(kaicalls-[a-z0-9-]*\)</artifactId>.*:\1:p' bom/pom.xml | grep -vx kaicalls-bom)
[ -n "$artifacts" ] || fail "bom/pom.xml manages no kaicalls artifact"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
repo="$tmp/repo"
tail_repo="${HOME}/.m2/repository"
mvn_tmp() { ./mvnw -B -ntp -q -Dmaven.repo.local="$repo" -Dmaven.repo.local.tail="$tail_repo" "$@"; }

install_file() { mvn_tmp -N org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file "$@"; }
install_file -Dfile=pom.xml -DpomFile=pom.xml
install_file -Dfile=bom/pom.xml -DpomFile=bom/pom.xml

for artifact in $artifacts; do
  dir=$(grep -l "^  <artifactId>$artifact</artifactId>" */pom.xml | head -1 | xargs dirname)
  [ -n "$dir" ] || fail "no module builds $artifact"
  base="$dir/target/$artifact-$version"
  for file in "$base.jar" "$base-sources.jar" "$base-javadoc.jar" "$base-cyclonedx.json"; do
    [ -s "$file" ] || fail "$file is missing or empty (run ./mvnw -B verify first)"
  done
  jar tf "$base-sources.jar" | grep -q '\.java$' || fail "$base-sources.jar holds no .java file"
  jar tf "$base-javadoc.jar" | grep -qx 'index.html' || fail "$base-javadoc.jar holds no index.html"

  (cd "$tmp" && rm -rf META-INF && jar xf "$OLDPWD/$base.jar" META-INF/MANIFEST.MF)
  module=$(sed -n 's/^Automatic-Module-Name: *\([^[:space:]]*\).*/\1/p' "$tmp/META-INF/MANIFEST.MF")
  [ -n "$module" ] || fail "$base.jar has no Automatic-Module-Name"
  package_dir="${module//.//}/"
  strays=$(jar tf "$base.jar" | grep '\.class$' | grep -v "^$package_dir" | grep -v '^META-INF/' || true)
  [ -z "$strays" ] || fail "$base.jar (module $module) has classes outside $package_dir: $(echo "$strays" | head -3)"

  grep -q "pkg:maven/com.kaicalls/$artifact@$version" "$base-cyclonedx.json" \
    || fail "$base-cyclonedx.json does not describe com.kaicalls:$artifact:$version"

  install_file -Dfile="$base.jar" -DpomFile="$dir/pom.xml" \
    -Dsources="$base-sources.jar" -Djavadoc="$base-javadoc.jar"
  echo "ok  $artifact $version: jar, sources, javadoc, SBOM, Automatic-Module-Name $module"
done

cp -r bom/src/it/bom-import "$tmp/project"
mvn_tmp -f "$tmp/project/pom.xml" -Dkaicalls.version="$version" test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.11.0:list -DincludeGroupIds=com.kaicalls \
  -DoutputFile="$tmp/resolved.txt"
resolved=$(sed -n 's/^ *com\.kaicalls:\([a-z0-9-]*\):jar:\([^:]*\):.*/\1 \2/p' "$tmp/resolved.txt")
[ -n "$resolved" ] || fail "the project importing kaicalls-bom resolved no kaicalls artifact: $(cat "$tmp/resolved.txt")"
echo "$resolved" | while read -r artifact got; do
  [ "$got" = "$version" ] || fail "the project importing kaicalls-bom resolved $artifact $got, not $version"
done
echo "ok  a project importing kaicalls-bom $version resolves and compiles against:" $(echo "$resolved" | cut -d' ' -f1)
