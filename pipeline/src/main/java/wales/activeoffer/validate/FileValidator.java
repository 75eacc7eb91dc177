package wales.activeoffer.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import wales.activeoffer.inbox.FileArchive;
import wales.activeoffer.inbox.FilePreparation;
import wales.activeoffer.inbox.InboxFile;
import wales.activeoffer.inbox.PreparedFile;
import wales.activeoffer.inbox.RowChecks;
import wales.activeoffer.mapping.HeaderMatcher;
import wales.activeoffer.normalise.ChildKeyHasher;
import wales.activeoffer.normalise.NormalisedRow;
import wales.activeoffer.normalise.OfferRowNormaliser;
import wales.activeoffer.normalise.RowIssue;
import wales.activeoffer.normalise.SourceRow;
import wales.activeoffer.read.SourceRecords;
import wales.activeoffer.read.TabularSources;
import wales.activeoffer.read.UnreadableFileException;
import wales.activeoffer.read.XlsxTabularSource;
import wales.activeoffer.receipt.Receipt;
import wales.activeoffer.receipt.ReceiptStatus;
import wales.activeoffer.receipt.ReceiptWriter;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.template.RecordingTemplate;

/**
 * A dry run of one file, for a regional lead to check before dropping it: the same recognition, region check, reading
 * and rules as the nightly job, giving the same receipt, but nothing is stored and no file moves. Child keys are made
 * with a throwaway key, since none is kept.
 */
public final class FileValidator {
    /** Issues listed in a dry-run receipt; past this only the counts are given. */
    public static final int MAX_ISSUES_LISTED = 100_000;
    private final FilePreparation preparation;
    private final HeaderMatcher matcher;
    private final RecordingTemplate template;
    private final ReferenceData reference;

    private final ReceiptWriter receipts;

    public FileValidator(FilePreparation preparation, HeaderMatcher matcher, RecordingTemplate template,
            ReferenceData reference, ReceiptWriter receipts) {
        this.receipts = receipts;
        this.preparation = preparation;
        this.matcher = matcher;
        this.template = template;
        this.reference = reference;
    }

    /**
     * @param regionCode the region whose inbox the file is meant for; {@code null} to skip the region check
     */
    public Receipt validate(Path file, String regionCode, LocalDate today) {
        try {
            return validated(file, regionCode, today);
        } finally {
            XlsxTabularSource.closeParked();
        }
    }

    private Receipt validated(Path file, String regionCode, LocalDate today) {
        String region = regionCode == null ? null : reference.region(regionCode).orElseThrow(
                () -> new IllegalArgumentException("unknown region '" + regionCode + "'; the regions are "
                        + reference.regions().stream().map(r -> r.code()).toList())).nameEn();
        String sha256 = FileArchive.sha256(file);
        LocalDateTime now = LocalDateTime.now();
        try {
            TabularSources.formatOf(file);
            InboxFile inboxFile = new InboxFile(regionCode, file, subFolder(file, regionCode));
            PreparedFile prepared = preparation.prepare(inboxFile);
            RowChecks checks = preparation.rowChecks(inboxFile, 0, prepared.layout().mapping().language());
            OfferRowNormaliser normaliser = new OfferRowNormaliser(template, reference, prepared.layout().mapping(),
                    new ChildKeyHasher(throwawayKey()), today);
            List<RowIssue> issues = new ArrayList<>();
            int accepted = 0;
            int flagged = 0;
            int rejected = 0;
            List<String> notes;
            try (SourceRecords records = SourceRecords.open(file, prepared.layout().mapping(), matcher,
                    prepared.fileValues(), 0)) {
                for (SourceRow row = records.next(); row != null; row = records.next()) {
                    try {
                        checks.check(row, records);
                    } catch (UnreadableFileException refused) {
                        throw refused.recognisedAs(prepared.layout());
                    }
                    NormalisedRow result = normaliser.process(row);
                    if (result.rejected()) {
                        rejected++;
                    } else {
                        accepted++;
                        flagged += result.record().flagged() ? 1 : 0;
                    }
                    for (RowIssue issue : result.issues()) {
                        if (issues.size() < MAX_ISSUES_LISTED) {
                            issues.add(issue);
                        }
                    }
                }
                notes = new ArrayList<>(records.notes());
            }
            if (issues.size() >= MAX_ISSUES_LISTED) {
                notes.add("Only the first " + MAX_ISSUES_LISTED + " problems are listed.");
            }
            return new Receipt(file.getFileName().toString(), regionLabel(region), now, "dry run: nothing stored",
                    sha256, prepared.layout().mapping().id(), prepared.layout().sourceDescription(),
                    ReceiptStatus.ofRows(accepted, rejected, flagged), accepted + rejected, accepted, flagged, rejected,
                    null, notes, List.of(), List.of(), issues::forEach);
        } catch (UnreadableFileException e) {
            String mappingId = e.layout().map(l -> l.mapping().id()).orElse(null);
            String verdict = receipts.refusal(mappingId, e.ruleId(), e.getMessage(), true);
            return new Receipt(file.getFileName().toString(), regionLabel(region), now, "dry run: nothing stored",
                    sha256, mappingId, e.layout().map(l -> l.sourceDescription()).orElse(null), ReceiptStatus.REJECTED, 0, 0, 0, 0, verdict, List.of(), List.of(), List.of(), sink -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The authority folder a file sits in, when it sits in one inside a region's inbox folder: the region given, or,
     * without {@code --region}, any region's folder (so that a layout that takes its authority from the folder is read
     * as the nightly run would read it).
     */
    private String subFolder(Path file, String regionCode) {
        Path parent = file.toAbsolutePath().getParent();
        Path grandParent = parent == null ? null : parent.getParent();
        if (grandParent == null || grandParent.getFileName() == null) {
            return null;
        }
        String folder = grandParent.getFileName().toString();
        boolean inRegionFolder = regionCode != null ? folder.equals(regionCode) : reference.region(folder).isPresent();
        return inRegionFolder ? parent.getFileName().toString() : null;
    }

    private static String regionLabel(String region) {
        return region == null ? "(not checked: give --region to check the file belongs to your region)" : region;
    }

    private static byte[] throwawayKey() {
        byte[] key = new byte[ChildKeyHasher.MINIMUM_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
