package wales.activeoffer.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import wales.activeoffer.aggregate.PublishedAggregate;
import wales.activeoffer.publish.PublicationCalendar;
import wales.activeoffer.publish.PublicationLabels;
import wales.activeoffer.publish.ReleaseManifest;
import wales.activeoffer.quality.DataQuality;

/**
 * Writes the national forum's trend report into a release folder: {@code forum-report.html} in English and
 * {@code adroddiad-fforwm.html} in Welsh, each one self-contained file (styles inline, charts as inline SVG, no
 * script, nothing fetched) that opens from a shared drive or an email and prints to PDF. Every number comes from the
 * release's published figures, coverage and data quality; hidden figures stay hidden.
 */
public final class ForumReport {
    /** How many quarters the trend charts show. */
    static final int QUARTERS = 8;
    private static final String TEMPLATE = "/report/forum-report.mustache";
    /** The level of the report's intervals, marked as the release's constant. */
    private static final String LEVEL = Statement.constant(TrendSummary.INTERVAL_LEVEL, "95%");
    /** The release's constants the text names, by the name the page marks them with. */
    static final String SMALL_COUNTS = "small-counts";
    static final String MOST_MOVED = "max-perturbation";
    static final String PERCENTILE = "percentile";

    /** Everything the report is built from: all of it public. */
    public record Inputs(String release, List<PublishedAggregate> published, DataQuality.Coverage coverage,
            DataQuality.Quality quality, int qualityThreshold, PublicationLabels labels, List<Place> places,
            int targetWorkingDays, ReleaseManifest.Publication publication) {
    }

    /** A table beside a chart, with the numbers the chart draws. */
    public record Table(Statement caption, List<String> head, List<TableRow> rows) {
        Table(String caption, List<String> head, List<TableRow> rows) {
            this(Statement.of(caption), head, rows);
        }

        /** An id for the table's caption, from its text: the page names each table once. */
        public String captionId() {
            return "table-" + Integer.toHexString(caption.text().hashCode());
        }
    }

    public record TableRow(String header, List<Cell> cells) {
    }

    /**
     * A table cell: what it shows, and where it comes from: a published figure ({@code figure} and {@code format}),
     * the Wilson interval of two published counts ({@code interval}: their keys), or a coverage or data-quality line.
     */
    public record Cell(String text, String figure, String format, String interval, String intervalText,
            String cssClass, String source) {
        static Cell of(Optional<PublishedAggregate> figure, Shown format) {
            return figure.map(f -> new Cell(format.of(f), TrendSummary.key(f), format.attribute(), null, null,
                    f.symbol() != null ? "symbol" : null, null))
                    .orElse(new Cell("[x]", null, null, null, null, "symbol", null));
        }

        static Cell plain(String text, String cssClass, String source) {
            return new Cell(text, null, null, null, null, cssClass, source);
        }
    }

    /** A chart (one or more panels) with its caption and its data table. */
    public record Figure(String id, Statement heading, Statement caption, List<Chart.LinePanel> linePanels,
            List<Chart.BarPanel> barPanels, Table table) {
        /** A figure whose heading and caption may hold marked numbers ({@link Statement#of}). */
        Figure(String id, String heading, String caption, List<Chart.LinePanel> linePanels,
                List<Chart.BarPanel> barPanels, Table table) {
            this(id, Statement.of(heading), Statement.of(caption), linePanels, barPanels, table);
        }
    }

    public record Section(String id, String heading, Statement intro, List<Figure> figures, List<Table> tables) {
        /** A section whose introduction may hold marked numbers ({@link Statement#of}). */
        Section(String id, String heading, String intro, List<Figure> figures, List<Table> tables) {
            this(id, heading, Statement.of(intro), figures, tables);
        }
    }

    /** The page in one language, as the template reads it. */
    public record Page(String lang, String title, Statement subtitle, String otherFile, String otherName,
            String otherLang, String summaryHeading, List<Statement> summary, List<Section> sections,
            String aboutHeading, List<Statement> about) {
    }

    private ForumReport() {
    }

    /**
     * Writes both language versions into {@code folder}, refusing to overwrite a file already there.
     *
     * @return the files written, English first
     */
    public static List<Path> write(Path folder, Inputs inputs) {
        Template template = template();
        List<Path> written = new ArrayList<>();
        for (Language language : Language.values()) {
            Path file = folder.resolve(language.fileName());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
                template.execute(page(inputs, language), out);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
            written.add(file);
        }
        return written;
    }

    private static Template template() {
        Mustache.TemplateLoader partials = name -> reader("/report/" + name + ".mustache");
        try (Reader reader = reader(TEMPLATE)) {
            return Mustache.compiler().withLoader(partials).defaultValue("").emptyStringIsFalse(true)
                    .compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the report template " + TEMPLATE, e);
        }
    }

