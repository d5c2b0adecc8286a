/**
 * The hotspot analyzer: reads recordings, computes the model, runs the rules and renders
 * HTML/JSON/suggested config. Not built yet; only the module's place in the build exists.
 */
package io.perfweave.analyzer;
