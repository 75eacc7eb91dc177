package wales.activeoffer.inbox;

import wales.activeoffer.wording.Wording;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import wales.activeoffer.normalise.SourceRow;
import wales.activeoffer.read.SourceRecords;
import wales.activeoffer.read.UnreadableFileException;
import wales.activeoffer.reference.Authority;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.reference.Region;

/**
 * The checks on a whole file that are made as its rows go by, in the one pass that stores them: no more rows than one
 * file may have (AO-F06), and no authority that has never belonged to the region whose folder it was dropped in
 * (AO-F05; no region can write another region's data). A file that fails either is refused whole: what was stored of
 * it is discarded with its refusal. Spellings that match no authority are left to the row rule AO-002.
 */
public final class RowChecks {
    private static final int MAX_DISTINCT_AUTHORITY_SPELLINGS = 200;
    private final ReferenceData reference;
    private final Region folderRegion;
    private final long maxRows;
    private final Set<String> belong = new HashSet<>();
    private long rows;
    private final Wording words;

    /**
     * @param folderRegion the region whose folder the file is in, or {@code null} when no region check applies (a
     *                     provider's return, a dry run without a region)
     * @param rowsBefore   rows an earlier attempt already checked and stored (a restart)
     * @param words        the layout's language, in which a refusal's detail is written
     */
    RowChecks(ReferenceData reference, Region folderRegion, long maxRows, long rowsBefore, Wording words) {
        this.reference = reference;
        this.words = words;
        this.folderRegion = folderRegion;
        this.maxRows = maxRows;
        this.rows = rowsBefore;
    }

    /**
     * Checks one row. On the first row for an authority outside the folder's region, the rest of the file is read
     * (nothing more is stored) to name every such authority in the refusal.
     *
     * @param rest the rows after this one
     * @throws UnreadableFileException AO-F06 or AO-F05, when the file is to be refused whole
     */
    public void check(SourceRow row, SourceRecords rest) {
        count();
        String spelling = row.value("authority");
        if (folderRegion == null || spelling == null || belong.contains(spelling) || !outsider(spelling)) {
            if (spelling != null && belong.size() < MAX_DISTINCT_AUTHORITY_SPELLINGS) {
                belong.add(spelling);
            }
            return;
        }
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(spelling);
        for (SourceRow next = rest.next(); next != null; next = rest.next()) {
            count();
            String other = next.value("authority");
            if (other != null && !belong.contains(other) && spellings.size() < MAX_DISTINCT_AUTHORITY_SPELLINGS) {
                spellings.add(other);
            }
        }
        Map<Authority, Set<Region>> outsiders = new LinkedHashMap<>();
        for (String each : spellings) {
            Optional<Authority> authority = reference.authority(each);
            if (authority.isPresent() && !reference.everBelongedTo(authority.get().onsCode(), folderRegion.code())) {
                outsiders.put(authority.get(), reference.regionsOf(authority.get().onsCode()));
            }
        }
        String who = outsiders.entrySet().stream()
                .map(e -> name(e.getKey()) + " (" + e.getValue().stream().map(this::name)
                        .collect(Collectors.joining(" / ")) + ")")
                .collect(Collectors.joining(", "));
        throw new UnreadableFileException("AO-F05", words.text("refusal.otherRegion", name(folderRegion), who));
    }

    private String name(Authority authority) {
        return words.welsh() ? authority.nameCy() : authority.nameEn();
    }

    private String name(Region region) {
        return words.welsh() ? region.nameCy() : region.nameEn();
    }

    private boolean outsider(String spelling) {
        Optional<Authority> authority = reference.authority(spelling);
        return authority.isPresent() && !reference.everBelongedTo(authority.get().onsCode(), folderRegion.code());
    }

    private void count() {
        if (++rows > maxRows) {
            throw new UnreadableFileException("AO-F06", words.text("refusal.tooManyRows", maxRows));
        }
    }
}