    private static Reader reader(String resource) throws IOException {
        InputStream in = ForumReport.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is not on the class path");
        }
        return new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The page model in one language. */
    static Page page(Inputs in, Language language) {
        ReleaseFigures figures = new ReleaseFigures(in.published());
        List<String> quarters = figures.latestQuarters(QUARTERS);
        List<String> years = figures.latestYears(2);
        List<Place> walesAndRegions = in.places().stream().filter(p -> !p.level().equals("authority")).toList();
        List<Place> authorities = in.places().stream().filter(p -> p.level().equals("authority")).toList();
        String period = quarters.isEmpty() ? "" : language.period(quarters.get(0)) + " " + language.pick("to", "i")
                + " " + language.period(quarters.get(quarters.size() - 1));
        String source = language.pick("Source: release " + in.release() + " of the all-Wales Active Offer dataset",
                "Ffynhonnell: rhyddhad " + in.release() + " o set ddata Cynnig Rhagweithiol Cymru gyfan");
        TrendSummary summary = new TrendSummary(figures, language);
        String smallCounts = Statement.constant(SMALL_COUNTS, "1 " + language.pick("to", "i") + " "
                + in.qualityThreshold());
        String mostMoved = Statement.constant(MOST_MOVED, String.valueOf(in.publication().maxPerturbation()));
        Sections sections = new Sections(in, figures, summary, language, quarters, years, walesAndRegions, authorities,
                period, source);
        return new Page(language.code(),
                language.pick("The Active Offer of advocacy: trends for the national forum",
                        "Y Cynnig Rhagweithiol o eiriolaeth: tueddiadau ar gyfer y fforwm cenedlaethol"),
                Statement.of(language.pick("Wales and its six advocacy regions, " + period + ". Release " + in.release()
                        + ", published " + in.publication().publishedOn() + (in.publication().adHoc()
                                ? " (an ad hoc release, off the publication calendar)" : "") + ". Next release: "
                        + (in.publication().nextRelease() == null ? "not yet announced"
                                : in.publication().nextRelease()) + ". Official statistics in development.",
                        "Cymru a'i chwe rhanbarth eiriolaeth, " + period + ". Rhyddhad " + in.release()
                                + ", cyhoeddwyd " + in.publication().publishedOn() + (in.publication().adHoc()
                                        ? " (rhyddhad ad hoc, y tu allan i'r calendr cyhoeddi)" : "")
                                + ". Rhyddhad nesaf: " + (in.publication().nextRelease() == null
                                        ? "heb ei gyhoeddi eto" : in.publication().nextRelease())
                                + ". Ystadegau swyddogol sy'n cael eu datblygu.")),
                (language == Language.ENGLISH ? Language.WELSH : Language.ENGLISH).fileName(),
                language.pick("Cymraeg", "English"), language.pick("cy", "en"),
                language.pick("Summary", "Crynodeb"),
                summary.statements(walesAndRegions, quarters, years,
                        in.targetWorkingDays(), in.coverage(), authorities),
                List.of(sections.takeUp(), sections.funnel(), sections.refusals(), sections.responseTimes(),
                        sections.sources(), sections.coverage()),
                language.pick("About these figures", "Am y ffigurau hyn"),
                Stream.of(language.pick("Every figure here is one of the release's published figures (aggregates.csv, "
                        + "coverage.csv and data-quality.csv, in the same folder), or a " + LEVEL + " interval worked "
                        + "out from two of them. Nothing finer is shown.", "Mae pob ffigur yma yn un o ffigurau "
                        + "cyhoeddedig y rhyddhad (aggregates.csv, coverage.csv a data-quality.csv, yn yr un "
                        + "ffolder), neu gyfwng " + LEVEL + " wedi'i gyfrifo o ddau ohonynt. Ni ddangosir dim "
                        + "manylach."),
                        language.pick("[c] confidential: a count of " + smallCounts + ", and any rate built on one, is not "
                                + "published. [z] not applicable: a rate over nothing. [x] not available: no records "
                                + "were received. A gap in a line is one of these, never a zero.",
                                "[c] cyfrinachol: ni chyhoeddir cyfrif o " + smallCounts + ", nac unrhyw gyfradd sy'n seiliedig "
                                + "arno. [z] amherthnasol: cyfradd dros ddim. [x] ddim ar gael: ni dderbyniwyd "
                                + "cofnodion. Mae bwlch mewn llinell yn un o'r rhain, byth yn sero."),
                        language.pick("So that no child can be identified, even by comparing one release with another, "
                                + "every count is moved a little: each authority's count for one quarter and one "
                                + "route by at most " + mostMoved + ", and a larger figure is "
                                + "the sum of those. Areas, years and routes add up to their parts; categories (such "
                                + "as referral sources) need not add up to their totals.",
                                "Fel na ellir adnabod unrhyw blentyn, hyd yn oed drwy gymharu un rhyddhad ag un "
                                + "arall, caiff pob cyfrif ei symud ychydig: cyfrif pob awdurdod am un chwarter ac un "
                                + "llwybr gan " + mostMoved + " ar y mwyaf, a swm y rheini "
                                + "yw ffigur mwy. Mae ardaloedd, blynyddoedd a llwybrau yn adio i'w rhannau; nid oes "
                                + "rhaid i gategorïau (fel ffynonellau atgyfeirio) adio i'w cyfansymiau."),
                        language.pick("Revisions policy: " + in.publication().revisionsPolicy(), "Polisi diwygio: "
                                + PublicationCalendar.REVISIONS_POLICY_CY),
                        language.pick("The " + LEVEL + " intervals are Wilson score intervals, the method OHID's "
                                + "Fingertips uses for proportions: where two intervals overlap, a difference may be "
                                + "chance.", "Cyfyngau sgôr Wilson yw'r cyfyngau " + LEVEL + ", y dull a ddefnyddir gan "
                                        + "Fingertips OHID ar gyfer cyfrannau: lle mae dau gyfwng yn gorgyffwrdd, "
                                        + "gall gwahaniaeth fod ar hap.")).map(Statement::of).toList());
    }

