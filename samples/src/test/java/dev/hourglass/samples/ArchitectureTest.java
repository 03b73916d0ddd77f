package dev.hourglass.samples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The boundary between Hourglass's public API and its internals, checked on the classes the build produced:
 * what users type lives in a few public packages, whose signatures name no internal and no Jackson type, which
 * depend on each other without cycles, and which users (the samples among them) can use without touching
 * anything internal.
 */
class ArchitectureTest {

    private static final List<String> PUBLIC_PACKAGES = PublicApi.PACKAGES;

    private static final JavaClasses HOURGLASS = PublicApi.CLASSES;

    private static final DescribedPredicate<JavaClass> PUBLIC_API_TYPE = new DescribedPredicate<>(
            "a public type of a public API package") {
        @Override
        public boolean test(JavaClass type) {
            return PublicApi.isPublicType(type);
        }
    };

    @Test
    void theImportFindsEveryModulesClasses() {
        assertThat(HOURGLASS.stream().map(JavaClass::getPackageName))
                .contains("dev.hourglass.internal.replay", "dev.hourglass.testing.internal", "dev.hourglass.replay",
                        "dev.hourglass.samples.moneytransfer");
    }

    @Test
    void publicSignaturesNameNoInternalAndNoJacksonType() {
        classes().that(PUBLIC_API_TYPE).should(nameOnlyPublicTypesInTheirSignatures()).check(HOURGLASS);
    }

    @Test
    void publicApiPackagesDependOnEachOtherWithoutCycles() {
        slices().matching("dev.hourglass.(*)").should().beFreeOfCycles().check(HOURGLASS);
    }

    @Test
    void theSamplesUseOnlyThePublicApi() {
        noClasses().that().resideInAPackage("dev.hourglass.samples..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hourglass.internal..",
                        "dev.hourglass.testing.internal..", "com.fasterxml.jackson..")
                .check(HOURGLASS);
    }

    @Test
    void sdkCoreKnowsNothingOfTestFrameworksOrTheTestEnvironment() {
        noClasses().that().resideInAnyPackage(sdkCorePackages())
                .should().dependOnClassesThat().resideInAnyPackage("dev.hourglass.testing..", "dev.hourglass.replay..",
                        "org.junit..", "org.assertj..", "org.mockito..")
                .check(HOURGLASS);
    }

    @Test
    void everyInternalPackageIsMarkedInternal() {
        assertThat(packagesIn("dev.hourglass")).filteredOn(name -> name.contains(".internal"))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(status(name)).as("@API status of package %s", name)
                        .isEqualTo(API.Status.INTERNAL));
    }

    @Test
    void everyPublicApiPackageAndTypeSaysItsStatus() {
        assertThat(PUBLIC_PACKAGES).allSatisfy(name -> assertThat(status(name)).as("@API status of package %s", name)
                .isIn(API.Status.EXPERIMENTAL, API.Status.STABLE));
        classes().that(PUBLIC_API_TYPE).and().areTopLevelClasses().should().beAnnotatedWith(API.class)
                .check(HOURGLASS);
    }

    private static String[] sdkCorePackages() {
        List<String> packages = new ArrayList<>();
        for (String name : packagesIn("dev.hourglass")) {
            if (!name.startsWith("dev.hourglass.testing") && !name.startsWith("dev.hourglass.replay")
                    && !name.startsWith("dev.hourglass.samples") && !name.startsWith("dev.hourglass.benchmarks")) {
                packages.add(name);
            }
        }
        return packages.toArray(new String[0]);
    }

    /** The packages below {@code root} that hold classes, in name order. */
    private static Set<String> packagesIn(String root) {
        Set<String> names = new TreeSet<>();
        for (JavaClass type : HOURGLASS) {
            if (type.getPackageName().startsWith(root)) {
                names.add(type.getPackageName());
            }
        }
        return names;
    }

    private static API.Status status(String packageName) {
        JavaPackage javaPackage = HOURGLASS.getPackage(packageName);
        return javaPackage.tryGetAnnotationOfType(API.class).map(API::status).orElse(null);
    }

    /** Every type named by the public and protected members of a type, and by its supertypes, is public API. */
    private static ArchCondition<JavaClass> nameOnlyPublicTypesInTheirSignatures() {
        return new ArchCondition<>("name no internal and no Jackson type in their public signatures") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                type.getSuperclass().ifPresent(superclass -> report(type, "its superclass", superclass, events));
                type.getInterfaces().forEach(implemented -> report(type, "an interface", implemented, events));
                for (JavaField field : type.getFields()) {
                    if (visible(field.getModifiers())) {
                        report(type, "field " + field.getName(), field.getType(), events);
                    }
                }
                List<JavaCodeUnit> members = new ArrayList<>(type.getMethods());
                members.addAll(type.getConstructors());
                for (JavaCodeUnit member : members) {
                    if (visible(member.getModifiers())) {
                        for (JavaClass named : member.getAllInvolvedRawTypes()) {
                            reportRaw(type, member.getFullName(), named, events);
                        }
                    }
                }
            }
        };
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void report(JavaClass owner, String where, JavaType named, ConditionEvents events) {
        for (JavaClass raw : named.getAllInvolvedRawTypes()) {
            reportRaw(owner, where, raw, events);
        }
    }

    /**
     * The one public type that may name Jackson: applications give Hourglass their Jackson modules or mapper
     * through it (docs/data-conversion.md), and no other public signature needs a Jackson type for that.
     */
    private static final String JACKSON_BRIDGE = "dev.hourglass.common.DataConverter";

    private static void reportRaw(JavaClass owner, String where, JavaClass named, ConditionEvents events) {
        String name = named.getName();
        boolean jackson = name.startsWith("com.fasterxml.jackson.") && !owner.getName().equals(JACKSON_BRIDGE);
        if (name.contains(".internal.") || jackson) {
            events.add(SimpleConditionEvent.violated(owner, owner.getName() + ": " + where + " names " + name));
        }
    }
}
