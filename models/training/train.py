"""Train UavDet on simulated flights for a fixed number of steps or a wall-clock budget.

The learning rate follows a cosine over the run (after a short warm-up). With --steps the run
has a fixed length, so its result does not depend on how busy the machine is. With --minutes a
busy machine ends on schedule with fewer steps rather than later. Weights are averaged with an
exponential moving average (EMA), and the EMA model is what gets saved.

Example:
    /usr/bin/python3 train.py --runs /data/seed11 /data/seed12 --steps 4143 --out runs/uavdet
"""

import argparse
import copy
import logging
import math
import pathlib
import time

import torch

from uavdet.data import load_pseudo, load_runs
from uavdet.loss import detection_loss
from uavdet.model import CLASS_NAMES, UavDet, count_parameters, load_architecture

LOG = logging.getLogger("train")
PAD_VALUE = 114


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", nargs="+", required=True,
                        help="simulator output folders (each with drone-*/video.ts and gt)")
    parser.add_argument("--out", required=True, help="folder for checkpoints and the log")
    parser.add_argument("--size", type=int, default=416, help="model input size in pixels")
    parser.add_argument("--crop", type=int, default=256, help="training crop size in pixels")
    parser.add_argument("--every", type=int, default=3, help="use every n-th video frame")
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=2e-3, help="peak AdamW learning rate")
    length = parser.add_mutually_exclusive_group(required=True)
    length.add_argument("--steps", type=int, help="number of optimiser steps")
    length.add_argument("--minutes", type=float, help="training wall-clock budget")
    parser.add_argument("--threads", type=int, default=2, help="torch intra-op threads")
    parser.add_argument("--seed", type=int, default=0, help="seed of crops and augmentation")
    parser.add_argument("--real", nargs=3, action="append", default=[],
                        metavar=("FRAMES", "PRIMARY_CSV", "SECONDARY_CSV"),
                        help="real frames with teacher boxes (TeacherLabels CSVs; '-' for no"
                        " second teacher); repeatable")
    parser.add_argument("--real-share", type=float, default=0.35,
                        help="share of the crops cut from real frames when --real is given")
    parser.add_argument("--positive-score", type=float, default=0.35,
                        help="teacher score from which a teacher box is a positive; lower"
                        " teacher boxes are ignore regions")
    parser.add_argument("--init", help="start from this checkpoint (and its architecture file"
                        " <checkpoint>.json, as prune.py writes) instead of random weights")
    return parser.parse_args()


def sample_batch(images, targets, batch, size, crop, generator, real=None, real_share=0.0):
    """Cut random crops from letterboxed frames, with flips and 90-degree turns.

    Each frame is first padded to size x size with PAD_VALUE at the bottom and right, as the
    top-left letterbox does, so crops also show the padding the model meets at inference.
    With `real` (images, targets), a share `real_share` of the crops comes from those frames;
    they are only mirrored left to right, because their camera is upright.
    """
    crops, crop_targets = [], []
    for _ in range(batch):
        from_real = real is not None and float(torch.rand((), generator=generator)) < real_share
        source_images, source_targets = real if from_real else (images, targets)
        index = int(torch.randint(len(source_images), (1,), generator=generator))
        image, boxes = source_images[index], source_targets[index].clone()
        canvas = torch.full((3, size, size), PAD_VALUE, dtype=torch.uint8)
        canvas[:, :image.shape[1], :image.shape[2]] = image
        x0 = int(torch.randint(size - crop + 1, (1,), generator=generator))
        y0 = int(torch.randint(size - crop + 1, (1,), generator=generator))
        patch = canvas[:, y0:y0 + crop, x0:x0 + crop].float()
        boxes = clip_boxes(boxes, x0, y0, crop)
        patch, boxes = flip_and_turn(patch, boxes, crop, generator, upright=from_real)
        gain = 0.75 + 0.5 * float(torch.rand((), generator=generator))
        crops.append((patch * gain).clamp(0, 255))
        crop_targets.append(boxes)
    # Channels-last is several times faster for depthwise convolutions on CPU (oneDNN).
    return torch.stack(crops).contiguous(memory_format=torch.channels_last), crop_targets


def clip_boxes(boxes, x0, y0, crop):
    """Shift boxes into the crop; drop those with less than 40% of their area left."""
    if len(boxes) == 0:
        return boxes
    area = (boxes[:, 3] - boxes[:, 1]) * (boxes[:, 4] - boxes[:, 2])
    shifted = boxes.clone()
    shifted[:, [1, 3]] = (boxes[:, [1, 3]] - x0).clamp(0, crop)
    shifted[:, [2, 4]] = (boxes[:, [2, 4]] - y0).clamp(0, crop)
    width = shifted[:, 3] - shifted[:, 1]
    height = shifted[:, 4] - shifted[:, 2]
    keep = (width * height >= 0.4 * area) & (width >= 1) & (height >= 1)
    return shifted[keep]


