#!/usr/bin/python3
"""Rewrite a QLinear-format int8 ONNX model so that its activations are uint8.

Every activation zero point (the zero-point inputs of QuantizeLinear, DequantizeLinear and the
QLinear* operators, but not the weight zero point of QLinearConv) becomes uint8 with 128 added.
Since uint8 value = int8 value + 128 and zero point + 128, every real value stays the same. Weights
stay int8, so the convolutions become uint8 x int8, the combination that ONNX Runtime's x86 integer
kernels (MLAS, AVX2 / AVX-512 VNNI) implement; int8 x int8 runs a portable C++ loop there unless the
CPU has AVX-VNNI-INT8.

Usage: /usr/bin/python3 s8_to_u8_activations.py IN.onnx OUT.onnx

Needs only python3-onnx and python3-numpy (Debian packages). Recorded value_info is dropped, since
it lists the old int8 types; ONNX Runtime infers the types again.
"""
import sys

import numpy as np
import onnx
from onnx import numpy_helper

# Zero-point input positions of activations, by operator (ONNX and com.microsoft schemas).
ACTIVATION_ZERO_POINTS = {
    "QuantizeLinear": [2],
    "DequantizeLinear": [2],
    "QLinearConv": [2, 7],
    "QLinearMatMul": [2, 7],
    "QLinearAdd": [2, 5, 7],
    "QLinearMul": [2, 5, 7],
    "QLinearLeakyRelu": [2, 4],
    "QLinearSigmoid": [2, 4],
    "QLinearGlobalAveragePool": [2, 4],
    "QLinearAveragePool": [2, 4],
}


def concat_zero_points(node):
    """QLinearConcat: Y_scale, Y_zero_point, then (X, X_scale, X_zero_point) per input."""
    return [1] + [i for i in range(2, len(node.input)) if (i - 2) % 3 == 2]


def main():
    source, target = sys.argv[1], sys.argv[2]
    model = onnx.load(source)
    graph = model.graph
    initializers = {t.name: t for t in graph.initializer}
    converted = {}
    for node in graph.node:
        positions = (concat_zero_points(node) if node.op_type == "QLinearConcat"
                     else ACTIVATION_ZERO_POINTS.get(node.op_type, []))
        for position in positions:
            if position >= len(node.input) or node.input[position] not in initializers:
                continue
            name = node.input[position]
            tensor = initializers[name]
            if tensor.data_type != onnx.TensorProto.INT8:
                continue
            if name not in converted:
                values = numpy_helper.to_array(tensor).astype(np.int16) + 128
                new_name = name + "_u8"
                graph.initializer.append(
                    numpy_helper.from_array(values.astype(np.uint8), new_name))
                converted[name] = new_name
            node.input[position] = converted[name]
    del graph.value_info[:]
    onnx.save(model, target)
    print(f"Converted {len(converted)} activation zero points to uint8; wrote {target}")


if __name__ == "__main__":
    main()
