package dev.hourglass.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.internal.common.FailureConverter;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

class ActivityWrapTest {

    @Test
    void returnsAnUncheckedExceptionAsIs() {
        IllegalStateException unchecked = new IllegalStateException("no stock");

        assertThat(Activity.wrap(unchecked)).isSameAs(unchecked);
    }

    @Test
    void wrapsACheckedExceptionInAnUncheckedOneCausedByIt() {
        IOException checked = new IOException("disk full");

        RuntimeException wrapped = Activity.wrap(checked);

        assertThat(wrapped).hasCause(checked).hasMessage("java.io.IOException: disk full");
    }

    @Test
    void reportsAWrappedCheckedExceptionWithItsOwnType() {
        ObjectNode failure = FailureConverter.toJson(Activity.wrap(new IOException("disk full")));

        assertThat(failure.path("type").asText()).isEqualTo("java.io.IOException");
        assertThat(failure.path("message").asText()).isEqualTo("disk full");
    }

    @Test
    void unwrapsAnInvocationTargetExceptionFirst() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad sku");

        assertThat(Activity.wrap(new InvocationTargetException(thrown))).isSameAs(thrown);
    }

    @Test
    void throwsAnErrorRatherThanWrappingIt() {
        AssertionError error = new AssertionError("broken invariant");

        assertThatThrownBy(() -> Activity.wrap(error)).isSameAs(error);
    }
}
