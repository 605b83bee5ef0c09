"""Write UavDet detections for simulated flights in the MOTChallenge layout for `uavstream eval det`.

Decoding follows io.uavstream.models.YoloxDecoder (score = objectness x best class score,
kept at or above the score threshold) and class-wise NMS, and boxes are mapped back from
the top-left letterbox to frame pixels. Column 7 is the score and column 8 the VisDrone class
ID, so the files compare directly with the simulator's gt.txt.

Example:
    /usr/bin/python3 predict.py --checkpoint runs/uavdet/uavdet-ema.pt --run /data/seed101 --out runs/pred101
"""

import argparse
import pathlib

import torch
from torchvision.ops import batched_nms

from uavdet.data import letterbox_scale, load_flight, read_seqinfo
from uavdet.loss import decode_boxes, make_grid
from uavdet.model import VISDRONE_IDS, UavDet, load_architecture


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoint", required=True)
    parser.add_argument("--run", required=True, help="simulator output folder")
    parser.add_argument("--out", required=True,
                        help="folder for pred/, gt/ and gt-visible/ (objects with visibility"
                             " under 0.25 flagged 0, an ignore region), one <drone>.txt each")
    parser.add_argument("--size", type=int, default=416)
    parser.add_argument("--every", type=int, default=5, help="use every n-th video frame")
    parser.add_argument("--score-threshold", type=float, default=0.05,
                        help="low, so that AP sees the whole precision-recall curve")
    parser.add_argument("--threads", type=int, default=2)
    return parser.parse_args()


def detect(model, images, size, score_threshold, scale):
    """Yield (boxes [K, 4] in frame pixels, scores, class IDs) per letterboxed image."""
    grid = make_grid(size, size)
    for image in images:
        canvas = torch.full((1, 3, size, size), 114.0)
        canvas[0, :, :image.shape[1], :image.shape[2]] = image.float()
        with torch.no_grad():
            rows = model.export_forward(canvas)[0]
        best_class_score, class_id = rows[:, 5:].max(dim=1)
        score = rows[:, 4] * best_class_score
        keep = (rows[:, 4] >= score_threshold) & (score >= score_threshold)
        boxes = decode_boxes(rows[keep, :4], tuple(g[keep] for g in grid))
        score, class_id = score[keep], class_id[keep]
        kept = batched_nms(boxes, score, class_id, 0.45)[:300]
        yield boxes[kept] / scale, score[kept], class_id[kept]


def mark_hidden(line, min_visibility=0.25):
    """Set the flag (column 7) to 0, which eval det treats as an ignore region, when hidden."""
    fields = line.split(",")
    if float(fields[8]) < min_visibility:
        fields[6] = "0"
    return ",".join(fields)


def main():
    args = parse_args()
    torch.set_num_threads(args.threads)
    model = UavDet(**load_architecture(args.checkpoint))
    model.load_state_dict(torch.load(args.checkpoint, map_location="cpu"))
    model.eval()
    out = pathlib.Path(args.out)
    (out / "pred").mkdir(parents=True, exist_ok=True)
    (out / "gt").mkdir(parents=True, exist_ok=True)
    (out / "gt-visible").mkdir(parents=True, exist_ok=True)
    for drone_dir in sorted(pathlib.Path(args.run).glob("drone-*")):
        images, frames, _ = load_flight(drone_dir, args.size, args.every)
        width, height = read_seqinfo(drone_dir)
        scale = letterbox_scale(width, height, args.size)
        lines = []
        for frame, (boxes, scores, classes) in zip(
                frames, detect(model, images, args.size, args.score_threshold, scale)):
            for box, score, class_id in zip(boxes.tolist(), scores.tolist(), classes.tolist()):
                x1, y1, x2, y2 = box
                lines.append(f"{frame},-1,{x1:.2f},{y1:.2f},{x2 - x1:.2f},{y2 - y1:.2f},"
                             f"{score:.4f},{VISDRONE_IDS[class_id]},-1")
        (out / "pred" / f"{drone_dir.name}.txt").write_text("\n".join(lines) + "\n")
        # Ground truth restricted to the frames that were predicted.
        kept_frames = set(frames)
        gt_lines = [line for line in (drone_dir / "gt" / "gt.txt").read_text().splitlines()
                    if int(line.split(",")[0]) in kept_frames]
        (out / "gt" / f"{drone_dir.name}.txt").write_text("\n".join(gt_lines) + "\n")
        (out / "gt-visible" / f"{drone_dir.name}.txt").write_text(
            "\n".join(mark_hidden(line) for line in gt_lines) + "\n")
        print(f"{drone_dir.name}: {len(frames)} frames, {len(lines)} detections")


if __name__ == "__main__":
    main()
