#!/usr/bin/env bash
# Builds .gpu-bundle/: everything a GPU machine without Java needs to run mtboard there: a
# jlink'd JRE (as .tar.xz), the CLI jar with its libraries (JCuda and its linux-x86_64 natives
# included; the PTX is inside the engine jar) and run.sh. Must stay under 64 MiB (the device
# tool's carry limit). Usage: ci/gpu-bundle.sh, then carry .gpu-bundle and run
#   .gpu-bundle/run.sh sim parity --suite mt10 --envs 1000 --steps 300
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.gpu-bundle"
cd "$root"
mvn -q -B -DskipTests -pl reproduce -am package >&2
rm -rf "$out"
mkdir -p "$out/app"
cp reproduce/target/mtboard.jar "$out/app/"
# DJL's CPU libtorch (100+ MB) is left out: the GPU machine's torch is ABI-incompatible with it
# anyway, and the simulator commands run there do not load DJL.
mkdir -p "$out/app/lib"
find reproduce/target/lib -name '*.jar' ! -name 'pytorch-native-cpu-*' -exec cp {} "$out/app/lib/" \;
work="$(mktemp -d)"
jlink --add-modules java.base,java.logging,java.management,jdk.management,java.naming,java.sql,java.xml,jdk.unsupported \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$work/jre"
tar -C "$work" -cJf "$out/jre.tar.xz" jre
rm -rf "$work"
cat > "$out/run.sh" <<'RUN'
#!/usr/bin/env bash
# Runs mtboard with the bundled JRE (unpacked once into /tmp/mtboard-jre).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jre=/tmp/mtboard-jre
if [[ ! -x "$jre/jre/bin/java" ]]; then
  mkdir -p "$jre" && tar -C "$jre" -xJf "$here/jre.tar.xz"
fi
exec "$jre/jre/bin/java" ${MTBOARD_JAVA_OPTS:-} -jar "$here/app/mtboard.jar" "$@"
RUN
chmod +x "$out/run.sh"
cp "$root/ci/gpu-checks.sh" "$out/"
size="$(du -sm "$out" | cut -f1)"
echo "gpu bundle: $out, ${size} MiB" >&2
if (( size >= 64 )); then
  echo "gpu bundle is ${size} MiB, over the 64 MiB limit" >&2
  exit 1
fi
