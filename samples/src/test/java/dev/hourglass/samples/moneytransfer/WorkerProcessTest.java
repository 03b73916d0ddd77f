package dev.hourglass.samples.moneytransfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerProcessTest {

    @TempDir
    Path dir;

    @Test
    void takesTheClassPathFromTheUrlClassLoadersAsMavenExecJavaHasThem() throws Exception {
        Path classes = dir.resolve("classes");
        Path jar = dir.resolve("lib.jar");
        try (URLClassLoader parent = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, parent)) {
            assertThat(WorkerProcess.classPath(loader)).isEqualTo(classes + File.pathSeparator + jar);
        }
    }

    @Test
    void takesTheJavaClassPathWhenNoUrlClassLoaderIsThere() {
        assertThat(WorkerProcess.classPath(ClassLoader.getSystemClassLoader()))
                .isEqualTo(System.getProperty("java.class.path"));
    }

    @Test
    void killsItsProcessWithSigkill() throws Exception {
        WorkerProcess sleeper = WorkerProcess.start(Sleeper.class, Sleeper.class.getName(), List.of(), List.of(),
                line -> { });
        sleeper.awaitLine(line -> line.equals("sleeping"), Duration.ofSeconds(30));

        assertThat(sleeper.kill9()).isEqualTo(WorkerProcess.KILLED_STATUS);
        assertThat(sleeper.isAlive()).isFalse();
    }

    /** A process that prints one line and sleeps until it is killed. */
    static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("sleeping");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
