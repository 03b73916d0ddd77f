package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.History;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @ActivityInterface
    public interface Accounts {
        String withdraw(String account, long cents);

        String deposit(String account, long cents);
    }

    @WorkflowInterface
    public interface Transfer {
        @WorkflowMethod
        String transfer(String from, String to, long cents);
    }

    public static class TransferImpl implements Transfer {
        private final Accounts accounts = Workflow.newActivityStub(Accounts.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public String transfer(String from, String to, long cents) {
            String w = accounts.withdraw(from, cents);
            Workflow.sleep(Duration.ofMillis(50));
            String d = accounts.deposit(to, cents);
            return w + "," + d;
        }
    }

    static class AccountsImpl implements Accounts {
        @Override
        public String withdraw(String account, long cents) {
            return "withdrew " + cents + " from " + account;
        }

        @Override
        public String deposit(String account, long cents) {
            return "deposited " + cents + " to " + account;
        }
    }

    @Test
    void transfers() {
        try (WorkflowService service = WorkflowService.inMemory()) {
            WorkflowClient client = WorkflowClient.newInstance(service);
            WorkerFactory factory = WorkerFactory.newInstance(client);
            Worker worker = factory.newWorker("q");
            worker.registerWorkflowImplementationTypes(TransferImpl.class);
            worker.registerActivitiesImplementations(new AccountsImpl());
            factory.start();
            Transfer stub = client.newWorkflowStub(Transfer.class,
                    WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId("t1").build());
            String result = stub.transfer("alice", "bob", 100);
            assertThat(result).isEqualTo("withdrew 100 from alice,deposited 100 to bob");
            History history = client.fetchHistory("t1");
            System.out.println(history.toJson());
            factory.shutdown();
        }
    }
}
