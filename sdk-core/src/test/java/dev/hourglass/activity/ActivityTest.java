package dev.hourglass.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import dev.hourglass.internal.activity.ActivityContextHolder;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActivityTest {

    @AfterEach
    void clearContext() {
        ActivityContextHolder.clear();
    }

    @Test
    void getExecutionContextOutsideAnActivityExplainsTheMistake() {
        assertThatThrownBy(Activity::getExecutionContext)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Activity.getExecutionContext() called outside an activity: ");
    }

    @Test
    void getExecutionContextReturnsTheContextOfTheCurrentThread() {
        ActivityExecutionContext context = mock(ActivityExecutionContext.class);
        ActivityContextHolder.set(context);

        assertThat(Activity.getExecutionContext()).isSameAs(context);
    }

    @Test
    void contextIsNotVisibleFromAnotherThread() {
        ActivityContextHolder.set(mock(ActivityExecutionContext.class));

        ActivityExecutionContext seenElsewhere =
                CompletableFuture.supplyAsync(ActivityContextHolder::current).join();

        assertThat(seenElsewhere).isNull();
    }

    @Test
    void clearRemovesTheContext() {
        ActivityContextHolder.set(mock(ActivityExecutionContext.class));

        ActivityContextHolder.clear();

        assertThat(ActivityContextHolder.current()).isNull();
    }

    @Test
    void settingANullContextIsRejected() {
        assertThatThrownBy(() -> ActivityContextHolder.set(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clear()");
    }
}
