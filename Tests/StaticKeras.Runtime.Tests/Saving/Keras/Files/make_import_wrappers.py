#!/usr/bin/env python3
"""Writes import_wrappers.* with real Keras 3: the wrappers as KerasImport translates them.

import_wrappers: Input (5, 3) -> Bidirectional(LSTM(4, return_sequences=True))
-> TimeDistributed(Dense(2)) -> Bidirectional(GRU(3), merge_mode="ave",
backward_layer=GRU(3, activation="relu", go_backwards=True)) (the C# ImportedWrappers, written by
KerasImport). Keras writes every Bidirectional's backward_layer; only the last one differs from the
default (the forward layer's copy). Weights shifted as make_nested.py does.
Each import_wrappers.keras, import_wrappers.weights.h5 and import_wrappers.io.safetensors
(input, output: Keras' predict on 3 rows).
usage: KERAS_VENV/bin/python make_import_wrappers.py OUT_DIR   (shared/tools/keras-env; numpy backend)
"""
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "numpy")
import numpy as np  # noqa: E402
import keras  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_branches import save_safetensors  # noqa: E402
from make_nested import shift_biases  # noqa: E402

L = keras.layers


def main(out):
    keras.utils.set_random_seed(8)
    model = keras.Sequential([
        keras.Input((5, 3)),
        L.Bidirectional(L.LSTM(4, return_sequences=True)),
        L.TimeDistributed(L.Dense(2)),
        L.Bidirectional(L.GRU(3), merge_mode="ave", backward_layer=L.GRU(3, activation="relu", go_backwards=True)),
    ], name="wrapped")
    shift_biases(model)
    model.save(os.path.join(out, "import_wrappers.keras"))
    model.save_weights(os.path.join(out, "import_wrappers.weights.h5"))
    x = np.random.default_rng(5).random((3, 5, 3), dtype=np.float32) - np.float32(0.5)
    y = model.predict(x, verbose=0)
    save_safetensors(os.path.join(out, "import_wrappers.io.safetensors"), {"input": x, "output": np.asarray(y, dtype=np.float32)})


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
