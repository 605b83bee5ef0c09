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

# Soft-score column of an exact (simulator) label: the class target is then the IoU of the
# predicted box, as in YOLOX, rather than a teacher's score.
EXACT_LABEL = -1.0


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

    Boxes are float tensors [K, 7]: class, x1, y1, x2, y2, visibility, soft score (EXACT_LABEL
    for the simulator's labels). gt.txt frames start at 1 for the first decoded frame.
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
                             (rows[:, 2] + rows[:, 4]) * scale, rows[:, 5],
                             torch.full_like(rows[:, 5], EXACT_LABEL)], dim=1)
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


# Teacher (COCO) class names that map to UavDet classes. COCO has no van.
TEACHER_CLASSES = {"person": 0, "bicycle": 1, "car": 2, "truck": 4, "bus": 5, "motorcycle": 6}


def read_teacher_csv(path):
    """Return {file: [(class name, score, x1, y1, x2, y2), ...]} from a TeacherLabels CSV."""
    rows = {}
    lines = pathlib.Path(path).read_text().splitlines()
    for line in lines[1:]:
        name, class_name, score, *box = line.split(",")
        rows.setdefault(name, []).append((class_name, float(score), *(float(v) for v in box)))
    return rows


def box_iou(a, b):
    width = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    height = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = width * height
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def fuse_teachers(primary, secondary, positive_score):
    """Merge the boxes of two teachers on one frame into pseudo labels.

    Returns rows [class, x1, y1, x2, y2, visibility, soft score] in frame pixels. Boxes of the
    primary teacher with a mapped class and a score of at least `positive_score` are positives
    whose class target is that score. Boxes of the secondary teacher that match none of the
    primary's (IoU under 0.5) are positives on the same rule. Every other box (low score, or a
    COCO class that UavDet lacks) becomes an ignore region: visibility 0, left out of the
    objectness loss, so the student is not taught that a doubtful object is background.
    """
    rows = []
    for class_name, score, *box in primary:
        rows.append(pseudo_row(class_name, score, box, positive_score))
    for class_name, score, *box in secondary:
        if any(box_iou(box, other[2:]) >= 0.5 for other in primary):
            continue
        rows.append(pseudo_row(class_name, score, box, positive_score))
    return rows


def pseudo_row(class_name, score, box, positive_score):
    mapped = TEACHER_CLASSES.get(class_name)
    visible = mapped is not None and score >= positive_score
    return [mapped if mapped is not None else 0, *box, 1.0 if visible else 0.0,
            score if visible else 0.0]


def decode_image(path):
    """Decode one image file to uint8 BGR [H, W, 3] with the ffmpeg CLI."""
    probe = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                            "stream=width,height", "-of", "csv=p=0", str(path)],
                           check=True, capture_output=True, text=True).stdout
    width, height = (int(v) for v in probe.strip().split(","))
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-f", "rawvideo",
                          "-pix_fmt", "bgr24", "-"], check=True, capture_output=True).stdout
    return np.frombuffer(raw, dtype=np.uint8).reshape(height, width, 3)


def load_pseudo(frames_dir, primary_csv, secondary_csv, size, positive_score):
    """Load the frames of a folder with teacher pseudo labels, letterboxed like load_flight.

    Returns (list of uint8 [3, h, w] images, list of float [K, 7] targets in input pixels:
    class, x1, y1, x2, y2, visibility, soft score).
    """
    primary = read_teacher_csv(primary_csv)
    secondary = read_teacher_csv(secondary_csv) if secondary_csv else {}
    images, targets = [], []
    for path in sorted(pathlib.Path(frames_dir).iterdir()):
        if path.suffix.lower() not in (".png", ".jpg", ".jpeg"):
            continue
        frame = decode_image(path)
        scale = letterbox_scale(frame.shape[1], frame.shape[0], size)
        images.append(resize_frames(frame[None], scale)[0])
        rows = fuse_teachers(primary.get(path.name, []), secondary.get(path.name, []),
                             positive_score)
        boxes = torch.tensor(rows, dtype=torch.float32).reshape(-1, 7)
        boxes[:, 1:5] *= scale
        targets.append(boxes)
    return images, targets
