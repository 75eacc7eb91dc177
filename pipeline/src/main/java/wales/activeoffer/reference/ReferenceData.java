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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final Map<String, Authority> authoritiesByFoldedName;
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
        Map<String, Authority> byName = new HashMap<>();
        authorities.forEach(a -> {
            byName.put(Text.fold(a.onsCode()), a);
            byName.put(Text.fold(a.nameEn()), a);
            byName.put(Text.fold(a.nameCy()), a);
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
                r -> new Authority(r.get("ons_code"), r.get("name_en"), r.get("name_cy")));
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
                new WorkingDayCalendar(new java.util.HashSet<>(holidays)));
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

    public Optional<Authority> authority(String codeOrName) {
        return Optional.ofNullable(authoritiesByFoldedName.get(Text.fold(codeOrName)));
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

    /** Whether the authority belongs, or ever belonged, to the region. */
    public boolean everBelongedTo(String authorityCode, String regionCode) {
        return memberships.stream().anyMatch(m -> m.key().equals(authorityCode) && m.value().equals(regionCode));
    }

    /** Every region the authority has belonged to, earliest first. */
    public java.util.Set<Region> regionsOf(String authorityCode) {
        return memberships.stream().filter(m -> m.key().equals(authorityCode))
                .sorted(java.util.Comparator.comparing(m -> m.period().validFrom()))
                .map(m -> regionsByCode.get(m.value()))
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }
}
