package io.uavstream.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import io.uavstream.models.BgrImage;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts decoded frames with libswscale: to packed BGR24 at full size for the detector, and to a
 * small 8-bit luma plane for the artefact check. The scaling contexts and native buffers follow the
 * frame size and are reallocated only when it changes; {@link #close()} frees them all.
 */
final class FrameConverter implements AutoCloseable {

    /** Row alignment of the native output buffers in bytes, so that libswscale can use SIMD stores. */
    private static final int ROW_ALIGNMENT = 64;

    private final PointerPointer<BytePointer> planes = new PointerPointer<>(4);
    private final IntPointer strides = new IntPointer(4);

    private SwsContext bgrScaler;
    private BytePointer bgrBuffer;
    private SwsContext lumaScaler;
    private BytePointer lumaBuffer;

    /** Returns the frame as a BGR image with its own pixel array. */
    BgrImage toBgr(AVFrame frame) {
        int width = frame.width();
        int height = frame.height();
        int stride = alignedStride(width * 3);
        bgrScaler = sws_getCachedContext(bgrScaler, width, height, frame.format(),
                width, height, AV_PIX_FMT_BGR24, SWS_BILINEAR, null, null, (double[]) null);
        requireScaler(bgrScaler, frame, "BGR24");
        bgrBuffer = ensureCapacity(bgrBuffer, (long) stride * height);
        scale(bgrScaler, frame, bgrBuffer, stride);
        return new BgrImage(width, height, copyRows(bgrBuffer, stride, width * 3, height));
    }

    /** Returns the frame's luma, area-averaged down to {@code width} x {@code height}. */
    LumaPlane toLuma(AVFrame frame, int width, int height) {
        int stride = alignedStride(width);
        lumaScaler = sws_getCachedContext(lumaScaler, frame.width(), frame.height(), frame.format(),
                width, height, AV_PIX_FMT_GRAY8, SWS_AREA, null, null, (double[]) null);
        requireScaler(lumaScaler, frame, "GRAY8");
        lumaBuffer = ensureCapacity(lumaBuffer, (long) stride * height);
        scale(lumaScaler, frame, lumaBuffer, stride);
        return new LumaPlane(width, height, copyRows(lumaBuffer, stride, width, height));
    }

    @Override
    public void close() {
        sws_freeContext(bgrScaler);
        bgrScaler = null;
        sws_freeContext(lumaScaler);
        lumaScaler = null;
        if (bgrBuffer != null) {
            bgrBuffer.deallocate();
            bgrBuffer = null;
        }
        if (lumaBuffer != null) {
            lumaBuffer.deallocate();
            lumaBuffer = null;
        }
        planes.deallocate();
        strides.deallocate();
    }

    private void scale(SwsContext scaler, AVFrame frame, BytePointer output, int stride) {
        planes.put(0, output);
        strides.put(0, stride);
        sws_scale(scaler, frame.data(), frame.linesize(), 0, frame.height(), planes, strides);
    }

    private static void requireScaler(SwsContext scaler, AVFrame frame, String target) {
        if (scaler == null) {
            throw new IllegalStateException(String.format(
                    "libswscale cannot convert %dx%d frames of pixel format %d to %s",
                    frame.width(), frame.height(), frame.format(), target));
        }
    }

    private static BytePointer ensureCapacity(BytePointer buffer, long bytes) {
        if (buffer != null && buffer.capacity() >= bytes) {
            return buffer;
        }
        if (buffer != null) {
            buffer.deallocate();
        }
        return new BytePointer(bytes);
    }

    private static byte[] copyRows(BytePointer buffer, int stride, int rowBytes, int rows) {
        byte[] pixels = new byte[rowBytes * rows];
        if (stride == rowBytes) {
            buffer.position(0).get(pixels);
            return pixels;
        }
        for (int y = 0; y < rows; y++) {
            buffer.position((long) y * stride).get(pixels, y * rowBytes, rowBytes);
        }
        buffer.position(0);
        return pixels;
    }

    private static int alignedStride(int rowBytes) {
        return (rowBytes + ROW_ALIGNMENT - 1) / ROW_ALIGNMENT * ROW_ALIGNMENT;
    }
}
