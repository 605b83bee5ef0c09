#!/bin/bash
# Retrain UavDet from scratch and rebuild the bundled models: the fp32 uavdet-416 and its pruned
# variant uavdet-416-pruned. Every training stage has a fixed number of steps (train.py --steps),
# so the weights do not depend on how busy the machine is. The stages:
#
#   1. sim       train.py on the training flights, 4,143 steps from random weights
#   2. distill   train.py from stage 1 on the flights plus real frames with teacher boxes,
#                1,275 steps at learning rate 1e-3
#   3. export    export.py of stage 2 as uavdet-416 (fp32)
#   4. prune     prune.py of stage 2: PRUNE_KEEP of the stride 8, 16 and 32 stage channels,
#                a neck of PRUNE_NECK channels and PRUNE_HEAD_BLOCKS residual head blocks
#   5. finetune  train.py from stage 4 with the same mix as stage 2, PRUNE_STEPS steps
#   6. export    export.py of stage 5 as uavdet-416-pruned
#
# Usage: reproduce.sh FLIGHTS_DIR DISTILL_DIR OUT_DIR
#   FLIGHTS_DIR  contains seed11/ and seed12/ from
#                `uavstream simulate --drones 4 --duration 60 --seed N --out FLIGHTS_DIR/seedN`
#   DISTILL_DIR  contains frames/vtest/ (the training frames of vtest.avi) and the teacher boxes
#                nanodet-plus-m-416-vtest.csv and yolox-nano-416-vtest.csv, made by the commands
#                of "Distillation from the teachers on real frames" in README.md
#   OUT_DIR      receives sim/, distill/, pruned-init.pt, pruned/ and models/ (ONNX files and
#                descriptors)
#
# A stage whose train.log ends with "Finished" is skipped, so a rerun resumes after the last
# complete training stage. Delete OUT_DIR to start over, for example after changing an input.
# Environment: PYTHON (default /usr/bin/python3, the interpreter that imports Debian's
# python3-torch), THREADS (default 2), PRUNE_KEEP (0.5), PRUNE_NECK (80), PRUNE_HEAD_BLOCKS (1),
# PRUNE_STEPS (3000).
#
# Run from anywhere; the script changes to its own folder. Speed on a 2-vCPU AMD EPYC: the
# simulator stage made about 9 steps per second with the cores to itself, and 15 to 30 steps per
# minute at a load average of 8.
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 FLIGHTS_DIR DISTILL_DIR OUT_DIR" >&2
  exit 2
fi
flights=$(realpath "$1")
distill=$(realpath "$2")
out=$(realpath -m "$3")
python=${PYTHON:-/usr/bin/python3}
threads=${THREADS:-2}
keep=${PRUNE_KEEP:-0.5}
neck=${PRUNE_NECK:-80}
head_blocks=${PRUNE_HEAD_BLOCKS:-1}
prune_steps=${PRUNE_STEPS:-3000}

for input in "$flights/seed11" "$flights/seed12" "$distill/frames/vtest" \
    "$distill/nanodet-plus-m-416-vtest.csv" "$distill/yolox-nano-416-vtest.csv"; do
  if [ ! -e "$input" ]; then
    echo "Input $input is missing; see the usage at the top of $0" >&2
    exit 2
  fi
done

cd "$(dirname "$(realpath "$0")")"
mkdir -p "$out/models"
runs=("$flights/seed11" "$flights/seed12")
real=(--real "$distill/frames/vtest" "$distill/nanodet-plus-m-416-vtest.csv"
      "$distill/yolox-nano-416-vtest.csv")

finished() {
  [ -f "$1/train.log" ] && grep -q "Finished" "$1/train.log"
}

train() {
  local name=$1
  shift
  if finished "$out/$name"; then
    echo "Skipping stage $name: $out/$name/train.log reports it finished"
    return
  fi
  echo "Stage $name: train.py $*"
  local start=$SECONDS
  "$python" train.py --runs "${runs[@]}" --threads "$threads" --seed 0 --out "$out/$name" "$@" \
      > "$out/$name.out" 2>&1
  echo "Stage $name took $((SECONDS - start)) s wall time"
}

train sim --steps 4143
train distill --steps 1275 --lr 1e-3 --init "$out/sim/uavdet-ema.pt" "${real[@]}"
"$python" export.py --checkpoint "$out/distill/uavdet-ema.pt" --id uavdet-416 --out "$out/models"

"$python" prune.py --checkpoint "$out/distill/uavdet-ema.pt" --keep "$keep" \
    --neck-width "$neck" --head-blocks "$head_blocks" --out "$out/pruned-init.pt"
train pruned --steps "$prune_steps" --lr 1e-3 --init "$out/pruned-init.pt" "${real[@]}"
"$python" export.py --checkpoint "$out/pruned/uavdet-ema.pt" --id uavdet-416-pruned \
    --out "$out/models"

echo "Wrote $out/models. Compare it with the bundled models by running uavstream models bench"
echo "(see \"Reproducing the bundled models\" in README.md)."
