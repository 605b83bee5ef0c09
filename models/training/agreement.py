"""Agreement of a student's boxes with a teacher's, from two TeacherLabels CSVs.

Counts the teacher boxes with a score of at least --min-score and a class the student has
(person, bicycle, car, truck, bus, motorcycle). A box counts as found when the student has a box
of the same class at IoU 0.5 or more. Reports all frames, and one --frame alone. Both CSVs come from
io.uavstream.models.TeacherLabels (models test sources) on the same frame folder; run the
student at its descriptor's score threshold.

Example:
    /usr/bin/python3 agreement.py --teacher nanodet.csv --student uavdet.csv \
        --frame vtest-f00100.png
"""

import argparse

from uavdet.data import TEACHER_CLASSES, box_iou, read_teacher_csv


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teacher", required=True, help="teacher boxes (CSV)")
    parser.add_argument("--student", required=True, help="student boxes (CSV)")
    parser.add_argument("--min-score", type=float, default=0.5, help="teacher score threshold")
    parser.add_argument("--student-min-score", type=float, default=0.0,
                        help="student score threshold on top of the CSV's")
    parser.add_argument("--frame", help="also report this frame (file name) alone")
    parser.add_argument("--classes", nargs="+", default=sorted(TEACHER_CLASSES),
                        help="teacher classes to count (default: all that UavDet has)")
    return parser.parse_args()


def matches(teacher_rows, student_rows, min_score, student_min_score, classes):
    """Return (found, total) teacher boxes of this frame."""
    found = total = 0
    for class_name, score, *box in teacher_rows:
        if score < min_score or class_name not in classes:
            continue
        total += 1
        if any(other[0] == class_name and other[1] >= student_min_score
               and box_iou(box, other[2:]) >= 0.5 for other in student_rows):
            found += 1
    return found, total


def main():
    args = parse_args()
    teacher = read_teacher_csv(args.teacher)
    student = read_teacher_csv(args.student)
    found = total = 0
    for name, rows in sorted(teacher.items()):
        frame_found, frame_total = matches(rows, student.get(name, []), args.min_score,
                                           args.student_min_score, args.classes)
        found += frame_found
        total += frame_total
    print(f"all frames: {found}/{total} teacher boxes found"
          f" ({100.0 * found / max(total, 1):.0f}%) on {len(teacher)} frames with teacher boxes")
    if args.frame:
        frame_found, frame_total = matches(teacher.get(args.frame, []),
                                           student.get(args.frame, []), args.min_score,
                                           args.student_min_score, args.classes)
        print(f"{args.frame}: {frame_found}/{frame_total} teacher boxes found")


if __name__ == "__main__":
    main()
