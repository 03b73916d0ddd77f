package dev.hourglass.samples;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/** What the tests of the API boundary and of the first-project guide agree on: the public packages and the classes. */
final class PublicApi {

    /** The packages whose types users may name, in sdk-core, agent, test-env and replay-verifier. */
    static final List<String> PACKAGES = List.of("dev.hourglass.activity", "dev.hourglass.client",
            "dev.hourglass.client.schedules",
            "dev.hourglass.common", "dev.hourglass.failure", "dev.hourglass.history", "dev.hourglass.service",
            "dev.hourglass.worker", "dev.hourglass.interceptors", "dev.hourglass.workflow", "dev.hourglass.agent", "dev.hourglass.testing",
            "dev.hourglass.testing.faults", "dev.hourglass.replay");

    /**
     * Every class the build produced, of every module, imported once per test JVM; not the test classes, neither in
     * directories nor in the test jars that the samples' tests use (sdk-core's, for its PostgreSQL test database).
     */
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.hourglass");

    private PublicApi() {
    }

    /** Whether {@code type} is a public type of a public API package. */
    static boolean isPublicType(JavaClass type) {
        return PACKAGES.contains(type.getPackageName()) && type.getModifiers().contains(JavaModifier.PUBLIC);
    }
}
