package dev.hourglass.agent.internal;

import java.util.List;

/**
 * Which classes the agent looks into: the run-time checks rewrite their call sites and the static check walks
 * their bytecode. Workflow code and what it calls are in scope: the application's classes and the libraries
 * they use. Out of scope are the JDK (its entry points are in the catalog instead), Hourglass itself (its API
 * is what workflow code should call), the agent's own ByteBuddy, the logging, JSON and test libraries that
 * Hourglass and test code use, and classes generated at run time.
 *
 * <p>The decision depends on the class name alone, so the run-time checks and the static check agree, and so a
 * class is in or out of scope the same way in every JVM.
 */
public final class ClassScope {

    /** Internal-name prefixes of classes out of scope. */
    private static final List<String> EXCLUDED_PREFIXES = List.of(
            // the JDK
            "java/", "javax/", "jdk/", "sun/", "com/sun/", "org/ietf/", "org/w3c/", "org/xml/",
            // Hourglass's own packages (a user's code lives in packages of its own)
            "dev/hourglass/internal/", "dev/hourglass/workflow/", "dev/hourglass/activity/", "dev/hourglass/client/",
            "dev/hourglass/common/", "dev/hourglass/failure/", "dev/hourglass/history/", "dev/hourglass/service/",
            "dev/hourglass/worker/", "dev/hourglass/interceptors/", "dev/hourglass/agent/", "dev/hourglass/testing/",
            "dev/hourglass/replay/",
            // bytecode, logging, JSON and test libraries
            "net/bytebuddy/", "org/slf4j/", "ch/qos/logback/", "org/apache/logging/log4j/",
            "org/apache/commons/logging/", "com/fasterxml/jackson/", "org/junit/", "org/opentest4j/",
            "org/apiguardian/", "org/assertj/", "org/mockito/", "org/objenesis/", "org/awaitility/", "org/hamcrest/",
            "com/tngtech/archunit/", "net/jqwik/", "org/jacoco/", "picocli/");

    /** Fragments of the names of classes generated at run time. */
    private static final List<String> GENERATED_FRAGMENTS = List.of("$$Lambda", "$ByteBuddy$", "$MockitoMock$",
            "$$EnhancerBy", "$HibernateProxy$");

    private ClassScope() {
    }

    /**
     * Whether the agent looks into the class with this internal name ({@code com/acme/OrderImpl}).
     *
     * @param internalName the class's name with slashes; {@code null} (an anonymous hidden class) is out of scope
     * @return whether its call sites are checked
     */
    public static boolean isInScope(String internalName) {
        if (internalName == null) {
            return false;
        }
        for (String prefix : EXCLUDED_PREFIXES) {
            if (internalName.startsWith(prefix)) {
                return false;
            }
        }
        for (String fragment : GENERATED_FRAGMENTS) {
            if (internalName.contains(fragment)) {
                return false;
            }
        }
        return true;
    }
}
