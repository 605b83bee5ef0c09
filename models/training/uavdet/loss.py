"""Label assignment and loss for UavDet.

Each ground-truth box goes to one pyramid level by its longer side. At that level the cells
whose centres lie within clamp(w / 2, 0.5 * stride, 1.5 * stride) of the box centre in x (and
likewise in y) are positives, so every box gets at least the cell that contains its centre.
A cell claimed by several boxes takes the smallest. Boxes with visibility below
MIN_VISIBILITY are neither positive nor negative: their cells are left out of the
objectness loss. Losses follow YOLOX: 5 x GIoU + objectness BCE + class BCE + L1 on the raw box outputs, each summed and
divided by the number of positives; the class target is the one-hot class times the IoU of
the predicted box for exact labels, and times the teacher's score for pseudo labels (column 6
of a target row, negative for exact labels).
"""

import torch
import torch.nn.functional as F
from torchvision.ops import generalized_box_iou_loss

from .model import STRIDES

LEVEL_LIMITS = [32.0, 96.0]  # longer side in input pixels below which stride 8, then 16
MIN_VISIBILITY = 0.25


def make_grid(height, width):
    """Return cell x, y (top-left index) and stride for every row of the concatenated output."""
    xs, ys, strides = [], [], []
    for stride in STRIDES:
        rows, columns = height // stride, width // stride
        grid_y, grid_x = torch.meshgrid(torch.arange(rows), torch.arange(columns), indexing="ij")
        xs.append(grid_x.flatten())
        ys.append(grid_y.flatten())
        strides.append(torch.full((rows * columns,), stride))
    return torch.cat(xs).float(), torch.cat(ys).float(), torch.cat(strides).float()


def level_stride(boxes):
    longer = torch.maximum(boxes[:, 3] - boxes[:, 1], boxes[:, 4] - boxes[:, 2])
    stride = torch.full_like(longer, float(STRIDES[2]))
    stride[longer < LEVEL_LIMITS[1]] = float(STRIDES[1])
    stride[longer < LEVEL_LIMITS[0]] = float(STRIDES[0])
    return stride


def assign(boxes, grid):
    """Return (gt index per cell, -1 for none; ignore mask) for one image."""
    grid_x, grid_y, strides = grid
    cells = grid_x.numel()
    matched = torch.full((cells,), -1, dtype=torch.long)
    ignore = torch.zeros(cells, dtype=torch.bool)
    if len(boxes) == 0:
        return matched, ignore
    center_x = (grid_x + 0.5) * strides
    center_y = (grid_y + 0.5) * strides
    box_cx = (boxes[:, 1] + boxes[:, 3]) / 2
    box_cy = (boxes[:, 2] + boxes[:, 4]) / 2
    box_w = boxes[:, 3] - boxes[:, 1]
    box_h = boxes[:, 4] - boxes[:, 2]
    stride = level_stride(boxes)
    radius_x = torch.minimum(torch.maximum(box_w / 2, 0.5 * stride), 1.5 * stride)
    radius_y = torch.minimum(torch.maximum(box_h / 2, 0.5 * stride), 1.5 * stride)
    inside = ((center_x[None] - box_cx[:, None]).abs() <= radius_x[:, None]) \
        & ((center_y[None] - box_cy[:, None]).abs() <= radius_y[:, None]) \
        & (strides[None] == stride[:, None])
    visible = boxes[:, 5] >= MIN_VISIBILITY
    ignore = (inside & ~visible[:, None]).any(0)
    area = (box_w * box_h).clamp(min=1e-3)
    cost = torch.where(inside & visible[:, None], area[:, None], torch.full_like(center_x, 1e9))
    best_cost, best_box = cost.min(0)
    positive = best_cost < 1e9
    matched[positive] = best_box[positive]
    ignore &= ~positive
    return matched, ignore


def decode_boxes(raw, grid):
    grid_x, grid_y, strides = grid
    center_x = (raw[..., 0] + grid_x) * strides
    center_y = (raw[..., 1] + grid_y) * strides
    width = raw[..., 2].clamp(max=8.0).exp() * strides
    height = raw[..., 3].clamp(max=8.0).exp() * strides
    return torch.stack([center_x - width / 2, center_y - height / 2,
                        center_x + width / 2, center_y + height / 2], dim=-1)


def detection_loss(outputs, targets, height, width, num_classes):
    """Return (total loss, dict of parts) for raw outputs [B, N, 5 + C] of one batch."""
    grid = make_grid(height, width)
    predicted_boxes = decode_boxes(outputs, grid)
    iou_loss = outputs.new_zeros(())
    objectness_loss = outputs.new_zeros(())
    class_loss = outputs.new_zeros(())
    l1_loss = outputs.new_zeros(())
    positives = 0
    for index, boxes in enumerate(targets):
        matched, ignore = assign(boxes, grid)
        positive = matched >= 0
        objectness_target = positive.float()
        objectness_weight = (~ignore).float()
        objectness_loss = objectness_loss + (F.binary_cross_entropy_with_logits(
            outputs[index, :, 4], objectness_target, reduction="none") * objectness_weight).sum()
        count = int(positive.sum())
        if count == 0:
            continue
        positives += count
        gt = boxes[matched[positive]]
        predicted = predicted_boxes[index, positive]
        iou_loss = iou_loss + generalized_box_iou_loss(predicted, gt[:, 1:5], reduction="sum")
        l1_loss = l1_loss + F.l1_loss(outputs[index, positive, :4],
                                      raw_targets(gt, grid, positive), reduction="sum")
        with torch.no_grad():
            iou = 1 - generalized_box_iou_loss(predicted, gt[:, 1:5], reduction="none")
            iou = iou.clamp(min=0.0, max=1.0)
        # Exact labels: IoU-aware target. Teacher labels: the teacher's score (soft target).
        soft = gt[:, 6]
        class_target = F.one_hot(gt[:, 0].long(), num_classes).float() \
            * torch.where(soft >= 0, soft, iou)[:, None]
        class_loss = class_loss + F.binary_cross_entropy_with_logits(
            outputs[index, positive, 5:], class_target, reduction="sum")
    scale = max(positives, 1)
    parts = {"iou": iou_loss / scale, "obj": objectness_loss / scale,
             "cls": class_loss / scale, "l1": l1_loss / scale}
    total = 5.0 * parts["iou"] + parts["obj"] + parts["cls"] + parts["l1"]
    return total, parts


def raw_targets(gt, grid, positive):
    """Return the raw outputs (x and y offsets, log width, log height) that decode to gt."""
    grid_x, grid_y, strides = (g[positive] for g in grid)
    center_x = (gt[:, 1] + gt[:, 3]) / 2 / strides - grid_x
    center_y = (gt[:, 2] + gt[:, 4]) / 2 / strides - grid_y
    width = ((gt[:, 3] - gt[:, 1]) / strides).clamp(min=1e-2).log()
    height = ((gt[:, 4] - gt[:, 2]) / strides).clamp(min=1e-2).log()
    return torch.stack([center_x, center_y, width, height], dim=1)
