/**
 * The benchmark harness ({@code benchmarks/run}): whole-process runs of the pipeline measured against DuckDB and an
 * empty Spring Boot application, peak memory under a heap limit, and JMH benchmarks of the readers against
 * fastexcel-reader, POI's event API and FastCSV. Results go to {@code benchmarks/results/}.
 */
package wales.activeoffer.benchmarks;
