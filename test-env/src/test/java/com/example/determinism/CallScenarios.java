package com.example.determinism;

/**
 * A corpus workflow whose workflow method runs one scenario of calls by name; its signal and query handlers do
 * nothing of note.
 */
abstract class CallScenarios implements Scenario {

    @Override
    public String run(String scenario) {
        try {
            return call(scenario);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void signal(String scenario) {
    }

    @Override
    public String query(String scenario) {
        return scenario;
    }

    /** Makes the calls of {@code scenario}; returns what they gave, as text. */
    abstract String call(String scenario) throws Exception;
}
