package dev.hongyan.bench;

/** One benchmark program: reads its options once, then runs (possibly several times). */
interface Scenario {

    /** One run, bounded in count and time; {@code run} numbers the run from 0 (source addresses rotate). */
    ScenarioResult run(int run) throws Exception;
}
