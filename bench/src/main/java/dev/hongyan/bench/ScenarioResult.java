package dev.hongyan.bench;

import java.util.List;
import java.util.Map;

/**
 * One run of a scenario: flat figures ({@code phase.figure} keys, numbers where possible, null for "never")
 * and the checks they are held to.
 */
record ScenarioResult(Map<String, Object> figures, List<Check> checks) {}
