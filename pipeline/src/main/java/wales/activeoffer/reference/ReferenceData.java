package wales.activeoffer.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import wales.activeoffer.template.Text;

/**
 * Authorities, regions, effective-dated region membership and provider contracts, and the working-day calendar, all
 * read from the CSV files an official edits in {@code mappings/reference/}.
 */
public final class ReferenceData {
    private final Map<String, Authority> authoritiesByCode;
    private final Map<String, List<Authority>> authoritiesByFoldedName;
    private final Map<String, Region> regionsByCode;
    private final List<Dated<String>> memberships;
    private final List<Dated<Provider>> contracts;
    private final WorkingDayCalendar calendar;

    private record Dated<T>(String key, T value, EffectivePeriod period) {
    }

    private ReferenceData(List<Authority> authorities, List<Region> regions, List<Dated<String>> memberships,
            List<Dated<Provider>> contracts, WorkingDayCalendar calendar) {
        this.authoritiesByCode = authorities.stream()
                .collect(Collectors.toMap(Authority::onsCode, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, List<Authority>> byName = new HashMap<>();
        authorities.forEach(a -> {
            List<String> spellings = new ArrayList<>(List.of(a.onsCode(), a.nameEn(), a.nameCy(),
                    a.nameEn() + " / " + a.nameCy()));
            spellings.addAll(a.alsoKnownAs());
            spellings.stream().map(Text::fold).distinct().forEach(spelling -> {
                List<Authority> known = byName.computeIfAbsent(spelling, k -> new ArrayList<>());
                if (!known.contains(a)) {
                    known.add(a);
                }
            });
        });
        this.authoritiesByFoldedName = Map.copyOf(byName);
        this.regionsByCode = regions.stream()
                .collect(Collectors.toMap(Region::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.memberships = List.copyOf(memberships);
        this.contracts = List.copyOf(contracts);
        this.calendar = calendar;
    }

    public static ReferenceData load(Path directory) {
        List<Authority> authorities = read(directory.resolve("authorities.csv"),
                r -> new Authority(r.get("ons_code"), r.get("name_en"), r.get("name_cy"),
                        r.isMapped("also_known_as") && !r.get("also_known_as").isBlank()
                                ? List.of(r.get("also_known_as").split("\\s*;\\s*")) : List.of()));
        List<Region> regions = read(directory.resolve("regions.csv"),
                r -> new Region(r.get("region_code"), r.get("name_en"), r.get("name_cy")));
        List<Dated<String>> memberships = read(directory.resolve("region-membership.csv"),
                r -> new Dated<>(r.get("authority_code"), r.get("region_code"), period(r)));
        List<Dated<Provider>> contracts = read(directory.resolve("providers.csv"),
                r -> new Dated<>(r.get("region_code"), new Provider(r.get("provider_code"), r.get("provider_name")),
                        period(r)));
        List<LocalDate> holidays = read(directory.resolve("bank-holidays-england-and-wales.csv"),
                r -> LocalDate.parse(r.get("date")));
        ReferenceData data = new ReferenceData(authorities, regions, memberships, contracts,
                new WorkingDayCalendar(new HashSet<>(holidays)));
        data.checkConsistent();
        return data;
    }

    private void checkConsistent() {
        memberships.forEach(m -> {
            if (!authoritiesByCode.containsKey(m.key())) {
                throw new IllegalStateException("region-membership.csv names unknown authority " + m.key());
            }
            if (!regionsByCode.containsKey(m.value())) {
                throw new IllegalStateException("region-membership.csv names unknown region " + m.value());
            }
        });
        contracts.forEach(c -> {
            if (!regionsByCode.containsKey(c.key())) {
                throw new IllegalStateException("providers.csv names unknown region " + c.key());
            }
        });
    }

    private static EffectivePeriod period(CSVRecord r) {
        String to = r.get("valid_to");
        return new EffectivePeriod(LocalDate.parse(r.get("valid_from")), to.isBlank() ? null : LocalDate.parse(to));
    }

    private static <T> List<T> read(Path file, Function<CSVRecord, T> mapper) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<T> rows = new ArrayList<>();
            for (CSVRecord record : format.parse(reader)) {
                try {
                    rows.add(mapper.apply(record));
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new IllegalStateException(
                            "Reference file " + file + " line " + record.getRecordNumber() + ": " + e.getMessage(), e);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference file " + file, e);
        }
    }

    public List<Authority> authorities() {
        return List.copyOf(authoritiesByCode.values());
    }

    public List<Region> regions() {
        return List.copyOf(regionsByCode.values());
    }

    /**
     * The authority a spelling names: its ONS code, English or Welsh name, or a name it is also known by. A spelling
     * two authorities share ({@code CCBC}) names neither; {@link #authorities} tells which.
     */
    public Optional<Authority> authority(String codeOrName) {
        List<Authority> candidates = authorities(codeOrName);
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /** Every authority a spelling could name, in ONS code order: none, one, or several for a shared abbreviation. */
    public List<Authority> authorities(String spelling) {
        List<Authority> candidates = authoritiesByFoldedName.getOrDefault(Text.fold(spelling), List.of());
        return candidates.stream().sorted(Comparator.comparing(Authority::onsCode)).toList();
    }

    /**
     * The authority a file name names, in any of its words or runs of up to four words ({@code BCBC_tracker.xls},
     * {@code Merthyr Tydfil AO log.xlsx}, {@code WCCIS_W06000019_2023-24.csv}): one authority, or the authorities
     * a shared abbreviation could be (to be refused), or none.
     */
    public List<Authority> authoritiesInFileName(String fileName) {
        String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        String[] words = stem.split("[^\\p{L}\\p{N}']+");
        Set<Authority> named = new LinkedHashSet<>();
        List<Authority> ambiguous = new ArrayList<>();
        for (int from = 0; from < words.length; from++) {
            for (int length = 1; length <= 4 && from + length <= words.length; length++) {
                List<Authority> candidates = authorities(String.join(" ", List.of(words).subList(from, from + length)));
                if (candidates.size() == 1) {
                    named.add(candidates.get(0));
                } else if (candidates.size() > 1) {
                    ambiguous.addAll(candidates);
                }
            }
        }
        if (!named.isEmpty()) {
            return List.copyOf(named);
        }
        return ambiguous.stream().distinct().sorted(Comparator.comparing(Authority::onsCode)).toList();
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(regionsByCode.get(code));
    }

    /** The region the authority belonged to on {@code date}, and the provider that region had then. */
    public Optional<Placement> placement(String authorityCode, LocalDate date) {
        return memberships.stream()
                .filter(m -> m.key().equals(authorityCode) && m.period().contains(date))
                .findFirst()
                .flatMap(m -> contracts.stream()
                        .filter(c -> c.key().equals(m.value()) && c.period().contains(date))
                        .findFirst()
                        .map(c -> new Placement(regionsByCode.get(m.value()), c.value())));
    }

    /** The advocacy providers of the contracts, each once, in the order the reference data lists them first. */
    public List<Provider> providers() {
        Map<String, Provider> byCode = new LinkedHashMap<>();
        contracts.forEach(c -> byCode.putIfAbsent(c.value().code(), c.value()));
        return List.copyOf(byCode.values());
    }

    public Optional<Provider> provider(String code) {
        return providers().stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** Whether the authority belongs, or ever belonged, to the region. */
    public boolean everBelongedTo(String authorityCode, String regionCode) {
        return memberships.stream().anyMatch(m -> m.key().equals(authorityCode) && m.value().equals(regionCode));
    }

    /** Every region the authority has belonged to, earliest first. */
    public Set<Region> regionsOf(String authorityCode) {
        return memberships.stream().filter(m -> m.key().equals(authorityCode))
                .sorted(Comparator.comparing(m -> m.period().validFrom()))
                .map(m -> regionsByCode.get(m.value()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }
}
