#!/bin/sh
# Precompress Streamlit's static files for nginx's `gzip_static on` (deploy/nginx-hyte.conf, location /static/).
# Run after every install or upgrade of streamlit:  deploy/static-gz.sh [/opt/hyte/.venv/bin/python]
# Writes FILE.gz beside each compressible FILE (the originals stay: nginx serves them to clients without gzip),
# with the original's modification time, and removes .gz files whose original is gone.
set -eu
PYTHON="${1:-/opt/hyte/.venv/bin/python}"
STATIC="$("$PYTHON" -c 'import pathlib, streamlit; print(pathlib.Path(streamlit.__file__).parent / "static" / "static")')"
[ -d "$STATIC" ] || { echo "static-gz.sh: $STATIC is not a folder: is streamlit installed in $PYTHON's environment?" >&2; exit 1; }
find "$STATIC" -type f -name '*.gz' | while read -r gz; do [ -e "${gz%.gz}" ] || rm -f "$gz"; done
find "$STATIC" -type f \( -name '*.js' -o -name '*.css' -o -name '*.map' -o -name '*.svg' -o -name '*.json' \
    -o -name '*.txt' -o -name '*.ttf' -o -name '*.wasm' -o -name '*.html' \) | while read -r file; do
    if [ ! -e "$file.gz" ] || [ "$file" -nt "$file.gz" ]; then
        gzip -9 -k -n -f "$file" && touch -r "$file" "$file.gz"
    fi
done
echo "static-gz.sh: $(find "$STATIC" -type f -name '*.gz' | wc -l) precompressed files in $STATIC"
