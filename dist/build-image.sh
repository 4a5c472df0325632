#!/usr/bin/env bash
# build-image.sh VERSION MODULES OUT: the self-contained runtime image OUT/jmosh-VERSION/ and
# OUT/jmosh-VERSION.tar.gz, from the module jars in the directory MODULES (the runtime dependencies
# of jmosh-server and jmosh-client). jlink links every jmosh module, Bouncy Castle, Lanterna and
# the JDK modules they require, stripped; the launchers of bin/ are copied in (they find the
# image's own java); then one training session makes the AOT caches in lib/ (aot-train.sh).
set -euo pipefail
version=$1
modules=$(cd "$2" && pwd)
out=$(mkdir -p "$3" && cd "$3" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
checkout=$(cd "$here/.." && pwd)
name="jmosh-$version"
image="$out/$name"

# the JDK 25 the checkout's launchers use (it has jlink)
# shellcheck source=../bin/jmosh-env
source "$checkout/bin/jmosh-env"
java=$(jmosh_find_java 25)
jlink="$(dirname "$(readlink -f "$java")")/jlink"

# The application modules; the provider modules are named because nothing requires them (they
# are found by ServiceLoader), and --bind-services would also pull in the JDK's own providers.
roots=dev.jmosh.cli,dev.jmosh.server,dev.jmosh.vt
providers=dev.jmosh.ssp.crypto.ocb,dev.jmosh.ssp.crypto.chacha,dev.jmosh.ssp.transport.udp,dev.jmosh.statesync,dev.jmosh.predictor

rm -rf "$image" "$image.tar.gz"
mkdir -p "$out"
# Bouncy Castle's jar is signed; the signature is for its JCA provider, which jmosh does not use
# (its lightweight AES and OCB classes are called directly), and jlink cannot keep it.
"$jlink" --module-path "$modules" --add-modules "$roots,$providers" \
  --strip-debug --no-man-pages --no-header-files --ignore-signing-information \
  --exclude-files='/java.base/bin/keytool' \
  --output "$image" 2> >(grep -v 'signed modular JAR .*bcprov.* is currently not supported' >&2)

for launcher in jmosh jmosh-client jmosh-server jmosh-vt jmosh-env; do
  install -m "$([ "$launcher" = jmosh-env ] && echo 644 || echo 755)" "$checkout/bin/$launcher" "$image/bin/$launcher"
done

bash "$here/aot-train.sh" "$image"

tar -C "$out" -czf "$image.tar.gz" "$name"
echo "jmosh image: $image ($(du -sh "$image" | cut -f1)), $image.tar.gz ($(du -h "$image.tar.gz" | cut -f1))"
