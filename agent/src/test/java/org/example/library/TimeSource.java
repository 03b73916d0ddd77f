package org.example.library;

/** Stands for a library's clock abstraction, whose default implementation its static initialiser creates. */
public interface TimeSource {

    /** The system clock. */
    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long millis() {
            return System.currentTimeMillis(); // finding: library-singleton
        }
    };

    long millis();
}
