"""Loads simulated flights (video.ts and gt/gt.txt) as letterboxed frames with boxes.

Frames are decoded with the ffmpeg command-line tool into BGR24 and resized with bilinear
sampling at pixel centres (torch interpolate, align_corners=False), which is how
io.uavstream.models.LetterboxPreprocessor resizes. The letterbox is top-left aligned.
"""

import pathlib
import subprocess

import numpy as np
import torch
import torch.nn.functional as F

from .model import VISDRONE_IDS

CLASS_OF_VISDRONE = {visdrone: index for index, visdrone in enumerate(VISDRONE_IDS)}


def read_seqinfo(drone_dir):
    info = {}
    for line in (drone_dir / "seqinfo.ini").read_text().splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            info[key.strip()] = value.strip()
    return int(info["imWidth"]), int(info["imHeight"])


def read_gt(drone_dir):
    """Return {frame: [[class, left, top, width, height, visibility], ...]} for known classes."""
    boxes = {}
    for line in (drone_dir / "gt" / "gt.txt").read_text().splitlines():
        fields = line.split(",")
        frame, visdrone = int(fields[0]), int(fields[7])
        if visdrone not in CLASS_OF_VISDRONE:
            continue
        left, top, width, height = (float(v) for v in fields[2:6])
        boxes.setdefault(frame, []).append(
            [CLASS_OF_VISDRONE[visdrone], left, top, width, height, float(fields[8])])
    return boxes


def decode_frames(video, width, height, every):
    """Decode every `every`-th frame, starting with the first, as uint8 BGR [N, H, W, 3]."""
    command = ["ffmpeg", "-v", "error", "-i", str(video), "-vf",
               f"select=not(mod(n\\,{every}))", "-fps_mode", "passthrough",
               "-f", "rawvideo", "-pix_fmt", "bgr24", "-"]
    raw = subprocess.run(command, check=True, capture_output=True).stdout
    return np.frombuffer(raw, dtype=np.uint8).reshape(-1, height, width, 3)


def letterbox_scale(width, height, size):
    return min(size / width, size / height)


def resize_frames(frames, scale):
    """Resize uint8 [N, H, W, 3] frames by `scale` to uint8 [N, 3, h, w]."""
    height, width = frames.shape[1:3]
    out_size = (round(height * scale), round(width * scale))
    resized = []
    for start in range(0, len(frames), 32):
        chunk = torch.from_numpy(frames[start:start + 32]).permute(0, 3, 1, 2).float()
        chunk = F.interpolate(chunk, size=out_size, mode="bilinear", align_corners=False)
        resized.append(chunk.round().clamp(0, 255).to(torch.uint8))
    return torch.cat(resized)


def load_flight(drone_dir, size, every):
    """Return (images uint8 [N, 3, h, w], frame numbers, boxes per image in input pixels).

    Boxes are float tensors [K, 6]: class, x1, y1, x2, y2, visibility. gt.txt frames start
    at 1 for the first decoded frame.
    """
    drone_dir = pathlib.Path(drone_dir)
    width, height = read_seqinfo(drone_dir)
    scale = letterbox_scale(width, height, size)
    frames = decode_frames(drone_dir / "video.ts", width, height, every)
    images = resize_frames(frames, scale)
    gt = read_gt(drone_dir)
    frame_numbers, targets = [], []
    for index in range(len(images)):
        frame = index * every + 1
        rows = torch.tensor(gt.get(frame, []), dtype=torch.float32).reshape(-1, 6)
        boxes = torch.stack([rows[:, 0], rows[:, 1] * scale, rows[:, 2] * scale,
                             (rows[:, 1] + rows[:, 3]) * scale,
                             (rows[:, 2] + rows[:, 4]) * scale, rows[:, 5]], dim=1)
        frame_numbers.append(frame)
        targets.append(boxes)
    return images, frame_numbers, targets


def load_runs(run_dirs, size, every):
    images, targets = [], []
    for run_dir in run_dirs:
        for drone_dir in sorted(pathlib.Path(run_dir).glob("drone-*")):
            flight_images, _, flight_targets = load_flight(drone_dir, size, every)
            images.append(flight_images)
            targets.extend(flight_targets)
    return torch.cat(images), targets
