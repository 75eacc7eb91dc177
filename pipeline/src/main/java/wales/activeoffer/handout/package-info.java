/**
 * The national Active Offer Recording Template as a spreadsheet to hand out: generated from the template YAML, in
 * English and Welsh, with drop-down lists from the code lists, and read back by its own mapping.
 */
package wales.activeoffer.handout;
