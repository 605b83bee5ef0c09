#!/bin/sh
# Extract the calibration frames of UavDet's int8 variants into DIR.
# They are 4 frames of each drone of the training flights (seeds 11 and 12), one every 15 s,
# and 32 frames of vtest.avi from 40 s to 80 s (its first 40 s are the held-out real frames).
# Usage: calibration_frames.sh FLIGHTS_DIR VTEST_AVI DIR
# FLIGHTS_DIR contains seed11/ and seed12/ from `uavstream simulate --drones 4 --duration 60 --seed N`.
set -eu
flights=$1
vtest=$2
out=$3
mkdir -p "$out"
for seed in 11 12; do
  for drone in 1 2 3 4; do
    ffmpeg -loglevel error -y -i "$flights/seed$seed/drone-$drone/video.ts" \
      -vf "select='not(mod(n\,150))'" -vsync vfr -frames:v 4 "$out/sim-s$seed-d$drone-%02d.png"
  done
done
ffmpeg -loglevel error -y -ss 40 -i "$vtest" -vf fps=0.8 -frames:v 32 "$out/vtest-%02d.png"
