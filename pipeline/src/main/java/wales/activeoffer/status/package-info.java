/**
 * What the pipeline has done and is waiting for, for the person on call and the regional leads' coordinator: the last
 * run and release, each region's and authority's last submission, the quarters an authority has not sent, the files
 * waiting in the inbox and the files quarantined. Never any record data.
 */
package wales.activeoffer.status;
