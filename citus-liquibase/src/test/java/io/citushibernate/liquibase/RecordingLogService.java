package io.citushibernate.liquibase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;

import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;

/** Keeps the INFO-and-up log messages of a Liquibase run for assertions. */
final class RecordingLogService extends AbstractLogService {

    private final List<String> messages = Collections.synchronizedList(new ArrayList<>());

    @Override
    public int getPriority() {
        return PRIORITY_SPECIALIZED;
    }

    @Override
    @SuppressWarnings("rawtypes") // the LogService interface declares a raw Class
    public Logger getLog(Class clazz) {
        return new Recorder();
    }

    private final class Recorder extends AbstractLogger {
        @Override
        public void log(Level level, String message, Throwable e) {
            if (level.intValue() >= Level.INFO.intValue()) {
                messages.add(message);
            }
        }

        @Override
        public void close() {
            // nothing to release
        }
    }

    String text() {
        synchronized (messages) {
            return String.join("\n", messages);
        }
    }
}
