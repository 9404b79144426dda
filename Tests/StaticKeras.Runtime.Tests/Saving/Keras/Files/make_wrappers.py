#!/usr/bin/env python3
"""Writes wrappers.* with real Keras 3: TimeDistributed and Bidirectional in a Sequential model.

wrappers: Input (4, 6, 6, 1) -> TimeDistributed(Conv2D(2, 3, relu)) -> TimeDistributed(Flatten)
-> Bidirectional(LSTM(3, return_sequences=True)) -> TimeDistributed(Dense(4, tanh))
-> Bidirectional(GRU(2), merge_mode="sum") -> Dense(2, softmax) (the C# KerasWrappedClips).
Weights: layers/time_distributed/layer/vars, layers/bidirectional/forward_layer/cell/vars then
backward_layer/cell/vars, ... Each wrappers.keras, wrappers.weights.h5 and wrappers.io.safetensors
(input, output: Keras' predict on 3 rows).
usage: KERAS_VENV/bin/python make_wrappers.py OUT_DIR   (shared/tools/keras-env; numpy backend)
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
    keras.utils.set_random_seed(7)
    model = keras.Sequential([
        keras.Input((4, 6, 6, 1)),
        L.TimeDistributed(L.Conv2D(2, 3, activation="relu")),
        L.TimeDistributed(L.Flatten()),
        L.Bidirectional(L.LSTM(3, return_sequences=True)),
        L.TimeDistributed(L.Dense(4, activation="tanh")),
        L.Bidirectional(L.GRU(2), merge_mode="sum"),
        L.Dense(2, activation="softmax"),
    ])
    shift_biases(model)
    model.save(os.path.join(out, "wrappers.keras"))
    model.save_weights(os.path.join(out, "wrappers.weights.h5"))
    x = np.random.default_rng(5).random((3, 4, 6, 6, 1), dtype=np.float32) - np.float32(0.5)
    y = model.predict(x, verbose=0)
    save_safetensors(os.path.join(out, "wrappers.io.safetensors"), {"input": x, "output": np.asarray(y, dtype=np.float32)})


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
