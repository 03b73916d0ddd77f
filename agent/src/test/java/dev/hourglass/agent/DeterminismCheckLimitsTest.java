package dev.hourglass.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.determinism.corpus.Violations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** What the report says when the check could not look into everything. */
class DeterminismCheckLimitsTest {

    @Test
    void aWalkThatReachesItsBoundSaysSoAndStops() {
        DeterminismReport report = DeterminismCheck.check(2, Violations.ThroughLibrary.class);

        assertThat(report.isComplete()).isFalse();
        assertThat(report.getFindings()).isEmpty();
        assertThat(report.format()).contains("(2 methods looked into)")
                .contains("The walk stopped after 2 methods: the code beyond them was not checked.");
    }

    @Test
    void aWalkWithinItsBoundIsComplete() {
        assertThat(DeterminismCheck.check(Violations.ThroughLibrary.class).isComplete()).isTrue();
    }

    @Test
    void aClassWhoseClassFileCannotBeReadIsListedAsNotChecked() throws Exception {
        String name = Violations.DirectClock.class.getName();
        Class<?> unreadable = new ClassFileHidingLoader(name).loadClass(name);

        DeterminismReport report = DeterminismCheck.check(unreadable);

        assertThat(report.getFindings()).isEmpty();
        assertThat(report.getUncheckedClasses()).containsExactly(name);
        assertThat(report.format()).contains("Not checked, because their class files could not be read: " + name + ".");
    }

    /** Defines one class itself from its class file, then serves no class file for it, as generated classes do. */
    private static final class ClassFileHidingLoader extends ClassLoader {
        private final String hidden;

        ClassFileHidingLoader(String hidden) {
            super(DeterminismCheckLimitsTest.class.getClassLoader());
            this.hidden = hidden;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(hidden)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return loaded;
            }
        }

        @Override
        public URL getResource(String name) {
            return name.equals(hidden.replace('.', '/') + ".class") ? null : super.getResource(name);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            return name.equals(hidden.replace('.', '/') + ".class") ? null : super.getResourceAsStream(name);
        }
    }

    @Test
    void aWorkflowClassOutOfTheChecksScopeIsSaidNotToBeChecked() {
        DeterminismReport report = DeterminismCheck.check(DeterminismCheckLimitsTest.class);

        assertThat(report.getFindings()).isEmpty();
        assertThat(report.getUncheckedClasses()).containsExactly(DeterminismCheckLimitsTest.class.getName());
        assertThat(report.format()).isEqualTo(DeterminismCheckLimitsTest.class.getName() + ": not checked: the"
                + " determinism checks do not look into the classes of its package (the JDK's, Hourglass's own, and"
                + " those of the libraries the checks skip)" + System.lineSeparator());
    }
}
