package wales.activeoffer.inbox;

import wales.activeoffer.wording.Wording;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.stream.Collectors;
import wales.activeoffer.mapping.SourceMapping;
import wales.activeoffer.read.DetectedLayout;
import wales.activeoffer.read.FileSafety;
import wales.activeoffer.read.LayoutDetector;
import wales.activeoffer.read.UnreadableFileException;
import wales.activeoffer.reference.Authority;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.reference.Provider;
import wales.activeoffer.reference.Region;

/**
 * Everything decided about a file before its rows are taken in: which layout it is and what its name or folder says
 * (authority, period), from the top of the file alone; and the checks its rows must pass as they are read
 * ({@link RowChecks}). A file that fails any of these is refused whole, with a reason a regional lead can act on.
 */
public final class FilePreparation {
    private final LayoutDetector detector;
    private final ReferenceData reference;
    private final long maxRowsPerFile;

    public FilePreparation(LayoutDetector detector, ReferenceData reference,
            long maxRowsPerFile) {
        this.maxRowsPerFile = maxRowsPerFile;
        this.detector = detector;
        this.reference = reference;
    }

    /** The language of a layout's files ({@code en} when there is none, or it is no longer in the catalogue). */
    public String languageOf(String mappingId) {
        return mappingId == null ? "en" : detector.languageOf(mappingId);
    }

    /** Recognises and checks a file; a file with no region (a dry run without one) skips the region check. */
    public PreparedFile prepare(InboxFile file) {
        if (Files.isSymbolicLink(file.path())) {
            throw new UnreadableFileException("AO-F08", "copy the file itself, not a link or shortcut to it, into the "
                    + "inbox folder and it will be read at the next run");
        }
        Optional<String> misplaced = file.misplaced(reference.regions().stream().map(Region::code).toList(),
                reference.providers().stream().map(Provider::code).toList());
        if (misplaced.isPresent()) {
            throw new UnreadableFileException("AO-F09", misplaced.get());
        }
        if (!Files.isReadable(file.readable())) {
            throw new UnreadableFileException("AO-F03", "the pipeline is not allowed to read this file: its "
                    + "permissions let only its owner open it. Copy it into the inbox folder again (a copy takes the "
                    + "folder's usual permissions) and it will be read at the next run");
        }
        if (isEmpty(file)) {
            throw new UnreadableFileException("AO-F03", "the file is empty (0 bytes); it may not have finished copying");
        }
        FileSafety.check(file.readable());
        DetectedLayout layout = detector.detect(file.readable());
        SourceMapping mapping = layout.mapping();
        Map<String, String> fileValues = new HashMap<>();
        String period = null;
        String authorityInPattern = null;
        if (mapping.fileNamePattern() != null) {
            Matcher name = Pattern.compile(mapping.fileNamePattern()).matcher(file.fileName());
            if (name.find()) {
                period = group(name, "period");
                authorityInPattern = group(name, "authority");
            }
        }
        if (mapping.fieldsFromFile().contains("authority")) {
            fileValues.put("authority", authorityOf(file, layout, authorityInPattern));
        }
        return new PreparedFile(layout, Map.copyOf(fileValues), period);
    }

    /**
     * The ONS code of the one authority a file whose rows do not say it is for: fixed by its mapping, or named by its
     * folder or file name (the mapping says which to try first; the other is tried next). A file that names no
     * authority, or names one ambiguously ({@code CCBC}), is refused saying so, and how to send it.
     */
    private String authorityOf(InboxFile file, DetectedLayout layout, String authorityInPattern) {
        SourceMapping mapping = layout.mapping();
        if (mapping.fixedAuthority() != null) {
            return reference.authority(mapping.fixedAuthority()).map(Authority::onsCode).orElseThrow(() ->
                    new UnreadableFileException("AO-F07", "its layout's mapping fixes the authority as '"
                            + mapping.fixedAuthority() + "', which is not an authority in the reference data")
                            .recognisedAs(layout));
        }
        List<String> refusals = new ArrayList<>();
        List<Function<InboxFile, List<Authority>>> places = "folder".equals(mapping.authorityFrom())
                ? List.of(this::namedByFolder, f -> namedByFileName(f, authorityInPattern))
                : List.of(f -> namedByFileName(f, authorityInPattern), this::namedByFolder);
        for (Function<InboxFile, List<Authority>> place : places) {
            List<Authority> named = place.apply(file);
            if (named.size() == 1) {
                return named.get(0).onsCode();
            }
            if (named.size() > 1) {
                refusals.add(named.stream().map(Authority::nameEn).collect(Collectors.joining(" or ")));
            }
        }
        String why = refusals.isEmpty() ? "neither the folder it was sent in nor its file name names an authority"
                : "its " + (file.subFolder() == null ? "file name" : "folder or file name") + " could be "
                        + refusals.get(0) + ", so the authority cannot be told; use the authority's name or ONS code "
                        + "instead";
        throw new UnreadableFileException("AO-F07", mapping.name() + " files have no authority column, and " + why
                + ". Send it in inbox/" + (file.regionCode() == null ? "<region>" : file.regionCode())
                + "/<authority>/, or put the authority in the file name (for example BCBC_" + file.fileName() + ")")
                .recognisedAs(layout);
    }

    private List<Authority> namedByFolder(InboxFile file) {
        return file.subFolder() == null ? List.of() : reference.authorities(file.subFolder());
    }

    private List<Authority> namedByFileName(InboxFile file, String authorityInPattern) {
        return authorityInPattern != null ? reference.authorities(authorityInPattern)
                : reference.authoritiesInFileName(file.fileName());
    }

    private static boolean isEmpty(InboxFile file) {
        try {
            return Files.size(file.readable()) == 0;
        } catch (IOException e) {
            throw UnreadableFileException.cannotOpen(e);
        }
    }

    private static String group(Matcher matcher, String name) {
        try {
            return matcher.group(name);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }

    /**
     * The checks of the file's rows, made as they are read and stored ({@link RowChecks}).
     *
     * @param rowsBefore rows already read and stored by an earlier attempt
     * @param language   the layout's language, for the words of a refusal
     */
    public RowChecks rowChecks(InboxFile file, long rowsBefore, String language) {
        Region folderRegion = file.regionCode() == null || InboxFile.PROVIDERS.equals(file.regionCode()) ? null
                // a provider's rows are placed by their authority and offer date; a row for an authority the
                // provider does not serve is rejected on its own (AO-018)
                : reference.region(file.regionCode()).orElseThrow();
        return new RowChecks(reference, folderRegion, maxRowsPerFile, rowsBefore, Wording.in(language));
    }
}
