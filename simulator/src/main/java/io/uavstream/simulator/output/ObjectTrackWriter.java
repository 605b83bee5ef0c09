package io.uavstream.simulator.output;

import io.uavstream.simulator.geo.EnuFrame;
import io.uavstream.simulator.geo.GeodeticPosition;
import io.uavstream.simulator.geo.Vec3;
import io.uavstream.simulator.traffic.WorldObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Writes the world state of every object in a frame's ground truth as CSV with a header line. */
public final class ObjectTrackWriter extends LineWriter {

    public static final String HEADER = "frame,track_id,class,category_id,east_m,north_m,up_m,latitude_deg,longitude_deg,"
            + "heading_deg,speed_mps,length_m,width_m,height_m,parked,visibility";

    private final EnuFrame frame;

    public ObjectTrackWriter(Path file, EnuFrame frame) throws IOException {
        super(file);
        this.frame = frame;
        line(HEADER);
    }

    public void write(int frameNumber, WorldObject object, double visibility) {
        GeodeticPosition position = frame.toGeodetic(new Vec3(object.x(), object.y(), object.z()));
        line(String.format(Locale.ROOT, "%d,%d,%s,%d,%.3f,%.3f,%.3f,%.8f,%.8f,%.2f,%.3f,%.3f,%.3f,%.3f,%b,%.3f",
                frameNumber, object.id(), object.objectClass().categoryName(), object.objectClass().categoryId(),
                object.x(), object.y(), object.z(), position.latitudeDegrees(), position.longitudeDegrees(),
                object.headingDegrees(), object.speed(), object.length(), object.width(), object.height(),
                object.parked(), visibility));
    }
}
