package io.perfweave.instrumentation.config;

/** Whether a policy acts ({@code on}) or only records what it would have done ({@code shadow}). */
public enum Mode {
  ON,
  SHADOW
}
