package io.perfweave.agent.config;

/**
 * The {@code http:} section: perfweave's built-in HTTP client call sites.
 *
 * @param enabled whether the built-in HTTP sites are woven; default true (the built-in sites
 *     themselves are not part of this build yet)
 */
public record HttpConfig(boolean enabled) {}
