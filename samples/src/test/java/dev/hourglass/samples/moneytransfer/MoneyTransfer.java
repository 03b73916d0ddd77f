package dev.hourglass.samples.moneytransfer;

import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;

@WorkflowInterface
public interface MoneyTransfer {
    @WorkflowMethod
    String transfer(String from, String to, long cents);
}
