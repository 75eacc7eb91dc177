package wales.activeoffer.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import wales.activeoffer.aggregate.PublishedAggregate;

/**
 * The geometry of the report's charts, worked out here and drawn as SVG by the page template: small-multiple line
 * panels (a series per line, a band for its 95% intervals, a dashed reference series, an optional target) and bar
 * panels (a row per category, one or two bars per row). A point that is not published breaks its line and shows its
 * shorthand ({@code [c]}, {@code [z]}, {@code [x]}) where the point would be: never a zero, never joined over.
 */
final class Chart {
    static final int LINE_WIDTH = 340;
    static final int LINE_HEIGHT = 190;
    private static final int LEFT = 44;
    private static final int RIGHT = 86;
    private static final int LABEL_GAP = 12;
    private static final int SHORT_NAME = 13;
    private static final int TOP = 14;
    private static final int BOTTOM = 40;
    static final int BAR_WIDTH = 330;
    private static final int BAR_LABEL = 150;
    private static final int BAR_ROW = 30;
    private static final int TITLE_HEIGHT = 16;
    /** Room above a line panel's plot for its title's ascenders: the panel's view starts this far above 0. */
    private static final int TITLE_ROOM = 6;
    /** The baseline-to-baseline distance of wrapped 11 px labels. */
    static final int LINE_STEP = 12;
    /** How many characters of an 11 px label fit beside a line's end, and left of a bar. */
    private static final int DIRECT_LABEL_CHARS = 11;
    private static final int BAR_LABEL_CHARS = 22;

    private Chart() {
    }

    /** A point of a series: the published figure at a period, or nothing where none is published. */
    record Point(String period, Optional<PublishedAggregate> figure, Optional<Wilson.Interval> interval) {
    }

    /**
     * A line to draw: its name, a shorter name for its direct label where the name is long, its CSS class (which gives
     * its colour and dash), and its points.
     */
    record Series(String label, String shortLabel, String cssClass, List<Point> points) {
    }

    /** An axis tick: its label, and for a period axis the year under the first quarter of each year. */
    record Tick(String x, String y, String label, String sub) {
    }

    record Polyline(String cssClass, String points, String periods) {
    }

    record Marker(String cssClass, String cx, String cy, String figure, String format, String shown, String title) {
    }

    record Gap(String x, String y, String text, String period, String series) {
    }

    /**
     * A label: where it starts, its full text (for its tooltip, when it is wrapped) and the lines it is drawn in, each
     * at its own baseline, so it stays inside its panel.
     */
    record Text(String x, String y, String text, String cssClass, List<Line> lines) {
        Text(String x, String y, String text, String cssClass) {
            this(x, y, text, cssClass, List.of(new Line(x, y, text)));
        }

        boolean wrapped() {
            return lines.size() > 1;
        }
    }

    /** One line of a wrapped label. */
    record Line(String x, String y, String text) {
    }