def flip_and_turn(patch, boxes, crop, generator, upright=False):
    if float(torch.rand((), generator=generator)) < 0.5:
        patch = patch.flip(2)
        boxes[:, [1, 3]] = crop - boxes[:, [3, 1]]
    if upright:
        return patch.contiguous(), boxes
    if float(torch.rand((), generator=generator)) < 0.5:
        patch = patch.flip(1)
        boxes[:, [2, 4]] = crop - boxes[:, [4, 2]]
    if float(torch.rand((), generator=generator)) < 0.5:
        # Transpose: x and y swap, which with the flips above covers all eight turns.
        patch = patch.transpose(1, 2)
        boxes = boxes[:, [0, 2, 1, 4, 3, 5, 6]]
    return patch.contiguous(), boxes


def learning_rate(peak, fraction):
    warmup = 0.03
    if fraction < warmup:
        return peak * fraction / warmup
    progress = (fraction - warmup) / (1 - warmup)
    return peak * (0.02 + 0.98 * 0.5 * (1 + math.cos(math.pi * min(progress, 1.0))))


class Ema:
    def __init__(self, model, decay=0.999):
        self.model = copy.deepcopy(model).eval()
        self.decay = decay
        self.updates = 0

    @torch.no_grad()
    def update(self, model):
        self.updates += 1
        decay = self.decay * (1 - math.exp(-self.updates / 200))
        source = model.state_dict()
        for name, value in self.model.state_dict().items():
            if value.dtype.is_floating_point:
                value.mul_(decay).add_(source[name].detach(), alpha=1 - decay)
            else:
                value.copy_(source[name])


def load_real(real_args, size, positive_score):
    """Load the --real frame folders with their teacher pseudo labels, or return None."""
    if not real_args:
        return None
    images, targets = [], []
    for frames, primary, secondary in real_args:
        folder_images, folder_targets = load_pseudo(
            frames, primary, None if secondary == "-" else secondary, size, positive_score)
        images.extend(folder_images)
        targets.extend(folder_targets)
        positives = sum(int((t[:, 5] > 0).sum()) for t in folder_targets)
        LOG.info("Loaded %d real frames from %s: %d teacher positives, %d ignore regions",
                 len(folder_images), frames, positives,
                 sum(len(t) for t in folder_targets) - positives)
    return images, targets


def main():
    args = parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s",
                        handlers=[logging.StreamHandler(), logging.FileHandler(out / "train.log")])
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    generator = torch.Generator().manual_seed(args.seed)

    started = time.time()
    images, targets = load_runs(args.runs, args.size, args.every)
    LOG.info("Loaded %d frames with %d boxes from %s in %.0f s", len(images),
             sum(len(t) for t in targets), args.runs, time.time() - started)
    real = load_real(args.real, args.size, args.positive_score)

    architecture = load_architecture(args.init) if args.init else {}
    model = UavDet(num_classes=len(CLASS_NAMES), **architecture)
    if args.init:
        model.load_state_dict(torch.load(args.init, map_location="cpu"))
        (out / "uavdet-ema.pt.json").write_text(
            pathlib.Path(args.init + ".json").read_text() if architecture else "{}")
    model = model.to(memory_format=torch.channels_last)
    LOG.info("UavDet has %d parameters", count_parameters(model))
    ema = Ema(model)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=5e-4)
    if args.steps is not None and args.steps <= 0:
        raise SystemExit(f"--steps must be positive, got {args.steps}")
    if args.minutes is not None and args.minutes <= 0:
        raise SystemExit(f"--minutes must be positive, got {args.minutes}")
    train_start = time.time()
    step = 0
    while True:
        if args.steps is not None:
            fraction = step / args.steps
        else:
            fraction = (time.time() - train_start) / (args.minutes * 60)
        if fraction >= 1:
            break
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(args.lr, fraction)
        batch, batch_targets = sample_batch(images, targets, args.batch, args.size, args.crop,
                                            generator, real, args.real_share)
        model.train()
        outputs = torch.cat(model(batch), dim=1)
        loss, parts = detection_loss(outputs, batch_targets, args.crop, args.crop,
                                     len(CLASS_NAMES))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 10.0)
        optimizer.step()
        ema.update(model)
        step += 1
        if step % 20 == 0 or step <= 60 and step % 5 == 0:
            LOG.info("step %d  %.1f min  lr %.5f  loss %.3f  iou %.3f  obj %.3f  cls %.3f  l1 %.3f", step,
                     (time.time() - train_start) / 60, optimizer.param_groups[0]["lr"],
                     float(loss), float(parts["iou"]), float(parts["obj"]), float(parts["cls"]),
                     float(parts["l1"]))
        if step % 200 == 0:
            torch.save(ema.model.state_dict(), out / "uavdet-ema.pt")
    torch.save(ema.model.state_dict(), out / "uavdet-ema.pt")
    LOG.info("Finished %d steps of %d crops in %.1f min; saved %s", step, args.batch,
             (time.time() - train_start) / 60, out / "uavdet-ema.pt")


if __name__ == "__main__":
    main()
