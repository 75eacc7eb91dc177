/**
 * The national forum's trend report: a self-contained HTML page per language, built only from the figures of the
 * public release, with charts drawn as SVG on the server, a data table beside each, Wilson score intervals for
 * take-up, and a summary written from the numbers.
 */
package wales.activeoffer.report;
