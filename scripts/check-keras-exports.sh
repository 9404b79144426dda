#!/usr/bin/env bash
# Trains every FashionMnist sample model briefly, writes it with --save (safetensors, .weights.h5,
# .keras plus NAME.io.safetensors: inputs and StaticKeras' predictions), then loads each .keras file
# into real Keras 3 (shared/tools/keras-env, numpy backend) with keras.saving.load_model, and the
# .weights.h5 into a clone with load_weights, and compares Keras' predictions with StaticKeras'.
# A development check: the repository's tests do not need Python.
#
# usage: scripts/check-keras-exports.sh KERAS_VENV [OUT_DIR]
#   KERAS_VENV  a venv made by shared/tools/keras-env/setup.sh
set -euo pipefail
venv=${1:?usage: scripts/check-keras-exports.sh KERAS_VENV [OUT_DIR]}
out=${2:-$(mktemp -d)}
root=$(cd "$(dirname "$0")/.." && pwd)
check="$root/../shared/tools/keras-env/check_load.py"
dotnet build "$root/Samples/FashionMnist" -c Release --nologo -v q
status=0
for model in mlp cnn-sequential cnn residual custom; do
  dotnet run --project "$root/Samples/FashionMnist" -c Release --no-build -- \
    --model "$model" --epochs 1 --limit 2000 --verbose 0 --save "$out" | grep -E '^saved|^test_loss'
  if [[ -f "$out/$model.keras" ]]; then
    if result=$("$venv/bin/python" "$check" "$out/$model.keras" "$out/$model.io.safetensors" --weights "$out/$model.weights.h5" | tail -1); then :; else status=1; fi
    echo "$model: $result"
  else
    echo "$model: no .keras file (see the 'saved' line above for why)"
  fi
done
exit $status
