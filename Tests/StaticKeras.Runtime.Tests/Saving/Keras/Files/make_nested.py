#!/usr/bin/env python3
"""Writes nested.* and nested_block.* with real Keras 3: models used as layers inside other models.

- nested: Functional, features (6) -> Sequential "enc" [Dense(8, tanh)] -> Dense(2, softmax)
  (the C# EncoderClassifier with TinyEncoder inside). Weights: layers/sequential/layers/dense/vars,
  layers/dense/vars.
- nested_block: Functional, features (6) -> Functional "block" [x -> Dense(4), x -> Dense(4, relu);
  Add] -> Dense(3) (the C# StackedAddBlock with AddBlock inside). Weights:
  layers/functional/layers/dense{,_1}/vars, layers/dense/vars. (StaticKeras nests models in
  functional models only, so no Sequential outer model here.)

Each NAME.keras, NAME.weights.h5 and NAME.io.safetensors (input, output: Keras' predict on 4 rows).
usage: KERAS_VENV/bin/python make_nested.py OUT_DIR   (shared/tools/keras-env; numpy backend)
"""
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "numpy")
import numpy as np  # noqa: E402
import keras  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_branches import save_safetensors  # noqa: E402

L = keras.layers


def shift_biases(model):
    """Non-zero biases (and shifted kernels), so a weight loaded into the wrong layer shows."""
    for w in model.weights:
        value = w.numpy()
        w.assign(value + np.float32(0.1) * np.arange(value.size, dtype=np.float32).reshape(value.shape) / value.size)


def write(model, out, name):
    shift_biases(model)
    model.save(os.path.join(out, f"{name}.keras"))
    model.save_weights(os.path.join(out, f"{name}.weights.h5"))
    x = np.random.default_rng(5).random((4, 6), dtype=np.float32)
    y = model.predict(x, verbose=0)
    save_safetensors(os.path.join(out, f"{name}.io.safetensors"), {"input": x, "output": np.asarray(y, dtype=np.float32)})


def main(out):
    keras.utils.set_random_seed(6)
    encoder = keras.Sequential([keras.Input((6,)), L.Dense(8, activation="tanh", name="code")], name="enc")
    features = keras.Input((6,), name="features")
    write(keras.Model(features, L.Dense(2, activation="softmax", name="classifier")(encoder(features))), out, "nested")

    x = keras.Input((6,), name="x")
    block = keras.Model(x, L.Add(name="sum")([L.Dense(4, name="left")(x), L.Dense(4, activation="relu", name="right")(x)]), name="block")
    features = keras.Input((6,), name="features")
    write(keras.Model(features, L.Dense(3, name="head")(block(features)), name="stacked"), out, "nested_block")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
