package dev.hourglass.cli.ui;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one-line results of actions, kept on the server until the page they redirect to shows them: the redirect
 * carries only a random key, so that a link cannot make the UI say that something happened.
 */
final class Notices {

    private static final int KEPT = 100;

    private final SecureRandom random;
    private final Map<String, Notice> notices = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Notice> eldest) {
            return size() > KEPT;
        }
    };

    /** A result: what happened, and whether it was an error. */
    record Notice(String text, boolean error) {
    }

    Notices(SecureRandom random) {
        this.random = random;
    }

    /** Keeps a notice; returns its key. */
    synchronized String add(String text, boolean error) {
        byte[] key = new byte[12];
        random.nextBytes(key);
        String name = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        notices.put(name, new Notice(text, error));
        return name;
    }

    /** The notice of {@code key}, removed, or {@code null} if there is none. */
    synchronized Notice take(String key) {
        return key == null ? null : notices.remove(key);
    }
}
