/**
 * Disclosure control checked by linear programming: what a reader who knows every published figure, every sum and
 * every inequality the definitions imply can work out about each hidden count, and the extra counts to hide until
 * that is never a single value or a narrow range.
 */
package wales.activeoffer.disclosure;
