/**
 * What the release says about the data itself rather than about children: which authorities sent records for which
 * quarters (coverage), how complete their key fields are, and how often each validation rule was broken.
 */
package wales.activeoffer.quality;
