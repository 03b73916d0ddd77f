package dev.hourglass.internal.service;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The tasks waiting on one task queue, oldest first, in a ring buffer that can hand out any of them in constant
 * time: taking the task at a position moves the oldest into its place. Taking position 0 every time is a plain
 * first-in, first-out queue. Guarded by the service lock.
 */
final class PendingTasks<T> implements Iterable<T> {

    private Object[] items = new Object[8];
    private int head;
    private int size;

    void add(T item) {
        if (size == items.length) {
            Object[] grown = new Object[items.length * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = items[(head + i) % items.length];
            }
            items = grown;
            head = 0;
        }
        items[(head + size) % items.length] = item;
        size++;
    }

    int size() {
        return size;
    }

    /** The task at {@code position} (0 is the oldest); {@code position} is below {@link #size()}. */
    @SuppressWarnings("unchecked")
    T get(int position) {
        return (T) items[(head + position) % items.length];
    }

    /**
     * Removes and returns the task at {@code position}; the oldest task takes its place, so the order of the
     * others is kept when {@code position} is 0. Returns {@code null} when nothing waits.
     */
    T take(int position) {
        if (size == 0) {
            return null;
        }
        T taken = get(position);
        items[(head + position) % items.length] = items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        size--;
        return taken;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public T next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return get(next++);
            }
        };
    }
}
