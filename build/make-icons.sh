#!/usr/bin/env bash
# Makes the app icons from build/icon.svg (the one source) with Debian's tools:
#   rsvg-convert (librsvg2-bin) for the PNGs, icotool (icoutils) for the Windows ICO,
#   png2icns (icnsutils) for the macOS ICNS.
#   apt-get install librsvg2-bin icoutils icnsutils
# The results are committed (electron-builder reads them; `npm run dist` needs no tools).
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null || { echo "make-icons: $tool is missing (apt-get install librsvg2-bin icoutils icnsutils)" >&2; exit 1; }
done
mkdir -p icons
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio --format png icon.svg -o "icons/${size}x${size}.png"
done
cp icons/1024x1024.png icon.png
icotool --create --output icon.ico \
  icons/16x16.png icons/24x24.png icons/32x32.png icons/48x48.png icons/64x64.png icons/128x128.png \
  --raw=icons/256x256.png
png2icns icon.icns icons/16x16.png icons/32x32.png icons/48x48.png icons/128x128.png icons/256x256.png \
  icons/512x512.png icons/1024x1024.png >/dev/null
echo "make-icons: build/icon.png, build/icon.ico, build/icon.icns and build/icons/*.png from build/icon.svg"
