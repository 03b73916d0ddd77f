package dev.hourglass.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    @Test
    void aSeedGivesTheSameWorkflowIdsInTheSameOrder() {
        IdGenerator one = IdGenerator.seeded(7);
        IdGenerator two = IdGenerator.seeded(7);

        List<String> first = IntStream.range(0, 5).mapToObj(i -> one.newWorkflowId()).toList();
        List<String> second = IntStream.range(0, 5).mapToObj(i -> two.newWorkflowId()).toList();

        assertThat(first).doesNotHaveDuplicates().isEqualTo(second);
    }

    @Test
    void aRunIdDependsOnlyOnTheSeedTheWorkflowIdAndTheRunNumber() {
        IdGenerator busy = IdGenerator.seeded(7);
        busy.newWorkflowId();
        busy.newRunId("other", 1);
        busy.newRunId("other", 2);
        IdGenerator fresh = IdGenerator.seeded(7);

        assertThat(busy.newRunId("transfer-1", 2)).isEqualTo(fresh.newRunId("transfer-1", 2));
    }

    @Test
    void runIdsDifferByWorkflowIdRunNumberAndSeed() {
        IdGenerator ids = IdGenerator.seeded(7);

        assertThat(List.of(ids.newRunId("a", 1), ids.newRunId("a", 2), ids.newRunId("b", 1),
                IdGenerator.seeded(8).newRunId("a", 1))).doesNotHaveDuplicates();
    }

    @Test
    void seededIdsAreVersionFourUuids() {
        IdGenerator ids = IdGenerator.seeded(7);

        assertThat(UUID.fromString(ids.newWorkflowId()).version()).isEqualTo(4);
        assertThat(UUID.fromString(ids.newRunId("a", 1)).version()).isEqualTo(4);
    }
}
