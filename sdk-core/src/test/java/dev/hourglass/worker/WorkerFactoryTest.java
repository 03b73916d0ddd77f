package dev.hourglass.worker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.service.WorkflowService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerFactoryTest {

    private final WorkflowService service = WorkflowService.inMemory();
    private final WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(service));

    @AfterEach
    void closeService() {
        factory.shutdown();
        service.close();
    }

    @Test
    void newWorkerRejectsANullTaskQueueSayingWhatToPass() {
        assertThatThrownBy(() -> factory.newWorker(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("WorkerFactory.newWorker: taskQueue must not be null or blank, was null")
                .hasMessageContaining("WorkflowOptions.setTaskQueue");
    }

    @Test
    void newWorkerRejectsABlankTaskQueue() {
        assertThatThrownBy(() -> factory.newWorker(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("WorkerFactory.newWorker: taskQueue must not be null or blank, was ' '");
    }
}
