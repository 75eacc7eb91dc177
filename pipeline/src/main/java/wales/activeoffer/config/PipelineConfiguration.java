package wales.activeoffer.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.springframework.batch.core.repository.JobRepository;
import org.apache.poi.util.TempFile;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import wales.activeoffer.disclosure.CellKeyPerturbation;
import wales.activeoffer.disclosure.PerturbationTable;
import wales.activeoffer.publish.PublicationCalendar;
import wales.activeoffer.inbox.FileArchive;
import wales.activeoffer.inbox.FilePreparation;
import wales.activeoffer.inbox.InboxScanner;
import wales.activeoffer.inbox.WorkRoot;
import wales.activeoffer.mapping.HeaderMatcher;
import wales.activeoffer.mapping.MappingCatalogue;
import wales.activeoffer.mapping.SourceMapping;
import wales.activeoffer.normalise.ChildKeyHasher;
import wales.activeoffer.publish.PublicationLabels;
import wales.activeoffer.publish.PublicationPlan;
import wales.activeoffer.publish.ReleasePublisher;
import wales.activeoffer.read.LayoutDetector;
import wales.activeoffer.receipt.ReceiptWriter;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.reference.Region;
import wales.activeoffer.status.StatusService;
import wales.activeoffer.store.SubmissionStore;
import wales.activeoffer.template.RecordingTemplate;
import wales.activeoffer.validate.FileValidator;

