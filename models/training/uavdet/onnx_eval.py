"""Run an exported ONNX graph node by node with torch operators.

This is an independent reading of the ONNX file, used to check the export against the
PyTorch model where neither the onnx reference evaluator nor ONNX Runtime is installed. It
supports only the operators that the UavDet export contains and raises on any other.
"""

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import numpy_helper


def _attributes(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _conv(inputs, attributes):
    x, weight = inputs[0], inputs[1]
    bias = inputs[2] if len(inputs) > 2 else None
    pads = attributes.get("pads", [0, 0, 0, 0])
    if pads[0] != pads[2] or pads[1] != pads[3]:
        raise ValueError(f"Asymmetric Conv pads {pads} are not supported")
    return F.conv2d(x, weight, bias, stride=attributes.get("strides", [1, 1]),
                    padding=pads[:2], dilation=attributes.get("dilations", [1, 1]),
                    groups=attributes.get("group", 1))


def _resize(inputs, attributes):
    if attributes.get("mode", b"nearest") != b"nearest":
        raise ValueError(f"Resize mode {attributes['mode']} is not supported")
    scales = inputs[2].tolist()
    if scales[:2] != [1.0, 1.0] or scales[2] != scales[3] or scales[2] != int(scales[2]):
        raise ValueError(f"Resize scales {scales} are not supported")
    factor = int(scales[2])
    return inputs[0].repeat_interleave(factor, dim=2).repeat_interleave(factor, dim=3)


def _slice(inputs, attributes):
    data, starts, ends = inputs[0], inputs[1].tolist(), inputs[2].tolist()
    axes = inputs[3].tolist() if len(inputs) > 3 else list(range(len(starts)))
    steps = inputs[4].tolist() if len(inputs) > 4 else [1] * len(starts)
    index = [slice(None)] * data.dim()
    for start, end, axis, step in zip(starts, ends, axes, steps):
        index[axis] = slice(start, min(end, data.shape[axis]), step)
    return data[tuple(index)]


def _reshape(inputs, attributes):
    shape = [inputs[0].shape[i] if size == 0 else size
             for i, size in enumerate(inputs[1].tolist())]
    return inputs[0].reshape(shape)


OPERATORS = {
    "Conv": _conv,
    "Relu": lambda inputs, a: torch.relu(inputs[0]),
    "Sigmoid": lambda inputs, a: torch.sigmoid(inputs[0]),
    "Add": lambda inputs, a: inputs[0] + inputs[1],
    "Div": lambda inputs, a: inputs[0] / inputs[1],
    "Concat": lambda inputs, a: torch.cat(inputs, dim=a["axis"]),
    "Shape": lambda inputs, a: torch.tensor(inputs[0].shape, dtype=torch.int64),
    "Slice": _slice,
    "Reshape": _reshape,
    "Transpose": lambda inputs, a: inputs[0].permute(*a["perm"]),
    "Resize": _resize,
    "Constant": lambda inputs, a: torch.from_numpy(numpy_helper.to_array(a["value"]).copy()),
}


def run(model_path, image):
    """Return the graph's outputs for the float input tensor `image`."""
    model = onnx.load(str(model_path))
    values = {init.name: torch.from_numpy(numpy_helper.to_array(init).copy())
              for init in model.graph.initializer}
    values[model.graph.input[0].name] = image
    values[""] = None
    with torch.no_grad():
        for node in model.graph.node:
            if node.op_type not in OPERATORS:
                raise ValueError(f"ONNX operator {node.op_type} is not supported here")
            inputs = [values[name] for name in node.input]
            values[node.output[0]] = OPERATORS[node.op_type](inputs, _attributes(node))
    return [values[output.name] for output in model.graph.output]


def max_difference(a, b):
    return float(np.abs(np.asarray(a, dtype=np.float64) - np.asarray(b, dtype=np.float64)).max())
