package dev.hourglass.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.agent.internal.ForbiddenCalls;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DeterminismFindingCategoryTest {

    @Test
    void everyCategoryOfTheCatalogHasAPublicCategoryOfTheSameName() {
        assertThat(Arrays.stream(DeterminismFinding.Category.values()).map(Enum::name))
                .containsAll(Arrays.stream(ForbiddenCalls.Category.values()).map(Enum::name).toList());
    }
}
