package dev.hourglass.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.hourglass.internal.timeline.TimelineHtml;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The command line is a user of Hourglass's public API like any other (its web UI also draws histories with the
 * internal timeline renderer, which the reports of failing tests share), and shows one public type: its main.
 */
class ArchitectureTest {

    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hourglass.cli");

    @Test
    void usesNoInternalOfHourglassButTheTimelineRendererAndNoJackson() {
        noClasses().should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("dev.hourglass.internal..",
                "dev.hourglass.testing..", "com.fasterxml.jackson..")
                .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(TimelineHtml.class)))).check(CLI);
    }

    @Test
    void hasOnePublicTypeTheMainClassMarkedWithItsApiStatus() {
        assertThat(CLI.stream().filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(type -> type.getPackageName().equals("dev.hourglass.cli"))
                .map(JavaClass::getSimpleName)).containsExactly("HourglassCli");
        classes().that().arePublic().should().beAnnotatedWith(API.class).check(CLI);
        assertThat(HourglassCli.class.getPackage().getAnnotation(API.class).status())
                .isEqualTo(API.Status.EXPERIMENTAL);
    }

    @Test
    void marksThePublicTypesOfTheUiPackageInternal() {
        assertThat(CLI.stream().filter(type -> type.getPackageName().equals("dev.hourglass.cli.ui"))
                .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC)))
                .isNotEmpty()
                .allSatisfy(type -> assertThat(type.reflect().getAnnotation(API.class).status())
                        .isEqualTo(API.Status.INTERNAL));
    }
}