    /** The report's sections, each a chart or two with their tables. */
    private record Sections(Inputs in, ReleaseFigures figures, TrendSummary summary, Language language,
            List<String> quarters,
            List<String> years, List<Place> walesAndRegions, List<Place> authorities, String period, String source) {

        private String latestYear() {
            return years.isEmpty() ? "" : years.get(years.size() - 1);
        }

        private String previousYear() {
            return years.size() < 2 ? "" : years.get(0);
        }

        /**
         * What a line of figures shows, for a chart's text alternative: its first and last published values, as
         * "from 56% in 2023-24 Q1 to 73% in 2024-25 Q4".
         */
        private String movement(String measure, String statistic, Place place, String category, Shown format) {
            List<String[]> shown = new ArrayList<>();
            for (String quarter : quarters) {
                figures.find(measure, statistic, place.code(), quarter, null, category).filter(f -> f.symbol() == null)
                        .ifPresent(f -> shown.add(new String[] {language.period(quarter), format.of(f)}));
            }
            if (shown.isEmpty()) {
                return language.pick("no figure is published for these quarters",
                        "ni chyhoeddir ffigur ar gyfer y chwarteri hyn");
            }
            String[] first = shown.get(0);
            String[] last = shown.get(shown.size() - 1);
            if (shown.size() == 1) {
                return language.pick(first[1] + " in " + first[0], first[1] + " yn " + first[0]);
            }
            return language.pick("from " + first[1] + " in " + first[0] + " to " + last[1] + " in " + last[0],
                    "o " + first[1] + " yn " + first[0] + " i " + last[1] + " yn " + last[0]);
        }

        /** The category with the largest published share for a place in the latest year, for a text alternative. */
        private String largestIn(String measure, Place place, String stage, List<String> codes) {
            String best = null;
            double most = -1;
            for (String code : codes) {
                Optional<Double> value = published(measure, "share", place, latestYear(), stage, code);
                if (value.isPresent() && value.get() > most && !code.equals("not_recorded")) {
                    most = value.get();
                    best = code;
                }
            }
            return best == null ? language.pick("no share is published for " + latestYear(),
                    "ni chyhoeddir cyfran ar gyfer " + latestYear())
                    : language.pick("the largest share in " + latestYear() + " is " + category(best) + ", "
                            + Shown.PERCENT_1.of(most), "y gyfran fwyaf yn " + latestYear() + " yw " + category(best)
                            + ", " + Shown.PERCENT_1.of(most));
        }

        private List<String> quarterHeads(String first) {
            List<String> head = new ArrayList<>(List.of(first));
            quarters.forEach(q -> head.add(language.period(q)));
            return head;
        }

        Section takeUp() {
            Place wales = walesAndRegions.get(0);
            List<Chart.LinePanel> panels = new ArrayList<>();
            for (Place region : walesAndRegions.subList(1, walesAndRegions.size())) {
                Chart.Series regionLine = series(region, "s1", true);
                Chart.Series walesLine = series(wales, "ref", false);
                panels.add(Chart.line("take-up-" + region.code(), region.name(language),
                        language.pick("Take-up rate in " + region.name(language) + " by quarter, " + period
                                + ", with its 95% interval shaded and Wales dashed for reference. "
                                + region.name(language) + ": " + movement("take_up", "take_up_rate", region, null,
                                        Shown.PERCENT) + "; Wales: " + movement("take_up", "take_up_rate", wales, null,
                                        Shown.PERCENT) + ". The numbers are in the table below.",
                                "Cyfradd manteisio " + region.name(language) + " fesul chwarter, " + period
                                + ", gyda'i chyfwng 95% wedi'i liwio a Chymru wedi'i thorri'n llinell er "
                                + "cymhariaeth. " + region.name(language) + ": " + movement("take_up",
                                        "take_up_rate", region, null, Shown.PERCENT) + "; Cymru: " + movement(
                                        "take_up", "take_up_rate", wales, null, Shown.PERCENT)
                                + ". Mae'r rhifau yn y tabl isod."),
                        quarters, List.of(regionLine, walesLine), 1.0, Shown.PERCENT, null, null, language));
            }
            List<TableRow> rows = new ArrayList<>();
            for (Place place : walesAndRegions) {
                List<Cell> cells = new ArrayList<>();
                for (String quarter : quarters) {
                    Optional<PublishedAggregate> rate = figures.find("take_up", "take_up_rate", place.code(), quarter,
                            null, null);
                    Cell cell = Cell.of(rate, Shown.PERCENT_1);
                    Optional<PublishedAggregate> takenUp = figures.find("take_up", "taken_up", place.code(), quarter,
                            null, null);
                    Optional<PublishedAggregate> held = figures.find("take_up", "meetings_held", place.code(), quarter,
                            null, null);
                    Optional<Wilson.Interval> interval = summary.interval(place, quarter);
                    if (interval.isPresent() && rate.isPresent() && rate.get().symbol() == null) {
                        cell = new Cell(cell.text(), cell.figure(), cell.format(), TrendSummary.key(takenUp.get())
                                + ";" + TrendSummary.key(held.get()), Shown.percent(interval.get().lower(), 1) + " "
                                + language.pick("to", "i") + " " + Shown.percent(interval.get().upper(), 1), null,
                                null);
                    }
                    cells.add(cell);
                }
                rows.add(new TableRow(place.name(language), cells));
            }
            Figure figure = new Figure("fig-take-up", takeUpHeadline(wales).orElse(language.pick(
                    "Take-up rate by region and quarter", "Cyfradd manteisio fesul rhanbarth a chwarter")),
                    language.pick("Take-up rate: advocacy taken up / meetings held, " + period + ", all eligibility "
                            + "routes. Shaded: " + LEVEL + " interval (Wilson score). Dashed orange line: Wales. A gap marked "
                            + "[c] is not published to protect small numbers; [x]: no records received. ",
                            "Cyfradd manteisio: eiriolaeth a dderbyniwyd / cyfarfodydd a gynhaliwyd, " + period
                                    + ", pob llwybr cymhwysedd. Wedi'i liwio: cyfwng " + LEVEL + " (sgôr Wilson). Llinell oren "
                                    + "doredig: Cymru. Ni chyhoeddir bwlch a nodir [c] er mwyn diogelu niferoedd "
                                    + "bach; [x]: ni dderbyniwyd cofnodion. ") + source + ".",
                    panels, List.of(), new Table(language.pick("Take-up rate by quarter, with its " + LEVEL + " interval",
                            "Cyfradd manteisio fesul chwarter, gyda'i chyfwng " + LEVEL),
                            quarterHeads(language.pick("Area", "Ardal")), rows));
            return new Section("take-up", language.pick("Take-up, region by region", "Manteisio, fesul rhanbarth"),
                    language.pick("Of the meetings held, how many led to advocacy being taken up.",
                            "O'r cyfarfodydd a gynhaliwyd, faint a arweiniodd at dderbyn eiriolaeth."),
                    List.of(figure), List.of());
        }

        private Chart.Series series(Place place, String cssClass, boolean withIntervals) {
            List<Chart.Point> points = new ArrayList<>();
            for (String quarter : quarters) {
                points.add(new Chart.Point(quarter, figures.find("take_up", "take_up_rate", place.code(), quarter, null,
                        null), withIntervals ? summary.interval(place, quarter) : Optional.empty()));
            }
            return new Chart.Series(place.name(language), place.level().equals("wales") ? place.name(language)
                    : language.pick("Region", "Rhanbarth"), cssClass, points);
        }

        private List<String[]> twoYears() {
            return List.of(new String[] {previousYear(), "s2"}, new String[] {latestYear(), "s1"});
        }

        Section funnel() {
            List<String> stages = List.of("offers", "meetings_accepted", "meetings_held", "taken_up");
            List<Chart.BarPanel> panels = new ArrayList<>();
            List<TableRow> rows = new ArrayList<>();
            for (Place place : walesAndRegions) {
                List<Chart.Category> categories = new ArrayList<>();
                double top = 0;
                for (String stage : stages) {
                    List<Optional<PublishedAggregate>> values = new ArrayList<>();
                    for (String year : List.of(previousYear(), latestYear())) {
                        Optional<PublishedAggregate> figure = figures.find("take_up", stage, place.code(), year, null,
                                null);
                        values.add(figure);
                        top = Math.max(top, figure.filter(f -> f.symbol() == null)
                                .map(f -> Double.parseDouble(f.display())).orElse(0.0));
                    }
                    String label = language.pick(in.labels().statistic(stage).en(), in.labels().statistic(stage).cy());
                    categories.add(new Chart.Category(label, values));
                    rows.add(new TableRow(place.name(language) + ": " + label, values.stream()
                            .map(v -> Cell.of(v, Shown.COUNT)).toList()));
                }
                List<String> latest = new ArrayList<>();
                for (String stage : stages) {
                    latest.add(language.pick(in.labels().statistic(stage).en(), in.labels().statistic(stage).cy())
                            + " " + figures.find("take_up", stage, place.code(), latestYear(), null, null)
                            .map(Shown.COUNT::of).orElse("[x]"));
                }
                panels.add(Chart.bars("funnel-" + place.code(), place.name(language),
                        language.pick("Offers, meetings accepted, meetings held and advocacy taken up in "
                                + place.name(language) + ", " + previousYear() + " and " + latestYear() + ". In "
                                + latestYear() + ": " + String.join(", ", latest)
                                + ". The numbers are in the table below.", "Cynigion, cyfarfodydd a dderbyniwyd, "
                                + "cyfarfodydd a gynhaliwyd ac eiriolaeth a dderbyniwyd yn " + place.name(language)
                                + ", " + previousYear() + " a " + latestYear() + ". Yn " + latestYear() + ": "
                                + String.join(", ", latest) + ". Mae'r rhifau yn y tabl isod."),
                        categories, twoYears(), top, Shown.COUNT));
            }
            Figure figure = new Figure("fig-funnel", funnelHeadline().orElse(language.pick("From offer to advocacy, "
                    + latestYear() + " against " + previousYear(), "O gynnig i eiriolaeth, " + latestYear()
                    + " o'i gymharu â " + previousYear())),
                    language.pick("Counts by financial year (April to March), all eligibility routes. Each panel has "
                            + "its own scale. Meetings held: the child took up advocacy, declined it or asked for "
                            + "time to think. ", "Cyfrifon fesul blwyddyn ariannol (Ebrill i Fawrth), pob llwybr "
                            + "cymhwysedd. Mae gan bob panel ei raddfa ei hun. Cyfarfodydd a gynhaliwyd: derbyniodd y "
                            + "plentyn eiriolaeth, ei gwrthod neu ofyn am amser i feddwl. ") + source + ".",
                    List.of(), panels, new Table(language.pick("Offers to advocacy taken up, by financial year",
                            "O gynigion i eiriolaeth a dderbyniwyd, fesul blwyddyn ariannol"),
                            List.of(language.pick("Area and stage", "Ardal a cham"), previousYear(), latestYear()),
                            rows));
            return new Section("funnel", language.pick("From offer to advocacy", "O gynnig i eiriolaeth"),
                    language.pick("How many offers led to a meeting, and how many meetings to advocacy.",
                            "Faint o gynigion a arweiniodd at gyfarfod, a faint o gyfarfodydd at eiriolaeth."),
                    List.of(figure), List.of());
        }

        /** The categories published for a measure in Wales in either of the two years, in the order first met. */
        private List<String> categories(String measure, String stage) {
            Set<String> categories = new LinkedHashSet<>();
            for (PublishedAggregate p : in.published()) {
                var row = p.row();
                if (row.measure().equals(measure) && row.statistic().equals("share")
                        && Objects.equals(row.stage(), stage) && row.cell().route().equals("all")
                        && years.contains(row.cell().period())) {
                    categories.add(row.category());
                }
            }
            List<String> ordered = new ArrayList<>(categories);
            if (ordered.remove("not_recorded")) {
                ordered.add("not_recorded");
            }
            return ordered;
        }

        private String category(String code) {
            return language.pick(in.labels().category(code).en(), in.labels().category(code).cy());
        }

        /** A published figure, written in the format and marked with its key, for running text. */
        private String marked(String measure, String statistic, Place place, String period, String stage,
                String category, Shown format) {
            PublishedAggregate figure = figures.find(measure, statistic, place.code(), period, stage, category)
                    .orElseThrow();
            return Statement.figure(format.of(figure), TrendSummary.key(figure), format);
        }

        /** A figure's value where it is published (not hidden, not missing). */
        private Optional<Double> published(String measure, String statistic, Place place, String period,
                String stage, String category) {
            return figures.find(measure, statistic, place.code(), period, stage, category)
                    .filter(f -> f.symbol() == null).map(f -> Double.parseDouble(f.display()));
        }

        /**
         * The headline of the take-up chart, from the figures: Wales's rate in the latest quarter, and which way it
         * moved from the same quarter a year before.
         */
        private Optional<String> takeUpHeadline(Place wales) {
            if (quarters.isEmpty()) {
                return Optional.empty();
            }
            String latest = quarters.get(quarters.size() - 1);
            Optional<Double> now = published("take_up", "take_up_rate", wales, latest, null, null);
            if (now.isEmpty()) {
                return Optional.empty();
            }
            String shown = Shown.PERCENT.of(now.get());
            String marked = marked("take_up", "take_up_rate", wales, latest, null, null, Shown.PERCENT);
            String head = language.pick("Take-up in Wales was " + marked + " in " + language.period(latest),
                    "Cyfradd manteisio Cymru oedd " + marked + " yn " + language.period(latest));
            Optional<Double> before = quarters.size() < 5 ? Optional.empty()
                    : published("take_up", "take_up_rate", wales, quarters.get(quarters.size() - 5), null, null);
            if (before.isEmpty()) {
                return Optional.of(head);
            }
            String then = marked("take_up", "take_up_rate", wales, quarters.get(quarters.size() - 5), null, null,
                    Shown.PERCENT);
            String moved = Shown.PERCENT.of(before.get()).equals(shown) ? language.pick(", the same as a year before",
                    ", yr un fath â flwyddyn ynghynt") : now.get() > before.get()
                    ? language.pick(", up from " + then + " a year before", ", i fyny o " + then + " flwyddyn ynghynt")
                    : language.pick(", down from " + then + " a year before", ", i lawr o " + then
                            + " flwyddyn ynghynt");
            return Optional.of(head + moved);
        }

        /** The headline of the funnel: in Wales in the latest year, how many of the offers led to advocacy. */
        private Optional<String> funnelHeadline() {
            Place wales = walesAndRegions.get(0);
            Optional<Double> offers = published("take_up", "offers", wales, latestYear(), null, null);
            Optional<Double> takenUp = published("take_up", "taken_up", wales, latestYear(), null, null);
            if (offers.isEmpty() || takenUp.isEmpty()) {
                return Optional.empty();
            }
            String of = marked("take_up", "taken_up", wales, latestYear(), null, null, Shown.COUNT);
            String all = marked("take_up", "offers", wales, latestYear(), null, null, Shown.COUNT);
            return Optional.of(language.pick("In Wales in " + latestYear() + ", " + of + " of the " + all
                    + " offers led to advocacy taken up", "Yng Nghymru yn " + latestYear() + ", arweiniodd " + of
                    + " o'r " + all + " cynnig at eiriolaeth"));
        }

        /** The category with the largest published share for Wales in the latest year: its name and its share. */
        private Optional<String[]> largestShare(String measure, String stage, List<String> codes) {
            String best = null;
            double most = -1;
            for (String code : codes) {
                Optional<Double> value = published(measure, "share", walesAndRegions.get(0), latestYear(), stage,
                        code);
                if (value.isPresent() && value.get() > most && !code.equals("not_recorded")) {
                    most = value.get();
                    best = code;
                }
            }
            return best == null ? Optional.empty() : Optional.of(new String[] {category(best),
                    marked(measure, "share", walesAndRegions.get(0), latestYear(), stage, best, Shown.PERCENT_1)});
        }

        Section refusals() {
            List<Figure> stageFigures = new ArrayList<>();
            for (String stage : List.of("offer", "meeting")) {
                List<String> reasons = categories("refusal_reasons", stage);
                List<Chart.BarPanel> panels = new ArrayList<>();
                List<TableRow> rows = new ArrayList<>();
                double top = 0;
                for (Place place : walesAndRegions) {
                    for (String reason : reasons) {
                        for (String year : years) {
                            top = Math.max(top, figures.find("refusal_reasons", "share", place.code(), year, stage,
                                    reason).filter(f -> f.symbol() == null).map(f -> Double.parseDouble(f.display()))
                                    .orElse(0.0));
                        }
                    }
                }
                top = Math.ceil(top * 10) / 10;
                for (Place place : walesAndRegions) {
                    List<Chart.Category> categories = new ArrayList<>();
                    for (String reason : reasons) {
                        List<Optional<PublishedAggregate>> values = new ArrayList<>();
                        for (String year : List.of(previousYear(), latestYear())) {
                            values.add(share("refusal_reasons", place, year, stage, reason));
                        }
                        categories.add(new Chart.Category(category(reason), values));
                        rows.add(new TableRow(place.name(language) + ": " + category(reason), values.stream()
                                .map(v -> Cell.of(v, Shown.PERCENT_1)).toList()));
                    }
                    panels.add(Chart.bars("refusals-" + stage + "-" + place.code(), place.name(language),
                            language.pick("Shares of refusals " + (stage.equals("offer") ? "at the offer" : "at the "
                                    + "meeting") + " by reason in " + place.name(language) + ", " + previousYear()
                                    + " and " + latestYear() + ": " + largestIn("refusal_reasons", place, stage, reasons)
                                    + ". The numbers are in the table below.",
                                    "Cyfrannau'r gwrthodiadau " + (stage.equals("offer") ? "wrth gynnig" : "yn y "
                                            + "cyfarfod") + " fesul rheswm yn " + place.name(language) + ", "
                                            + previousYear() + " a " + latestYear() + ": " + largestIn(
                                            "refusal_reasons", place, stage, reasons)
                                            + ". Mae'r rhifau yn y tabl isod."),
                            categories, twoYears(), top, Shown.PERCENT_1));
                }
                String stageName = language.pick(in.labels().stage(stage).en(), in.labels().stage(stage).cy());
                Optional<String[]> largest = largestShare("refusal_reasons", stage, reasons);
                stageFigures.add(new Figure("fig-refusals-" + stage, largest.map(l -> stageName + ": " + language.pick(
                        l[0] + " was the most common reason in Wales in " + latestYear() + " (" + l[1] + ")",
                        l[0] + " oedd y rheswm mwyaf cyffredin yng Nghymru yn " + latestYear() + " (" + l[1] + ")"))
                        .orElse(stageName),
                        language.pick("Share of all refusals at this stage, by financial year, all eligibility routes. "
                                + "Reasons too rare to show by region are combined with others, as the table names "
                                + "them. ", "Cyfran yr holl wrthodiadau yn y cam hwn, fesul blwyddyn ariannol, pob "
                                        + "llwybr cymhwysedd. Mae rhesymau sy'n rhy brin i'w dangos fesul rhanbarth "
                                        + "wedi'u cyfuno ag eraill, fel y mae'r tabl yn eu henwi. ") + source + ".",
                        List.of(), panels, new Table(stageName + language.pick(": share by reason",
                                ": cyfran fesul rheswm"), List.of(language.pick("Area and reason", "Ardal a rheswm"),
                                previousYear(), latestYear()), rows)));
            }
            return new Section("refusals", language.pick("Reasons for not accepting", "Rhesymau dros beidio â derbyn"),
                    language.pick("Why children declined, at the offer of a meeting and at the meeting itself.",
                            "Pam y gwrthododd plant, wrth gynnig cyfarfod ac yn y cyfarfod ei hun."),
                    stageFigures, List.of());
        }

        private Optional<PublishedAggregate> share(String measure, Place place, String year, String stage,
                String category) {
            return figures.find(measure, "share", place.code(), year, stage, category);
        }

        Section responseTimes() {
            String interval = "referral_to_meeting";
            double top = in.targetWorkingDays();
            for (Place place : walesAndRegions) {
                for (String quarter : quarters) {
                    top = Math.max(top, figures.find("response_time", "p90_working_days", place.code(), quarter, null,
                            interval).filter(f -> f.symbol() == null).map(f -> Double.parseDouble(f.display()))
                            .orElse(0.0));
                }
            }
            top = Math.ceil(top / 5) * 5;
            List<Chart.LinePanel> dayPanels = new ArrayList<>();
            List<Chart.LinePanel> sharePanels = new ArrayList<>();
            List<TableRow> dayRows = new ArrayList<>();
            List<TableRow> shareRows = new ArrayList<>();
            String target = language.pick("Target: " + in.targetWorkingDays() + " days",
                    "Targed: " + in.targetWorkingDays() + " diwrnod");
            for (Place place : walesAndRegions) {
                Chart.Series median = timeSeries(place, "median_working_days", language.pick("Median", "Canolrif"),
                        language.pick("Median", "Canolrif"), "s1");
                Chart.Series p90 = timeSeries(place, "p90_working_days", language.pick("90th percentile",
                        "90fed canradd"), language.pick("90th centile", "90fed canradd"), "s2");
                dayPanels.add(Chart.line("response-days-" + place.code(), place.name(language),
                        language.pick("Median and 90th percentile working days from referral to meeting in "
                                + place.name(language) + " by quarter, " + period + ", with the target of "
                                + in.targetWorkingDays() + " working days drawn. Median: " + movement("response_time",
                                        "median_working_days", place, interval, Shown.DAYS) + "; 90th percentile: "
                                + movement("response_time", "p90_working_days", place, interval, Shown.DAYS)
                                + ". The numbers are in the table below.",
                                "Canolrif a 90fed canradd y diwrnodau gwaith o atgyfeirio i gyfarfod yn "
                                        + place.name(language) + " fesul chwarter, " + period + ", gyda'r targed o "
                                        + in.targetWorkingDays() + " diwrnod gwaith. Canolrif: " + movement(
                                        "response_time", "median_working_days", place, interval, Shown.DAYS)
                                        + "; 90fed canradd: " + movement("response_time", "p90_working_days", place,
                                        interval, Shown.DAYS) + ". Mae'r rhifau yn y tabl isod."),
                        quarters, List.of(median, p90), top, Shown.DAYS, (double) in.targetWorkingDays(), target,
                        language));
                Chart.Series within = timeSeries(place, "share_within_target", place.name(language),
                        place.name(language), "s1");
                sharePanels.add(Chart.line("response-share-" + place.code(), place.name(language),
                        language.pick("Share of meetings held within " + in.targetWorkingDays() + " working days of "
                                + "the referral in " + place.name(language) + " by quarter, " + period + ": "
                                + movement("response_time", "share_within_target", place, interval, Shown.PERCENT)
                                + ". The numbers are in the table below.", "Cyfran y cyfarfodydd a gynhaliwyd o fewn "
                                + in.targetWorkingDays() + " diwrnod gwaith i'r atgyfeiriad yn " + place.name(language)
                                + " fesul chwarter, " + period + ": " + movement("response_time",
                                "share_within_target", place, interval, Shown.PERCENT)
                                + ". Mae'r rhifau yn y tabl isod."),
                        quarters, List.of(within), 1.0, Shown.PERCENT, null, null, language));
                for (Chart.Series s : List.of(median, p90)) {
                    dayRows.add(new TableRow(place.name(language) + ": " + s.label(), s.points().stream()
                            .map(p -> Cell.of(p.figure(), Shown.DAYS)).toList()));
                }
                shareRows.add(new TableRow(place.name(language), within.points().stream()
                        .map(p -> Cell.of(p.figure(), Shown.PERCENT_1)).toList()));
            }
            String definition = language.pick("Working days (England and Wales) after the referral up to and including "
                    + "the meeting, for meetings held, " + period + ", all eligibility routes. ",
                    "Diwrnodau gwaith (Cymru a Lloegr) ar ôl yr atgyfeiriad hyd at y cyfarfod, gan ei gynnwys, ar gyfer "
                            + "cyfarfodydd a gynhaliwyd, " + period + ", pob llwybr cymhwysedd. ");
            String latest = quarters.isEmpty() ? "" : quarters.get(quarters.size() - 1);
            Optional<String> median = published("response_time", "median_working_days", walesAndRegions.get(0),
                    latest, null, interval).map(m -> marked("response_time", "median_working_days",
                    walesAndRegions.get(0), latest, null, interval, Shown.DAYS));
            Optional<String> within = published("response_time", "share_within_target", walesAndRegions.get(0),
                    latest, null, interval).map(w -> marked("response_time", "share_within_target",
                    walesAndRegions.get(0), latest, null, interval, Shown.PERCENT));
            String targetDays = TrendSummary.target(in.targetWorkingDays());
            Figure days = new Figure("fig-response-days", median.map(m -> language.pick("Wales, "
                    + language.period(latest) + ": a median of " + m + " working days from referral to meeting",
                    "Cymru, " + language.period(latest) + ": canolrif o " + m + " diwrnod gwaith o atgyfeirio i "
                            + "gyfarfod")).orElse(language.pick("Working days from referral to meeting",
                    "Diwrnodau gwaith o atgyfeirio i gyfarfod")), definition + language.pick("Dashed line: the target. ",
                    "Llinell doredig: y targed. ") + source + ".", dayPanels, List.of(),
                    new Table(language.pick("Median and " + Statement.constant(PERCENTILE, "90th")
                            + " percentile working days by quarter", "Canolrif a " + Statement.constant(PERCENTILE,
                            "90fed") + " canradd y diwrnodau gwaith fesul chwarter"),
                            quarterHeads(language.pick("Area and statistic", "Ardal ac ystadegyn")), dayRows));
            Figure share = new Figure("fig-response-share", within.map(w -> language.pick("Wales, "
                    + language.period(latest) + ": " + w + " of meetings were held within the target of "
                    + targetDays + " working days", "Cymru, " + language.period(latest) + ": cynhaliwyd "
                    + w + " o'r cyfarfodydd o fewn y targed o " + targetDays + " diwrnod gwaith"))
                    .orElse(language.pick("Meetings held within the target", "Cyfarfodydd a gynhaliwyd o fewn y targed")), definition + source + ".", sharePanels, List.of(),
                    new Table(language.pick("Share of meetings held within the target, by quarter",
                            "Cyfran y cyfarfodydd a gynhaliwyd o fewn y targed, fesul chwarter"),
                            quarterHeads(language.pick("Area", "Ardal")), shareRows));
            return new Section("response-times", language.pick("Response times", "Amserau ymateb"),
                    language.pick("How quickly a meeting follows the referral, against the target of "
                            + targetDays + " working days.", "Pa mor gyflym y mae cyfarfod yn dilyn yr "
                            + "atgyfeiriad, o'i gymharu â'r targed o " + targetDays + " diwrnod gwaith."),
                    List.of(days, share), List.of());
        }

        private Chart.Series timeSeries(Place place, String statistic, String label, String shortLabel,
                String cssClass) {
            List<Chart.Point> points = new ArrayList<>();
            for (String quarter : quarters) {
                points.add(new Chart.Point(quarter, figures.find("response_time", statistic, place.code(), quarter,
                        null, "referral_to_meeting"), Optional.empty()));
            }
            return new Chart.Series(label, shortLabel, cssClass, points);
        }

        Section sources() {
            List<String> sources = categories("referral_sources", null);
            double top = 0;
            for (Place place : walesAndRegions) {
                for (String source : sources) {
                    top = Math.max(top, figures.find("referral_sources", "share", place.code(), latestYear(), null,
                            source).filter(f -> f.symbol() == null).map(f -> Double.parseDouble(f.display()))
                            .orElse(0.0));
                }
            }
            top = Math.ceil(top * 10) / 10;
            List<Chart.BarPanel> panels = new ArrayList<>();
            List<TableRow> rows = new ArrayList<>();
            for (Place place : walesAndRegions) {
                List<Chart.Category> categories = new ArrayList<>();
                List<Cell> cells = new ArrayList<>();
                for (String code : sources) {
                    Optional<PublishedAggregate> figure = share("referral_sources", place, latestYear(), null, code);
                    categories.add(new Chart.Category(category(code), List.of(figure)));
                    cells.add(Cell.of(figure, Shown.PERCENT_1));
                }
                rows.add(new TableRow(place.name(language), cells));
                panels.add(Chart.bars("sources-" + place.code(), place.name(language),
                        language.pick("Shares of offers by referral source in " + place.name(language) + ", "
                                + latestYear() + ": " + largestIn("referral_sources", place, null, sources)
                                + ". The numbers are in the table below.", "Cyfrannau'r cynigion fesul "
                                + "ffynhonnell atgyfeirio yn " + place.name(language) + ", " + latestYear() + ": "
                                + largestIn("referral_sources", place, null, sources)
                                + ". Mae'r rhifau yn y tabl isod."),
                        categories, List.<String[]>of(new String[] {latestYear(), "s1"}), top, Shown.PERCENT_1));
            }
            List<String> head = new ArrayList<>(List.of(language.pick("Area", "Ardal")));
            sources.forEach(code -> head.add(category(code)));
            Optional<String[]> largest = largestShare("referral_sources", null, sources);
            Figure figure = new Figure("fig-sources", largest.map(l -> language.pick(l[0] + " referred the most "
                    + "children in Wales in " + latestYear() + " (" + l[1] + ")", l[0] + " a atgyfeiriodd y nifer "
                    + "fwyaf o blant yng Nghymru yn " + latestYear() + " (" + l[1] + ")")).orElse(language.pick(
                    "Who referred, " + latestYear(), "Pwy a atgyfeiriodd, " + latestYear())),
                    language.pick("Share of offers by who referred the child to the advocacy provider, financial year "
                            + latestYear() + ", all eligibility routes. ", "Cyfran y cynigion fesul pwy a atgyfeiriodd "
                            + "y plentyn at y darparwr eiriolaeth, blwyddyn ariannol " + latestYear()
                            + ", pob llwybr cymhwysedd. ") + source + ".",
                    List.of(), panels, new Table(language.pick("Share of offers by referral source, ",
                            "Cyfran y cynigion fesul ffynhonnell atgyfeirio, ") + latestYear(), head, rows));
            return new Section("sources", language.pick("Referral sources", "Ffynonellau atgyfeirio"),
                    language.pick("Who refers children to advocacy, region by region.",
                            "Pwy sy'n atgyfeirio plant at eiriolaeth, fesul rhanbarth."),
                    List.of(figure), List.of());
        }

        Section coverage() {
            List<TableRow> grid = new ArrayList<>();
            for (Place authority : authorities) {
                in.coverage().authorities().stream().filter(l -> l.authority().onsCode().equals(authority.code()))
                        .findFirst().ifPresent(line -> grid.add(new TableRow(authority.name(language), quarters.stream()
                                .map(q -> line.received(q)
                                        ? Cell.plain(language.pick("Received", "Wedi dod i law"), "received",
                                                "coverage|" + authority.code() + "|" + q)
                                        : Cell.plain(language.pick("Missing", "Ar goll"), "missing",
                                                "coverage|" + authority.code() + "|" + q))
                                .toList())));
            }
            List<String> qualityHead = new ArrayList<>(List.of(language.pick("Authority", "Awdurdod")));
            DataQuality.KEY_FIELDS.forEach(field -> qualityHead.add(language.pick(field.labelEn(), field.labelCy())));
            List<TableRow> quality = new ArrayList<>();
            for (Place authority : authorities) {
                in.quality().authorities().stream().filter(l -> l.authority().onsCode().equals(authority.code()))
                        .findFirst().ifPresent(line -> {
                            List<Cell> cells = new ArrayList<>();
                            line.completeness().forEach((field, completeness) -> {
                                String shown = completeness.display(in.qualityThreshold());
                                cells.add(Cell.plain(shown.startsWith("[") ? shown : shown + "%",
                                        shown.startsWith("[") ? "symbol" : null,
                                        "quality|" + authority.code() + "|percent_complete_" + field));
                            });
                            quality.add(new TableRow(authority.name(language), cells));
                        });
            }
            return new Section("coverage", language.pick("Coverage and data quality", "Cwmpas ac ansawdd data"),
                    language.pick("Which authorities sent records for each quarter (" + period + "; Missing: no "
                            + "record of an offer in that quarter was received, which is not the same as none being "
                            + "made), and how complete their key fields are. ", "Pa awdurdodau a anfonodd gofnodion "
                            + "ar gyfer pob chwarter (" + period + "; Ar goll: ni dderbyniwyd cofnod o gynnig yn y "
                            + "chwarter hwnnw, nad yw'r un peth â dim cynigion), a pha mor gyflawn yw eu meysydd "
                            + "allweddol. ") + source + ".",
                    List.of(), List.of(new Table(language.pick("Records received, by authority and quarter",
                            "Cofnodion a ddaeth i law, fesul awdurdod a chwarter"),
                            quarterHeads(language.pick("Authority", "Awdurdod")), grid),
                            new Table(language.pick("Completeness of key fields, by authority (percentage of the "
                                    + "records that should have the field)", "Cyflawnrwydd meysydd allweddol, fesul "
                                    + "awdurdod (canran y cofnodion a ddylai fod â'r maes)"), qualityHead, quality)));
        }
    }
}
