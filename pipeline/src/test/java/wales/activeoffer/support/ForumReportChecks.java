package wales.activeoffer.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a forum report open in a browser against the release's {@code aggregates.csv}, written apart from the report
 * code: every number the page marks as a published figure must be that figure, written as its format says, and every
 * 95% interval must be the Wilson interval of the two published counts it names.
 */
public final class ForumReportChecks {
    private ForumReportChecks() {
    }

    private static String key(Map<String, String> row) {
        return String.join("|", row.get("measure"), row.get("statistic"), row.get("geography_code"), row.get("period"),
                row.get("eligibility_route"), row.get("stage"), row.get("category"));
    }

    /** How a published value is written in the given format: pct0, pct1, count or days. */
    static String written(String value, String format) {
        BigDecimal number = new BigDecimal(value);
        return switch (format) {
            case "pct0" -> number.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
            case "pct1" -> number.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
            case "count" -> NumberFormat.getIntegerInstance(Locale.UK).format(number.longValueExact());
            case "days" -> number.stripTrailingZeros().toPlainString();
            default -> throw new AssertionError("unknown format " + format);
        };
    }

    /**
     * Checks every marked figure and interval of the open page.
     *
     * @return how many numbers were checked
     */
    @SuppressWarnings("unchecked")
    public static int everyNumberIsThePublishedOne(ReportBrowser browser, PublishedCsv csv, String lang) {
        Map<String, Map<String, String>> published = new HashMap<>();
        csv.rows().forEach(row -> published.put(key(row), row));
        List<Map<String, String>> marked = (List<Map<String, String>>) browser.script(
                "return [...document.querySelectorAll('[data-figure]')].map(e => ({figure: e.dataset.figure, "
                        + "format: e.dataset.format, shown: e.dataset.shown || e.firstChild.textContent.trim()}));");
        for (Map<String, String> figure : marked) {
            Map<String, String> row = published.get(figure.get("figure"));
            assertThat(row).as("a published figure " + figure.get("figure")).isNotNull();
            String expected = row.get("value").isEmpty() ? row.get("note_code")
                    : written(row.get("value"), figure.get("format"));
            assertThat(figure.get("shown")).as(figure.get("figure")).isEqualTo(expected);
        }
        List<Map<String, String>> intervals = (List<Map<String, String>>) browser.script(
                "return [...document.querySelectorAll('[data-interval]')].map(e => ({counts: e.dataset.interval, "
                        + "shown: e.textContent.trim()}));");
        for (Map<String, String> interval : intervals) {
            String[] counts = interval.get("counts").split(";");
            long successes = Long.parseLong(published.get(counts[0]).get("value"));
            long trials = Long.parseLong(published.get(counts[1]).get("value"));
            double z = 1.959963984540054;
            double p = (double) successes / trials;
            double centre = p + z * z / (2 * trials);
            double spread = z * Math.sqrt(p * (1 - p) / trials + z * z / (4.0 * trials * trials));
            double denominator = 1 + z * z / trials;
            String lower = written(BigDecimal.valueOf(Math.max(0, (centre - spread) / denominator)).toPlainString(),
                    "pct1");
            String upper = written(BigDecimal.valueOf(Math.min(1, (centre + spread) / denominator)).toPlainString(),
                    "pct1");
            assertThat(interval.get("shown")).as(interval.get("counts"))
                    .isEqualTo(lower + (lang.equals("cy") ? " i " : " to ") + upper);
        }
        @SuppressWarnings("unchecked")
        List<String> unmarked = (List<String>) browser.script("return [...document.querySelectorAll('td')]"
                + ".filter(td => !td.dataset.figure && !td.dataset.source && /[0-9]/.test(td.textContent))"
                + ".map(td => td.textContent)");
        assertThat(unmarked).as("numbers in tables that say where they come from").isEmpty();
        return marked.size() + intervals.size();
    }

    /**
     * Every number in the page's running text (headings, summary, introductions, captions, notes; tables and charts
     * aside, which the other checks cover) that is neither marked as a published figure, a count from
     * {@code coverage.csv} or a constant of the release; periods, dates and release names aside.
     *
     * @return the texts with an untraced number, empty when every number says where it comes from
     */
    @SuppressWarnings("unchecked")
    public static List<String> numbersInTheTextThatSayNotWhereTheyComeFrom(ReportBrowser browser) {
        return (List<String>) browser.script("""
                const out = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  if (n.parentElement.closest('svg, table, script, style, [data-figure], [data-constant], '
                      + '[data-source], [data-interval]')) continue;
                  const rest = n.textContent.replace(/\\d{8}-\\d{6}(-\\d+)?|\\d{4}-\\d{2}-\\d{2}/g, '')
                      .replace(/\\d{4}-\\d{2}( (Q|Ch)\\d)?/g, '');
                  if (/\\d/.test(rest)) out.push(n.textContent.trim());
                }
                return out;""");
    }

