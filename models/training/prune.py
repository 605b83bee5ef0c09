"""Structured pruning of a trained UavDet: narrower stages and neck, fewer head blocks.

Each group of channels that a residual stream or the neck ties together is ranked by the summed
absolute batch-norm scale (|gamma|) of the layers that write it, and the top channels are kept.
Every convolution and batch norm is sliced to the kept channels, so the pruned model starts close
to the original; fine-tune it with `train.py --init`.

Example:
    /usr/bin/python3 prune.py --checkpoint runs/uavdet/uavdet-ema.pt --keep 0.5 \
        --neck-width 80 --head-blocks 1 --out runs/pruned/pruned-init.pt
"""

import argparse
import json

import torch

from uavdet.model import STAGE_WIDTHS, UavDet, count_macs, count_parameters


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoint", required=True, help="EMA state dict from train.py")
    parser.add_argument("--keep", type=float, default=0.5,
                        help="share of the channels of the stride 8, 16 and 32 stages to keep")
    parser.add_argument("--neck-width", type=int, default=80, help="channels of the neck and head")
    parser.add_argument("--head-blocks", type=int, default=1, choices=(1, 2),
                        help="residual blocks of the head to keep; with 1, the block whose"
                        " batch norm has the smaller summed |gamma| is dropped")
    parser.add_argument("--out", required=True, help="pruned state dict; <out>.json gets the widths")
    return parser.parse_args()


def top_channels(bns, count):
    """Return the sorted indices of the count channels with the largest summed |gamma|."""
    score = sum(bn.weight.detach().abs() for bn in bns)
    return torch.sort(score.topk(count).indices).values


def copy_conv_bn(old, new, in_idx, out_idx, depthwise=False):
    """Copy a conv_bn block (Conv2d, BatchNorm2d, ReLU) sliced to the kept channels."""
    weight = old[0].weight.detach()
    new[0].weight.data = weight[out_idx].clone() if depthwise else weight[out_idx][:, in_idx].clone()
    for name in ("weight", "bias", "running_mean", "running_var"):
        getattr(new[1], name).data = getattr(old[1], name).detach()[out_idx].clone()


def copy_block(old, new, in_idx, out_idx):
    copy_conv_bn(old.depthwise, new.depthwise, in_idx, in_idx, depthwise=True)
    copy_conv_bn(old.pointwise, new.pointwise, in_idx, out_idx)


def copy_stage(old, new, in_idx, out_idx):
    copy_block(old[0], new[0], in_idx, out_idx)
    for old_block, new_block in zip(old[1:], new[1:]):
        copy_block(old_block, new_block, out_idx, out_idx)


def stage_bns(stage):
    return [block.pointwise[1] for block in stage]


def kept_head_blocks(model, count):
    """Return the count residual head blocks with the largest summed |gamma|, in model order."""
    blocks = list(model.head_stem)
    scores = [float(block.pointwise[1].weight.detach().abs().sum()) for block in blocks]
    ranked = sorted(range(len(blocks)), key=lambda i: -scores[i])[:count]
    return [blocks[i] for i in sorted(ranked)]


def main():
    args = parse_args()
    old = UavDet()
    old.load_state_dict(torch.load(args.checkpoint, map_location="cpu"))
    old.eval()
    w4, w8, w16, w32 = STAGE_WIDTHS
    widths = (w4, round(w8 * args.keep), round(w16 * args.keep), round(w32 * args.keep))
    new = UavDet(width=args.neck_width, stage_widths=widths, head_blocks=args.head_blocks)

    stem_idx = torch.arange(16)
    idx4 = torch.arange(w4)
    idx8 = top_channels(stage_bns(old.stage8), widths[1])
    idx16 = top_channels(stage_bns(old.stage16), widths[2])
    idx32 = top_channels(stage_bns(old.stage32), widths[3])
    neck_bns = [old.lateral8[1], old.lateral16[1], old.lateral32[1], old.smooth8.pointwise[1],
                old.smooth16.pointwise[1]] + [block.pointwise[1] for block in old.head_stem]
    neck = top_channels(neck_bns, args.neck_width)

    new.stem[0].load_state_dict(old.stem[0].state_dict())
    copy_block(old.stem[1], new.stem[1], stem_idx, idx4)
    copy_stage(old.stage8, new.stage8, idx4, idx8)
    copy_stage(old.stage16, new.stage16, idx8, idx16)
    copy_stage(old.stage32, new.stage32, idx16, idx32)
    copy_conv_bn(old.lateral8, new.lateral8, idx8, neck)
    copy_conv_bn(old.lateral16, new.lateral16, idx16, neck)
    copy_conv_bn(old.lateral32, new.lateral32, idx32, neck)
    copy_block(old.smooth8, new.smooth8, neck, neck)
    copy_block(old.smooth16, new.smooth16, neck, neck)
    for old_block, new_block in zip(kept_head_blocks(old, args.head_blocks), new.head_stem):
        copy_block(old_block, new_block, neck, neck)
    for name in ("box", "objectness", "classes"):
        old_conv, new_conv = getattr(old, name), getattr(new, name)
        new_conv.weight.data = old_conv.weight.detach()[:, neck].clone()
        new_conv.bias.data = old_conv.bias.detach().clone()

    torch.save(new.state_dict(), args.out)
    with open(args.out + ".json", "w") as out:
        json.dump({"width": args.neck_width, "stage_widths": list(widths),
                   "head_blocks": args.head_blocks}, out)
        out.write("\n")
    print(f"kept widths {widths}, neck {args.neck_width}, {args.head_blocks} head blocks:"
          f" parameters {count_parameters(old)} ->"
          f" {count_parameters(new)}, GFLOPs {2 * count_macs(old, 416) / 1e9:.3f} ->"
          f" {2 * count_macs(new, 416) / 1e9:.3f}")


if __name__ == "__main__":
    main()
