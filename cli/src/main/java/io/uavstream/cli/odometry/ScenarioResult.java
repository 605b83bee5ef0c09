package io.uavstream.cli.odometry;

/**
 * Figures of one benchmark scenario.
 *
 * @param scenario the scenario
 * @param frames frames decoded
 * @param okFrames frames with status OK, the ones evaluated
 * @param lostFrames frames with status LOST
 * @param firstOkSeconds capture time of the first OK frame in seconds
 * @param homographyFrames OK frames whose pose came from the homography model
 * @param essentialFrames OK frames whose pose came from the essential-matrix model
 * @param distanceFlownMetres true path length over the evaluated frames
 * @param ateRmseMetres ATE RMSE after the scenario's alignment, in metres
 * @param alignmentScale scale of the alignment (1 without Sim(3))
 * @param rpeTranslationRmseMetres RPE over 1 s, translation RMSE in metres
 * @param rpeRotationRmseDegrees RPE over 1 s, rotation RMSE in degrees
 * @param projectionErrors ground projection errors in metres, empty unless georeferenced
 * @param millisPerFrame odometry time per frame in milliseconds, decoding excluded
 */
record ScenarioResult(OdometryScenario scenario, int frames, int okFrames, int lostFrames, double firstOkSeconds,
        int homographyFrames, int essentialFrames, double distanceFlownMetres, double ateRmseMetres,
        double alignmentScale, double rpeTranslationRmseMetres, double rpeRotationRmseDegrees, double[] projectionErrors,
        double[] millisPerFrame) {

    double atePercentOfDistance() {
        return 100 * ateRmseMetres / distanceFlownMetres;
    }
}