    /**
     * Checks every number the running text marks as a constant of the release against the value given, and every
     * count of authorities that sent records for a quarter against {@code coverage.csv}.
     *
     * @param constants each constant's name and how the page should write it
     * @return how many numbers were checked
     */
    @SuppressWarnings("unchecked")
    public static int constantsAndCoverageCountsAreTheReleases(ReportBrowser browser, Map<String, String> constants,
            PublishedCsv coverage) {
        List<Map<String, String>> marked = (List<Map<String, String>>) browser.script(
                "return [...document.querySelectorAll('[data-constant]')].map(e => ({name: e.dataset.constant, "
                        + "shown: e.textContent.trim()}));");
        for (Map<String, String> constant : marked) {
            assertThat(constants).as("a constant of the release").containsKey(constant.get("name"));
            assertThat(constant.get("shown")).as(constant.get("name")).isEqualTo(constants.get(constant.get("name")));
        }
        List<Map<String, String>> counts = (List<Map<String, String>>) browser.script(
                "return [...document.querySelectorAll('span[data-source]')].map(e => ({source: e.dataset.source, "
                        + "shown: e.textContent.trim()}));");
        for (Map<String, String> count : counts) {
            String quarter = count.get("source").replaceFirst("^coverage\\|received\\|", "");
            long received = coverage.rows().stream().filter(r -> r.get("quarter").equals(quarter)
                    && r.get("records_received").equals("true")).count();
            assertThat(count.get("shown")).as(count.get("source")).isEqualTo(String.valueOf(received));
        }
        return marked.size() + counts.size();
    }

    /**
     * Checks the coverage grid against {@code coverage.csv} and the completeness table against
     * {@code data-quality.csv}.
     *
     * @return how many cells were checked
     */
    @SuppressWarnings("unchecked")
    public static int coverageAndQualityAreThePublishedOnes(ReportBrowser browser, PublishedCsv coverage,
            PublishedCsv quality, String received) {
        Map<String, String> receivedByQuarter = new HashMap<>();
        coverage.rows().forEach(r -> receivedByQuarter.put("coverage|" + r.get("authority_code") + "|" + r.get("quarter"),
                r.get("records_received")));
        Map<String, String> qualityShown = new HashMap<>();
        quality.rows().forEach(r -> qualityShown.put("quality|" + r.get("authority_code") + "|" + r.get("indicator"),
                r.get("value").isEmpty() ? r.get("note_code") : r.get("value") + "%"));
        List<Map<String, String>> cells = (List<Map<String, String>>) browser.script(
                "return [...document.querySelectorAll('td[data-source]')].map(td => ({source: td.dataset.source, "
                        + "shown: td.textContent.trim()}));");
        for (Map<String, String> cell : cells) {
            String source = cell.get("source");
            if (source.startsWith("quality|")) {
                assertThat(cell.get("shown")).as(source).isEqualTo(qualityShown.get(source));
            } else {
                boolean sent = "true".equals(receivedByQuarter.get(source));
                assertThat(cell.get("shown").equals(received)).as(source + " received").isEqualTo(sent);
            }
        }
        return cells.size();
    }

    /**
     * Every text of every chart panel that is not wholly inside its panel as the page lays it out now: a label cut off
     * at the panel's edge, or drawn outside it; a table whose last column (the latest period) is not in view when the
     * page opens; and the page itself wider than the window.
     *
     * @return one line for each label that does not fit, empty when all do
     */
    @SuppressWarnings("unchecked")
    public static List<String> labelsThatDoNotFit(ReportBrowser browser) {
        return (List<String>) browser.script("""
                const out = [];
                if (document.documentElement.scrollWidth > window.innerWidth + 1) {
                  out.push('the page is ' + document.documentElement.scrollWidth + ' px wide in a window of '
                      + window.innerWidth + ' px');
                }
                for (const wrap of document.querySelectorAll('.table-wrap')) {
                  const box = wrap.getBoundingClientRect();
                  const heads = wrap.querySelectorAll('thead th');
                  const last = heads[heads.length - 1].getBoundingClientRect();
                  if (last.right > box.right + 1 || last.left < box.left - 1) {
                    out.push('the last column of "' + wrap.getAttribute('aria-labelledby') + '" is out of view');
                  }
                }
                for (const svg of document.querySelectorAll('svg.panel')) {
                  const panel = svg.getBoundingClientRect();
                  if (panel.right > window.innerWidth + 1) {
                    out.push(svg.id + ' runs off the window (' + Math.round(panel.right) + ' px)');
                  }
                  for (const text of svg.querySelectorAll('text')) {
                    const box = text.getBoundingClientRect();
                    if (box.width === 0) continue;
                    if (box.left < panel.left - 0.5 || box.right > panel.right + 0.5 || box.top < panel.top - 0.5
                        || box.bottom > panel.bottom + 0.5) {
                      out.push(svg.id + ': "' + text.textContent.trim() + '" goes '
                          + Math.round(Math.max(panel.left - box.left, box.right - panel.right,
                                                panel.top - box.top, box.bottom - panel.bottom)) + ' px outside');
                    }
                  }
                }
                return out;""");
    }
}
