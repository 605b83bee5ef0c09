/**
 * Accuracy metrics for the uavstream pipeline, in plain Java: multi-object tracking
 * ({@link io.uavstream.evaluation.mot}), object detection ({@link io.uavstream.evaluation.detection})
 * and visual odometry ({@link io.uavstream.evaluation.odometry}), with readers for the MOTChallenge
 * and TUM file formats ({@link io.uavstream.evaluation.io}).
 */
package io.uavstream.evaluation;
