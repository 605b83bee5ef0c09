package io.uavstream.ingest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Collects the formatted messages that one logger writes at one level, while open. */
final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final org.apache.logging.log4j.core.Logger logger;
    private final Level level;

    private LogCapture(Class<?> loggerClass, Level level) {
        super("capture-" + loggerClass.getSimpleName(), null, null, true, Property.EMPTY_ARRAY);
        this.level = level;
        this.logger = (org.apache.logging.log4j.core.Logger) LogManager.getLogger(loggerClass);
    }

    static LogCapture of(Class<?> loggerClass, Level level) {
        LogCapture capture = new LogCapture(loggerClass, level);
        capture.start();
        capture.logger.addAppender(capture);
        return capture;
    }

    @Override
    public void append(LogEvent event) {
        if (event.getLevel().equals(level)) {
            messages.add(event.getMessage().getFormattedMessage());
        }
    }

    List<String> messages() {
        return messages;
    }

    @Override
    public void close() {
        logger.removeAppender(this);
        stop();
    }
}
