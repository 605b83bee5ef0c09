"""UavDet: a small single-stage anchor-free detector for objects seen from drones.

The backbone and neck use depthwise-separable convolutions in the MobileNet and ShuffleNet
spirit. The exported graph ends in the YOLOX layout that io.uavstream.models.YoloxDecoder
reads: one tensor [1, N, 5 + C] whose rows run over strides 8, 16 and 32 and, per stride,
over the grid row by row. A row is x and y offsets from the cell's top-left corner and log
width and log height (all in stride units), then sigmoid objectness and C sigmoid class scores.
"""

import json
import pathlib

import torch
from torch import nn

# Class IDs of the model, in output order, with the VisDrone2019 IDs of the simulator's gt.txt.
CLASS_NAMES = ["person", "bicycle", "car", "van", "truck", "bus", "motorcycle"]
VISDRONE_IDS = [1, 3, 4, 5, 6, 9, 10]
STRIDES = [8, 16, 32]


def conv_bn(in_channels, out_channels, kernel, stride=1, groups=1, act=True):
    layers = [
        nn.Conv2d(in_channels, out_channels, kernel, stride, kernel // 2, groups=groups,
                  bias=False),
        nn.BatchNorm2d(out_channels),
    ]
    if act:
        layers.append(nn.ReLU(inplace=True))
    return nn.Sequential(*layers)


class SeparableBlock(nn.Module):
    """Depthwise 3x3 then pointwise 1x1, with a residual sum when the shape is unchanged."""

    def __init__(self, in_channels, out_channels, stride=1):
        super().__init__()
        self.depthwise = conv_bn(in_channels, in_channels, 3, stride, groups=in_channels,
                                 act=False)
        self.pointwise = conv_bn(in_channels, out_channels, 1)
        self.residual = stride == 1 and in_channels == out_channels

    def forward(self, x):
        y = self.pointwise(self.depthwise(x))
        return x + y if self.residual else y


def stage(in_channels, out_channels, blocks):
    layers = [SeparableBlock(in_channels, out_channels, stride=2)]
    layers += [SeparableBlock(out_channels, out_channels) for _ in range(blocks - 1)]
    return nn.Sequential(*layers)


# Output channels of the stride-4 stem block and of the stages of stride 8, 16 and 32.
STAGE_WIDTHS = (24, 64, 160, 256)


def load_architecture(checkpoint):
    """Return the constructor arguments saved beside a checkpoint (<checkpoint>.json), if any.

    Pruned models have narrower layers; their architecture file names the widths.
    """
    sidecar = pathlib.Path(str(checkpoint) + ".json")
    if not sidecar.exists():
        return {}
    saved = json.loads(sidecar.read_text())
    if not saved:
        return {}  # train.py --init from an unpruned checkpoint writes an empty file
    architecture = {"width": saved["width"], "stage_widths": tuple(saved["stage_widths"])}
    if "head_blocks" in saved:
        architecture["head_blocks"] = saved["head_blocks"]
    return architecture


class UavDet(nn.Module):
    """Backbone (stride 2 to 32), top-down feature pyramid and a head shared by all levels.

    forward() returns raw per-level maps for training; export_forward() returns the decoded
    YOLOX-layout tensor with sigmoid applied to objectness and class scores.
    """

    def __init__(self, num_classes=len(CLASS_NAMES), width=96, stage_widths=STAGE_WIDTHS, head_blocks=2):
        super().__init__()
        self.num_classes = num_classes
        w4, w8, w16, w32 = stage_widths
        self.stem = nn.Sequential(conv_bn(3, 16, 3, stride=2), SeparableBlock(16, w4, stride=2))
        self.stage8 = stage(w4, w8, 3)
        self.stage16 = stage(w8, w16, 4)
        self.stage32 = stage(w16, w32, 3)
        self.lateral8 = conv_bn(w8, width, 1)
        self.lateral16 = conv_bn(w16, width, 1)
        self.lateral32 = conv_bn(w32, width, 1)
        self.smooth8 = SeparableBlock(width, width)
        self.smooth16 = SeparableBlock(width, width)
        self.upsample = nn.Upsample(scale_factor=2, mode="nearest")
        self.head_stem = nn.Sequential(*[SeparableBlock(width, width) for _ in range(head_blocks)])
        self.box = nn.Conv2d(width, 4, 1)
        self.objectness = nn.Conv2d(width, 1, 1)
        self.classes = nn.Conv2d(width, num_classes, 1)
        prior = -4.6  # log(0.01 / 0.99): start with low objectness and class scores
        nn.init.constant_(self.objectness.bias, prior)
        nn.init.constant_(self.classes.bias, prior)
        nn.init.constant_(self.box.bias, 0.0)

    def features(self, image):
        # The model takes BGR pixels in 0-255, like the YOLOX export: no normalisation outside.
        x = self.stem(image / 255.0)
        c8 = self.stage8(x)
        c16 = self.stage16(c8)
        c32 = self.stage32(c16)
        p32 = self.lateral32(c32)
        p16 = self.smooth16(self.lateral16(c16) + self.upsample(p32))
        p8 = self.smooth8(self.lateral8(c8) + self.upsample(p16))
        return [p8, p16, p32]

    def forward(self, image):
        """Return per level a [B, H*W, 5 + C] tensor of raw logits (no sigmoid)."""
        outputs = []
        for feature in self.features(image):
            y = self.head_stem(feature)
            level = torch.cat([self.box(y), self.objectness(y), self.classes(y)], dim=1)
            outputs.append(level.flatten(2).transpose(1, 2))
        return outputs

    def export_forward(self, image):
        rows = torch.cat(self.forward(image), dim=1)
        return torch.cat([rows[..., :4], torch.sigmoid(rows[..., 4:])], dim=-1)


class ExportWrapper(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, image):
        return self.model.export_forward(image)


def count_parameters(model):
    return sum(p.numel() for p in model.parameters())


def count_macs(model, size):
    """Count multiply-accumulates of convolutions for one image of size x size pixels.

    Convolutions dominate; batch norm, ReLU, sums and upsampling are left out. GFLOPs are
    reported as 2 x MACs.
    """
    macs = 0

    def hook(module, inputs, output):
        nonlocal macs
        kernel = module.kernel_size[0] * module.kernel_size[1]
        per_output = kernel * module.in_channels // module.groups
        macs += output.numel() * per_output

    handles = [m.register_forward_hook(hook) for m in model.modules()
               if isinstance(m, nn.Conv2d)]
    with torch.no_grad():
        model.eval()
        model(torch.zeros(1, 3, size, size))
    for handle in handles:
        handle.remove()
    return macs
