package dev.hourglass.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingTasksTest {

    private static PendingTasks<Integer> upTo(int count) {
        PendingTasks<Integer> tasks = new PendingTasks<>();
        for (int i = 0; i < count; i++) {
            tasks.add(i);
        }
        return tasks;
    }

    @Test
    void takingTheFirstEveryTimeIsFirstInFirstOutAcrossGrowth() {
        PendingTasks<Integer> tasks = upTo(5);
        List<Integer> taken = new ArrayList<>(List.of(tasks.take(0), tasks.take(0)));
        for (int i = 5; i < 20; i++) {
            tasks.add(i);
        }
        while (tasks.size() > 0) {
            taken.add(tasks.take(0));
        }

        assertThat(taken).containsExactlyElementsOf(upTo(20));
    }

    @Test
    void takingAPositionHandsOutThatTaskAndPutsTheOldestInItsPlace() {
        PendingTasks<Integer> tasks = upTo(4);

        assertThat(tasks.take(2)).isEqualTo(2);
        assertThat(tasks).containsExactly(1, 0, 3);
    }

    @Test
    void takingFromNothingGivesNull() {
        assertThat(new PendingTasks<Integer>().take(0)).isNull();
    }
}
