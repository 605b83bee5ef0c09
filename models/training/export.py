"""Export a trained UavDet checkpoint to ONNX (opset 13) with its uavstream model descriptor.

The graph takes BGR pixels in 0-255 as float [1, 3, size, size] and returns the YOLOX layout
[1, N, 5 + C] (see uavdet/model.py). The ONNX model is checked with onnx.checker and then run
node by node with uavdet/onnx_eval.py on random and real input and compared with PyTorch.

Example:
    /usr/bin/python3 export.py --checkpoint runs/uavdet/uavdet-ema.pt --out ../src/main/resources/io/uavstream/models/default
"""

import argparse
import json
import pathlib

import copy

import onnx
import torch

from uavdet import onnx_eval
from uavdet.model import CLASS_NAMES, STRIDES, ExportWrapper, UavDet, count_macs, \
    count_parameters, load_architecture

MODEL_ID = "uavdet-416"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoint", required=True, help="EMA state dict from train.py")
    parser.add_argument("--out", required=True, help="folder for <id>.onnx and <id>.json")
    parser.add_argument("--size", type=int, default=416, help="model input size in pixels")
    parser.add_argument("--id", default=MODEL_ID, help="model ID and file stem")
    parser.add_argument("--score-threshold", type=float, default=0.3)
    parser.add_argument("--reference", help="also write PyTorch output rows for the test"
                        " pattern (see pattern()) to this file, for the Java parity test")
    return parser.parse_args()


def fuse_batch_norms(module):
    """Fold every Conv2d + BatchNorm2d pair of a Sequential into one Conv2d with bias."""
    for name, child in module.named_children():
        if isinstance(child, torch.nn.Sequential) and len(child) >= 2 \
                and isinstance(child[0], torch.nn.Conv2d) \
                and isinstance(child[1], torch.nn.BatchNorm2d):
            setattr(module, name, torch.nn.Sequential(
                torch.nn.utils.fusion.fuse_conv_bn_eval(child[0], child[1]), *child[2:]))
        else:
            fuse_batch_norms(child)


def verify(onnx_path, reference, size, tolerance=1e-3):
    """Compare the ONNX graph with the unfused PyTorch model on random BGR input."""
    image = torch.rand(1, 3, size, size, generator=torch.Generator().manual_seed(1)) * 255
    with torch.no_grad():
        expected = reference(image)
    actual = onnx_eval.run(onnx_path, image)[0]
    difference = onnx_eval.max_difference(expected, actual)
    print(f"ONNX graph vs PyTorch: output {tuple(actual.shape)}, max abs difference {difference:.2e}")
    if tuple(actual.shape) != tuple(expected.shape) or not difference < tolerance:
        raise SystemExit(f"ONNX export differs from PyTorch by {difference} (tolerance {tolerance})")


def pattern(size):
    """Return the input of the parity test: pixel (c, y, x) = (67c + 7y + 13x) mod 256."""
    c, y, x = torch.meshgrid(torch.arange(3), torch.arange(size), torch.arange(size),
                             indexing="ij")
    return ((67 * c + 7 * y + 13 * x) % 256).float()[None]


def write_reference(reference, size, path, model_id):
    """Write the 40 rows of highest objectness and 4 fixed rows, as "row v0 ... v11" lines."""
    with torch.no_grad():
        rows = reference(pattern(size))[0]
    chosen = set(rows[:, 4].topk(40).indices.tolist()) | {0, 1000, 2703, rows.shape[0] - 1}
    lines = [f"# PyTorch output rows of {model_id} for the input pattern (67c + 7y + 13x) mod 256"]
    for row in sorted(chosen):
        lines.append(" ".join([str(row)] + [f"{v:.6g}" for v in rows[row].tolist()]))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")


def descriptor(model_id, size, score_threshold, architecture):
    """Return the uavstream model descriptor, naming the widths of a pruned `architecture`."""
    pruning = ""
    if architecture:
        widths = ", ".join(str(w) for w in architecture["stage_widths"])
        head = architecture.get("head_blocks", 2)
        pruning = (f", channel-pruned to stage widths {widths}, neck and head width"
                   f" {architecture['width']} and {head} residual head"
                   f" block{'s' if head != 1 else ''}")
    return {
        "id": model_id,
        "description": "UavDet, uavstream's own detector for vehicles and persons seen from"
                       " drones, trained on simulated flights and distilled from NanoDet-Plus and"
                       f" YOLOX-nano on real frames{pruning}; fp32, {size}x{size} input,"
                       " YOLOX layout",
        "format": "YOLOX",
        "model": model_id + ".onnx",
        "inputWidth": size,
        "inputHeight": size,
        "colorOrder": "BGR",
        "mean": [0, 0, 0],
        "std": [1, 1, 1],
        "letterbox": "TOP_LEFT",
        "padValue": 114,
        "strides": STRIDES,
        "classNames": CLASS_NAMES,
        "scoreThreshold": score_threshold,
        "nmsIouThreshold": 0.45,
        "maxDetections": 300,
    }


def main():
    args = parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    architecture = load_architecture(args.checkpoint)
    model = UavDet(**architecture)
    model.load_state_dict(torch.load(args.checkpoint, map_location="cpu"))
    model.eval()
    parameters = count_parameters(model)
    macs = count_macs(model, args.size)
    reference = ExportWrapper(copy.deepcopy(model)).eval()
    fuse_batch_norms(model)
    wrapper = ExportWrapper(model).eval()

    onnx_path = out / (args.id + ".onnx")
    dummy = torch.rand(1, 3, args.size, args.size) * 255
    torch.onnx.export(wrapper, dummy, str(onnx_path), opset_version=13,
                      input_names=["images"], output_names=["output"], do_constant_folding=True)
    onnx.checker.check_model(onnx.load(str(onnx_path)))
    verify(onnx_path, reference, args.size)
    if args.reference:
        write_reference(reference, args.size, pathlib.Path(args.reference), args.id)
    (out / (args.id + ".json")).write_text(json.dumps(descriptor(args.id, args.size,
                                                                 args.score_threshold,
                                                                 architecture),
                                                      indent=2) + "\n")
    print(f"parameters {parameters}  GFLOPs {2 * macs / 1e9:.3f} (2 x conv MACs at "
          f"{args.size}x{args.size})  file {onnx_path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
