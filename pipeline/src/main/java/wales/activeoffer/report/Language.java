package wales.activeoffer.report;

/** The report's two languages, each with its file name. */
public enum Language {
    ENGLISH("en", "forum-report.html"), WELSH("cy", "adroddiad-fforwm.html");

    private final String code;
    private final String fileName;

    Language(String code, String fileName) {
        this.code = code;
        this.fileName = fileName;
    }

    public String code() {
        return code;
    }

    public String fileName() {
        return fileName;
    }

    /** The one of the two texts that is in this language. */
    public String pick(String en, String cy) {
        return this == ENGLISH ? en : cy;
    }

    /** A period as written in this language: "2024-25 Q3", or "2024-25 Ch3" in Welsh. */
    public String period(String period) {
        return this == ENGLISH ? period : period.replace(" Q", " Ch");
    }

}
