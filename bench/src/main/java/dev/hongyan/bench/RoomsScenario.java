package dev.hongyan.bench;

import java.io.PrintStream;

final class RoomsScenario implements Scenario {
    static final String HELP = "";
    RoomsScenario(BenchSettings settings, Options options, PrintStream log) {}
    @Override
    public ScenarioResult run(int run) { throw new UnsupportedOperationException(); }
}
