/**
 * Service mode ({@code serve}): the nightly run on a cron schedule in Europe/London, and the inbox polled every few
 * minutes so that a file is answered with its receipt soon after it is dropped. Both take the same run lock as the
 * one-shot {@code run}; a stop (SIGTERM) checkpoints the file in hand, and the next start finishes it.
 */
package wales.activeoffer.service;
