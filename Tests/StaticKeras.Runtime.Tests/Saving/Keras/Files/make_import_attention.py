#!/usr/bin/env python3
"""Writes import_attention.* with real Keras 3: MultiHeadAttention and Attention as KerasImport translates them.

import_attention: Functional, x (5, 8) and m (6, 4):
  mixed = Add([x, MultiHeadAttention(2, 3, name="self")(x, x)])
  keys = Dense(3)(m); memory = Dense(8)(m)
  cross = MultiHeadAttention(2, 3, value_dim=5, use_bias=False, output_shape=(7,))(mixed, m, key=keys, use_causal_mask=True)
  att = Attention(use_scale=True, score_mode="concat")([mixed, memory])
  -> Concatenate([cross, att]) -> GlobalAveragePooling1D -> Dense(2, softmax)
(the C# ImportedAttention, written by KerasImport: the cross attention's key given by name and its causal
mask a call argument in Keras). Weights shifted as make_nested.py does.
Each import_attention.keras, import_attention.weights.h5 and import_attention.io.safetensors
(input_x, input_m, output: Keras' predict on 3 rows).
usage: KERAS_VENV/bin/python make_import_attention.py OUT_DIR   (shared/tools/keras-env; numpy backend)
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
    keras.utils.set_random_seed(9)
    x = keras.Input((5, 8), name="x")
    m = keras.Input((6, 4), name="m")
    mixed = L.Add(name="mixed")([x, L.MultiHeadAttention(2, 3, name="self")(x, x)])
    keys = L.Dense(3, name="keys")(m)
    memory = L.Dense(8, name="memory")(m)
    cross = L.MultiHeadAttention(2, 3, value_dim=5, use_bias=False, output_shape=(7,), name="cross")(
        mixed, m, key=keys, use_causal_mask=True)
    att = L.Attention(use_scale=True, score_mode="concat", name="att")([mixed, memory])
    joined = L.Concatenate(name="joined")([cross, att])
    model = keras.Model([x, m], L.Dense(2, activation="softmax", name="head")(L.GlobalAveragePooling1D(name="pool")(joined)), name="attending")
    shift_biases(model)
    model.save(os.path.join(out, "import_attention.keras"))
    model.save_weights(os.path.join(out, "import_attention.weights.h5"))
    rng = np.random.default_rng(5)
    xs = rng.random((3, 5, 8), dtype=np.float32) - np.float32(0.5)
    ms = rng.random((3, 6, 4), dtype=np.float32) - np.float32(0.5)
    y = model.predict([xs, ms], verbose=0)
    save_safetensors(os.path.join(out, "import_attention.io.safetensors"),
                     {"input_x": xs, "input_m": ms, "output": np.asarray(y, dtype=np.float32)})


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
