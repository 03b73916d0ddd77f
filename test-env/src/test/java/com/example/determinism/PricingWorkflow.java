package com.example.determinism;

/** Workflow code that asks a real {@link PriceList}, which reads the wall clock. */
public class PricingWorkflow implements Scenario {

    @Override
    public String run(String item) {
        return "" + new PriceList().priceOf(item); // from:PricingWorkflow.run
    }

    @Override
    public void signal(String scenario) {
    }

    @Override
    public String query(String scenario) {
        return scenario;
    }
}
