package wales.activeoffer.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import wales.activeoffer.support.RepoPaths;

class ReferenceDataTests {
    private final ReferenceData reference = RepoPaths.reference();

    @Test
    void walesHas22AuthoritiesInSixRegions() {
        assertThat(reference.authorities()).hasSize(22);
        assertThat(reference.regions()).hasSize(6);
    }

    @Test
    void authoritiesAreFoundByCodeEnglishOrWelshNameWhateverTheCase() {
        assertThat(reference.authority("W06000015")).map(Authority::nameEn).contains("Cardiff");
        assertThat(reference.authority("caerdydd")).map(Authority::onsCode).contains("W06000015");
        assertThat(reference.authority("Ynys Môn")).map(Authority::onsCode).contains("W06000001");
        assertThat(reference.authority(" Sir y Fflint ")).map(Authority::onsCode).contains("W06000005");
        assertThat(reference.authority("Merthyr Tydfill")).isEmpty();
    }

    @Test
    void bridgendWasInWesternBayUntil31March2019() {
        Placement placement = reference.placement("W06000013", LocalDate.of(2019, 3, 31)).orElseThrow();
        assertThat(placement.region().code()).isEqualTo("western-bay");
        assertThat(placement.provider().code()).isEqualTo("tgp-cymru");
    }

    @Test
    void bridgendJoinedCwmTafOn1April2019() {
        Placement placement = reference.placement("W06000013", LocalDate.of(2019, 4, 1)).orElseThrow();
        assertThat(placement.region().code()).isEqualTo("cwm-taf");
        assertThat(placement.provider().code()).isEqualTo("nyas-cymru");
    }

    @Test
    void noRegionBeforeTheActCameIntoForce() {
        assertThat(reference.placement("W06000015", LocalDate.of(2016, 4, 5))).isEmpty();
        assertThat(reference.placement("W06000015", LocalDate.of(2016, 4, 6))).isPresent();
    }

    @Test
    void everyAuthorityHasARegionAndProviderToday() {
        LocalDate today = LocalDate.of(2026, 11, 22);
        reference.authorities().forEach(a -> assertThat(reference.placement(a.onsCode(), today))
                .as(a.nameEn()).isPresent());
    }
}
