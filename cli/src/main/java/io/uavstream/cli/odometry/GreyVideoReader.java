package io.uavstream.cli.odometry;

import io.uavstream.odometry.GreyImage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/** Decodes a video file frame by frame to 8-bit grey images with FFmpeg through JavaCV. */
final class GreyVideoReader implements AutoCloseable {

    private final FFmpegFrameGrabber grabber;

    GreyVideoReader(Path video) throws FrameGrabber.Exception {
        grabber = new FFmpegFrameGrabber(video.toFile());
        grabber.setPixelFormat(avutil.AV_PIX_FMT_GRAY8);
        grabber.start();
    }

    /** Returns the next decoded frame, or null at the end of the file. */
    GreyImage next() throws FrameGrabber.Exception {
        Frame frame = grabber.grabImage();
        if (frame == null) {
            return null;
        }
        int width = frame.imageWidth;
        int height = frame.imageHeight;
        int stride = frame.imageStride;
        ByteBuffer buffer = (ByteBuffer) frame.image[0];
        byte[] pixels = new byte[width * height];
        for (int row = 0; row < height; row++) {
            buffer.position(row * stride);
            buffer.get(pixels, row * width, width);
        }
        return new GreyImage(width, height, pixels);
    }

    @Override
    public void close() throws FrameGrabber.Exception {
        grabber.close();
    }
}
