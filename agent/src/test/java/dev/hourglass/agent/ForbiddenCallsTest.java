package dev.hourglass.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.agent.internal.ForbiddenCalls;
import dev.hourglass.agent.internal.ForbiddenCalls.Category;
import dev.hourglass.agent.internal.ForbiddenCalls.Entry;
import org.junit.jupiter.api.Test;

class ForbiddenCallsTest {

    @Test
    void theWallClockMatchesByOwnerNameAndDescriptor() {
        Entry entry = ForbiddenCalls.match("java/lang/System", "currentTimeMillis", "()J");

        assertThat(entry.category()).isEqualTo(Category.WALL_CLOCK);
        assertThat(entry.display()).isEqualTo("System.currentTimeMillis()");
    }

    @Test
    void aSeededRandomIsNotForbidden() {
        assertThat(ForbiddenCalls.match("java/util/Random", "<init>", "(J)V")).isNull();
        assertThat(ForbiddenCalls.match("java/util/Random", "<init>", "()V")).isNotNull();
    }

    @Test
    void everyMethodOfFilesIsIo() {
        assertThat(ForbiddenCalls.match("java/nio/file/Files", "readString", "(Ljava/nio/file/Path;)Ljava/lang/String;")
                .category()).isEqualTo(Category.IO);
    }

    @Test
    void aShuffleWithARandomIsNotForbidden() {
        assertThat(ForbiddenCalls.match("java/util/Collections", "shuffle", "(Ljava/util/List;Ljava/util/Random;)V"))
                .isNull();
    }

    @Test
    void aUsersThreadSubclassIsMatchedByItsReceiverType() {
        assertThat(ForbiddenCalls.matchByReceiver("start", "()V")).extracting(Entry::receiverType)
                .contains("java/lang/Thread");
    }

    @Test
    void entryIdsAreTheirIndexes() {
        for (int i = 0; i < ForbiddenCalls.entries().size(); i++) {
            assertThat(ForbiddenCalls.entry(i).id()).isEqualTo(i);
        }
    }

    @Test
    void theMessageNamesTheCallTheSiteTheWorkflowCodeAndTheReplacement() {
        Entry entry = ForbiddenCalls.match("java/util/UUID", "randomUUID", "()Ljava/util/UUID;");

        assertThat(entry.message("com.acme.Ids.next(Ids.java:7)", "com.acme.OrderImpl.place(OrderImpl.java:30)"))
                .isEqualTo("workflow code called UUID.randomUUID() at com.acme.Ids.next(Ids.java:7), reached from"
                        + " workflow code at com.acme.OrderImpl.place(OrderImpl.java:30): it draws random values,"
                        + " which differ when the code is replayed. Use Workflow.randomUUID(). If the value may"
                        + " differ on every run, compute it in Workflow.sideEffect(...); if it is I/O, move it to an"
                        + " activity.");
    }

    @Test
    void aParallelStreamOfAListIsMatchedOnTheListItself() {
        assertThat(ForbiddenCalls.match("java/util/List", "parallelStream", "()Ljava/util/stream/Stream;"))
                .isNotNull();
        assertThat(ForbiddenCalls.match("java/util/ArrayList", "parallelStream", "()Ljava/util/stream/Stream;"))
                .isNotNull();
    }
}
