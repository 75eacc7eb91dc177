package wales.activeoffer.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import wales.activeoffer.inbox.InboxFile;
import wales.activeoffer.inbox.PlainText;
import wales.activeoffer.inbox.InboxScanner;
import wales.activeoffer.inbox.WorkRoot;
import wales.activeoffer.job.NightlyJobConfiguration;
import wales.activeoffer.publish.PublicationCalendar;
import wales.activeoffer.publish.ReleaseFolder;
import wales.activeoffer.publish.ReleaseManifest;
import wales.activeoffer.reference.Authority;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.reference.Region;
import wales.activeoffer.status.ServiceStatus.AuthorityStatus;
import wales.activeoffer.status.ServiceStatus.FileState;
import wales.activeoffer.status.ServiceStatus.LastRun;
import wales.activeoffer.status.ServiceStatus.RegionStatus;
import wales.activeoffer.store.Submission;
import wales.activeoffer.store.SubmissionStore;

/** Gathers the {@link ServiceStatus} from the store, the job repository, the releases folder and the inbox. */
public final class StatusService {
    private final SubmissionStore store;
    private final ReferenceData reference;
    private final JobRepository jobRepository;
    private final WorkRoot workRoot;
    private final InboxScanner scanner;
    private final Clock clock;

    private final PublicationCalendar calendar;

    public StatusService(SubmissionStore store, ReferenceData reference, JobRepository jobRepository,
            WorkRoot workRoot, InboxScanner scanner, Clock clock, PublicationCalendar calendar) {
        this.calendar = calendar;
        this.store = store;
        this.reference = reference;
        this.jobRepository = jobRepository;
        this.workRoot = workRoot;
        this.scanner = scanner;
        this.clock = clock;
    }

    public ServiceStatus status() {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        Map<String, Set<String>> quarters = store.quartersByAuthority();
        String first = MissingQuarters.earliest(quarters.values());
        Map<String, Submission> byAuthority = store.lastSubmissionByAuthority();
        Map<String, Submission> byRegion = store.lastSubmissionByRegion();
        List<RegionStatus> regions = reference.regions().stream().map(region -> new RegionStatus(region.code(),
                region.nameEn(), state(byRegion.get(region.code())), authoritiesOf(region, today).stream()
                        .map(a -> new AuthorityStatus(a.onsCode(), a.nameEn(), state(byAuthority.get(a.onsCode())),
                                first == null ? List.of() : MissingQuarters.of(quarters.getOrDefault(a.onsCode(),
                                        Set.of()), first, today)))
                        .toList()))
                .toList();
        List<String> waiting = scanner.waitingFiles(reference.regions()).stream().map(StatusService::name).toList();
        List<FileState> quarantined = store.quarantined().stream().map(StatusService::state).toList();
        String release = new ReleaseFolder(workRoot.releases(), workRoot.staging(), workRoot.incomplete()).latest()
                .map(ReleaseManifest::release).orElse(null);
        List<FileState> misplaced = store.misplaced().stream().map(StatusService::state).toList();
        String officials = new ReleaseFolder(workRoot.officials(), workRoot.staging(), workRoot.incomplete()).latest()
                .map(ReleaseManifest::release).orElse(null);
        LocalDate next = calendar.next(today).map(PublicationCalendar.Entry::date).orElse(null);
        return new ServiceStatus(now, lastRun(), release, regions, waiting, quarantined, misplaced, officials, next);
    }

    private List<Authority> authoritiesOf(Region region, LocalDate today) {
        return reference.authorities().stream().filter(a -> reference.placement(a.onsCode(), today)
                .map(p -> p.region().code().equals(region.code())).orElse(false)).toList();
    }

    private LastRun lastRun() {
        JobInstance instance = jobRepository.getLastJobInstance(NightlyJobConfiguration.JOB_NAME);
        JobExecution execution = instance == null ? null : jobRepository.getLastJobExecution(instance);
        if (execution == null) {
            return null;
        }
        return new LastRun(instance.getId(), execution.getJobParameters().getString(NightlyJobConfiguration.RUN_STAMP),
                execution.getStatus().name(), execution.getStartTime(), execution.getEndTime());
    }

    private static String name(InboxFile file) {
        return PlainText.visible(file.regionCode() + "/" + (file.subFolder() == null ? "" : file.subFolder() + "/")
                + file.fileName());
    }

    private static FileState state(Submission submission) {
        if (submission == null) {
            return null;
        }
        String folder = submission.subFolder() == null ? "" : submission.subFolder() + "/";
        return new FileState(submission.regionCode(), PlainText.visible(folder + submission.fileName()),
                submission.receiptStatus().wording(), submission.receivedAt());
    }
}
