/**
 * Disclosure control for the public series, by the cell key method: every count is the sum of its base cells' counts
 * (an authority's quarter on one route), each moved by a perturbation table kept as data, so the same records always
 * give the same published figure and a difference between two releases is noisy. Figures built on counts are worked
 * from the perturbed counts. The officials' nightly dataset is exact and restricted, and is not protected here.
 */
package wales.activeoffer.disclosure;
