package io.uavstream.simulator.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes MOTChallenge-style lines ({@link MotRecord}) without a header. */
public final class MotWriter extends LineWriter {

    private long records;

    public MotWriter(Path file) throws IOException {
        super(file);
    }

    public void write(List<MotRecord> frameRecords) {
        for (MotRecord record : frameRecords) {
            line(record.toLine());
            records++;
        }
    }

    /** Returns the number of records written so far. */
    public long records() {
        return records;
    }
}
