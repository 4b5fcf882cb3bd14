package dev.hongyan.bench;

import java.io.PrintStream;

final class ChurnScenario implements Scenario {
    static final String HELP = "";
    ChurnScenario(BenchSettings settings, Options options, PrintStream log) {}
    @Override
    public ScenarioResult run(int run) { throw new UnsupportedOperationException(); }
}
