#!/usr/bin/env bash
# Rebuilds droid-sans-fallback-cjk.ttf: Debian's Droid Sans Fallback (Apache
# 2.0, Google) cut down to the Han characters of GB2312 (6,763, every
# simplified character in common use) and of Big5's frequent range (5,401
# traditional ones), with CJK punctuation and full-width forms: 8,930
# characters, 1.3 MB, against 4.0 MB for the whole font.
# Needs: apt-get download (Debian's package) and fonttools (pip).
set -euo pipefail
cd "$(dirname "$0")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download fonts-droid-fallback >/dev/null && dpkg-deb -x fonts-droid-fallback_*.deb x)
python3 - "$work/chars.txt" <<'PY'
import sys
chars = set()
for hi in range(0xB0, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
for hi in range(0xA4, 0xC7):
    for lo in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
        try:
            chars.add(bytes([hi, lo]).decode("big5"))
        except UnicodeDecodeError:
            pass
chars = {c for c in chars if len(c) == 1}
extra = "".join(chr(c) for c in list(range(0x3000, 0x3040)) + list(range(0xFF00, 0xFFF0)))
open(sys.argv[1], "w").write("".join(sorted(chars)) + extra)
PY
pyftsubset "$work/x/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf" \
  --text-file="$work/chars.txt" --output-file=droid-sans-fallback-cjk.ttf \
  --layout-features='' --no-hinting --desubroutinize --name-IDs='*' --name-languages='*'