/** The pipeline's building blocks, each made once from validated settings. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class PipelineConfiguration {

    @Bean
    RecordingTemplate recordingTemplate(PipelineProperties properties) {
        Path template = properties.mappingsDir().resolve("template").resolve(RecordingTemplate.FILE_NAME);
        if (!Files.isRegularFile(template)) {
            throw new PipelineSetupException("activeoffer.mappings-dir is " + properties.mappingsDir().toAbsolutePath()
                    + ", which has no template/" + RecordingTemplate.FILE_NAME + ". Run the command from the project's "
                    + "folder, or give --activeoffer.mappings-dir=<the project's mappings folder>.");
        }
        return RecordingTemplate.load(template);
    }

    @Bean
    ReferenceData referenceData(PipelineProperties properties) {
        return ReferenceData.load(properties.mappingsDir().resolve("reference"));
    }

    @Bean
    MappingCatalogue mappingCatalogue(PipelineProperties properties, RecordingTemplate template) {
        return MappingCatalogue.load(properties.mappingsDir().resolve("layouts"), template);
    }

    @Bean
    HeaderMatcher headerMatcher(RecordingTemplate template) {
        return new HeaderMatcher(template);
    }

    @Bean
    FilePreparation filePreparation(MappingCatalogue catalogue, HeaderMatcher matcher, ReferenceData reference,
            PipelineProperties properties) {
        return new FilePreparation(new LayoutDetector(catalogue, matcher), reference,
                properties.maxRowsPerFile());
    }

    @Bean
    FileValidator fileValidator(FilePreparation preparation, HeaderMatcher matcher, RecordingTemplate template,
            ReferenceData reference, ReceiptWriter receipts) {
        return new FileValidator(preparation, matcher, template, reference, receipts);
    }

    @Bean
    ChildKeyHasher childKeyHasher(PipelineProperties properties, Environment environment) {
        return new ChildKeyHasher(ChildKeySource.secret(properties.childKey(),
                Set.of(environment.getActiveProfiles())));
    }

    @Bean
    WorkRoot workRoot(PipelineProperties properties) {
        WorkRoot workRoot = new WorkRoot(properties.workRoot().toAbsolutePath().normalize());
        refusePublicRestrictedPlace(properties.restrictedUri(), workRoot);
        TempFile.setTempFileCreationStrategy(new PrivateTempFiles(workRoot.root().resolve("tmp/poi")));
        return workRoot;
    }

    /**
     * Record-level data never sits in a public release: a restricted place inside the releases folder (or the staging
     * folder a release is built in, which is moved into it whole) is refused at start-up.
     */
    private static void refusePublicRestrictedPlace(URI restrictedUri, WorkRoot workRoot) {
        if (restrictedUri == null || (restrictedUri.getScheme() != null && !"file".equals(restrictedUri.getScheme()))) {
            return;
        }
        Path place = (restrictedUri.getScheme() == null ? Path.of(restrictedUri.getPath()) : Path.of(restrictedUri))
                .toAbsolutePath().normalize();
        for (Path published : List.of(workRoot.releases(), workRoot.staging())) {
            if (place.startsWith(published)) {
                throw new PipelineSetupException("activeoffer.restricted-uri=" + restrictedUri + " is inside the public "
                        + "releases (" + published + "), where record-level data would be published; point it at a "
                        + "folder only the service account can read, outside " + workRoot.releases()
                        + " (or leave it unset for " + workRoot.restricted() + ")");
            }
        }
    }

    @Bean
    InboxScanner inboxScanner(WorkRoot workRoot, PipelineProperties properties) {
        return new InboxScanner(workRoot, Duration.ofSeconds(properties.inboxSettleSeconds()),
                Clock.systemUTC());
    }

    @Bean
    StatusService statusService(SubmissionStore store, ReferenceData reference, JobRepository jobRepository,
            WorkRoot workRoot, InboxScanner scanner, PublicationCalendar calendar) {
        return new StatusService(store, reference, jobRepository, workRoot, scanner, Clock.systemDefaultZone(),
                calendar);
    }

    @Bean
    PublicationCalendar publicationCalendar(PipelineProperties properties) {
        try {
            return PublicationCalendar.load(properties.mappingsDir().resolve("reference")
                    .resolve(PublicationCalendar.FILE_NAME));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new PipelineSetupException(e.getMessage(), e);
        }
    }

    @Bean
    FileArchive fileArchive(WorkRoot workRoot) {
        return new FileArchive(workRoot);
    }

    @Bean
    SubmissionStore submissionStore(JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager) {
        return new SubmissionStore(jdbc, new TransactionTemplate(transactionManager));
    }

    @Bean
    ReceiptWriter receiptWriter(RecordingTemplate template, MappingCatalogue catalogue, ReferenceData reference,
            PipelineProperties properties) {
        return new ReceiptWriter(template, catalogue::byId, properties.receiptContact(), properties.receiptContactCy(),
                name -> reference.regions().stream().filter(r -> r.nameEn().equals(name)).map(Region::nameCy)
                        .findFirst().orElse(name));
    }

    @Bean
    ReleasePublisher releasePublisher(SubmissionStore store, ReferenceData reference, RecordingTemplate template,
            PipelineProperties properties, PublicationCalendar calendar) {
        PublicationLabels labels = publicationLabels(properties, template, reference);
        Path referenceDir = properties.mappingsDir().resolve("reference");
        PerturbationTable perturbation;
        try {
            perturbation = PerturbationTable.load(referenceDir.resolve(PerturbationTable.FILE_NAME));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new PipelineSetupException(e.getMessage(), e);
        }
        return new ReleasePublisher(store, new CellKeyPerturbation(perturbation, properties.suppressionThreshold()),
                properties.responseTargetWorkingDays(), new Configuration(), reference, template, labels,
                publicationPlan(properties, template, labels), calendar, properties.statisticsContact());
    }

    private static PublicationPlan publicationPlan(PipelineProperties properties, RecordingTemplate template,
            PublicationLabels labels) {
        try {
            return PublicationPlan.load(properties.mappingsDir().resolve("reference").resolve(PublicationPlan.FILE_NAME),
                    PublicationLabels.categoryCodes(template), labels::namesCategory);
        } catch (IllegalArgumentException e) {
            throw new PipelineSetupException(e.getMessage(), e);
        }
    }

    private static PublicationLabels publicationLabels(PipelineProperties properties, RecordingTemplate template,
            ReferenceData reference) {
        try {
            return PublicationLabels.load(properties.mappingsDir().resolve("reference")
                    .resolve(PublicationLabels.FILE_NAME), template, reference);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new PipelineSetupException(e.getMessage(), e);
        }
    }
}
