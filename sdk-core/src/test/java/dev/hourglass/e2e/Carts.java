package dev.hourglass.e2e;

import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;

/** A shopping cart: items arrive as signals, and the checkout completes once paid. */
final class Carts {

    private Carts() {
    }

    @WorkflowInterface
    public interface Cart {
        @WorkflowMethod
        String checkout(String customer);

        @SignalMethod
        void addItem(String item);

        @SignalMethod
        void pay();

        @QueryMethod
        List<String> items();
    }

    public static class CartImpl implements Cart {
        private final List<String> items = new ArrayList<>();
        private boolean paid;

        @Override
        public String checkout(String customer) {
            Workflow.await(() -> paid);
            return customer + " bought " + items;
        }

        @Override
        public void addItem(String item) {
            items.add(item);
        }

        @Override
        public void pay() {
            paid = true;
        }

        @Override
        public List<String> items() {
            return items;
        }
    }

    @WorkflowInterface
    public interface Chore {
        @WorkflowMethod
        void run();
    }

    public static class ChoreImpl implements Chore {
        @Override
        public void run() {
        }
    }
}
