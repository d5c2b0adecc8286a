package io.perfweave.analyzer.rules;

/**
 * One named rule threshold, declared once by its rule: the name {@code --threshold name=value}
 * takes, its default, and what it means (docs/analyzer.md lists them, tested against these).
 */
public record Threshold(String name, double defaultValue, String meaning) {}
