#!/usr/bin/env python3
"""Writes branches.keras, branches.weights.h5 and branches.io.safetensors with real Keras 3.

A functional model whose Keras layer order (Functional.layers: depth-sorted, see
keras/src/ops/function.py map_graph) differs from the order the C# declaration
(Tests/.../Saving/Keras/KerasBranchesTests.cs, `KerasBranches`) declares and calls its layers:

    x (16) -> deep1 Dense(8, relu) -> deep2 Dense(6, tanh) --+
    x      -> shortcut Dense(5) ----------------------------+-> Concatenate -> head Dense(3, softmax)
    aux (4) ------------------------------------------------+

Keras' order is x, deep1, deep2, shortcut, aux, concatenate, head, so the weight groups are
layers/dense (deep1, 8 units), layers/dense_1 (deep2), layers/dense_2 (shortcut),
layers/dense_3 (head). The C# class declares shortcut first and calls it first.

usage: KERAS_VENV/bin/python make_branches.py OUT_DIR   (shared/tools/keras-env; numpy backend)
"""
import json
import os
import struct
import sys

os.environ.setdefault("KERAS_BACKEND", "numpy")
import numpy as np  # noqa: E402
import keras  # noqa: E402


def save_safetensors(path, tensors):
    """Plain safetensors (no __metadata__): names sorted, F32 and I64 only."""
    codes = {np.dtype("float32"): "F32", np.dtype("int64"): "I64"}
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        a = np.ascontiguousarray(tensors[name])
        data = a.tobytes()
        header[name] = {"dtype": codes[a.dtype], "shape": list(a.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def main(out):
    keras.utils.set_random_seed(3)
    x = keras.Input((16,), name="x")
    aux = keras.Input((4,), name="aux")
    deep = keras.layers.Dense(8, activation="relu", name="deep1")(x)
    deep = keras.layers.Dense(6, activation="tanh", name="deep2")(deep)
    shortcut = keras.layers.Dense(5, name="shortcut")(x)
    joined = keras.layers.Concatenate(name="join")([deep, shortcut, aux])
    head = keras.layers.Dense(3, activation="softmax", name="head")(joined)
    model = keras.Model([x, aux], head, name="branches")
    # Non-zero biases, so a bias loaded into the wrong layer shows.
    for layer in model.layers:
        if layer.weights:
            layer.set_weights([w + np.float32(0.1) * np.arange(w.size, dtype=np.float32).reshape(w.shape) / w.size
                               for w in layer.get_weights()])
    print("Keras layer order:", [layer.name for layer in model.layers])
    model.save(os.path.join(out, "branches.keras"))
    model.save_weights(os.path.join(out, "branches.weights.h5"))
    rng = np.random.default_rng(4)
    xs = rng.random((4, 16), dtype=np.float32)
    auxs = rng.random((4, 4), dtype=np.float32)
    y = model.predict({"x": xs, "aux": auxs}, verbose=0)
    save_safetensors(os.path.join(out, "branches.io.safetensors"),
                     {"input_x": xs, "input_aux": auxs, "output": np.asarray(y, dtype=np.float32)})


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
