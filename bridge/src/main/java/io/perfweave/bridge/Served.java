package io.perfweave.bridge;

/**
 * A call answered without running the method: a cache hit or a call coalesced with one already in
 * flight. Enter advice that returns one of these skips the method body ({@code skipOn}).
 */
public abstract class Served extends PolicyScope {}
