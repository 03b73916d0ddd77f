package dev.hourglass.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/** The command line is a user of Hourglass's public API like any other, and shows one public type: its main. */
class ArchitectureTest {

    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hourglass.cli");

    @Test
    void usesNoInternalOfHourglassAndNoJackson() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.hourglass.internal..",
                "dev.hourglass.testing..", "com.fasterxml.jackson..").check(CLI);
    }

    @Test
    void hasOnePublicTypeTheMainClassMarkedWithItsApiStatus() {
        assertThat(CLI.stream().filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getSimpleName)).containsExactly("HourglassCli");
        classes().that().arePublic().should().beAnnotatedWith(API.class).check(CLI);
        assertThat(HourglassCli.class.getPackage().getAnnotation(API.class).status())
                .isEqualTo(API.Status.EXPERIMENTAL);
    }
}
