#!/usr/bin/env bash
# Re-creates this folder's four files: the first 6,000 training and first 1,000 test images and
# labels of Fashion-MNIST, as IDX files with their counts rewritten, compressed with `gzip -9 -n`
# (no file name, time 0), so the same input gives the same bytes.
# Usage: make-subset.sh [directory with the official files]  (default: Debian's dataset-fashion-mnist)
set -euo pipefail
source_dir=${1:-/usr/share/datasets/fashion-mnist}
out_dir=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# subset NAME COUNT HEADER_BYTES ITEM_BYTES: magic, the new count (big-endian), the rest of the
# header, then the first COUNT items.
subset() {
  local name=$1 count=$2 header=$3 item=$4
  gzip -dc "$source_dir/$name.gz" > "$work/$name"
  {
    head -c 4 "$work/$name"
    printf "$(printf '\\x%02x\\x%02x\\x%02x\\x%02x' $((count >> 24 & 255)) $((count >> 16 & 255)) $((count >> 8 & 255)) $((count & 255)))"
    head -c $((header + count * item)) "$work/$name" | tail -c +9
  } | gzip -9 -n > "$out_dir/$name.gz"
  echo "$name.gz: $count items, $(stat -c %s "$out_dir/$name.gz") bytes"
}

subset train-images-idx3-ubyte 6000 16 784
subset train-labels-idx1-ubyte 6000 8 1
subset t10k-images-idx3-ubyte 1000 16 784
subset t10k-labels-idx1-ubyte 1000 8 1