    /**
     * A label's words in lines of at most {@code width} characters (a longer word has a line of its own), with the
     * first baseline at {@code y} and each next one {@value #LINE_STEP} px below.
     */
    static List<Line> wrap(String text, int width, String x, double y) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(line.toString());
        List<Line> placed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            placed.add(new Line(x, n(y + i * LINE_STEP), lines.get(i)));
        }
        return placed;
    }

    /** One panel of a small-multiple line chart, ready for the template. */
    record LinePanel(String id, String title, String description, int width, int height, List<Tick> xTicks,
            List<Tick> yTicks, List<String> bands, List<Polyline> lines, List<Marker> markers, List<Gap> gaps,
            List<Text> labels, Text target, String targetY) {
    }

    /**
     * A line panel over {@code periods}, from 0 to {@code top} on the y axis.
     *
     * @param target a horizontal line to draw (the response-time target), or {@code null}
     */
    static LinePanel line(String id, String title, String description, List<String> periods, List<Series> series,
            double top, Shown format, Double target, String targetLabel, Language language) {
        double plotWidth = LINE_WIDTH - LEFT - RIGHT;
        double plotHeight = LINE_HEIGHT - TOP - BOTTOM;
        double step = periods.size() < 2 ? 0 : plotWidth / (periods.size() - 1);
        List<Tick> xTicks = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            String p = language.period(periods.get(i));
            xTicks.add(new Tick(n(LEFT + i * step), n(LINE_HEIGHT - BOTTOM + 14), p.substring(p.indexOf(' ') + 1),
                    i == 0 || p.endsWith("1") ? p.substring(0, p.indexOf(' ')) : ""));
        }
        List<Tick> yTicks = new ArrayList<>();
        double tickStep = format == Shown.PERCENT ? top / 4 : Math.max(1, Math.ceil(top / 4 / 5) * 5);
        for (double value = 0; value <= top + 1e-9; value += tickStep) {
            yTicks.add(new Tick(n(LEFT - 6), n(y(value, top, plotHeight) + 4), format == Shown.PERCENT
                    ? Shown.percent(value, 0) : Shown.DAYS.of(value), ""));
        }
        List<String> bands = new ArrayList<>();
        List<Polyline> lines = new ArrayList<>();
        List<Marker> markers = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        List<Text> labels = new ArrayList<>();
        List<double[]> ends = new ArrayList<>();
        List<Text> endTexts = new ArrayList<>();
        for (Series s : series) {
            List<String> run = new ArrayList<>();
            List<String> runPeriods = new ArrayList<>();
            List<double[]> bandUpper = new ArrayList<>();
            List<double[]> bandLower = new ArrayList<>();
            double[] last = null;
            for (int i = 0; i <= periods.size(); i++) {
                Point point = i < periods.size() ? s.points().get(i) : null;
                boolean shown = point != null && point.figure().isPresent() && point.figure().get().symbol() == null;
                if (shown) {
                    double value = Double.parseDouble(point.figure().get().display());
                    double x = LEFT + i * step;
                    double y = y(value, top, plotHeight);
                    run.add(n(x) + "," + n(y));
                    runPeriods.add(point.period());
                    Shown exact = format == Shown.PERCENT ? Shown.PERCENT_1 : format;
                    markers.add(new Marker(s.cssClass(), n(x), n(y), TrendSummary.key(point.figure().get()),
                            exact.attribute(), exact.of(value), s.label() + ", " + language.period(point.period())
                                    + ": " + exact.of(value)));
                    point.interval().ifPresent(interval -> {
                        bandUpper.add(new double[] {x, y(interval.upper(), top, plotHeight)});
                        bandLower.add(new double[] {x, y(interval.lower(), top, plotHeight)});
                    });
                    last = new double[] {x, y};
                    continue;
                }
                if (!run.isEmpty()) {
                    lines.add(new Polyline(s.cssClass(), String.join(" ", run), String.join(";", runPeriods)));
                    if (bandUpper.size() == run.size()) {
                        bands.add(band(bandUpper, bandLower));
                    }
                    run.clear();
                    runPeriods.clear();
                    bandUpper.clear();
                    bandLower.clear();
                }
                if (point != null) {
                    String symbol = point.figure().map(PublishedAggregate::symbol).orElse("[x]");
                    gaps.add(new Gap(n(LEFT + i * step), n(LINE_HEIGHT - BOTTOM - 4 - 12 * series.indexOf(s)), symbol,
                            point.period(), s.cssClass()));
                }
            }
            if (last != null && series.size() > 1) {
                String text = s.label().length() <= SHORT_NAME ? s.label() : s.shortLabel();
                ends.add(new double[] {last[1] + 4, series.indexOf(s)});
                endTexts.add(new Text(n(LINE_WIDTH - RIGHT + 6), "", text, "direct-label " + s.cssClass()));
            }
        }
        // direct labels beside the last point of each line, moved apart where they would overlap
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ends.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(ends.get(a)[0], ends.get(b)[0]));
        double previous = Double.NEGATIVE_INFINITY;
        int previousLines = 1;
        for (int i : order) {
            double y = Math.max(ends.get(i)[0], previous + LABEL_GAP + (previousLines - 1) * LINE_STEP);
            Text text = endTexts.get(i);
            List<Line> wrapped = wrap(text.text(), DIRECT_LABEL_CHARS, text.x(), y);
            labels.add(new Text(text.x(), n(y), text.text(), text.cssClass(), wrapped));
            previous = y;
            previousLines = wrapped.size();
        }
        Text targetLine = target == null ? null
                : new Text(n(LEFT + 2), n(y(target, top, plotHeight) - 4), targetLabel, "target-label");
        return new LinePanel(id, title, description, LINE_WIDTH, LINE_HEIGHT + TITLE_ROOM, xTicks, yTicks, bands, lines,
                markers,
                gaps, labels, targetLine, target == null ? "" : n(y(target, top, plotHeight)));
    }

    private static String band(List<double[]> upper, List<double[]> lower) {
        List<String> points = new ArrayList<>();
        upper.forEach(p -> points.add(n(p[0]) + "," + n(p[1])));
        for (int i = lower.size() - 1; i >= 0; i--) {
            points.add(n(lower.get(i)[0]) + "," + n(lower.get(i)[1]));
        }
        if (upper.size() == 1) {
            double x = upper.get(0)[0];
            return n(x - 3) + "," + n(upper.get(0)[1]) + " " + n(x + 3) + "," + n(upper.get(0)[1]) + " " + n(x + 3)
                    + "," + n(lower.get(0)[1]) + " " + n(x - 3) + "," + n(lower.get(0)[1]);
        }
        return String.join(" ", points);
    }

    private static double y(double value, double top, double plotHeight) {
        return TOP + plotHeight - (top == 0 ? 0 : value / top * plotHeight);
    }

    record Bar(String cssClass, String x, String y, String width, String height, String labelX, String labelY,
            String text, String figure, String format) {
    }

    record BarRow(String labelY, String label, List<Bar> bars, List<Line> lines) {
        boolean wrapped() {
            return lines.size() > 1;
        }
    }

    /** A key to the bar series, drawn once above the rows. */
    record Key(String x, String y, String swatchX, String swatchY, String cssClass, String label) {
    }

    /** One panel of a small-multiple bar chart, ready for the template. */
    record BarPanel(String id, String title, String description, int width, int height, int labelWidth,
            List<BarRow> rows, List<Key> keys) {
    }

    /** A row of a bar panel: its label and each series's figure (empty where none is published). */
    record Category(String label, List<Optional<PublishedAggregate>> values) {
    }

    /**
     * A bar panel: a row per category, a bar per series (at most two), scaled to {@code top}.
     *
     * @param seriesLabels the series' names and CSS classes, in the order of each category's values
     */
    static BarPanel bars(String id, String title, String description, List<Category> categories,
            List<String[]> seriesLabels, double top, Shown format) {
        int seriesCount = seriesLabels.size();
        int keyHeight = seriesCount > 1 ? 18 : 0;
        double plotWidth = BAR_WIDTH - BAR_LABEL - 50;
        List<BarRow> rows = new ArrayList<>();
        double rowTop = keyHeight + 4;
        for (Category category : categories) {
            int lineCount = wrap(category.label(), BAR_LABEL_CHARS, "", 0).size();
            double rowHeight = Math.max(BAR_ROW, lineCount * LINE_STEP + 8);
            double barHeight = (rowHeight - 8.0) / seriesCount;
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < seriesCount; i++) {
                Optional<PublishedAggregate> figure = category.values().get(i);
                double y = rowTop + i * barHeight;
                boolean shown = figure.isPresent() && figure.get().symbol() == null;
                double value = shown ? Double.parseDouble(figure.get().display()) : 0;
                double width = shown && top > 0 ? value / top * plotWidth : 0;
                String text = figure.map(format::of).orElse("[x]");
                bars.add(new Bar(seriesLabels.get(i)[1], n(BAR_LABEL), n(y), n(width), n(barHeight - 1),
                        n(BAR_LABEL + width + 3), n(y + barHeight - 3), text,
                        figure.map(TrendSummary::key).orElse(null), figure.isPresent() ? format.attribute() : null));
            }
            double firstBaseline = rowTop + rowHeight / 2.0 - 1 - (lineCount - 1) * LINE_STEP / 2.0;
            rows.add(new BarRow(n(firstBaseline), category.label(), bars,
                    wrap(category.label(), BAR_LABEL_CHARS, n(BAR_LABEL - 6), firstBaseline)));
            rowTop += rowHeight;
        }
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < seriesCount && seriesCount > 1; i++) {
            int x = BAR_LABEL + i * 90;
            keys.add(new Key(String.valueOf(x + 14), "12", String.valueOf(x), "3", seriesLabels.get(i)[1],
                    seriesLabels.get(i)[0]));
        }
        return new BarPanel(id, title, description, BAR_WIDTH, (int) Math.ceil(TITLE_HEIGHT + 4 + rowTop), BAR_LABEL - 6,
                rows, keys);
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
